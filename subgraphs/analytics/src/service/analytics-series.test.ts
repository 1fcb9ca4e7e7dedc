import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import {
  ANALYTICS_RAW_EVENTS_TOPIC,
  AnalyticsEventType,
  MINI_PROGRAM_EVENTS_TOPIC,
  analyticsEvents,
  contractEvent,
  type ReportEvent,
} from '@grove/contracts';
import { graphql } from 'graphql';
import { newId, silentLogger } from '@grove/platform';
import { createTestRuntime, eventually, matrixPrincipals, type TestRuntime } from '@grove/testkit';
import { createAnalyticsSubgraph, type AnalyticsSubgraph } from '../analytics.subgraph';
import { bucketsOf } from './analytics-query.service';
import { addDays, dayOf, daysBetween, dayStart } from './reporting-day';

const TZ = 'Asia/Shanghai';

describe('series buckets', () => {
  it('group days into Monday-to-Sunday weeks and calendar months, clipped to the range', () => {
    // 2026-02-26 is a Thursday.
    const days = daysBetween('2026-02-26', '2026-03-10');
    expect(bucketsOf(days, 'week').map((b) => [b.from, b.to, b.days.length])).toEqual([
      ['2026-02-26', '2026-03-01', 4],
      ['2026-03-02', '2026-03-08', 7],
      ['2026-03-09', '2026-03-10', 2],
    ]);
    expect(bucketsOf(days, 'month').map((b) => [b.from, b.to])).toEqual([
      ['2026-02-26', '2026-02-28'],
      ['2026-03-01', '2026-03-10'],
    ]);
    expect(bucketsOf(days, 'day')).toHaveLength(days.length);
  });
});

describe('miniProgramAnalytics by week and month', () => {
  let runtime: TestRuntime;
  let analytics: AnalyticsSubgraph;
  const orgA = newId();
  const appId = `mp${randomBytes(8).toString('hex')}`;
  const { ownerA } = matrixPrincipals(orgA, newId());

  beforeAll(async () => {
    runtime = await createTestRuntime();
    analytics = await createAnalyticsSubgraph(runtime, {
      settings: { rollupIntervalMs: 0, storeDriver: 'sqlite', timeZone: TZ },
    });
    await runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
      type: 'mini-program.created',
      key: appId,
      payload: { appId, orgId: orgA, actorId: newId() },
    });
    await eventually(async () => expect(await analytics.services.miniPrograms.get(appId)).not.toBeNull());
  });
  afterAll(async () => {
    await analytics?.close();
    await runtime?.dispose();
  });

  it('sums additive metrics per bucket and counts devices distinct within each bucket and over the period', async () => {
    // The cleaner keeps the last three days: launches on each, device-1 every day, others once.
    const today = dayOf(Date.now(), TZ);
    const days = [addDays(today, -2), addDays(today, -1), today];
    const plan: Array<[string, string]> = [
      [days[0], 'device-1'],
      [days[0], 'device-2'],
      [days[1], 'device-1'],
      [days[1], 'device-3'],
      [days[2], 'device-1'],
    ];
    const now = Date.now();
    const events: ReportEvent[] = plan.map(([day, deviceId], i) => {
      // Noon of the day; today not later than now (events from the future are refused) and not before its midnight.
      const clientTs = Math.max(dayStart(day, TZ), Math.min(dayStart(day, TZ) + 12 * 3600_000, now - 60_000));
      return {
        eventId: `launch-${i}-${deviceId}`,
        type: 'app_launch',
        appId,
        deviceId,
        launchId: `l-${i}-${deviceId}`,
        platform: 'IOS',
        clientTs,
      };
    });
    const payload = { hostAppId: 'host-1', orgId: orgA, receivedAt: now, sentAt: now, region: null, events };
    await runtime.events.publish(
      ANALYTICS_RAW_EVENTS_TOPIC,
      contractEvent(analyticsEvents, AnalyticsEventType.REPORT_ACCEPTED, 'host-1', payload),
    );
    await eventually(async () => expect(await analytics.services.metrics.storedTotal()).toBe(events.length));
    await analytics.services.pipeline.recompute(days);

    for (const granularity of ['day', 'week', 'month'] as const) {
      const series = await analytics.services.queries.series(ownerA, appId, days[0], days[2], granularity);
      const expected = bucketsOf(days, granularity).map((b) => {
        const inBucket = plan.filter(([day]) => b.days.includes(day));
        return {
          day: b.from,
          until: b.to,
          launches: inBucket.length,
          activeUsers: new Set(inBucket.map(([, d]) => d)).size,
        };
      });
      expect(
        series.days.map((d) => ({
          day: d.day,
          until: d.until,
          launches: d.metrics.launches,
          activeUsers: d.metrics.activeUsers,
        })),
      ).toEqual(expected);
      expect([series.granularity, series.total.launches, series.total.activeUsers]).toEqual([
        granularity,
        5,
        3,
      ]);

      // The same through the subgraph schema, where enum arguments arrive by name (and the default is DAY).
      const source = `query ($appId: ID!, $from: String!, $to: String!${granularity === 'day' ? '' : ', $g: AnalyticsGranularity'}) {
        miniProgramAnalytics(appId: $appId, from: $from, to: $to${granularity === 'day' ? '' : ', granularity: $g'}) { granularity days { day until metrics { launches activeUsers } } }
      }`;
      const result = await graphql({
        schema: analytics.schema,
        source,
        variableValues: { appId, from: days[0], to: days[2], g: granularity.toUpperCase() },
        contextValue: { principal: ownerA, requestId: 'series', logger: silentLogger() },
      });
      expect(result.errors).toBeUndefined();
      const viaSchema = result.data?.miniProgramAnalytics as {
        granularity: string;
        days: Array<{ day: string; until: string; metrics: { launches: number; activeUsers: number } }>;
      };
      expect(viaSchema.granularity).toBe(granularity.toUpperCase());
      expect(
        viaSchema.days.map((d) => ({
          day: d.day,
          until: d.until,
          launches: d.metrics.launches,
          activeUsers: d.metrics.activeUsers,
        })),
      ).toEqual(expected);
    }
  });
});
