import {
  CustomEventDeclarationsDocument,
  DeclareCustomEventDocument,
  LoginDocument,
  MiniProgramAnalyticsBreakdownDocument,
  MiniProgramAnalyticsDocument,
  MiniProgramLaunchDistributionsDocument,
  MiniProgramRetentionDocument,
  MiniProgramTopPagesDocument,
  MiniProgramWithStatisticsDocument,
  OrganizationWithStatisticsDocument,
  PlatformOverviewDocument,
  RecomputeAnalyticsDocument,
  ReleasePlanStatisticsBreakdownDocument,
  ReleasePlanStatisticsDocument,
  ReleasePlanWithStatisticsDocument,
} from '../../../schema/generated/graphql';
import { eventually } from '@grove/testkit';
import {
  expectedRetention,
  fleetDevices,
  generateFleet,
  sendBatch,
  servedVersion,
  shanghaiDay,
  type CohortExpected,
  type Expected,
} from './analytics-fleet.scenario';
import { dataOf, execute } from './graphql-client';
import { runMiniProgramStory, STORY_ENV } from './mini-program-story.scenario';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  E2E_START_TIMEOUT_MS,
  e2eModes,
  startE2EPlatform,
  type E2EPlatform,
} from './platform-harness';

const DAY_MS = 86_400_000;
/** Longest wait for the consumer to drain a few thousand events on a loaded machine; polling ends earlier. */
const CONVERGE_MS = 60_000;
const DEVICES = 400;
/** Gray devices err after this share of pages (the released version: 0.15). */
const GRAY_ERROR_RATE = 0.6;

/**
 * Issue 9's proof: a simulated fleet reports through the signed endpoint (gzip, shuffled batches, duplicates, late
 * batches, skewed clocks, junk), and the statistics the analytics subgraph answers equal the fleet model, exactly.
 */
