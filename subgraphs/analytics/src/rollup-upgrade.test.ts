import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ReportEvent } from '@grove/contracts';
import { createTestRuntime, type TestRuntime } from '@grove/testkit';
import { createAnalyticsSubgraph, type AnalyticsSubgraph } from './analytics.subgraph';
import { ROLLUP_VERSION } from './service/analytics-pipeline.service';

/** Shanghai wall-clock time as an instant. */
const at = (local: string) => Date.parse(`${local}+08:00`);
const APP_ID = 'mp0123456789abcdef';
/** Long after the days rolled up: they are outside the late window, so only the version can bring them back. */
const NOW = at('2025-03-20T12:00:00');
const DAYS = ['2025-03-08', '2025-03-09'];

function events(): ReportEvent[] {
  let n = 0;
  const e = (deviceId: string, type: ReportEvent['type'], local: string, extra: Partial<ReportEvent> = {}) =>
    ({
      eventId: `e-${++n}`,
      type,
      appId: APP_ID,
      deviceId,
      launchId: `${deviceId}-${local.slice(0, 10)}`,
      platform: 'IOS',
      clientTs: at(local),
      ...extra,
    }) as ReportEvent;
  return [
    e('a', 'app_launch', '2025-03-08T09:00:00'),
    e('a', 'page_show', '2025-03-08T09:00:01', { pagePath: 'p/a' }),
    e('a', 'app_exit', '2025-03-08T09:00:10', { durationMs: 10_000 }),
    e('b', 'app_launch', '2025-03-08T10:00:00'),
    e('b', 'page_show', '2025-03-08T10:00:01', { pagePath: 'p/b' }),
    e('b', 'app_exit', '2025-03-08T10:00:04', { durationMs: 4_000 }),
    e('a', 'app_launch', '2025-03-09T11:00:00'),
    e('a', 'page_show', '2025-03-09T11:00:01', { pagePath: 'p/b' }),
    e('a', 'app_exit', '2025-03-09T11:00:40', { durationMs: 40_000 }),
  ];
}

/**
 * Days rolled up before pages, hours, distributions and retention cells existed get them without recomputeAnalytics:
 * each day records its rollup version, and every pass brings older ones up to date.
 */
