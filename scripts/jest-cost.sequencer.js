// Orders Jest's test files so the longest start first and the two workers finish together.
//
// Jest orders by the run times of an earlier run when its cache has them, else by file size. CI runs in a fresh clone
// (no cache), where file size put the slowest files last: the mini-program story (829 bytes, a platform start per
// mode and 1000 simulated devices) was the 187th of 190 files, and one worker idled while it ran. Files without a
// recorded time get an estimate by kind instead: browser tests, then end-to-end files that start the distributed
// platform, then the other end-to-end files, then the rest by size (as Jest does). Recorded times still win.
const { readFileSync, statSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

/** Estimates in ms, only ever compared with each other and with recorded times. */
const BROWSER_MS = 150_000;
const DISTRIBUTED_E2E_MS = 120_000;
const E2E_MS = 30_000;
/** A unit or contract file: about 1 ms per 2 bytes of source (a 20 KB file ≈ 10 s), below every end-to-end file. */
const MS_PER_BYTE = 0.5;

function estimateMs(path) {
  if (/\.browser\.test\.ts$/.test(path)) return BROWSER_MS;
  if (/[\\/]tests[\\/]e2e[\\/]/.test(path)) {
    const source = readFileSync(path, 'utf8');
    return /e2eModes\(\)|mode: 'distributed'/.test(source) ? DISTRIBUTED_E2E_MS : E2E_MS;
  }
  return Math.min(statSync(path).size * MS_PER_BYTE, E2E_MS - 1);
}

class CostSequencer extends Sequencer {
  sort(tests) {
    const cost = new Map();
    for (const test of tests) {
      test.duration = this.time(test); // as Jest's own sequencer sets it (recorded times only)
      cost.set(test.path, test.duration ?? estimateMs(test.path));
    }
    return [...tests].sort((a, b) => {
      const failedA = this.hasFailed(a);
      const failedB = this.hasFailed(b);
      if (failedA !== failedB) return failedA ? -1 : 1;
      return cost.get(b.path) - cost.get(a.path);
    });
  }
}

module.exports = CostSequencer;
