import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { signRuntimeRequest } from '@grove/sdk-runtime';
import { RESULTS, processCpuMs, startBenchServer, stopBenchServer, type BenchServer } from './bench-process';

/**
 * `npm run bench:analytics` (issue 9 §7): ingest throughput of the signed report endpoint in embedded mode, in
 * batches of 50 events, beside a bare fastify route that parses the same bytes and answers the same 202 receipt
 * (bench/runtime-bench-server.ts `report` / `report-bare`), each in its own process, loaded from this process with
 * autocannon in alternating rounds. Every request carries freshly signed headers and 50 events with new ids, so the
 * report route validates, enriches and journals each batch durably (DATA_DIR/events-journal.sqlite) before its 202.
 * Target: >= 50,000 events/s. Writes bench/results/analytics-ingest-<date>.json and analytics-ingest-latest.md.
 */
const SETTINGS = {
  connections: 32,
  warmupSec: 5,
  roundSec: 5,
  rounds: 4,
  batch: 50,
  targetEventsPerSec: 50_000,
};
type Kind = 'report' | 'report-bare';
const KINDS: readonly Kind[] = ['report', 'report-bare'];
interface Info {
  url: string;
  path: string;
  appId: string;
  versionId: string;
  sdkKey: string;
  sdkSecret: string;
}
interface Round {
  rps: number;
  eventsPerSec: number;
  cpuUsPerEvent: number;
  p99Ms: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

let sequence = 0;
/** One batch of a launch, page views and an exit of one device, as an SDK reports it (new event ids every call). */
function batchBody(info: Info): string {
  const deviceId = `bench-device-${sequence % 5000}`;
  const launchId = `launch-${++sequence}`;
  const now = Date.now();
  const events = Array.from({ length: SETTINGS.batch }, (_, i) => ({
    eventId: `${launchId}-${i}`,
    type: i === 0 ? 'app_launch' : i === SETTINGS.batch - 1 ? 'app_exit' : i % 2 ? 'page_show' : 'page_hide',
    appId: info.appId,
    versionId: info.versionId,
    versionSource: 'release',
    deviceId,
    launchId,
    platform: 'ANDROID',
    osVersion: '14',
    deviceModel: 'Pixel 8',
    network: 'wifi',
    sdkVersion: '2.1.0',
    pagePath: `pages/item/${i % 7}`,
    ...((i % 2 === 0 && i > 0) || i === SETTINGS.batch - 1 ? { durationMs: 1200 } : {}),
    clientTs: now - (SETTINGS.batch - i) * 100,
  }));
  return JSON.stringify({ schemaVersion: 1, sentAt: now, events });
}

async function saturate(server: BenchServer<Info>, durationSec: number) {
  const { path, sdkKey, sdkSecret } = server.info;
  const result = await autocannon({
    url: server.info.url,
    connections: SETTINGS.connections,
    duration: durationSec,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request) => ({
          ...request,
          body: batchBody(server.info),
          headers: {
            ...request.headers,
            'content-type': 'application/json',
            ...signRuntimeRequest({ sdkKey, secret: sdkSecret, method: 'POST', path }),
          },
        }),
      },
    ],
  });
  if (result.non2xx || result.errors)
    throw new Error(`${server.info.url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return result;
}

async function measuredRound(server: BenchServer<Info>): Promise<Round> {
  const cpuBefore = processCpuMs(server.child.pid)!;
  const result = await saturate(server, SETTINGS.roundSec);
  const cpuMs = processCpuMs(server.child.pid)! - cpuBefore;
  const events = result.requests.total * SETTINGS.batch;
  return {
    rps: result.requests.average,
    eventsPerSec: Math.round(result.requests.average * SETTINGS.batch),
    cpuUsPerEvent: Number(((cpuMs * 1000) / events).toFixed(2)),
    p99Ms: result.latency.p99,
  };
}

/** Both answer 202 with every event of a batch accepted. */
async function checkAccepted(server: BenchServer<Info>): Promise<void> {
  const { path, sdkKey, sdkSecret } = server.info;
  const response = await fetch(`${server.info.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signRuntimeRequest({ sdkKey, secret: sdkSecret, method: 'POST', path }),
    },
    body: batchBody(server.info),
  });
  const body = (await response.json()) as { data?: { accepted?: number } };
  if (response.status !== 202 || body.data?.accepted !== SETTINGS.batch)
    throw new Error(`${server.info.url} answered ${response.status} ${JSON.stringify(body)}`);
}

