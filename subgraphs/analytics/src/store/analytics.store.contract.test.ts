import type { AnalyticsStore, CleanEvent, ExposureRow } from './analytics-store.port';
import { PostgresAnalyticsStore } from './postgres-analytics.store';
import { analyticsStoreDrivers } from '../analytics.test-support';
import { SqliteAnalyticsStore } from './sqlite-analytics.store';

const APP = 'mp0123456789abcdef';

function event(n: number, day: string, extra: Partial<CleanEvent> = {}): CleanEvent {
  const ts = Date.parse(`${day}T04:00:00Z`) + n;
  return {
    appId: APP,
    eventId: `e-${String(n).padStart(6, '0')}`,
    day,
    type: 'page_show',
    deviceId: `d${n % 3}`,
    launchId: 'l1',
    clientTs: ts,
    eventTs: ts,
    receivedAt: ts,
    platform: 'IOS',
    versionId: 'v1',
    versionSource: 'release',
    releasePlanId: null,
    hostAppId: 'h1',
    orgId: 'o1',
    province: '广东省',
    city: null,
    durationMs: null,
    pagePath: 'pages/index',
    attrs: { custom: { name: 'x', attributes: { a: 1, b: 'two', c: true } } },
    ...extra,
  };
}

function exposure(deviceId: string, day: string, extra: Partial<ExposureRow> = {}): ExposureRow {
  return {
    appId: APP,
    day,
    deviceId,
    planId: 'plan-1',
    versionId: 'v2',
    versionSource: 'gray',
    ruleId: 'rule-1',
    hostAppId: 'h1',
    orgId: 'o1',
    servedAt: Date.parse(`${day}T04:00:00Z`),
    ...extra,
  };
}

const drivers = analyticsStoreDrivers<AnalyticsStore>('analytics', {
  sqlite: (file) => new SqliteAnalyticsStore(file),
  postgres: (options) => new PostgresAnalyticsStore(options),
  postgresLabel: 'postgres (standard, partitioned by day)',
});

