import 'reflect-metadata';
import type { ReportEvent } from '@grove/contracts';
import { graphql } from 'graphql';
import { silentLogger } from '@grove/platform';
import { createAnalyticsHarness, knownApp, type AnalyticsHarness } from './analytics.test-support';

/** The platform error a resolver threw (the subgraph schema called directly does not format errors). */
const refusal = (result: { errors?: readonly { originalError?: unknown }[] }) => {
  const error = result.errors?.[0]?.originalError as
    { code?: string; details?: Record<string, unknown> } | undefined;
  return { code: error?.code, ...error?.details };
};

/** Shanghai wall-clock time as an instant. */
const at = (local: string) => Date.parse(`${local}+08:00`);
const NOW = at('2025-03-10T12:00:00');

describe('retention, top pages, distributions and the hourly series (rollups of a known week)', () => {
  let h: AnalyticsHarness;
  let appId: string;

  beforeAll(async () => {
    h = await createAnalyticsHarness({ now: () => NOW, settings: { timeZone: 'Asia/Shanghai' } });
    appId = await knownApp(h, h.orgA);
    let n = 0;
    const e = (
      deviceId: string,
      type: ReportEvent['type'],
      local: string,
      extra: Partial<ReportEvent> = {},
    ): ReportEvent => ({
      eventId: `e-${String(++n).padStart(4, '0')}`,
      type,
      appId,
      deviceId,
      launchId: `${deviceId}-${local.slice(0, 10)}`,
      platform: 'IOS',
      clientTs: at(local),
      ...extra,
    });
    const events: ReportEvent[] = [
      // 03-08: a sees two pages in 10 s, b one page in 2.5 s.
      e('a', 'app_launch', '2025-03-08T09:00:00'),
      e('a', 'page_show', '2025-03-08T09:00:01', { pagePath: 'p/a' }),
      e('a', 'page_hide', '2025-03-08T09:00:05', { pagePath: 'p/a', durationMs: 4000 }),
      e('a', 'page_show', '2025-03-08T09:00:06', { pagePath: 'p/b' }),
      e('a', 'app_exit', '2025-03-08T09:00:10', { durationMs: 10_000 }),
      e('b', 'app_launch', '2025-03-08T09:30:00'),
      e('b', 'page_show', '2025-03-08T09:30:01', { pagePath: 'p/a' }),
      e('b', 'app_hide', '2025-03-08T09:30:02', { durationMs: 2500 }),
      // 03-09: a again (one page, 5 s); c new at 23:30 (no page, 40 s).
      e('a', 'app_launch', '2025-03-09T10:00:00'),
      e('a', 'page_show', '2025-03-09T10:00:01', { pagePath: 'p/b' }),
      e('a', 'page_hide', '2025-03-09T10:00:04', { pagePath: 'p/b', durationMs: 3000 }),
      e('a', 'app_exit', '2025-03-09T10:00:05', { durationMs: 5000 }),
      e('c', 'app_launch', '2025-03-09T23:30:00'),
      e('c', 'app_exit', '2025-03-09T23:30:40', { durationMs: 40_000 }),
      // 03-10 (today): a (no page, 1 s) and b (one page, 700 s).
      e('a', 'app_launch', '2025-03-10T08:00:00'),
      e('a', 'app_exit', '2025-03-10T08:00:01', { durationMs: 1000 }),
      e('b', 'app_launch', '2025-03-10T09:00:00'),
      e('b', 'page_show', '2025-03-10T09:00:01', { pagePath: 'p/a' }),
      e('b', 'app_exit', '2025-03-10T09:11:40', { durationMs: 700_000 }),
    ];
    await h.analytics.services.pipeline.ingest({
      hostAppId: 'host-1',
      orgId: h.orgA,
      receivedAt: NOW,
      sentAt: NOW,
      region: null,
      events,
    });
    await h.analytics.services.pipeline.recompute(['2025-03-08', '2025-03-09', '2025-03-10']);
  });
  afterAll(async () => h?.dispose());

  const run = async (source: string, variables: Record<string, unknown>, principal = h.ownerA) =>
    graphql({
      schema: h.analytics.schema,
      source,
      variableValues: { appId, ...variables },
      contextValue: { principal, requestId: 'tables', logger: silentLogger() },
    });

  it('follows each cohort day of active and of new users 1–7, 14 and 30 days on; days after today are unknown', async () => {
    const { tables } = h.analytics.services;
    const active = await tables.retention(h.ownerA, appId, 'active', '2025-03-08', '2025-03-10');
    const nulls = (k: number) => Array<null>(k).fill(null);
    expect(active.offsets).toEqual([1, 2, 3, 4, 5, 6, 7, 14, 30]);
    expect(active.rows.map((r) => [r.cohortDay, r.cohortSize, r.retained])).toEqual([
      ['2025-03-08', 2, [1, 2, ...nulls(7)]],
      ['2025-03-09', 2, [1, ...nulls(8)]],
      ['2025-03-10', 2, nulls(9)],
    ]);
    expect(active.rows[0].rates).toEqual([0.5, 1, ...nulls(7)]);
    const fresh = await tables.retention(h.ownerA, appId, 'new', '2025-03-08', '2025-03-10');
    expect(fresh.rows.map((r) => [r.cohortSize, r.retained[0], r.retained[1]])).toEqual([
      [2, 1, 2],
      [1, 0, null],
      [0, null, null],
    ]);

    const viaSchema = await run(
      'query ($appId: ID!) { miniProgramRetention(appId: $appId, from: "2025-03-09", to: "2025-03-09") { cohort offsets rows { cohortSize retained rates } } }',
      {},
    );
    expect(viaSchema.errors).toBeUndefined();
    expect(viaSchema.data?.miniProgramRetention).toEqual({
      cohort: 'NEW',
      offsets: [1, 2, 3, 4, 5, 6, 7, 14, 30],
      rows: [{ cohortSize: 1, retained: [0, ...nulls(8)], rates: [0, ...nulls(8)] }],
    });

    const tooLong = await run(
      'query ($appId: ID!) { miniProgramRetention(appId: $appId, cohort: ACTIVE, from: "2024-12-01", to: "2025-03-10") { appId } }',
      {},
    );
    expect(refusal(tooLong)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RANGE_TOO_LONG',
    });
  });

  it('counts views, visitors distinct over the range, page stay, entries and exits per page, sorted and paged', async () => {
    const pages = await h.analytics.services.tables.topPages(h.ownerA, appId, '2025-03-08', '2025-03-10');
    expect(pages.totalCount).toBe(2);
    expect(pages.rows).toEqual([
      {
        pagePath: 'p/a',
        views: 3,
        visitors: 2,
        totalStayMs: 4000,
        averageStayMs: 4000 / 3,
        entries: 3,
        exits: 2,
        exitRate: 2 / 3,
      },
      {
        pagePath: 'p/b',
        views: 2,
        visitors: 1,
        totalStayMs: 3000,
        averageStayMs: 1500,
        entries: 1,
        exits: 2,
        exitRate: 1,
      },
    ]);
    // One day only: that day's rows.
    const day9 = await h.analytics.services.tables.topPages(h.ownerA, appId, '2025-03-09', '2025-03-09');
    expect(day9.rows.map((r) => [r.pagePath, r.views, r.visitors, r.entries, r.exits])).toEqual([
      ['p/b', 1, 1, 1, 1],
    ]);

    const page = async (sort: string, take: number, skip: number) => {
      const result = await run(
        'query ($appId: ID!, $sort: TopPagesSort, $take: Int, $skip: Int) { miniProgramTopPages(appId: $appId, from: "2025-03-08", to: "2025-03-10", sort: $sort, take: $take, skip: $skip) { sort totalCount rows { pagePath } } }',
        { sort, take, skip },
      );
      expect(result.errors).toBeUndefined();
      const data = result.data?.miniProgramTopPages as {
        sort: string;
        totalCount: number;
        rows: Array<{ pagePath: string }>;
      };
      return [data.sort, data.totalCount, data.rows.map((r) => r.pagePath)];
    };
    expect(await page('EXITS', 5, 0)).toEqual(['EXITS', 2, ['p/a', 'p/b']]);
    expect(await page('AVERAGE_STAY', 5, 0)).toEqual(['AVERAGE_STAY', 2, ['p/b', 'p/a']]);
    expect(await page('ENTRIES', 1, 1)).toEqual(['ENTRIES', 2, ['p/b']]);
    const badTake = await run(
      'query ($appId: ID!) { miniProgramTopPages(appId: $appId, from: "2025-03-08", to: "2025-03-10", take: 0) { appId } }',
      {},
    );
    expect(refusal(badTake).code).toBe('BAD_USER_INPUT');
  });

  it('puts every launch in one stay bucket and one depth bucket, on the day it started', async () => {
    const d = await h.analytics.services.tables.distributions(h.ownerA, appId, '2025-03-08', '2025-03-10');
    const nonZero = (rows: Array<{ bucket: string; launches: number }>) =>
      rows.filter((r) => r.launches > 0).map((r) => [r.bucket, r.launches]);
    expect(d.launches).toBe(6);
    expect(nonZero(d.stay)).toEqual([
      ['0-2s', 2],
      ['3-5s', 1],
      ['6-10s', 1],
      ['31-60s', 1],
      ['10-30min', 1],
    ]);
    expect(nonZero(d.depth)).toEqual([
      ['0', 2],
      ['1', 3],
      ['2', 1],
    ]);
    expect(d.stay).toHaveLength(9);
    expect(d.stay.at(-1)).toEqual({ bucket: '>30min', min: 1801, max: null, launches: 0, share: 0 });
    expect(d.depth.find((b) => b.bucket === '1')!.share).toBe(0.5);
  });

  it('answers 24 hourly buckets a day for at most 7 days: launches at their start hour, new users at their first hour', async () => {
    const series = await h.analytics.services.queries.series(
      h.ownerA,
      appId,
      '2025-03-08',
      '2025-03-09',
      'hour',
    );
    expect(series.days).toHaveLength(48);
    const busy = series.days
      .filter((b) => b.metrics.activeUsers > 0)
      .map((b) => [
        b.day,
        b.hour,
        b.metrics.launches,
        b.metrics.pageViews,
        b.metrics.activeUsers,
        b.metrics.newUsers,
      ]);
    expect(busy).toEqual([
      ['2025-03-08', 9, 2, 3, 2, 2],
      ['2025-03-09', 10, 1, 1, 1, 0],
      ['2025-03-09', 23, 1, 0, 1, 1],
    ]);
    expect([series.total.launches, series.total.activeUsers, series.total.newUsers]).toEqual([4, 3, 3]);
    // The hours of a day add up to the day.
    const daily = await h.analytics.services.queries.series(
      h.ownerA,
      appId,
      '2025-03-08',
      '2025-03-09',
      'day',
    );
    expect(daily.total).toEqual(series.total);

    const tooLong = await run(
      'query ($appId: ID!) { miniProgramAnalytics(appId: $appId, from: "2025-03-01", to: "2025-03-08", granularity: HOUR) { appId } }',
      {},
    );
    expect(refusal(tooLong)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'HOURLY_RANGE_TOO_LONG',
      maxDays: 7,
    });
    const hourly = await run(
      'query ($appId: ID!) { miniProgramAnalytics(appId: $appId, from: "2025-03-08", to: "2025-03-08", granularity: HOUR) { granularity days { hour metrics { launches } } } }',
      {},
    );
    expect(hourly.errors).toBeUndefined();
    const data = hourly.data?.miniProgramAnalytics as { granularity: string; days: Array<{ hour: number }> };
    expect([data.granularity, data.days.map((d) => d.hour)]).toEqual([
      'HOUR',
      Array.from({ length: 24 }, (_, i) => i),
    ]);
  });

  it("sums an organization's mini-programs, devices distinct across them, through the Organization entity too", async () => {
    const other = await knownApp(h, h.orgA);
    await h.analytics.services.pipeline.ingest({
      hostAppId: 'host-1',
      orgId: h.orgA,
      receivedAt: NOW,
      sentAt: NOW,
      region: null,
      events: ['a', 'z'].map((deviceId) => ({
        eventId: `other-${deviceId}`,
        type: 'app_launch' as const,
        appId: other,
        deviceId,
        launchId: `other-${deviceId}`,
        platform: 'ANDROID',
        clientTs: at('2025-03-09T12:00:00'),
      })),
    });
    await h.analytics.services.pipeline.recompute(['2025-03-09']);
    const { summaries } = h.analytics.services;
    const org = await summaries.forOrganization(h.ownerA, h.orgA, '2025-03-08', '2025-03-10');
    expect([org.miniPrograms, org.metrics.launches, org.metrics.activeUsers, org.metrics.newUsers]).toEqual([
      2, 8, 4, 5,
    ]);
    const app = await summaries.forMiniProgram(h.ownerA, appId, '2025-03-08', '2025-03-10');
    const series = await h.analytics.services.queries.series(h.ownerA, appId, '2025-03-08', '2025-03-10');
    expect(app).toMatchObject({ miniPrograms: 1, metrics: series.total });

    const result = await run(
      'query ($id: ID!) { _entities(representations: [{ __typename: "Organization", id: $id }]) { ... on Organization { statistics(from: "2025-03-08", to: "2025-03-10") { metrics { activeUsers } } } } }',
      { id: h.orgA },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ statistics: { metrics: { activeUsers: 4 } } }]);
    await expect(
      summaries.forOrganization(h.ownerB, h.orgA, '2025-03-08', '2025-03-10'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await summaries.organizationReference(h.ownerB, h.orgA)).toBeNull();
  });

  it('answers every table as CSV through one renderer: the rows the query answered, unknown cells empty', async () => {
    const csvOf = async (source: string) => {
      const result = await run(source, {});
      expect(result.errors).toBeUndefined();
      return Object.values(result.data!)[0] as { csv: string };
    };
    const lines = (csv: string) => csv.split('\r\n').slice(0, -1);
    const range = 'appId: $appId, from: "2025-03-08", to: "2025-03-10"';
    expect(lines((await csvOf(`query ($appId: ID!) { miniProgramTopPages(${range}) { csv } }`)).csv)).toEqual(
      [
        'page_path,views,visitors,total_stay_ms,average_stay_ms,entries,exits,exit_rate',
        `p/a,3,2,4000,${4000 / 3},3,2,${2 / 3}`,
        'p/b,2,1,3000,1500,1,2,1',
      ],
    );
    const retention = lines(
      (await csvOf(`query ($appId: ID!) { miniProgramRetention(${range}, cohort: ACTIVE) { csv } }`)).csv,
    );
    expect(retention[0]).toBe(
      'cohort_day,cohort_size,day_1,day_2,day_3,day_4,day_5,day_6,day_7,day_14,day_30,' +
        'day_1_rate,day_2_rate,day_3_rate,day_4_rate,day_5_rate,day_6_rate,day_7_rate,day_14_rate,day_30_rate',
    );
    expect(retention[1]).toBe('2025-03-08,2,1,2,,,,,,,,0.5,1,,,,,,,');
    const distributions = lines(
      (await csvOf(`query ($appId: ID!) { miniProgramLaunchDistributions(${range}) { csv } }`)).csv,
    );
    expect(distributions).toHaveLength(1 + 9 + 9);
    expect(distributions.slice(0, 2)).toEqual([
      'kind,bucket,min,max,launches,share',
      `stay,0-2s,0,2,2,${2 / 6}`,
    ]);
    // Depth '>20' and '>30min' have no upper bound; the '>' needs no escaping.
    expect(distributions.at(-1)).toBe('depth,>20,21,,0,0');
    const series = lines((await csvOf(`query ($appId: ID!) { miniProgramAnalytics(${range}) { csv } }`)).csv);
    expect(series[0]).toBe(
      'day,until,new_users,active_users,launches,page_views,total_stay_ms,average_stay_ms,bounces,bounce_rate,js_errors,crashes,crash_rate',
    );
    expect(series.map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'day,until,new_users,active_users,launches',
      '2025-03-08,2025-03-08,2,2,2',
      '2025-03-09,2025-03-09,1,2,2',
      '2025-03-10,2025-03-10,0,2,2',
      'total,,3,3,6',
    ]);
    const breakdown = lines(
      (
        await csvOf(
          `query ($appId: ID!) { miniProgramAnalyticsBreakdown(${range}, dimension: PLATFORM) { csv } }`,
        )
      ).csv,
    );
    expect(breakdown.map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'platform,new_users,active_users,launches,page_views',
      'IOS,3,3,6,5',
    ]);
  });

  it("refuses another organization's mini-program", async () => {
    await expect(
      h.analytics.services.tables.topPages(h.ownerB, appId, '2025-03-08', '2025-03-10'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
