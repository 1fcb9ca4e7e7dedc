import { CustomEventDeclarationsDocument, DeclareCustomEventDocument, LoginDocument, MiniProgramAnalyticsBreakdownDocument, MiniProgramAnalyticsDocument, RecomputeAnalyticsDocument } from '../../../schema/generated/graphql';
import { eventually } from '@grove/testkit';
import { generateFleet, sendBatch, shanghaiDay, type Expected } from './analytics-fleet.scenario';
import { dataOf, execute } from './graphql-client';
import { runMiniProgramStory, STORY_ENV } from './mini-program-story.scenario';
import { ADMIN_EMAIL, ADMIN_PASSWORD, E2E_START_TIMEOUT_MS, e2eModes, startE2EPlatform, type E2EPlatform } from './platform-harness';

const DAY_MS = 86_400_000;
/** Longest wait for the consumer to drain a few thousand events on a loaded machine; polling ends earlier. */
const CONVERGE_MS = 60_000;

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

  it('counts exactly what the fleet did, idempotently, with late events recomputed', async () => {
    const story = await runMiniProgramStory(e2e, { tag: 'analytics' });
    const admin = dataOf(await execute(e2e.url, LoginDocument, { input: { identifier: ADMIN_EMAIL, password: ADMIN_PASSWORD } })).login.accessToken;
    const now = Date.now();
    const fleet = generateFleet({ appId: story.appId, devices: 400, now });
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
        { appId: story.appId, input: { name: 'purchase', displayName: 'Purchase', attributes: [{ name: 'amount', type: 'NUMBER' }] } },
        { token: story.ownerToken },
      ),
    ).declareCustomEvent;
    expect(declared.attributes).toEqual([{ name: 'amount', type: 'NUMBER', displayName: 'amount' }]);
    expect(dataOf(await execute(e2e.url, CustomEventDeclarationsDocument, { appId: story.appId }, { token: story.ownerToken })).customEventDeclarations.map((d) => d.name)).toEqual([
      'purchase',
    ]);

    // On-time batches, a tenth of them sent twice (client retries), and junk the cleaner drops.
    let accepted = 0;
    for (const [i, batch] of onTime.entries()) {
      accepted += (await sendBatch(e2e.url, keys, batch)).accepted;
      if (i % 10 === 0) await sendBatch(e2e.url, keys, batch);
    }
    await sendBatch(e2e.url, keys, fleet.junk[0]);
    expect(accepted).toBe(onTime.reduce((n, b) => n + b.events.length, 0));

    const series = async () => dataOf(await execute(e2e.url, MiniProgramAnalyticsDocument, { appId: story.appId, from, to }, { token: story.ownerToken })).miniProgramAnalytics!;
    const recompute = async () => dataOf(await execute(e2e.url, RecomputeAnalyticsDocument, { from, to }, { token: admin })).recomputeAnalytics;

    // Late batches arrive after a first rollup; recomputing the window takes them in.
    const partialLaunches = onTime.flatMap((b) => b.events).filter((e) => e.type === 'app_launch').length;
    await eventually(async () => {
      await recompute();
      expect((await series()).total.launches).toBeGreaterThanOrEqual(partialLaunches);
    }, CONVERGE_MS, 200);
    for (const batch of late) await sendBatch(e2e.url, keys, batch);

    const expectedDays = [...fleet.byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const sum = (pick: (e: Expected) => number) => expectedDays.reduce((n, [, e]) => n + pick(e), 0);
    await eventually(async () => {
      await recompute();
      const answer = await series();
      const days = answer.days.filter((d) => d.metrics.activeUsers > 0 || d.metrics.launches > 0);
      expect(days.map((d) => [d.day, d.metrics.launches, d.metrics.pageViews, d.metrics.totalStayMs, d.metrics.bounces, d.metrics.jsErrors, d.metrics.crashes, d.metrics.newUsers, d.metrics.activeUsers])).toEqual(
        expectedDays.map(([d, e]) => [d, e.launches, e.pageViews, e.stayMs, e.bounces, e.jsErrors, e.crashes, e.newUsers, e.activeUsers]),
      );
    }, CONVERGE_MS, 500);

    const answer = await series();
    expect(answer.timeZone).toBe('Asia/Shanghai');
    // Distinct over the range: every device once, although most were active on several days.
    expect(answer.total.activeUsers).toBe(fleet.devices);
    expect(answer.total.newUsers).toBe(fleet.devices);
    expect(answer.total.launches).toBe(sum((e) => e.launches));
    expect(answer.total.averageStayMs).toBeCloseTo(sum((e) => e.stayMs) / sum((e) => e.launches), 6);
    expect(answer.total.bounceRate).toBeCloseTo(sum((e) => e.bounces) / sum((e) => e.launches), 6);

    const breakdown = dataOf(
      await execute(e2e.url, MiniProgramAnalyticsBreakdownDocument, { appId: story.appId, dimension: 'PLATFORM', from, to }, { token: story.ownerToken }),
    ).miniProgramAnalyticsBreakdown!;
    expect(Object.fromEntries(breakdown.rows.map((r) => [r.value, [r.metrics.launches, r.metrics.activeUsers]]))).toEqual(
      Object.fromEntries([...fleet.byPlatform].map(([p, v]) => [p, [v.launches, v.devices.size]])),
    );

    // Re-running the days changes nothing.
    await recompute();
    expect(await series()).toEqual(answer);
  }, 600_000);
});
