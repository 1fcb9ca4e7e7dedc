import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createRuntimeBenchFixture } from '@grove/sdk-runtime/src/runtime-bench.fixture';

/**
 * `npm run bench:exposures`: what the exposure record (ADR 0012) costs the applet-info route, in one process and one
 * run. The same signed route is asked with a device id (the decision is recorded: LRU check, buffer push, batches
 * appended to the bus by the timer) and with the same value as a user id instead (nothing recorded: same URL length,
 * same signing and parsing); every request is signed beforehand with a fresh nonce and a fresh id, so no request is
 * deduplicated and the client does the same work for both. Rounds
 * alternate (recorded, unrecorded, unrecorded, recorded, …) so a noisy stretch of the shared machine hits both; the
 * ratio is the median of the per-round-pair ratios of CPU time per request (process.cpuUsage, fastify.inject: no
 * sockets). Writes bench/results/runtime-exposures-<date>.json and runtime-exposures-latest.md.
 */
const SETTINGS = { warmup: 3000, perRound: 3000, rounds: 8 };
const RESULTS = join(__dirname, 'results');

async function main(): Promise<void> {
  const fixture = await createRuntimeBenchFixture();
  const path = `${fixture.prefix}/applets/${fixture.appId}`;
  let device = 0;
  const requests = (recorded: boolean, n: number) =>
    Array.from({ length: n }, () =>
      fixture.sign(path, {
        [recorded ? 'deviceId' : 'userId']: `bench-device-${device++}`,
        platform: 'ANDROID',
      }),
    );

  async function round(recorded: boolean, n: number): Promise<number> {
    const signed = requests(recorded, n);
    const cpu = process.cpuUsage();
    for (const { url, headers } of signed) {
      const response = await fixture.app.inject({ method: 'GET', url, headers });
      if (response.statusCode !== 200)
        throw new Error(`applet info answered ${response.statusCode}: ${response.body}`);
    }
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / n;
  }

  try {
    await round(true, SETTINGS.warmup);
    await round(false, SETTINGS.warmup);
    const pairs: Array<{ recordedUs: number; unrecordedUs: number; ratio: number }> = [];
    for (let r = 0; r < SETTINGS.rounds; r++) {
      const first = r % 2 === 0;
      const a = await round(first, SETTINGS.perRound);
      const b = await round(!first, SETTINGS.perRound);
      const recordedUs = first ? a : b;
      const unrecordedUs = first ? b : a;
      pairs.push({ recordedUs, unrecordedUs, ratio: recordedUs / unrecordedUs });
    }
    // Let the timer append what is buffered, then read the recorder's counters through the route's handle.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const report = {
      at: new Date().toISOString(),
      cpus: cpus().length,
      node: process.version,
      loadavg: loadavg(),
      settings: SETTINGS,
      pairs,
      medianRecordedUs: median(pairs.map((p) => p.recordedUs)),
      medianUnrecordedUs: median(pairs.map((p) => p.unrecordedUs)),
      medianRatio: median(pairs.map((p) => p.ratio)),
      requests: device,
      exposures: fixture.exposures(),
    };
    mkdirSync(RESULTS, { recursive: true });
    const jsonFile = join(RESULTS, `runtime-exposures-${report.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    const r2 = (n: number) => Math.round(n * 100) / 100;
    const markdown = [
      `# Exposure record on the applet-info route (${report.at}, ${report.cpus} CPUs, Node ${report.node})`,
      '',
      `CPU per request, in process (fastify.inject), ${SETTINGS.rounds} alternating round pairs of ${SETTINGS.perRound} signed requests after ${SETTINGS.warmup} warm-up ones each; every recorded request has a new device id (no deduplication).`,
      '',
      '| round pair | recorded µs/req | unrecorded µs/req | ratio |',
      '|---|---|---|---|',
      ...pairs.map((p, i) => `| ${i + 1} | ${r2(p.recordedUs)} | ${r2(p.unrecordedUs)} | ${r2(p.ratio)} |`),
      '',
      `**Median: ${r2(report.medianRecordedUs)} vs ${r2(report.medianUnrecordedUs)} µs/req, ratio ${r2(report.medianRatio)}×** (recorder after the run: ${JSON.stringify(report.exposures)}).`,
      '',
      `Load average during the run: ${report.loadavg.map((l) => r2(l)).join(' ')} (the machine is shared; alternation puts noise on both sides). Raw numbers: \`bench/results/${jsonFile.split('/').pop()}\`.`,
      '',
    ].join('\n');
    writeFileSync(join(RESULTS, 'runtime-exposures-latest.md'), markdown);
    process.stdout.write(markdown);
  } finally {
    await fixture.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
