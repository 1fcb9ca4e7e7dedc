import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { signRuntimeRequest } from '@grove/sdk-runtime';
import { combineRounds, RESULTS, startBenchServer, stopBenchServer, withCpu, type BenchServer, type Measurement } from './bench-process';
import { pacedLoad, type PacedLoadResult } from './paced-load';

/**
 * `npm run bench` (second part): the SDK runtime applet-info endpoint (signed requests, fresh nonce each,
 * warm read-model cache) against a bare fastify route returning the same JSON, each server in its own
 * process, loaded by autocannon from this process in alternating rounds. Every request to both carries
 * freshly signed headers, so the client does the same work for both. Writes bench/results/runtime-<date>.json
 * and bench/results/runtime-latest.md. Targets: >= 70% of the bare route's throughput, p99 < 10 ms at 64 connections.
 *
 * Latency is reported twice. At saturation (closed loop, 64 connections always busy) p99 is mostly queueing:
 * by Little's law the mean wait is 64 / throughput, and on 2 cores the load generator's own pauses add to it.
 * So p99 is also measured open-loop at fixed rates (a share of the runtime route's saturated throughput,
 * evenly paced over the same 64 connections, latency counted from when each request was due); the latency
 * target is judged at `latencyTargetLoad` of capacity.
 */
const SETTINGS = {
  connections: 64,
  warmupSec: 5,
  durationSec: 20,
  rounds: 4,
  targetRatio: 0.7,
  targetP99Ms: 10,
  loadLevels: [0.25, 0.5],
  latencyTargetLoad: 0.5,
  /** Fresh processes for the paced phase are warmed (JIT) at the highest level first. */
  pacedJitWarmupSec: 15,
  pacedWarmupSec: 2,
  pacedSec: 8,
  pacedRepeats: 3,
};

type Kind = 'runtime' | 'bare';
interface Info {
  url: string;
  path: string;
  query: Record<string, string>;
  sdkKey: string;
  sdkSecret: string;
}

