import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { signRuntimeRequest } from '@grove/sdk-runtime';
import {
  RESULTS,
  processCpuMs,
  startBenchServer,
  stopBenchServer,
  withAllocations,
  type BenchServer,
} from './bench-process';
import { pacedLoad, type PacedLoadResult } from './paced-load';

/**
 * `npm run bench:runtime [-- --runs=N] [-- --cpu-prof]`: the SDK runtime's signed applet-info route against a bare
 * fastify route answering the same bytes (see runtime-bench-server.ts for exactly what each does), each server in
 * its own process, loaded from this process; every request to either carries freshly signed headers (new nonce),
 * so the client does the same work for both. Targets of issue 8 item 6, all ratios to the bare route in the same run:
 *
 * - server CPU per request (Linux /proc utime+stime over the requests served) ≤ 1.3×;
 * - throughput at saturation (autocannon, 64 connections, closed loop) ≥ 80%;
 * - p99 at the same fixed load (open loop, evenly paced at half the runtime route's saturated throughput, latency
 *   from when each request was due) ≤ 1.5×, p99 of each server being the median of its alternating repeats.
 *
 * Saturation is measured in alternating rounds (runtime, bare, bare, runtime, …) so a noisy stretch of the shared
 * machine hits both; each ratio is the median of the per-round-pair ratios. `--runs=N` repeats everything on fresh
 * processes and judges the targets on the median run. `--cpu-prof` profiles the runtime server
 * (bench/results/profiles/, open in Chrome DevTools). Writes bench/results/runtime-<date>.json and runtime-latest.md.
 */
const SETTINGS = {
  connections: 64,
  warmupSec: 5,
  roundSec: 4,
  rounds: 6,
  targets: { cpuRatio: 1.3, throughputRatio: 0.8, p99Ratio: 1.5 },
  /** The fixed load of the p99 comparison, as a share of the runtime route's saturated throughput. */
  pacedLoad: 0.5,
  /** Fresh processes for the paced phase are first warmed (JIT) at the same rate. */
  pacedJitWarmupSec: 10,
  pacedWarmupSec: 2,
  pacedSec: 8,
  pacedRepeats: 5,
};

type Kind = 'runtime' | 'bare';
const KINDS: readonly Kind[] = ['runtime', 'bare'];
interface Info {
  url: string;
  path: string;
  query: Record<string, string>;
  sdkKey: string;
  sdkSecret: string;
}

interface Round {
  rps: number;
  requests: number;
  cpuUsPerRequest: number;
  allocatedBytesPerRequest: number;
  p50Ms: number;
  p99Ms: number;
}