async function main(): Promise<void> {
  const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
  const servers = {} as Record<Kind, BenchServer<Info>>;
  try {
    for (const kind of KINDS) servers[kind] = await startBenchServer<Info>('runtime-bench-server.ts', kind);
    for (const kind of KINDS) await checkAccepted(servers[kind]);
    for (const kind of KINDS) await saturate(servers[kind], SETTINGS.warmupSec);
    const rounds: Record<Kind, Round[]> = { report: [], 'report-bare': [] };
    for (let i = 0; i < SETTINGS.rounds; i++) {
      const order = i % 2 ? [...KINDS].reverse() : KINDS;
      for (const kind of order) rounds[kind].push(await measuredRound(servers[kind]));
      console.log(
        `round ${i + 1}/${SETTINGS.rounds}: ${KINDS.map((k) => `${k} ${rounds[k].at(-1)!.eventsPerSec} events/s`).join(', ')}`,
      );
    }
    const summary = Object.fromEntries(
      KINDS.map((kind) => [
        kind,
        {
          eventsPerSec: median(rounds[kind].map((r) => r.eventsPerSec)),
          cpuUsPerEvent: median(rounds[kind].map((r) => r.cpuUsPerEvent)),
          p99Ms: median(rounds[kind].map((r) => r.p99Ms)),
        },
      ]),
    ) as Record<Kind, { eventsPerSec: number; cpuUsPerEvent: number; p99Ms: number }>;
    const date = new Date().toISOString();
    const met = summary.report.eventsPerSec >= SETTINGS.targetEventsPerSec;
    mkdirSync(RESULTS, { recursive: true });
    const stamp = date.replace(/[:.]/g, '-');
    writeFileSync(
      join(RESULTS, `analytics-ingest-${stamp}.json`),
      JSON.stringify(
        { date, settings: SETTINGS, loadBefore, loadAfter: loadavg(), rounds, summary },
        null,
        2,
      ),
    );
    const md = [
      `# Analytics ingest benchmark (${date})`,
      '',
      `\`npm run bench:analytics\`. Node ${process.version}, ${cpus().length} CPUs, load average ${loadBefore.join(' / ')} before and ${loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ' / ',
        )} after (shared machine). Signed \`POST /runtime/v1/reports\` with ${SETTINGS.batch} events per batch, journaled durably as in the embedded profile, beside a bare fastify route parsing the same bytes; autocannon, ${SETTINGS.connections} connections, ${SETTINGS.warmupSec} s warm-up, ${SETTINGS.rounds} alternating rounds of ${SETTINGS.roundSec} s; medians.`,
      '',
      '| route | events/s | server CPU µs per event | p99 ms per batch |',
      '|---|---:|---:|---:|',
      ...KINDS.map(
        (k) =>
          `| ${k === 'report' ? 'report route (signature, replay guard, validation, region, durable journal)' : 'bare route (parse only)'} | ${summary[k].eventsPerSec} | ${summary[k].cpuUsPerEvent} | ${summary[k].p99Ms} |`,
      ),
      '',
      `Target: report route >= ${SETTINGS.targetEventsPerSec} events/s: **${met ? 'met' : 'not met'}** (${(summary.report.eventsPerSec / summary['report-bare'].eventsPerSec).toFixed(2)}x the bare route in the same run).`,
      '',
      `Raw numbers: \`bench/results/analytics-ingest-${stamp}.json\`.`,
      '',
    ].join('\n');
    writeFileSync(join(RESULTS, 'analytics-ingest-latest.md'), md);
    console.log(md);
  } finally {
    await Promise.all(Object.values(servers).map(stopBenchServer));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
