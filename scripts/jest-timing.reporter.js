// Prints where a Jest run's time went, after the run: each kind of test file (their run times summed: the workers run
// files side by side, so the sums exceed the wall time), the slowest files, how busy the workers were, and how long
// the last file ran alone at the end. CI's log then shows what to speed up next without another run.
const { relative } = require('node:path');

const KINDS = [
  ['browser (tests/e2e/**/*.browser.test.ts)', (path) => /\.browser\.test\.ts$/.test(path)],
  ['end to end (tests/e2e)', (path) => /(^|[\\/])tests[\\/]e2e[\\/]/.test(path)],
  ['unit and contract', () => true],
];
const SLOWEST = 12;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

class TimingReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.workers = globalConfig.maxWorkers;
  }

  onRunComplete(_contexts, results) {
    const files = results.testResults
      .filter((r) => !r.skipped && r.perfStats.end > 0)
      .map((r) => ({
        path: relative(this.rootDir, r.testFilePath),
        start: r.perfStats.start,
        end: r.perfStats.end,
        ms: r.perfStats.runtime,
      }));
    if (files.length === 0) return;
    const lines = ['', `Jest timing (${files.length} files, ${this.workers} workers):`];
    for (const [name, matches] of KINDS) {
      const mine = files.filter((f) => matches(f.path) && !f.counted);
      for (const f of mine) f.counted = true;
      const total = mine.reduce((sum, f) => sum + f.ms, 0);
      lines.push(`  ${name.padEnd(44)} ${seconds(total).padStart(9)}  (${mine.length} files)`);
    }
    const began = Math.min(...files.map((f) => f.start));
    const ended = Math.max(...files.map((f) => f.end));
    const busy = files.reduce((sum, f) => sum + f.ms, 0);
    lines.push(
      `  wall ${seconds(ended - began)}, workers busy ${Math.round((100 * busy) / ((ended - began) * this.workers))}%`,
    );
    const last = files.reduce((a, b) => (b.end > a.end ? b : a));
    const othersEnded = Math.max(...files.filter((f) => f !== last).map((f) => f.end));
    if (files.length > 1 && othersEnded < last.end)
      lines.push(`  the last ${seconds(last.end - othersEnded)} only ${last.path} was running`);
    lines.push('  slowest files:');
    for (const f of [...files].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST))
      lines.push(`    ${seconds(f.ms).padStart(9)}  ${f.path}`);
    console.log(lines.join('\n'));
  }
}

module.exports = TimingReporter;