async function load(server: BenchServer<Info>, durationSec: number): Promise<Measurement> {
  const { url, path, query, sdkKey, sdkSecret } = server.info;
  const search = new URLSearchParams(query).toString();
  const result = await autocannon({
    url,
    connections: SETTINGS.connections,
    duration: durationSec,
    requests: [
      {
        method: 'GET',
        path: `${path}?${search}`,
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...signRuntimeRequest({ sdkKey, secret: sdkSecret, path, query: search }) } }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function medianByP99(runs: PacedLoadResult[]): PacedLoadResult {
  return [...runs].sort((a, b) => a.p99Ms - b.p99Ms)[Math.floor(runs.length / 2)]!;
}

/** One paced level: a discarded warm-up at the same rate (the generator's own code warms up too), then the measurement. */
function pacedOptions(server: BenchServer<Info>, rate: number) {
  const { url, path, query, sdkKey, sdkSecret } = server.info;
  const search = new URLSearchParams(query).toString();
  return {
    url,
    connections: SETTINGS.connections,
    rate,
    request: () => ({ path: `${path}?${search}`, headers: signRuntimeRequest({ sdkKey, secret: sdkSecret, path, query: search }) }),
  };
}

async function paced(server: BenchServer<Info>, rate: number): Promise<PacedLoadResult> {
  const options = pacedOptions(server, rate);
  await pacedLoad({ ...options, durationSec: SETTINGS.pacedWarmupSec });
  return pacedLoad({ ...options, durationSec: SETTINGS.pacedSec });
}

async function main(): Promise<void> {
  const start = async (): Promise<Record<Kind, BenchServer<Info>>> => ({
    runtime: await startBenchServer<Info>('runtime-bench-server.ts', 'runtime'),
    bare: await startBenchServer<Info>('runtime-bench-server.ts', 'bare'),
  });
  let servers = await start();
  const rounds: Record<Kind, Measurement[]> = { runtime: [], bare: [] };
  const pacedResults = {} as Record<Kind, Array<PacedLoadResult & { level: number; p99sMs: number[] }>>;
  try {
    for (const kind of ['runtime', 'bare'] as const) {
      console.log(`${kind}: warming up ${SETTINGS.warmupSec}s…`);
      await load(servers[kind], SETTINGS.warmupSec);
    }
    const roundSec = SETTINGS.durationSec / SETTINGS.rounds;
    for (let round = 0; round < SETTINGS.rounds; round++) {
      for (const kind of round % 2 ? (['bare', 'runtime'] as const) : (['runtime', 'bare'] as const)) {
        const result = await withCpu(servers[kind].child.pid, () => load(servers[kind], roundSec));
        if (result.non2xx || result.errors) throw new Error(`${kind}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
        rounds[kind].push(result);
      }
      console.log(`round ${round + 1}/${SETTINGS.rounds}: runtime ${rounds.runtime.at(-1)!.rps.toFixed(0)} req/s, bare ${rounds.bare.at(-1)!.rps.toFixed(0)} req/s`);
    }
    const capacity = combineRounds(rounds.runtime).rps;
    const rateAt = (level: number) => Math.round((capacity * level) / 100) * 100;
    // Latency is measured on fresh processes. At saturation responses queue in socket buffers long enough to be
    // promoted, so each server leaves the rounds with hundreds of MB of old-generation garbage; the major GCs that
    // clear it (with concurrent marking competing for the 2 cores) would otherwise be billed to the paced runs.
    await Promise.all(Object.values(servers).map(stopBenchServer));
    servers = await start();
    for (const kind of ['runtime', 'bare'] as const) {
      console.log(`${kind}: warming up the fresh process at ${rateAt(Math.max(...SETTINGS.loadLevels))} req/s for ${SETTINGS.pacedJitWarmupSec}s…`);
      await pacedLoad({ ...pacedOptions(servers[kind], rateAt(Math.max(...SETTINGS.loadLevels))), durationSec: SETTINGS.pacedJitWarmupSec });
    }
    for (const level of SETTINGS.loadLevels) {
      const rate = rateAt(level);
      const runs: Record<Kind, PacedLoadResult[]> = { runtime: [], bare: [] };
      // Alternating repeats, reported by their median p99: one noisy stretch of the machine should not decide it.
      for (let repeat = 0; repeat < SETTINGS.pacedRepeats; repeat++) {
        for (const kind of repeat % 2 ? (['bare', 'runtime'] as const) : (['runtime', 'bare'] as const)) {
          const result = await paced(servers[kind], rate);
          if (result.non2xx || result.errors) throw new Error(`${kind} at ${rate} req/s: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
          runs[kind].push(result);
        }
      }
      for (const kind of ['runtime', 'bare'] as const) (pacedResults[kind] ??= []).push({ level, ...medianByP99(runs[kind]), p99sMs: runs[kind].map((r) => r.p99Ms) });
      console.log(`paced ${rate} req/s: runtime p99 ${runs.runtime.map((r) => r.p99Ms).join(', ')} ms; bare p99 ${runs.bare.map((r) => r.p99Ms).join(', ')} ms`);
    }
  } finally {
    await Promise.all(Object.values(servers).map(stopBenchServer));
  }
  const runtime = combineRounds(rounds.runtime);
  const bare = combineRounds(rounds.bare);
  const ratio = runtime.rps / bare.rps;
  const date = new Date().toISOString();
  const meetsThroughput = ratio >= SETTINGS.targetRatio;
  const atTarget = pacedResults.runtime.find((r) => r.level === SETTINGS.latencyTargetLoad)!;
  const meetsLatency = atTarget.p99Ms < SETTINGS.targetP99Ms;
  const report = { date, node: process.version, cpus: cpus().length, settings: SETTINGS, runtime, bare, ratio, paced: pacedResults, meetsThroughput, meetsLatency };
  mkdirSync(RESULTS, { recursive: true });
  const jsonFile = join(RESULTS, `runtime-${date.slice(0, 19).replace(/[:T]/g, '-')}.json`);
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  const row = (name: string, m: Measurement) => `| ${name} | ${m.rps.toFixed(0)} | ${m.p50Ms} | ${m.p99Ms} | ${m.cpuUsPerRequest ?? 'n/a'} | ${m.requests} |`;
  const pacedRows = pacedResults.runtime.map((r, i) => {
    const b = pacedResults.bare[i]!;
    return `| ${r.level * 100}% (${r.rate}) | ${r.p50Ms} / ${r.p90Ms} / **${r.p99Ms}** / ${r.maxMs} | ${r.p99sMs.join(', ')} | ${r.sentP99Ms} | ${b.p50Ms} / ${b.p90Ms} / ${b.p99Ms} / ${b.maxMs} | ${b.p99sMs.join(', ')} | ${b.sentP99Ms} | ${r.generatorCpuPct}% / ${b.generatorCpuPct}% |`;
  });
  const markdown = [
    `# SDK runtime benchmark (${date})`,
    '',
    `GET applet info, ${SETTINGS.connections} connections, ${SETTINGS.warmupSec} s warm-up per server (excluded), ${SETTINGS.durationSec} s measured per server in ${SETTINGS.rounds} alternating rounds; ` +
      `every request freshly signed (HMAC-SHA256, new nonce); Node ${process.version}, ${cpus().length} CPUs; servers in their own processes, the load generators in the runner.`,
    '',
    '## Saturation (autocannon, closed loop)',
    '',
    '| server | req/s | p50 ms | p99 ms | server CPU µs/req | requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('runtime route (signature, nonce, read-model, gray choice)', runtime),
    row('bare fastify route, same JSON', bare),
    '',
    `Runtime throughput is **${(ratio * 100).toFixed(1)}%** of the bare route (target ${SETTINGS.targetRatio * 100}%): ${meetsThroughput ? 'met' : 'NOT met'}.`,
    `At saturation p99 is queueing behind ${SETTINGS.connections} busy connections (mean wait = connections / throughput) for both servers alike.`,
    '',
    `## Latency at fixed load (open loop, ${SETTINGS.connections} connections)`,
    '',
    'Load levels are shares of the runtime route\'s saturated throughput; measured on freshly started servers (warmed for ' +
      `${SETTINGS.pacedJitWarmupSec} s at the highest level), so the GC debt of the saturation rounds is not billed to them. ` +
      'Requests are evenly paced and latency counts from when each was due ' +
      `(after a ${SETTINGS.pacedWarmupSec} s warm-up at the same rate); ${SETTINGS.pacedRepeats} alternating runs per server and level, ${SETTINGS.pacedSec} s each. The generator signs every request itself; its CPU is shown because it shares the machine. ` +
      '"From send" counts from when the request was handed to a connection, as autocannon does; it leaves out the generator\'s own lateness.',
    '',
    '| load (req/s) | runtime p50 / p90 / p99 / max ms (median run) | runtime p99 of each run | runtime p99 from send | bare p50 / p90 / p99 / max ms (median run) | bare p99 of each run | bare p99 from send | generator CPU (runtime / bare) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...pacedRows,
    '',
    `Runtime p99 at ${SETTINGS.latencyTargetLoad * 100}% load (${atTarget.rate} req/s, median of ${SETTINGS.pacedRepeats} runs): **${atTarget.p99Ms} ms** (target < ${SETTINGS.targetP99Ms} ms): ${meetsLatency ? 'met' : 'NOT met'}.`,
    '',
    `Raw numbers: \`${join('bench', 'results', jsonFile.split('/').pop()!)}\`.`,
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'runtime-latest.md'), markdown);
  console.log(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
