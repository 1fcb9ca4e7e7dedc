import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  PostgresAnalyticsStore,
  RETENTION_OFFSETS,
  SqliteAnalyticsStore,
  addDays,
  type AnalyticsStore,
} from '@grove/analytics';
import { readProcessEnv } from '@grove/platform';
import { RESULTS } from './bench-process';

/**
 * `npm run bench:analytics:tables`: the new statistics tables read from rollups (ADR 0010 addendum), on both drivers,
 * over 30 days of one mini-program's rollups: DEVICES_PER_DAY active devices a day out of a pool of POOL, each on
 * PAGES_PER_DEVICE of PATHS page paths, 24 hour rows. Times (median of ROUNDS) of retention (30 cohort days × 9
 * offsets), top pages (30 days), distributions (30 days), the hourly rows of 7 days and the organization totals.
 * Writes bench/results/analytics-tables-latest.md.
 */
const SETTINGS = { days: 30, devicesPerDay: 5_000, pool: 15_000, pagesPerDevice: 3, paths: 40, rounds: 5 };
const APP = 'mpbench0000000000a';
const FIRST = '2026-01-01';
const POSTGRES_URL = readProcessEnv().POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(store: AnalyticsStore): Promise<number> {
  const random = rng(7);
  const seen = new Set<number>();
  let rows = 0;
  for (let d = 0; d < SETTINGS.days; d++) {
    const day = addDays(FIRST, d);
    const active = new Set<number>();
    while (active.size < SETTINGS.devicesPerDay) active.add(Math.floor(random() * SETTINGS.pool));
    const devices = [...active].flatMap((n) => {
      const deviceId = `device-${n}`;
      const isNew = !seen.has(n);
      seen.add(n);
      const hour = String(n % 24).padStart(2, '0');
      return [
        { dimension: '' as const, value: '', deviceId, isNew },
        { dimension: 'hour' as const, value: hour, deviceId, isNew },
        ...Array.from({ length: SETTINGS.pagesPerDevice }, (_, i) => ({
          dimension: 'page' as const,
          value: `pages/p${(n + i * 7) % SETTINGS.paths}/index`,
          deviceId,
          isNew,
        })),
      ];
    });
    const metrics = {
      launches: 30_000,
      pageViews: 90_000,
      stayMs: 1e9,
      bounces: 3000,
      jsErrors: 10,
      crashes: 1,
      newUsers: 0,
      activeUsers: SETTINGS.devicesPerDay,
    };
    const dayRows = [
      { day, dimension: '' as const, value: '', ...metrics },
      ...Array.from({ length: 24 }, (_, h) => ({
        day,
        dimension: 'hour' as const,
        value: String(h).padStart(2, '0'),
        ...metrics,
      })),
    ];
    const pages = Array.from({ length: SETTINGS.paths }, (_, p) => ({
      pagePath: `pages/p${p}/index`,
      views: 2000 + p,
      stayMs: 1e6,
      entries: p === 0 ? 30_000 : 0,
      exits: 700,
    }));
    const buckets = ['0-2s', '3-5s', '6-10s', '11-30s'].map((bucket) => ({
      kind: 'stay' as const,
      bucket,
      launches: 7500,
    }));
    await store.writeDay(APP, day, dayRows, devices, { pages, buckets });
    rows += devices.length;
  }
  return rows;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < SETTINGS.rounds; i++) {
    const began = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - began) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

async function measure(name: string, store: AnalyticsStore) {
  const began = Date.now();
  const deviceRows = await seed(store);
  const seedSec = (Date.now() - began) / 1000;
  const last = addDays(FIRST, SETTINGS.days - 1);
  const result = {
    driver: name,
    deviceRows,
    seedSec,
    retention30Ms: await time(() => store.retention(APP, FIRST, last, RETENTION_OFFSETS)),
    topPages30Ms: await time(() =>
      Promise.all([store.pages(APP, FIRST, last), store.distinctDevices(APP, FIRST, last, 'page')]),
    ),
    distributions30Ms: await time(() => store.buckets(APP, FIRST, last)),
    hourly7Ms: await time(() => store.daily(APP, addDays(last, -6), last, 'hour')),
    totals30Ms: await time(() => store.totals([APP], FIRST, last)),
  };
  console.log(JSON.stringify(result));
  return result;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'grove-bench-tables-'));
  const schema = `grove_bench_tables_${Date.now()}`;
  const results = [];
  try {
    const sqlite = new SqliteAnalyticsStore(join(dir, 'analytics.sqlite'));
    await sqlite.init();
    results.push(await measure('sqlite (embedded)', sqlite));
    await sqlite.close();
    const postgres = new PostgresAnalyticsStore({ url: POSTGRES_URL, schema });
    await postgres.init();
    results.push(await measure('postgres (standard)', postgres));
    await postgres.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
  mkdirSync(RESULTS, { recursive: true });
  const lines = [
    '# Analytics tables from rollups (`npm run bench:analytics:tables`)',
    '',
    `${new Date().toISOString()}, ${cpus().length} CPUs, load ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} (shared machine).`,
    `One mini-program, ${SETTINGS.days} days, ${SETTINGS.devicesPerDay} active devices a day out of ${SETTINGS.pool}, ${SETTINGS.pagesPerDevice} of ${SETTINGS.paths} page paths each; median of ${SETTINGS.rounds} runs, store calls only.`,
    '',
    '| driver | device rows | retention, 30 cohort days × 9 offsets | top pages, 30 days (sums + distinct visitors) | distributions, 30 days | hourly rows, 7 days | totals, 30 days |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.driver} | ${r.deviceRows.toLocaleString('en')} | ${r.retention30Ms.toFixed(0)} ms | ${r.topPages30Ms.toFixed(0)} ms | ${r.distributions30Ms.toFixed(1)} ms | ${r.hourly7Ms.toFixed(1)} ms | ${r.totals30Ms.toFixed(0)} ms |`,
    ),
    '',
  ];
  writeFileSync(join(RESULTS, 'analytics-tables-latest.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}

void main();