describe.each(drivers)('analytics store contract: $name', (driver) => {
  let store: AnalyticsStore;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await driver.open());
  });
  afterEach(async () => dispose());

  it('appends each (app, event id) once, however often it is delivered, and reads back what it stored', async () => {
    const batch = [event(1, '2025-03-01'), event(2, '2025-03-01'), event(3, '2025-03-02')];
    expect(await store.append(batch)).toEqual({ inserted: 3, duplicates: 0 });
    expect(await store.append([batch[0], event(4, '2025-03-02')])).toEqual({ inserted: 1, duplicates: 1 });
    // A retry whose skew bucketing moved it to another day is still the same event.
    expect(await store.append([{ ...batch[1], day: '2025-03-03' }])).toEqual({ inserted: 0, duplicates: 1 });
    const stored = await store.events(APP, ['2025-03-01', '2025-03-02']);
    expect(stored.map((e) => e.eventId)).toEqual(['e-000003', 'e-000001', 'e-000004', 'e-000002']);
    expect(stored[1]).toEqual(batch[0]);
    expect(await store.appsWithEvents(['2025-03-02'])).toEqual([APP]);
    expect(await store.appsWithEvents(['2025-03-05'])).toEqual([]);
  });

  it('appends a batch larger than one statement can bind (PostgreSQL: 65,535 parameters)', async () => {
    const batch = Array.from({ length: 4_000 }, (_, i) => event(i, '2025-03-01'));
    expect(await store.append(batch)).toEqual({ inserted: 4_000, duplicates: 0 });
    expect((await store.events(APP, ['2025-03-01'])).length).toBe(4_000);
  });

  it("keeps each device's first day, lowered by late events", async () => {
    await store.append([event(3, '2025-03-02')]);
    expect(await store.newDevices(APP, '2025-03-02')).toEqual(['d0']);
    await store.append([event(6, '2025-03-01')]);
    expect(await store.newDevices(APP, '2025-03-02')).toEqual([]);
    expect(await store.newDevices(APP, '2025-03-01')).toEqual(['d0']);
  });

  it('replaces a day of rollups (re-running never adds) and counts devices distinct over a range', async () => {
    const row = {
      dimension: '' as const,
      value: '',
      launches: 2,
      pageViews: 3,
      stayMs: 4,
      bounces: 1,
      jsErrors: 0,
      crashes: 1,
      newUsers: 1,
      activeUsers: 2,
    };
    for (let i = 0; i < 2; i++) {
      await store.writeDay(
        APP,
        '2025-03-01',
        [{ day: '2025-03-01', ...row }],
        [
          { dimension: '', value: '', deviceId: 'a', isNew: true },
          { dimension: '', value: '', deviceId: 'b', isNew: false },
        ],
      );
    }
    await store.writeDay(
      APP,
      '2025-03-02',
      [{ day: '2025-03-02', ...row, launches: 5 }],
      [
        { dimension: '', value: '', deviceId: 'b', isNew: false },
        { dimension: '', value: '', deviceId: 'c', isNew: true },
      ],
    );
    expect(
      (await store.daily(APP, '2025-03-01', '2025-03-02', '')).map((r) => [r.day, r.launches, r.pageViews]),
    ).toEqual([
      ['2025-03-01', 2, 3],
      ['2025-03-02', 5, 3],
    ]);
    expect(await store.distinctDevices(APP, '2025-03-01', '2025-03-02', '')).toEqual([
      { value: '', active: 3 },
    ]);
    expect(await store.distinctDevices(APP, '2025-03-02', '2025-03-02', '')).toEqual([
      { value: '', active: 2 },
    ]);
  });

  it('sums several mini-programs over a range, devices distinct across them', async () => {
    const row = (day: string, launches: number) => ({
      day,
      dimension: '' as const,
      value: '',
      launches,
      pageViews: 2 * launches,
      stayMs: 100,
      bounces: 1,
      jsErrors: 0,
      crashes: 1,
      newUsers: 1,
      activeUsers: 2,
    });
    const device = (deviceId: string) => ({ dimension: '' as const, value: '', deviceId, isNew: false });
    await store.writeDay(
      'mpaaaaaaaaaaaaaaaa',
      '2025-03-01',
      [row('2025-03-01', 2)],
      [device('a'), device('b')],
    );
    await store.writeDay('mpaaaaaaaaaaaaaaaa', '2025-03-02', [row('2025-03-02', 3)], [device('a')]);
    await store.writeDay(
      'mpbbbbbbbbbbbbbbbb',
      '2025-03-02',
      [row('2025-03-02', 4)],
      [device('b'), device('c')],
    );
    await store.writeDay('mpcccccccccccccccc', '2025-03-02', [row('2025-03-02', 50)], [device('z')]);
    expect(
      await store.totals(['mpaaaaaaaaaaaaaaaa', 'mpbbbbbbbbbbbbbbbb'], '2025-03-01', '2025-03-02'),
    ).toEqual({
      launches: 9,
      pageViews: 18,
      stayMs: 300,
      bounces: 3,
      jsErrors: 0,
      crashes: 3,
      newUsers: 3,
      activeUsers: 3,
    });
    expect((await store.totals(['mpaaaaaaaaaaaaaaaa'], '2025-03-02', '2025-03-02')).launches).toBe(3);
    expect(await store.totals([], '2025-03-01', '2025-03-02')).toMatchObject({ launches: 0, activeUsers: 0 });
    expect(await store.totals(['mpbbbbbbbbbbbbbbbb'], '2025-03-05', '2025-03-06')).toMatchObject({
      launches: 0,
      activeUsers: 0,
    });
  });

  it('replaces the page and distribution rows of a day with the day, and sums them over a range', async () => {
    const page = (pagePath: string, views: number) => ({
      pagePath,
      views,
      stayMs: 10 * views,
      entries: 1,
      exits: 2,
    });
    for (let i = 0; i < 2; i++)
      await store.writeDay(APP, '2025-03-01', [], [], {
        pages: [page('pages/a', 3), page('pages/b', 1)],
        buckets: [
          { kind: 'stay', bucket: '3-5s', launches: 2 },
          { kind: 'depth', bucket: '1', launches: 4 },
        ],
      });
    await store.writeDay(APP, '2025-03-02', [], [], {
      pages: [page('pages/a', 5)],
      buckets: [{ kind: 'depth', bucket: '1', launches: 1 }],
    });
    await store.writeDay(APP, '2025-03-03', [], [], {
      pages: [page('pages/z', 9)],
      buckets: [{ kind: 'depth', bucket: '2', launches: 9 }],
    });
    expect(await store.pages(APP, '2025-03-01', '2025-03-02')).toEqual([
      { pagePath: 'pages/a', views: 8, stayMs: 80, entries: 2, exits: 4 },
      { pagePath: 'pages/b', views: 1, stayMs: 10, entries: 1, exits: 2 },
    ]);
    expect(await store.buckets(APP, '2025-03-01', '2025-03-02')).toEqual([
      { kind: 'depth', bucket: '1', launches: 5 },
      { kind: 'stay', bucket: '3-5s', launches: 2 },
    ]);
    // Re-writing a day without tables clears them.
    await store.writeDay(APP, '2025-03-02', [], []);
    expect((await store.pages(APP, '2025-03-01', '2025-03-02')).map((p) => p.views)).toEqual([3, 1]);
    expect(await store.buckets('mp0000000000000000', '2025-03-01', '2025-03-03')).toEqual([]);
  });

  it('counts the devices of each cohort day active again N days later, and the new ones among them', async () => {
    const day = (d: string, devices: Array<[string, boolean]>) =>
      store.writeDay(
        APP,
        d,
        [],
        [
          ...devices.map(([deviceId, isNew]) => ({ dimension: '' as const, value: '', deviceId, isNew })),
          // Rows of other dimensions count for nothing here.
          { dimension: 'platform', value: 'IOS', deviceId: 'x', isNew: true },
        ],
      );
    await day('2025-02-27', [['a', true]]);
    await day('2025-03-01', [
      ['a', false],
      ['b', true],
      ['c', true],
    ]);
    await day('2025-03-02', [
      ['a', false],
      ['b', false],
      ['d', true],
    ]);
    await day('2025-03-03', [['c', false]]);
    await day('2025-03-08', [
      ['a', false],
      ['b', false],
      ['c', false],
      ['d', false],
    ]);
    await day('2025-03-13', [['a', false]]);
    await store.writeDay(
      'mp0000000000000000',
      '2025-03-02',
      [],
      [{ dimension: '', value: '', deviceId: 'c', isNew: false }],
    );
    expect(await store.retention(APP, '2025-03-01', '2025-03-02', [1, 2, 7])).toEqual([
      { cohortDay: '2025-03-01', offset: 1, active: 2, fresh: 1 },
      { cohortDay: '2025-03-01', offset: 2, active: 1, fresh: 1 },
      { cohortDay: '2025-03-01', offset: 7, active: 3, fresh: 2 },
    ]);
    // Crossing a month end, and a cohort outside the range is not read.
    expect(await store.retention(APP, '2025-02-27', '2025-02-28', [2, 14])).toEqual([
      { cohortDay: '2025-02-27', offset: 2, active: 1, fresh: 1 },
      { cohortDay: '2025-02-27', offset: 14, active: 1, fresh: 1 },
    ]);
    expect(await store.retention(APP, '2025-03-02', '2025-03-02', [6])).toEqual([
      { cohortDay: '2025-03-02', offset: 6, active: 3, fresh: 1 },
    ]);
    expect(await store.retention(APP, '2025-03-01', '2025-03-02', [])).toEqual([]);
    await expect(store.retention(APP, '2025-03-01', '2025-03-02', [0])).rejects.toThrow(/offset/);
    // Cells are kept for the console's offsets only.
    await expect(store.retention(APP, '2025-03-01', '2025-03-02', [9])).rejects.toThrow(/offset/);
  });

  it('keeps retention cells as days are written in any order, and rewrites the cells a recomputed day touches', async () => {
    const day = (d: string, devices: Array<[string, boolean]>) =>
      store.writeDay(
        APP,
        d,
        [],
        devices.map(([deviceId, isNew]) => ({ dimension: '' as const, value: '', deviceId, isNew })),
      );
    // The later day first: its cells wait for the cohort day.
    await day('2025-03-02', [['a', false]]);
    expect(await store.retention(APP, '2025-03-01', '2025-03-01', [1])).toEqual([]);
    await day('2025-03-01', [
      ['a', true],
      ['b', true],
    ]);
    expect(await store.retention(APP, '2025-03-01', '2025-03-01', [1])).toEqual([
      { cohortDay: '2025-03-01', offset: 1, active: 1, fresh: 1 },
    ]);
    // Late events: the later day recomputed with b too; then the cohort day recomputed without a being new.
    await day('2025-03-02', [
      ['a', false],
      ['b', false],
    ]);
    expect(await store.retention(APP, '2025-03-01', '2025-03-01', [1])).toEqual([
      { cohortDay: '2025-03-01', offset: 1, active: 2, fresh: 2 },
    ]);
    await day('2025-03-01', [
      ['a', false],
      ['b', true],
    ]);
    expect(await store.retention(APP, '2025-03-01', '2025-03-01', [1])).toEqual([
      { cohortDay: '2025-03-01', offset: 1, active: 2, fresh: 1 },
    ]);
    // A day that lost its devices removes its cells.
    await day('2025-03-02', []);
    expect(await store.retention(APP, '2025-03-01', '2025-03-01', [1])).toEqual([]);
  });

  it('streams a day by whole devices and keeps the day invisible until the writer commits', async () => {
    const events = [
      event(1, '2025-03-01', { deviceId: 'da' }),
      event(2, '2025-03-02', { deviceId: 'da' }),
      event(3, '2025-03-02', { deviceId: 'db' }),
      event(4, '2025-03-02', { deviceId: 'db' }),
      event(5, '2025-03-03', { deviceId: 'dc' }),
      event(6, '2025-03-02', { deviceId: 'dd' }),
    ];
    await store.append(events);
    const days = ['2025-03-01', '2025-03-02', '2025-03-03'];
    const seen: string[][] = [];
    const fresh: string[] = [];
    let after: string | null = null;
    for (;;) {
      const chunk = await store.deviceChunk(APP, days, '2025-03-02', after, 1);
      if (chunk.last === null) break;
      seen.push(chunk.events.map((e) => e.eventId));
      fresh.push(...chunk.newDevices);
      after = chunk.last;
    }
    // A chunk ends at the first device `maxEvents` events further on any day (db on the 2nd); whole devices, in
    // device then clock order; the last chunk takes what is left.
    expect(seen).toEqual([
      ['e-000001', 'e-000002', 'e-000003', 'e-000004'],
      ['e-000005', 'e-000006'],
    ]);
    expect(fresh.sort()).toEqual(['db', 'dd']);

    const writer = await store.beginDay(APP, '2025-03-02', 7);
    await writer.addDevices([{ dimension: '', value: '', deviceId: 'da', isNew: false }]);
    await writer.addDevices([{ dimension: '', value: '', deviceId: 'db', isNew: true }]);
    expect(await store.distinctDevices(APP, '2025-03-02', '2025-03-02', '')).toEqual([]);
    await writer.commit([], { pages: [], buckets: [] });
    expect(await store.distinctDevices(APP, '2025-03-02', '2025-03-02', '')).toEqual([
      { value: '', active: 2 },
    ]);
    // An aborted rewrite leaves the committed day as it was.
    const again = await store.beginDay(APP, '2025-03-02', 8);
    await again.addDevices([{ dimension: '', value: '', deviceId: 'zz', isNew: false }]);
    await again.abort();
    expect(await store.distinctDevices(APP, '2025-03-02', '2025-03-02', '')).toEqual([
      { value: '', active: 2 },
    ]);
    expect(await store.staleDays(8, 10)).toEqual([{ appId: APP, day: '2025-03-02', version: 7 }]);
    expect(await store.staleDays(7, 10)).toEqual([]);
  });

  it('counts devices distinct over a range per breakdown value and per page (day bitmaps), and rewrites a day whole', async () => {
    const at = (dimension: 'platform' | 'page', value: string, deviceId: string) => ({
      dimension,
      value,
      deviceId,
      isNew: false,
    });
    // Thousands of devices a day, so the bitmaps hold more than one container; ids interleave across days.
    const many = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `dev-${from + i}`);
    await store.writeDay(
      APP,
      '2025-03-01',
      [],
      [
        ...many(0, 5_000).map((d) => at('platform', 'IOS', d)),
        ...many(5_000, 6_000).map((d) => at('platform', 'ANDROID', d)),
        at('page', 'pages/a', 'dev-1'),
        at('page', 'pages/b', 'dev-1'),
      ],
    );
    await store.writeDay(
      APP,
      '2025-03-02',
      [],
      [
        ...many(2_500, 7_500).map((d) => at('platform', 'IOS', d)),
        at('page', 'pages/a', 'dev-2'),
        at('page', 'pages/a', 'dev-1'),
      ],
    );
    // Outside the range.
    await store.writeDay(
      APP,
      '2025-03-03',
      [],
      [at('platform', 'IOS', 'dev-99999'), at('page', 'pages/a', 'x')],
    );
    expect(await store.distinctDevices(APP, '2025-03-01', '2025-03-02', 'platform')).toEqual([
      { value: 'ANDROID', active: 1_000 },
      { value: 'IOS', active: 7_500 },
    ]);
    expect(await store.distinctDevices(APP, '2025-03-01', '2025-03-02', 'page')).toEqual([
      { value: 'pages/a', active: 2 },
      { value: 'pages/b', active: 1 },
    ]);
    // Another mini-program's rows of the same devices and days count in neither.
    await store.writeDay('mpaaaaaaaaaaaaaaaa', '2025-03-01', [], [at('platform', 'IOS', 'dev-777777')]);
    expect(await store.distinctDevices(APP, '2025-03-01', '2025-03-01', 'platform')).toEqual([
      { value: 'ANDROID', active: 1_000 },
      { value: 'IOS', active: 5_000 },
    ]);
    // A day rewritten replaces its bitmaps: values it no longer has are gone.
    await store.writeDay(APP, '2025-03-01', [], [at('platform', 'HARMONY', 'dev-1')]);
    expect(await store.distinctDevices(APP, '2025-03-01', '2025-03-02', 'platform')).toEqual([
      { value: 'HARMONY', active: 1 },
      { value: 'IOS', active: 5_000 },
    ]);
  });

  it('adds every mini-program up per day for the platform, devices distinct across mini-programs and over the range', async () => {
    const total = {
      dimension: '' as const,
      value: '',
      pageViews: 0,
      stayMs: 0,
      bounces: 0,
      jsErrors: 0,
      crashes: 0,
      newUsers: 0,
      activeUsers: 0,
    };
    const device = (deviceId: string, dimension: '' | 'platform' = '') => ({
      dimension,
      value: dimension ? 'IOS' : '',
      deviceId,
      isNew: false,
    });
    await store.writeDay(
      'mpaaaaaaaaaaaaaaaa',
      '2025-03-01',
      [{ day: '2025-03-01', ...total, launches: 2 }],
      [device('a'), device('b'), device('z', 'platform')],
    );
    await store.writeDay(
      'mpbbbbbbbbbbbbbbbb',
      '2025-03-01',
      [{ day: '2025-03-01', ...total, launches: 3 }],
      [device('b'), device('c')],
    );
    await store.writeDay(
      'mpbbbbbbbbbbbbbbbb',
      '2025-03-03',
      [{ day: '2025-03-03', ...total, launches: 1 }],
      [device('a')],
    );
    // Outside the range: counted nowhere.
    await store.writeDay(
      'mpbbbbbbbbbbbbbbbb',
      '2025-03-04',
      [{ day: '2025-03-04', ...total, launches: 9 }],
      [device('q')],
    );
    expect(await store.platformDaily('2025-03-01', '2025-03-03')).toEqual([
      { day: '2025-03-01', launches: 5, activeDevices: 3 },
      { day: '2025-03-03', launches: 1, activeDevices: 1 },
    ]);
    expect(await store.platformDistinctDevices('2025-03-01', '2025-03-03')).toBe(3);
    expect(await store.platformDistinctDevices('2025-03-02', '2025-03-02')).toBe(0);
  });

  it('prunes raw events by whole days and keeps later days', async () => {
    await store.append([event(1, '2025-03-01'), event(2, '2025-03-02'), event(3, '2025-03-03')]);
    expect(await store.pruneBefore('2025-03-03')).toBe(2);
    expect((await store.events(APP, ['2025-03-01', '2025-03-02', '2025-03-03'])).map((e) => e.day)).toEqual([
      '2025-03-03',
    ]);
  });

  it('keeps one exposure per (app, day, device, plan, version): the first decision of the day; redeliveries change nothing', async () => {
    const first = [
      exposure('d1', '2025-03-01'),
      exposure('d2', '2025-03-01', { versionId: 'v1', versionSource: 'release', ruleId: null }),
      exposure('d1', '2025-03-02'),
    ];
    expect(await store.appendExposures(first)).toEqual({ inserted: 3, duplicates: 0 });
    // The same device again that day (later, another host app): still the first row.
    expect(
      await store.appendExposures([
        exposure('d1', '2025-03-01', { servedAt: Date.parse('2025-03-01T09:00:00Z'), hostAppId: 'h2' }),
        exposure('d3', '2025-03-01', { planId: '' }),
      ]),
    ).toEqual({
      inserted: 1,
      duplicates: 1,
    });
    // Another version for the same device and day (served both, e.g. after a revert) is its own row.
    expect(
      await store.appendExposures([
        exposure('d1', '2025-03-01', { versionId: 'v1', versionSource: 'release', ruleId: null }),
      ]),
    ).toEqual({ inserted: 1, duplicates: 0 });
    expect(await store.appendExposures([])).toEqual({ inserted: 0, duplicates: 0 });

    const day1 = await store.exposures(APP, ['2025-03-01']);
    expect(
      day1.map((x) => [x.deviceId, x.planId, x.versionId, x.versionSource, x.ruleId, x.hostAppId]),
    ).toEqual([
      ['d1', 'plan-1', 'v1', 'release', null, 'h1'],
      ['d1', 'plan-1', 'v2', 'gray', 'rule-1', 'h1'],
      ['d2', 'plan-1', 'v1', 'release', null, 'h1'],
      ['d3', '', 'v2', 'gray', 'rule-1', 'h1'],
    ]);
    expect(day1[1]).toEqual(exposure('d1', '2025-03-01'));
    expect((await store.exposures(APP, ['2025-03-01', '2025-03-02'])).length).toBe(5);
    expect(await store.exposures('mp0000000000000000', ['2025-03-01'])).toEqual([]);
    expect(await store.exposures(APP, [])).toEqual([]);
  });

  it('prunes exposures with the raw days', async () => {
    await store.appendExposures([
      exposure('d1', '2025-03-01'),
      exposure('d1', '2025-03-02'),
      exposure('d1', '2025-03-03'),
    ]);
    await store.pruneBefore('2025-03-03');
    expect(
      (await store.exposures(APP, ['2025-03-01', '2025-03-02', '2025-03-03'])).map((x) => x.day),
    ).toEqual(['2025-03-03']);
    // A pruned day can be written again (its partition is re-created).
    expect(await store.appendExposures([exposure('d1', '2025-03-01')])).toEqual({
      inserted: 1,
      duplicates: 0,
    });
  });
});