interface RunResult {
  loadBefore: number[];
  rounds: Record<Kind, Round[]>;
  /** Medians over the rounds. */
  saturation: Record<Kind, Round>;
  cpuRatio: number;
  throughputRatio: number;
  paced: {
    rate: number;
    p99sMs: Record<Kind, number[]>;
    medianRun: Record<Kind, PacedLoadResult>;
    p99Ratio: number;
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round2 = (value: number) => Number(value.toFixed(2));

function signedPath(server: BenchServer<Info>) {
  const { path, query, sdkKey, sdkSecret } = server.info;
  const search = new URLSearchParams(query).toString();
  return {
    url: `${path}?${search}`,
    headers: () => signRuntimeRequest({ sdkKey, secret: sdkSecret, path, query: search }),
  };
}

async function saturate(server: BenchServer<Info>, durationSec: number) {
  const { url, headers } = signedPath(server);
  const result = await autocannon({
    url: server.info.url,
    connections: SETTINGS.connections,
    duration: durationSec,
    requests: [
      {
        method: 'GET',
        path: url,
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...headers() } }),
      },
    ],
  });
  if (result.non2xx || result.errors)
    throw new Error(`${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return result;
}

async function measuredRound(server: BenchServer<Info>): Promise<Round> {
  const cpuBefore = processCpuMs(server.child.pid)!;
  const { result, bytes } = await withAllocations(server, () => saturate(server, SETTINGS.roundSec));
  const cpuMs = processCpuMs(server.child.pid)! - cpuBefore;
  const requests = result.requests.total;
  return {
    rps: result.requests.average,
    requests,
    cpuUsPerRequest: round2((cpuMs * 1000) / requests),
    allocatedBytesPerRequest: Math.round(bytes / requests),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

function pacedOptions(server: BenchServer<Info>, rate: number) {
  const { url, headers } = signedPath(server);
  return {
    url: server.info.url,
    connections: SETTINGS.connections,
    rate,
    request: () => ({ path: url, headers: headers() }),
  };
}

/**
 * Both servers must answer the same status, content-type, etag length and body: the same bytes but for the ids and
 * digests (each process seeds its own platform), i.e. the same length and the same JSON outside letters, digits, `_` and `-` (random names).
 */
async function checkSameAnswer(servers: Record<Kind, BenchServer<Info>>): Promise<number> {
  const answers = await Promise.all(
    KINDS.map(async (kind) => {
      const { url, headers } = signedPath(servers[kind]);
      const response = await fetch(`${servers[kind].info.url}${url}`, { headers: headers() });
      const body = await response.text();
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        etag: response.headers.get('etag')?.length,
        bytes: Buffer.byteLength(body),
        shape: body.replace(/[0-9A-Za-z_-]/g, 'x'),
      };
    }),
  );
  const [runtime, bare] = answers as [(typeof answers)[0], (typeof answers)[0]];
  if (JSON.stringify(runtime) !== JSON.stringify(bare))
    throw new Error(
      `the bare route does not answer what the runtime route does:\n${JSON.stringify(answers, null, 2)}`,
    );
  return runtime.bytes;
}

async function oneRun(nodeArgs: string[]): Promise<RunResult & { bodyBytes: number }> {
  const start = async (): Promise<Record<Kind, BenchServer<Info>>> => ({
    runtime: await startBenchServer<Info>('runtime-bench-server.ts', 'runtime', nodeArgs),
    bare: await startBenchServer<Info>('runtime-bench-server.ts', 'bare'),
  });
  const loadBefore = loadavg().map(round2);
  let servers = await start();
  const rounds: Record<Kind, Round[]> = { runtime: [], bare: [] };
  const p99sMs: Record<Kind, number[]> = { runtime: [], bare: [] };
  const pacedRuns: Record<Kind, PacedLoadResult[]> = { runtime: [], bare: [] };
  let rate = 0;
  let bodyBytes = 0;
  try {
    bodyBytes = await checkSameAnswer(servers);
    for (const kind of KINDS) await saturate(servers[kind], SETTINGS.warmupSec);
    for (let round = 0; round < SETTINGS.rounds; round++) {
      for (const kind of round % 2 ? (['bare', 'runtime'] as const) : (['runtime', 'bare'] as const))
        rounds[kind].push(await measuredRound(servers[kind]));
      const [r, b] = [rounds.runtime.at(-1)!, rounds.bare.at(-1)!];
      console.log(
        `round ${round + 1}/${SETTINGS.rounds}: runtime ${r.rps.toFixed(0)} req/s ${r.cpuUsPerRequest} µs CPU/req; bare ${b.rps.toFixed(0)} req/s ${b.cpuUsPerRequest} µs CPU/req`,
      );
    }
    rate = Math.round((median(rounds.runtime.map((r) => r.rps)) * SETTINGS.pacedLoad) / 100) * 100;
    // Latency on fresh processes: the saturation rounds leave old-generation garbage whose major GCs would be billed here.
    await Promise.all(Object.values(servers).map(stopBenchServer));
    servers = await start();
    for (const kind of KINDS)
      await pacedLoad({ ...pacedOptions(servers[kind], rate), durationSec: SETTINGS.pacedJitWarmupSec });
    for (let repeat = 0; repeat < SETTINGS.pacedRepeats; repeat++) {
      for (const kind of repeat % 2 ? (['bare', 'runtime'] as const) : (['runtime', 'bare'] as const)) {
        const options = pacedOptions(servers[kind], rate);
        await pacedLoad({ ...options, durationSec: SETTINGS.pacedWarmupSec });
        const result = await pacedLoad({ ...options, durationSec: SETTINGS.pacedSec });
        if (result.non2xx || result.errors)
          throw new Error(
            `${kind} at ${rate} req/s: ${result.non2xx} non-2xx responses, ${result.errors} errors`,
          );
        pacedRuns[kind].push(result);
        p99sMs[kind].push(result.p99Ms);
      }
    }
    console.log(
      `paced ${rate} req/s: runtime p99 ${p99sMs.runtime.join(', ')} ms; bare p99 ${p99sMs.bare.join(', ')} ms`,
    );
  } finally {
    await Promise.all(Object.values(servers).map(stopBenchServer));
  }
  const medianRound = (list: Round[]): Round => ({
    rps: Math.round(median(list.map((r) => r.rps))),
    requests: list.reduce((sum, r) => sum + r.requests, 0),
    cpuUsPerRequest: round2(median(list.map((r) => r.cpuUsPerRequest))),
    allocatedBytesPerRequest: Math.round(median(list.map((r) => r.allocatedBytesPerRequest))),
    p50Ms: median(list.map((r) => r.p50Ms)),
    p99Ms: median(list.map((r) => r.p99Ms)),
  });
  const pairRatio = (pick: (r: Round) => number) =>
    round2(median(rounds.runtime.map((r, i) => pick(r) / pick(rounds.bare[i]!))));
  const medianRun = (kind: Kind) =>
    [...pacedRuns[kind]].sort((a, b) => a.p99Ms - b.p99Ms)[Math.floor(pacedRuns[kind].length / 2)]!;
  return {
    bodyBytes,
    loadBefore,
    rounds,
    saturation: { runtime: medianRound(rounds.runtime), bare: medianRound(rounds.bare) },
    cpuRatio: pairRatio((r) => r.cpuUsPerRequest),
    throughputRatio: pairRatio((r) => r.rps),
    paced: {
      rate,
      p99sMs,
      medianRun: { runtime: medianRun('runtime'), bare: medianRun('bare') },
      p99Ratio: round2(median(p99sMs.runtime) / median(p99sMs.bare)),
    },
  };
}

async function main(): Promise<void> {
  const runsArg = process.argv.find((a) => a.startsWith('--runs='));
  const runCount = runsArg ? Number(runsArg.slice('--runs='.length)) : 1;
  if (!Number.isInteger(runCount) || runCount < 1) throw new Error('--runs=N needs a positive integer');
  const date = new Date().toISOString();
  const stamp = date.slice(0, 19).replace(/[:T]/g, '-');
  const profileDir = join(RESULTS, 'profiles', `runtime-${stamp}`);
  const nodeArgs = process.argv.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const runs: Array<Awaited<ReturnType<typeof oneRun>>> = [];
  for (let run = 0; run < runCount; run++) {
    console.log(`run ${run + 1}/${runCount} (load average ${loadavg().map(round2).join(' ')})`);
    runs.push(await oneRun(nodeArgs));
  }
  const loadAfter = loadavg().map(round2);
  const cpuRatio = median(runs.map((r) => r.cpuRatio));
  const throughputRatio = median(runs.map((r) => r.throughputRatio));
  const p99Ratio = median(runs.map((r) => r.paced.p99Ratio));
  const { targets } = SETTINGS;
  const met = {
    cpuRatio: cpuRatio <= targets.cpuRatio,
    throughputRatio: throughputRatio >= targets.throughputRatio,
    p99Ratio: p99Ratio <= targets.p99Ratio,
  };
  const report = {
    date,
    node: process.version,
    cpus: cpus().length,
    settings: SETTINGS,
    loadAfter,
    runs,
    cpuRatio,
    throughputRatio,
    p99Ratio,
    met,
  };
  mkdirSync(RESULTS, { recursive: true });
  const jsonFile = join(RESULTS, `runtime-${stamp}.json`);
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);

  const verdict = (ok: boolean) => (ok ? 'met' : '**NOT met**');
  const runRows = runs.map((r, i) => {
    const [rt, b] = [r.saturation.runtime, r.saturation.bare];
    return (
      `| ${i + 1} | ${r.loadBefore.join(' ')} | ${rt.cpuUsPerRequest} / ${b.cpuUsPerRequest} | **${r.cpuRatio}×** | ${rt.rps} / ${b.rps} | **${(r.throughputRatio * 100).toFixed(0)}%** | ` +
      `${rt.allocatedBytesPerRequest} / ${b.allocatedBytesPerRequest} | ${r.paced.rate} | ${r.paced.p99sMs.runtime.join(', ')} | ${r.paced.p99sMs.bare.join(', ')} | **${r.paced.p99Ratio}×** |`
    );
  });
  const markdown = [
    `# SDK runtime benchmark (${date})`,
    '',
    `GET applet info (signed: HMAC-SHA256, fresh nonce per request) against a bare fastify route answering the same ${runs[0]!.bodyBytes} body bytes, ` +
      `content-type and etag (checked before each run); both from \`fastify(${JSON.stringify({ logger: false })})\` of the same fastify package, each in its own ` +
      'process holding the same in-process platform; the bare route returns the captured object for fastify to serialize, with no checks. ' +
      `Node ${process.version}, ${cpus().length} CPUs shared with the load generator (this process) and whatever else runs on the machine. ${runCount} run(s) on fresh processes.`,
    '',
    '| target (runtime vs bare, same run) | median of runs | target | |',
    '| --- | ---: | ---: | --- |',
    `| server CPU per request | **${cpuRatio}×** | ≤ ${targets.cpuRatio}× | ${verdict(met.cpuRatio)} |`,
    `| throughput at saturation | **${(throughputRatio * 100).toFixed(0)}%** | ≥ ${targets.throughputRatio * 100}% | ${verdict(met.throughputRatio)} |`,
    `| p99 at the same fixed load | **${p99Ratio}×** | ≤ ${targets.p99Ratio}× | ${verdict(met.p99Ratio)} |`,
    '',
    '## Runs',
    '',
    `Saturation: autocannon, ${SETTINGS.connections} connections, ${SETTINGS.warmupSec} s warm-up per server, then ${SETTINGS.rounds} alternating rounds of ${SETTINGS.roundSec} s per server; ` +
      "CPU is the server process's utime+stime per request served, allocation is JS heap bytes allocated per request (heap growth + what the GCs freed, V8 GCProfiler); " +
      'figures are medians over the rounds, ratios the median of the per-round-pair ratios. ' +
      `Fixed load: ${SETTINGS.pacedLoad * 100}% of the runtime route's saturated throughput, open loop, evenly paced over ${SETTINGS.connections} connections, latency from when each request was due; ` +
      `measured on freshly started servers warmed ${SETTINGS.pacedJitWarmupSec} s at that rate, ${SETTINGS.pacedRepeats} alternating runs of ${SETTINGS.pacedSec} s per server (each after ${SETTINGS.pacedWarmupSec} s at the same rate); the p99 ratio divides the medians.`,
    '',
    '| run | load avg before (1/5/15 min) | CPU µs/req runtime / bare | CPU ratio | req/s runtime / bare | throughput | bytes allocated/req runtime / bare | fixed load req/s | runtime p99 ms per repeat | bare p99 ms per repeat | p99 ratio |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |',
    ...runRows,
    '',
    `Load average after: ${loadAfter.join(' ')}. Raw numbers: \`bench/results/${jsonFile.split('/').pop()}\`.`,
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'runtime-latest.md'), markdown);
  console.log(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