describe('analytics rollups of an older version are brought up to date by the next pass', () => {
  let dir: string;
  let runtime: TestRuntime | undefined;
  let subgraph: AnalyticsSubgraph | undefined;
  const start = async () => {
    runtime = await createTestRuntime({ dataDir: dir });
    subgraph = await createAnalyticsSubgraph(runtime, {
      settings: { rollupIntervalMs: 0, storeDriver: 'sqlite', timeZone: 'Asia/Shanghai' },
      now: () => NOW,
    });
    return subgraph;
  };
  const stop = async () => {
    await subgraph?.close();
    await runtime?.close();
    subgraph = runtime = undefined;
  };
  /** What an installation from before the rollup versions holds: day and device rows only. */
  const makeOld = (statements: string[]) => {
    const db = new Database(join(dir, 'analytics.sqlite'));
    db.pragma('busy_timeout = 5000');
    for (const sql of statements) db.prepare(sql).run();
    db.close();
  };
  const snapshot = async (s: AnalyticsSubgraph) => ({
    hours: await s.services.store.daily(APP_ID, DAYS[0], DAYS[1], 'hour'),
    pages: await s.services.store.pages(APP_ID, DAYS[0], DAYS[1]),
    buckets: await s.services.store.buckets(APP_ID, DAYS[0], DAYS[1]),
    retention: await s.services.store.retention(APP_ID, DAYS[0], DAYS[1], [1]),
  });

  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'grove-analytics-upgrade-'))));
  afterAll(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recomputes old days from their raw events, or rebuilds their retention cells once the raw days are pruned', async () => {
    let s = await start();
    await s.services.pipeline.ingest({
      hostAppId: 'host-1',
      orgId: 'org-1',
      receivedAt: at('2025-03-09T12:00:00'),
      sentAt: at('2025-03-09T12:00:00'),
      region: null,
      events: events(),
    });
    await s.services.pipeline.recompute(DAYS);
    const expected = await snapshot(s);
    expect(expected.pages.map((p) => [p.pagePath, p.views])).toEqual([
      ['p/a', 1],
      ['p/b', 2],
    ]);
    expect(expected.hours.length).toBeGreaterThan(0);
    expect(expected.buckets.length).toBeGreaterThan(0);
    expect(expected.retention).toEqual([{ cohortDay: '2025-03-08', offset: 1, active: 1, fresh: 1 }]);
    expect(await s.services.store.staleDays(ROLLUP_VERSION, 10)).toEqual([]);
    await stop();

    makeOld([
      "DELETE FROM analytics_daily WHERE dimension = 'hour'",
      'DELETE FROM analytics_daily_pages',
      'DELETE FROM analytics_daily_buckets',
      'DELETE FROM analytics_daily_retention',
      'DELETE FROM analytics_rollup_days',
    ]);
    s = await start();
    // Found at start from the day rows (version 0), and empty tables until a pass runs.
    expect(await s.services.store.staleDays(ROLLUP_VERSION, 10)).toEqual([
      { appId: APP_ID, day: '2025-03-09', version: 0 },
      { appId: APP_ID, day: '2025-03-08', version: 0 },
    ]);
    expect(await snapshot(s)).toEqual({ hours: [], pages: [], buckets: [], retention: [] });
    // One pass of the timer: nothing in the late window, the two old days recomputed.
    await s.services.pipeline.recomputeRecent();
    expect(await snapshot(s)).toEqual(expected);
    expect(await s.services.store.staleDays(ROLLUP_VERSION, 10)).toEqual([]);

    // Raw days pruned, then an older version again: the day rows stay, the retention cells come back from them.
    expect(await s.services.store.pruneBefore('2025-03-10')).toBe(2);
    await stop();
    makeOld(['DELETE FROM analytics_daily_retention', 'UPDATE analytics_rollup_days SET version = 0']);
    s = await start();
    await s.services.pipeline.recomputeRecent();
    expect(await snapshot(s)).toEqual(expected);
    expect(await s.services.store.staleDays(ROLLUP_VERSION, 10)).toEqual([]);

    // Rolled up by version 1 (device rows, before the day bitmaps), raw days gone: the device rows become bitmaps,
    // distinct counts over the range and retention come back from them, and the device rows are gone.
    const distinct = async (x: AnalyticsSubgraph) => ({
      total: await x.services.store.distinctDevices(APP_ID, DAYS[0], DAYS[1], ''),
      platform: await x.services.store.distinctDevices(APP_ID, DAYS[0], DAYS[1], 'platform'),
    });
    expect(await distinct(s)).toEqual({
      total: [{ value: '', active: 2 }],
      platform: [{ value: 'IOS', active: 2 }],
    });
    await stop();
    const legacy = (day: string, dimension: string, value: string, device: string, isNew: number) =>
      `INSERT INTO analytics_daily_devices VALUES ('${APP_ID}', '${day}', '${dimension}', '${value}', '${device}', ${isNew})`;
    makeOld([
      'DELETE FROM analytics_daily_bitmaps',
      'DELETE FROM analytics_daily_retention',
      'UPDATE analytics_rollup_days SET version = 1',
      legacy(DAYS[0], '', '', 'a', 1),
      legacy(DAYS[0], '', '', 'b', 1),
      legacy(DAYS[0], 'platform', 'IOS', 'a', 1),
      legacy(DAYS[0], 'platform', 'IOS', 'b', 1),
      legacy(DAYS[1], '', '', 'a', 0),
      legacy(DAYS[1], 'platform', 'IOS', 'a', 0),
    ]);
    s = await start();
    expect(await distinct(s)).toEqual({ total: [], platform: [] });
    await s.services.pipeline.recomputeRecent();
    expect(await distinct(s)).toEqual({
      total: [{ value: '', active: 2 }],
      platform: [{ value: 'IOS', active: 2 }],
    });
    expect(await snapshot(s)).toEqual(expected);
    expect(await s.services.store.staleDays(ROLLUP_VERSION, 10)).toEqual([]);
    await stop();
    const db = new Database(join(dir, 'analytics.sqlite'));
    expect(db.prepare('SELECT COUNT(*) AS n FROM analytics_daily_devices').get()).toEqual({ n: 0 });
    db.close();
  });
});