describe.each(e2eModes())('analytics: a fleet reported through the signed endpoint (%s)', (mode) => {
  let e2e: E2EPlatform;
  beforeAll(async () => {
    e2e = await startE2EPlatform({ mode, env: { ...STORY_ENV, ANALYTICS_ROLLUP_INTERVAL_MS: '0' } });
  }, E2E_START_TIMEOUT_MS);
  afterAll(async () => {
    await e2e?.stop();
  }, E2E_START_TIMEOUT_MS);

  it('counts exactly what the fleet did, idempotently, with late events recomputed; gray statistics follow the exposure record', async () => {
    const now = Date.now();
    // While the story's plan serves its gray version to 20% of mobile devices, every fleet device (and every device
    // the story itself will ask for) launches once: the runtime records what it served. Answers are observed here.
    const served = new Map<string, string>();
    let exposureDay = '';
    const story = await runMiniProgramStory(e2e, {
      tag: 'analytics',
      at: async (step, ids) => {
        if (step !== 'runtime-serving') return;
        const keys = { sdkKey: ids.sdkKey!, sdkSecret: ids.sdkSecret! };
        exposureDay = shanghaiDay(Date.now());
        const storyDevices = ['warm-up', ...Array.from({ length: 1000 }, (_, i) => `device-${i}`)].map(
          (deviceId) => ({ deviceId, platform: 'ANDROID' }),
        );
        for (const device of [...fleetDevices(DEVICES), ...storyDevices])
          served.set(device.deviceId, await servedVersion(e2e.url, keys, ids.appId!, device));
      },
    });
    const admin = dataOf(
      await execute(e2e.url, LoginDocument, { input: { identifier: ADMIN_EMAIL, password: ADMIN_PASSWORD } }),
    ).login.accessToken;
    const grayDevices = new Set([...served].filter(([, v]) => v === story.v2).map(([d]) => d));
    expect(new Set(served.values())).toEqual(new Set([story.v1, story.v2]));
    const fleet = generateFleet({
      appId: story.appId,
      devices: DEVICES,
      now,
      gray: {
        devices: new Set(
          fleetDevices(DEVICES)
            .map((d) => d.deviceId)
            .filter((d) => grayDevices.has(d)),
        ),
        day: exposureDay,
        errorRate: GRAY_ERROR_RATE,
      },
    });
    const keys = { sdkKey: story.sdkKey, sdkSecret: story.sdkSecret };
    const from = shanghaiDay(now - 3 * DAY_MS);
    const to = shanghaiDay(now);
    const late = fleet.batches.filter((_, i) => i % 7 === 3);
    const onTime = fleet.batches.filter((_, i) => i % 7 !== 3);

    // The owner declares a custom event through the router; the fleet's undeclared ones ('share') are dropped, so the
    // statistics below are unaffected either way.
    const declared = dataOf(
      await execute(
        e2e.url,
        DeclareCustomEventDocument,
        {
          appId: story.appId,
          input: {
            name: 'purchase',
            displayName: 'Purchase',
            attributes: [{ name: 'amount', type: 'NUMBER' }],
          },
        },
        { token: story.ownerToken },
      ),
    ).declareCustomEvent;
    expect(declared.attributes).toEqual([{ name: 'amount', type: 'NUMBER', displayName: 'amount' }]);
    expect(
      dataOf(
        await execute(
          e2e.url,
          CustomEventDeclarationsDocument,
          { appId: story.appId },
          { token: story.ownerToken },
        ),
      ).customEventDeclarations.map((d) => d.name),
    ).toEqual(['purchase']);

    // On-time batches, a tenth of them sent twice (client retries), and junk the cleaner drops.
    let accepted = 0;
    for (const [i, batch] of onTime.entries()) {
      accepted += (await sendBatch(e2e.url, keys, batch)).accepted;
      if (i % 10 === 0) await sendBatch(e2e.url, keys, batch);
    }
    await sendBatch(e2e.url, keys, fleet.junk[0]);
    expect(accepted).toBe(onTime.reduce((n, b) => n + b.events.length, 0));

    const series = async () =>
      dataOf(
        await execute(
          e2e.url,
          MiniProgramAnalyticsDocument,
          { appId: story.appId, from, to },
          { token: story.ownerToken },
        ),
      ).miniProgramAnalytics!;
    const recompute = async () =>
      dataOf(await execute(e2e.url, RecomputeAnalyticsDocument, { from, to }, { token: admin }))
        .recomputeAnalytics;

    // Late batches arrive after a first rollup; recomputing the window takes them in.
    const partialLaunches = onTime.flatMap((b) => b.events).filter((e) => e.type === 'app_launch').length;
    await eventually(
      async () => {
        await recompute();
        expect((await series()).total.launches).toBeGreaterThanOrEqual(partialLaunches);
      },
      CONVERGE_MS,
      200,
    );
    for (const batch of late) await sendBatch(e2e.url, keys, batch);

    const expectedDays = [...fleet.byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const sum = (pick: (e: Expected) => number) => expectedDays.reduce((n, [, e]) => n + pick(e), 0);
    await eventually(
      async () => {
        await recompute();
        const answer = await series();
        const days = answer.days.filter((d) => d.metrics.activeUsers > 0 || d.metrics.launches > 0);
        expect(
          days.map((d) => [
            d.day,
            d.metrics.launches,
            d.metrics.pageViews,
            d.metrics.totalStayMs,
            d.metrics.bounces,
            d.metrics.jsErrors,
            d.metrics.crashes,
            d.metrics.newUsers,
            d.metrics.activeUsers,
          ]),
        ).toEqual(
          expectedDays.map(([d, e]) => [
            d,
            e.launches,
            e.pageViews,
            e.stayMs,
            e.bounces,
            e.jsErrors,
            e.crashes,
            e.newUsers,
            e.activeUsers,
          ]),
        );
      },
      CONVERGE_MS,
      500,
    );

    const answer = await series();
    expect(answer.timeZone).toBe('Asia/Shanghai');
    // Distinct over the range: every device once, although most were active on several days.
    expect(answer.total.activeUsers).toBe(fleet.devices);
    expect(answer.total.newUsers).toBe(fleet.devices);
    expect(answer.total.launches).toBe(sum((e) => e.launches));
    expect(answer.total.averageStayMs).toBeCloseTo(sum((e) => e.stayMs) / sum((e) => e.launches), 6);
    expect(answer.total.bounceRate).toBeCloseTo(sum((e) => e.bounces) / sum((e) => e.launches), 6);

    const breakdown = dataOf(
      await execute(
        e2e.url,
        MiniProgramAnalyticsBreakdownDocument,
        { appId: story.appId, dimension: 'PLATFORM', from, to },
        { token: story.ownerToken },
      ),
    ).miniProgramAnalyticsBreakdown!;
    expect(
      Object.fromEntries(breakdown.rows.map((r) => [r.value, [r.metrics.launches, r.metrics.activeUsers]])),
    ).toEqual(Object.fromEntries([...fleet.byPlatform].map(([p, v]) => [p, [v.launches, v.devices.size]])));

    // Per page, distributions and retention, against the model (all from the rollups just checked).
    const topPages = dataOf(
      await execute(
        e2e.url,
        MiniProgramTopPagesDocument,
        { appId: story.appId, from, to, sort: 'VISITORS', take: 100 },
        { token: story.ownerToken },
      ),
    ).miniProgramTopPages!;
    const expectedPages = [...fleet.pages]
      .map(([pagePath, p]) => ({
        pagePath,
        views: p.views,
        visitors: p.visitors.size,
        totalStayMs: p.stayMs,
        entries: p.entries,
        exits: p.exits,
      }))
      .sort((a, b) => b.visitors - a.visitors || (a.pagePath < b.pagePath ? -1 : 1));
    expect(topPages.totalCount).toBe(fleet.pages.size);
    expect(
      topPages.rows.map(({ pagePath, views, visitors, totalStayMs, entries, exits }) => ({
        pagePath,
        views,
        visitors,
        totalStayMs,
        entries,
        exits,
      })),
    ).toEqual(expectedPages);
    const p0 = topPages.rows.find((r) => r.pagePath === 'pages/p0/index')!;
    expect(p0.averageStayMs).toBeCloseTo(fleet.pages.get('pages/p0/index')!.stayMs / p0.views, 6);
    expect(p0.entries).toBe(sum((e) => e.launches));

    const distributions = dataOf(
      await execute(
        e2e.url,
        MiniProgramLaunchDistributionsDocument,
        { appId: story.appId, from, to },
        { token: story.ownerToken },
      ),
    ).miniProgramLaunchDistributions!;
    expect(distributions.launches).toBe(sum((e) => e.launches));
    const nonZero = (rows: Array<{ bucket: string; launches: number }>) =>
      Object.fromEntries(rows.filter((r) => r.launches > 0).map((r) => [r.bucket, r.launches]));
    expect(nonZero(distributions.stay)).toEqual(Object.fromEntries(fleet.distributions.stay));
    expect(nonZero(distributions.depth)).toEqual(Object.fromEntries(fleet.distributions.depth));

    const retentionDays = [...fleet.byDay.keys()].sort();
    for (const cohort of ['NEW', 'ACTIVE'] as const) {
      const table = dataOf(
        await execute(
          e2e.url,
          MiniProgramRetentionDocument,
          { appId: story.appId, cohort, from: retentionDays[0], to: retentionDays.at(-1)! },
          { token: story.ownerToken },
        ),
      ).miniProgramRetention!;
      const expected = expectedRetention(
        fleet,
        cohort === 'NEW' ? 'new' : 'active',
        retentionDays,
        table.offsets,
        shanghaiDay(Date.now()),
      );
      expect(table.offsets).toEqual([1, 2, 3, 4, 5, 6, 7, 14, 30]);
      expect(
        table.rows.map((r) => ({
          cohortDay: r.cohortDay,
          cohortSize: r.cohortSize,
          retained: r.retained,
        })),
      ).toEqual(expected);
      // The fleet spans more than one day, so some devices came back the next day.
      expect(table.rows[0].retained[0]).toBeGreaterThan(0);
    }

    // The same totals through app-manage's MiniProgram and account's Organization (the story's organization has only
    // this mini-program with reports), for the owner; a reviewer-less member of another organization gets no entity.
    const viaApp = dataOf(
      await execute(
        e2e.url,
        MiniProgramWithStatisticsDocument,
        { appId: story.appId, from, to },
        { token: story.ownerToken },
      ),
    ).miniProgram!;
    expect(viaApp.statistics).toMatchObject({ from, to, miniPrograms: 1, metrics: answer.total });
    const viaOrg = dataOf(
      await execute(
        e2e.url,
        OrganizationWithStatisticsDocument,
        { id: story.orgId, from, to },
        { token: story.ownerToken },
      ),
    ).organization!;
    expect(viaOrg.statistics!.miniPrograms).toBeGreaterThanOrEqual(1);
    expect(viaOrg.statistics!.metrics).toEqual(answer.total);

    // The operators' platform overview sees the fleet among everything else this platform ran (other suites may add
    // more): at least its launches and devices over the period, and the story's organization and mini-program.
    const fleetDeviceCount = [...fleet.byPlatform.values()].reduce((n, v) => n + v.devices.size, 0);
    const overview = dataOf(
      await execute(e2e.url, PlatformOverviewDocument, { from, to }, { token: admin }),
    ).platformOverview;
    expect(overview.launches).toBeGreaterThanOrEqual(sum((e) => e.launches));
    expect(overview.activeDevices).toBeGreaterThanOrEqual(fleetDeviceCount);
    expect(overview.activeDevices).toBeLessThanOrEqual(
      overview.days.reduce((n, d) => n + d.activeDevices, 0),
    );
    expect(overview.totals.organizations).toBeGreaterThanOrEqual(1);
    expect(overview.totals.miniPrograms).toBeGreaterThanOrEqual(1);
    const members = await execute(
      e2e.url,
      PlatformOverviewDocument,
      { from, to },
      { token: story.ownerToken },
    );
    expect(members.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Re-running the days changes nothing.
    await recompute();
    expect(await series()).toEqual(answer);

    // Gray-release statistics of the story's plan, attributed by what the runtime served (the fleet claims versions
    // 'v1' / 'v2' and source 'release' in every report: ignored), equal the fleet model on the exposure day.
    const planStatistics = async () =>
      dataOf(
        await execute(
          e2e.url,
          ReleasePlanStatisticsDocument,
          { planId: story.planId, from: exposureDay, to: exposureDay },
          { token: story.ownerToken },
        ),
      ).releasePlanStatistics!;
    // Exposure batches reach the consumer within a second or so of the decisions; the completion's events too.
    await eventually(
      async () => {
        const { total, marks } = await planStatistics();
        expect(total.gray.devicesExposed! + total.released.devicesExposed!).toBe(served.size);
        expect(marks).toHaveLength(3);
      },
      CONVERGE_MS,
      500,
    );
    const stats = await planStatistics();
    expect(stats).toMatchObject({
      planId: story.planId,
      appId: story.appId,
      grayVersionId: story.v2,
      state: 'COMPLETED',
      from: exposureDay,
      to: exposureDay,
    });
    const cohort = (c: CohortExpected, exposed: number) => ({
      devicesExposed: exposed,
      activeUsers: c.active.size,
      launches: c.launches,
      pageViews: c.pageViews,
      jsErrors: c.jsErrors,
      crashes: c.crashes,
      totalStayMs: c.stayMs,
    });
    const pick = (m: typeof stats.total.gray) => ({
      devicesExposed: m.devicesExposed,
      activeUsers: m.activeUsers,
      launches: m.launches,
      pageViews: m.pageViews,
      jsErrors: m.jsErrors,
      crashes: m.crashes,
      totalStayMs: m.totalStayMs,
    });
    expect(pick(stats.total.gray)).toEqual(cohort(fleet.cohorts.gray, grayDevices.size));
    expect(pick(stats.total.released)).toEqual(
      cohort(fleet.cohorts.released, served.size - grayDevices.size),
    );
    expect(stats.total.gray.launches).toBeGreaterThan(0);
    expect(stats.total.gray.errorRate).toBeCloseTo(
      fleet.cohorts.gray.jsErrors / fleet.cohorts.gray.launches,
      9,
    );
    expect(stats.total.released.errorRate).toBeCloseTo(
      fleet.cohorts.released.jsErrors / fleet.cohorts.released.launches,
      9,
    );
    expect(stats.total.gray.averageStayMs).toBeCloseTo(
      fleet.cohorts.gray.stayMs / fleet.cohorts.gray.launches,
      6,
    );
    // The point of the page: the gray version is worse, before anyone raises its percentage.
    expect(stats.total.gray.errorRate).toBeGreaterThan(stats.total.released.errorRate);
    expect(stats.total.errorRateDelta).toBeGreaterThan(0);
    expect(
      stats.days.map((d) => [d.day, d.comparison.gray.jsErrors, d.comparison.released.jsErrors]),
    ).toEqual([[exposureDay, fleet.cohorts.gray.jsErrors, fleet.cohorts.released.jsErrors]]);
    const byPlatform = dataOf(
      await execute(
        e2e.url,
        ReleasePlanStatisticsBreakdownDocument,
        { planId: story.planId, dimension: 'PLATFORM', from: exposureDay, to: exposureDay },
        { token: story.ownerToken },
      ),
    ).releasePlanStatisticsBreakdown!;
    expect(
      Object.fromEntries(
        byPlatform.rows.map((r) => [r.value, [r.comparison.gray.launches, r.comparison.released.launches]]),
      ),
    ).toEqual(
      Object.fromEntries(
        [
          ...new Set([
            ...fleet.cohorts.gray.launchesByPlatform.keys(),
            ...fleet.cohorts.released.launchesByPlatform.keys(),
          ]),
        ].map((p) => [
          p,
          [
            fleet.cohorts.gray.launchesByPlatform.get(p) ?? 0,
            fleet.cohorts.released.launchesByPlatform.get(p) ?? 0,
          ],
        ]),
      ),
    );
    // The comparison as CSV (the renderer every table uses): a row per day and cohort, then the totals.
    const csv = dataOf(
      await execute(
        e2e.url,
        ReleasePlanStatisticsDocument,
        { planId: story.planId, from: exposureDay, to: exposureDay, withCsv: true },
        { token: story.ownerToken },
      ),
    ).releasePlanStatistics!.csv!;
    const csvRows = csv
      .split('\r\n')
      .slice(0, -1)
      .map((line) => line.split(','));
    const jsErrorsAt = csvRows[0].indexOf('js_errors');
    expect(csvRows.map((r) => [r[0], r[1], Number(r[jsErrorsAt])])).toEqual([
      ['day', 'cohort', NaN],
      [exposureDay, 'gray', fleet.cohorts.gray.jsErrors],
      [exposureDay, 'released', fleet.cohorts.released.jsErrors],
      ['total', 'gray', fleet.cohorts.gray.jsErrors],
      ['total', 'released', fleet.cohorts.released.jsErrors],
    ]);

    // The plan's changes on the timeline, from rule-engine's events.
    expect(stats.marks.map((m) => [m.type, m.percentage])).toEqual([
      ['release-plan.started', 20],
      ['release-plan.completing', 20],
      ['release-plan.completed', 20],
    ]);

    // The same through rule-engine's ReleasePlan entity (federation), for the owner.
    const viaPlan = dataOf(
      await execute(
        e2e.url,
        ReleasePlanWithStatisticsDocument,
        { id: story.planId, from: exposureDay, to: exposureDay },
        { token: story.ownerToken },
      ),
    ).releasePlan!;
    expect(viaPlan.statistics?.total).toEqual(stats.total);
  }, 600_000);
});
