import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { contractEvent, miniProgramEvents } from '@grove/contracts';
import { createAnalyticsSubgraph, addDays, dayStart, type CleanEvent } from '@grove/analytics';
import { newId, readProcessEnv, type DomainEvent } from '@grove/platform';
import { createTestRuntime, matrixPrincipals } from '@grove/testkit';
import { RESULTS } from './bench-process';

/**
 * `npm run bench:analytics:query [-- --events=10000000 --days=30 --driver=sqlite|postgres]` (issue 9 §7): the time
 * of a 30-day statistics query of one mini-program over 10 million raw events, answered from the rollups (target
 * < 200 ms), beside the same query over one day as the baseline of the same run.
 *
 * The raw events are generated straight into the raw store (the report route's throughput is `bench:analytics`),
 * a realistic fleet: 30 days, a pool of devices of which a share is active each day, launches of 1–12 pages with
 * stays and errors, on four platforms. Then every day is rolled up as the pipeline does (`recompute`, streamed by
 * whole devices; the peak RSS of that phase is sampled), and each query runs 20 times through the analytics query and
 * tables services (the resolvers' one call, with the owner's authorization).
 * Writes bench/results/analytics-query-<date>.json and analytics-query-latest.md.
 */
const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SETTINGS = {
  events: Number(arg('events', '10000000')),
  days: Number(arg('days', '30')),
  driver: arg('driver', 'sqlite') as 'sqlite' | 'postgres',
  repeats: 20,
  appendBatch: 20_000,
  targetMs: 200,
};
const PLATFORMS = ['IOS', 'ANDROID', 'HARMONY', 'IOS'];
const MODELS = ['iPhone 15', 'Pixel 8', 'Mate 60', 'iPhone 13', 'Redmi K70', 'P70'];
const PROVINCES = ['广东', '北京', '上海', '浙江', '江苏', '四川', '湖北', '山东'];

