import { eventually } from '@grove/testkit';
import {
  LoginDocument,
  MiniProgramAnalyticsDocument,
  RecomputeAnalyticsDocument,
} from '../../../schema/generated/graphql';
import { generateFleet, sendBatch, shanghaiDay } from './analytics-fleet.scenario';
import { printStats } from './distributed-platform.harness';
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
/** Longest wait for the restarted consumer to claim the dead one's entries and drain; polling ends earlier. */
const CONVERGE_MS = 120_000;

const describeDistributed = e2eModes().includes('distributed') ? describe : describe.skip;

/**
 * Issue 9 item 7: the analytics consumer is killed with SIGKILL in the middle of a fleet's reports (entries it read and
 * had not acknowledged stay pending in Redis Streams), the reports keep coming while it is down (the router accepts
 * them onto the stream), and it is started again with the same command. Every accepted event must be counted, none
 * twice: the statistics equal the fleet model exactly.
 */
describeDistributed('distributed platform: kill -9 of the analytics consumer mid-stream', () => {
  let e2e: E2EPlatform;
  beforeAll(async () => {
    // The restarted consumer claims the dead one's pending entries after this idle time (default 60 s).
    e2e = await startE2EPlatform({
      mode: 'distributed',
      env: { ...STORY_ENV, ANALYTICS_ROLLUP_INTERVAL_MS: '0', EVENTS_REDIS_CLAIM_IDLE_MS: '2000' },
    });
  }, E2E_START_TIMEOUT_MS);
  afterAll(async () => {
    await e2e?.stop();
  }, E2E_START_TIMEOUT_MS);

  it('loses nothing and counts nothing twice', async () => {
    const platform = e2e.distributed!;
    const story = await runMiniProgramStory(e2e, { tag: 'analytics-kill' });
    const admin = dataOf(
      await execute(e2e.url, LoginDocument, { input: { identifier: ADMIN_EMAIL, password: ADMIN_PASSWORD } }),
    ).login.accessToken;
    const now = Date.now();
    const fleet = generateFleet({ appId: story.appId, devices: 300, now, seed: 9 });
    const keys = { sdkKey: story.sdkKey, sdkSecret: story.sdkSecret };
    const half = Math.floor(fleet.batches.length / 2);

    const storedSoFar = async () => {
      const text = await (await fetch(`${platform.baseUrl('analytics')}/metrics`)).text();
      return Number(/^grove_analytics_events_stored_total (\d+)/m.exec(text)?.[1] ?? 0);
    };
    let accepted = 0;
    for (const [i, batch] of fleet.batches.entries()) {
      if (i === half) {
        const before = await storedSoFar();
        await platform.kill9('analytics');
        console.log(
          `analytics killed after ${i} of ${fleet.batches.length} batches accepted, ${before} events stored by then (of ${fleet.events})`,
        );
      }
      accepted += (await sendBatch(e2e.url, keys, batch)).accepted;
      // Client retries of a few batches, on both sides of the kill.
      if (i % 9 === 0) await sendBatch(e2e.url, keys, batch);
    }
    expect(accepted).toBe(fleet.events);
    await platform.start('analytics');
    printStats('after kill -9 of analytics and a restart', platform.stats());

    const from = shanghaiDay(now - 3 * DAY_MS);
    const to = shanghaiDay(now);
    const series = async () =>
      dataOf(
        await execute(
          e2e.url,
          MiniProgramAnalyticsDocument,
          { appId: story.appId, from, to },
          { token: story.ownerToken },
        ),
      ).miniProgramAnalytics!;
    const expectedDays = [...fleet.byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    await eventually(
      async () => {
        await execute(e2e.url, RecomputeAnalyticsDocument, { from, to }, { token: admin });
        const days = (await series()).days.filter((d) => d.metrics.activeUsers > 0 || d.metrics.launches > 0);
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
    expect(answer.total.activeUsers).toBe(fleet.devices);
    expect(answer.total.newUsers).toBe(fleet.devices);
  }, 900_000);
});