/** A small deterministic generator, so two runs load the same fleet. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One day's launches, yielded in batches, until `budget` events were made for the day. */
function* dayOfFleet(
  appId: string,
  orgId: string,
  day: string,
  budget: number,
  devices: number,
  rnd: () => number,
) {
  const start = dayStart(day, 'Asia/Shanghai');
  let made = 0;
  let launch = 0;
  let batch: CleanEvent[] = [];
  while (made < budget) {
    const device = Math.floor(rnd() * devices);
    const deviceId = `device-${device}`;
    const launchId = `${day}-${++launch}`;
    const platform = PLATFORMS[device % PLATFORMS.length]!;
    let ts = start + Math.floor(rnd() * 86_000_000);
    const base = {
      appId,
      day,
      deviceId,
      launchId,
      platform,
      versionId: 'v1',
      versionSource: 'release',
      releasePlanId: null,
      hostAppId: 'host-1',
      orgId,
      province: PROVINCES[device % PROVINCES.length]!,
      city: null,
      attrs: {
        osVersion: String(12 + (device % 5)),
        deviceModel: MODELS[device % MODELS.length],
        network: 'wifi',
      },
    };
    const event = (type: CleanEvent['type'], extra: Partial<CleanEvent> = {}): CleanEvent => {
      ts += 500 + Math.floor(rnd() * 20_000);
      made++;
      return {
        ...base,
        eventId: `${launchId}-${made}`,
        type,
        clientTs: ts,
        eventTs: ts,
        receivedAt: ts + 300,
        durationMs: null,
        pagePath: null,
        ...extra,
      } as CleanEvent;
    };
    batch.push(event('app_launch'));
    const pages = 1 + Math.floor(rnd() * rnd() * 12);
    for (let p = 0; p < pages && made < budget; p++) {
      const pagePath = `pages/${['index', 'list', 'detail', 'pay', 'me'][Math.floor(rnd() * 5)]}`;
      batch.push(event('page_show', { pagePath }));
      batch.push(event('page_hide', { pagePath, durationMs: 1000 + Math.floor(rnd() * 60_000) }));
      if (rnd() < 0.01) batch.push(event('js_error', { pagePath }));
    }
    if (made < budget) batch.push(event('app_exit', { durationMs: 5_000 + Math.floor(rnd() * 300_000) }));
    if (batch.length >= SETTINGS.appendBatch) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (n: number) => Number(n.toFixed(2));

async function timed(label: string, run: () => Promise<unknown>) {
  const ms: number[] = [];
  await run(); // warm: statement caches, page cache
  for (let i = 0; i < SETTINGS.repeats; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  const row = {
    label,
    p50: round(percentile(ms, 50)),
    p99: round(percentile(ms, 99)),
    max: round(Math.max(...ms)),
  };
  console.log(`${label}: p50 ${row.p50} ms, p99 ${row.p99} ms`);
  return row;
}

async function main(): Promise<void> {
  const loadBefore = loadavg().map(round);
  let schema: string | undefined;
  let env: Record<string, string> | undefined;
  if (SETTINGS.driver === 'postgres') {
    const url = readProcessEnv().POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    schema = `bench_analytics_${Date.now()}`;
    env = { POSTGRES_URL: url };
  }
  const runtime = await createTestRuntime({ env });
  const analytics = await createAnalyticsSubgraph(runtime, {
    settings: { rollupIntervalMs: 0, storeDriver: SETTINGS.driver, postgresSchema: schema },
  });
  try {
    const orgId = newId();
    const appId = `mp${randomBytes(8).toString('hex')}`;
    const { ownerA: owner } = matrixPrincipals(orgId, newId());
    await analytics.services.miniPrograms.apply({
      id: newId(),
      occurredAt: new Date().toISOString(),
      ...contractEvent(miniProgramEvents, 'mini-program.created', appId, { appId, orgId, actorId: newId() }),
    } as DomainEvent<unknown>);

    const to = addDays(new Date().toISOString().slice(0, 10), -1);
    const from = addDays(to, -(SETTINGS.days - 1));
    const perDay = Math.ceil(SETTINGS.events / SETTINGS.days);
    const devices = Math.max(1_000, Math.round(SETTINGS.events / 50));
    const rnd = random(20261202);
    let stored = 0;
    // The store's append alone is timed, not the generator making the fleet's events.
    let appendMs = 0;
    const t0 = performance.now();
    for (let d = 0; d < SETTINGS.days; d++) {
      const day = addDays(from, d);
      for (const batch of dayOfFleet(appId, orgId, day, perDay, devices, rnd)) {
        const ta = performance.now();
        stored += (await analytics.services.store.append(batch)).inserted;
        appendMs += performance.now() - ta;
      }
      process.stdout.write(`\rappended ${stored.toLocaleString('en')} events (${day})   `);
    }
    const appendSec = appendMs / 1000;
    const loadSec = (performance.now() - t0) / 1000;
    console.log(`\nappend: ${stored} events in ${appendSec.toFixed(1)} s`);

    const mb = (bytes: number) => Math.round(bytes / 1048576);
    const rssAfterLoadMb = mb(process.memoryUsage().rss);
    const peakAfterLoadMb = Math.round(process.resourceUsage().maxRSS / 1024);
    // Sampled after every day: on SQLite the rollup is synchronous under its awaits, so a timer would never fire.
    let rollupPeakRss = 0;
    const t1 = performance.now();
    const perDayMs: number[] = [];
    for (let d = 0; d < SETTINGS.days; d++) {
      const t = performance.now();
      await analytics.services.pipeline.recompute([addDays(from, d)]);
      perDayMs.push(performance.now() - t);
      rollupPeakRss = Math.max(rollupPeakRss, process.memoryUsage().rss);
      process.stdout.write(
        `\rrolled up ${d + 1}/${SETTINGS.days} days, rss ${mb(process.memoryUsage().rss)} MB   `,
      );
    }
    const rollupSec = (performance.now() - t1) / 1000;
    const rollupPeakRssMb = mb(rollupPeakRss);
    console.log(
      `\nrollups: ${SETTINGS.days} days in ${rollupSec.toFixed(1)} s (a day p50 ${round(percentile(perDayMs, 50) / 1000)} s, max ${round(Math.max(...perDayMs) / 1000)} s); rss ${rssAfterLoadMb} MB after load, peak ${rollupPeakRssMb} MB after a day while rolling up, process peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );

    const q = analytics.services.queries;
    const t = analytics.services.tables;
    const results = [
      await timed('1 day, series (baseline)', () => q.series(owner, appId, to, to, 'day')),
      await timed(`${SETTINGS.days} days, daily series`, () => q.series(owner, appId, from, to, 'day')),
      await timed(`${SETTINGS.days} days, weekly series`, () => q.series(owner, appId, from, to, 'week')),
      await timed(`${SETTINGS.days} days, by platform`, () =>
        q.breakdown(owner, appId, 'platform', from, to),
      ),
      await timed(`${SETTINGS.days} days, by region`, () => q.breakdown(owner, appId, 'region', from, to)),
      await timed(`${SETTINGS.days} days, retention (active cohorts)`, () =>
        t.retention(owner, appId, 'active', from, to),
      ),
      await timed(`${SETTINGS.days} days, top pages`, () => t.topPages(owner, appId, from, to)),
      await timed(`${SETTINGS.days} days, distributions`, () => t.distributions(owner, appId, from, to)),
    ];
    const worst = Math.max(...results.slice(1).map((r) => r.p99));
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      settings: SETTINGS,
      loadBefore,
      loadAfter: loadavg().map(round),
      stored,
      devices,
      appendEventsPerSec: Math.round(stored / appendSec),
      appendSec: round(appendSec),
      loadSec: round(loadSec),
      rollupSec: round(rollupSec),
      rollupDayP50Sec: round(percentile(perDayMs, 50) / 1000),
      rollupDayMaxSec: round(Math.max(...perDayMs) / 1000),
      rssAfterLoadMb,
      peakRssAfterLoadMb: peakAfterLoadMb,
      rollupPeakRssMb,
      processPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      results,
      worstP99: worst,
      met: worst < SETTINGS.targetMs,
    };
    mkdirSync(RESULTS, { recursive: true });
    const stamp = report.date.replace(/[:.]/g, '-');
    writeFileSync(join(RESULTS, `analytics-query-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
    const lines = [
      `# bench:analytics:query (${report.date})`,
      '',
      `${stored.toLocaleString('en')} raw events of one mini-program over ${SETTINGS.days} days (${devices.toLocaleString('en')} devices in the pool), ${SETTINGS.driver} raw store; ${cpus().length} CPUs, load ${loadBefore.join(' ')} before, ${report.loadAfter.join(' ')} after, Node ${process.version}.`,
      `Loaded straight into the raw store at ${report.appendEventsPerSec.toLocaleString('en')} events/s (the store's append alone, batches of ${SETTINGS.appendBatch.toLocaleString('en')}; ${report.appendSec} s of appends, ${report.loadSec} s with the generator); rolled up (every day, as the pipeline's recompute, streamed by whole devices) in ${report.rollupSec} s (a day: p50 ${report.rollupDayP50Sec} s, max ${report.rollupDayMaxSec} s).`,
      `RSS: ${rssAfterLoadMb} MB after loading (process peak so far ${peakAfterLoadMb} MB), peak ${rollupPeakRssMb} MB after a day while rolling up; process peak (maxRSS) ${report.processPeakRssMb} MB.`,
      `Each query ran ${SETTINGS.repeats} times after one warm-up, through the analytics query service with the owner's authorization.`,
      '',
      '| query | p50 ms | p99 ms | max ms |',
      '|---|---:|---:|---:|',
      ...results.map((r) => `| ${r.label} | ${r.p50} | ${r.p99} | ${r.max} |`),
      '',
      `Worst p99 of the ${SETTINGS.days}-day queries: ${worst} ms (target < ${SETTINGS.targetMs} ms: ${report.met ? 'met' : '**not met**'}).`,
      '',
    ];
    writeFileSync(join(RESULTS, 'analytics-query-latest.md'), lines.join('\n'));
    console.log(lines.join('\n'));
  } finally {
    await analytics.close();
    await runtime.dispose();
    if (schema) {
      const client = new Client({ connectionString: env!.POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
