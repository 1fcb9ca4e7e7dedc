import 'reflect-metadata';
import {
  ANALYTICS_EXPOSURES_TOPIC,
  ANALYTICS_RAW_EVENTS_TOPIC,
  AnalyticsEventType,
  AnalyticsExposureEventType,
  MINI_PROGRAM_EVENTS_TOPIC,
  RULE_ENGINE_EVENTS_TOPIC,
  RuleEngineEventType,
  analyticsEvents,
  analyticsExposureEvents,
  contractEvent,
  miniProgramEvents,
  ruleEngineEvents,
  type Exposure,
  type ReportEvent,
} from '@grove/contracts';
import { newId } from '@grove/platform';
import { eventually } from '@grove/testkit';
import { createAnalyticsHarness, type AnalyticsHarness } from './analytics.test-support';

/** The injected clock: 14:00 in Shanghai on 2025-03-02. */
const NOW = Date.parse('2025-03-02T06:00:00Z');
const DAY = '2025-03-02';
const at = (hhmm: string) => Date.parse(`2025-03-02T${hhmm}:00Z`);

/**
 * The whole gray-statistics path over the bus: rule-engine's plan events (redelivered and out of order), the runtime's
 * exposure batches (repeated), SDK reports whose version claims are wrong on purpose; the comparison follows the
 * exposure record only.
 */
describe('release plan statistics over the bus', () => {
  let h: AnalyticsHarness;
  const appId = `mp${'ab'.repeat(8)}`;
  const planId = newId();
  const hostAppId = newId();

  beforeAll(async () => {
    h = await createAnalyticsHarness({ now: () => NOW });
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const plan = (
    type: (typeof RuleEngineEventType)[keyof typeof RuleEngineEventType],
    percentage: number,
    state: string,
    changedAt: number,
  ) =>
    contractEvent(ruleEngineEvents, type, appId, {
      appId,
      orgId: h.orgA,
      planId,
      grayVersionId: 'v-gray',
      ruleId: 'rule-1',
      state,
      percentage,
      actorId: newId(),
      changedAt: new Date(changedAt).toISOString(),
    });

  it('compares the gray cohort with the released one, exactly, with the plan changes on the timeline', async () => {
    const bus = h.runtime.events;
    await bus.publish(
      MINI_PROGRAM_EVENTS_TOPIC,
      contractEvent(miniProgramEvents, 'mini-program.created', appId, {
        appId,
        orgId: h.orgA,
        actorId: newId(),
      }),
    );
    // Raised first, started delivered late, and the raise redelivered under its id: two marks, state of the raise.
    const raised = {
      ...plan(RuleEngineEventType.RELEASE_PLAN_RAISED, 30, 'ACTIVE', at('03:00')),
      id: newId(),
    };
    await bus.publish(RULE_ENGINE_EVENTS_TOPIC, raised);
    await bus.publish(
      RULE_ENGINE_EVENTS_TOPIC,
      plan(RuleEngineEventType.RELEASE_PLAN_STARTED, 10, 'ACTIVE', at('00:30')),
    );
    await bus.publish(RULE_ENGINE_EVENTS_TOPIC, raised);

    const gray = ['gray-0001', 'gray-0002', 'gray-0003', 'gray-0004'];
    const released = ['rel-00001', 'rel-00002', 'rel-00003', 'rel-00004', 'rel-00005', 'rel-00006'];
    const exposure = (deviceId: string, isGray: boolean): Exposure => ({
      appId,
      deviceId,
      versionId: isGray ? 'v-gray' : 'v-released',
      versionSource: isGray ? 'gray' : 'release',
      releasePlanId: planId,
      ruleId: isGray ? 'rule-1' : null,
      hostAppId,
      orgId: h.orgA,
      servedAt: at('01:00'),
    });
    const batch = {
      exposures: [...gray.map((d) => exposure(d, true)), ...released.map((d) => exposure(d, false))],
    };
    // The runtime may append the same decisions again (another process, a new 15-minute slot): stored once.
    for (let i = 0; i < 2; i++)
      await bus.publish(
        ANALYTICS_EXPOSURES_TOPIC,
        contractEvent(analyticsExposureEvents, AnalyticsExposureEventType.EXPOSURES_RECORDED, appId, batch),
      );

    let n = 0;
    const events: ReportEvent[] = [];
    const report = (
      deviceId: string,
      type: ReportEvent['type'],
      hhmm: string,
      extra: Partial<ReportEvent> = {},
    ) =>
      events.push({
        eventId: `ev-${String(n++).padStart(6, '0')}`,
        type,
        appId,
        deviceId,
        launchId: `launch-${deviceId}`,
        platform: 'IOS',
        clientTs: at(hhmm),
        // Every device claims the released version: the statistics must not believe it.
        versionId: 'v-released',
        versionSource: 'release',
        osVersion: '17.4',
        deviceModel: 'iPhone15,2',
        ...extra,
      } as ReportEvent);
    for (const d of [...gray, ...released]) {
      report(d, 'app_launch', '01:01');
      report(d, 'page_show', '01:02', { pagePath: 'pages/index' });
      report(d, 'app_exit', '01:05', { durationMs: 240_000 });
    }
    for (const d of gray) report(d, 'js_error', '01:03', { error: { message: 'TypeError', kind: 'js' } });
    report(gray[0], 'crash', '01:04', { error: { message: 'SIGSEGV', kind: 'native' } });
    report(released[0], 'js_error', '01:03', { error: { message: 'TypeError', kind: 'js' } });
    // A device the runtime never served under the plan: not in either cohort.
    report('stranger-01', 'app_launch', '01:01');
    report('stranger-01', 'js_error', '01:02', { error: { message: 'x', kind: 'js' } });
    await bus.publish(
      ANALYTICS_RAW_EVENTS_TOPIC,
      contractEvent(analyticsEvents, AnalyticsEventType.REPORT_ACCEPTED, hostAppId, {
        hostAppId,
        orgId: h.orgA,
        receivedAt: NOW,
        sentAt: NOW,
        region: { country: '中国', province: '广东省', city: '深圳市' },
        events,
      }),
    );

    const service = h.analytics.services.planStatistics;
    await eventually(async () => {
      const s = await service.forPlan(h.developerA, planId);
      expect(s.total.gray.launches + s.total.released.launches).toBe(10);
      expect(s.marks).toHaveLength(2);
    });
    const stats = await service.forPlan(h.developerA, planId);
    expect(stats).toMatchObject({
      planId,
      appId,
      grayVersionId: 'v-gray',
      state: 'ACTIVE',
      percentage: 30,
      from: DAY,
      to: DAY,
      timeZone: 'Asia/Shanghai',
    });
    expect(stats.marks).toEqual([
      {
        type: 'release-plan.started',
        state: 'ACTIVE',
        percentage: 10,
        at: new Date(at('00:30')).toISOString(),
      },
      {
        type: 'release-plan.raised',
        state: 'ACTIVE',
        percentage: 30,
        at: new Date(at('03:00')).toISOString(),
      },
    ]);
    expect(stats.total.gray).toEqual({
      devicesExposed: 4,
      activeUsers: 4,
      launches: 4,
      pageViews: 4,
      jsErrors: 4,
      crashes: 1,
      totalStayMs: 4 * 240_000,
      averageStayMs: 240_000,
      errorRate: 1,
      crashRate: 0.25,
    });
    expect(stats.total.released).toEqual({
      devicesExposed: 6,
      activeUsers: 6,
      launches: 6,
      pageViews: 6,
      jsErrors: 1,
      crashes: 0,
      totalStayMs: 6 * 240_000,
      averageStayMs: 240_000,
      errorRate: 1 / 6,
      crashRate: 0,
    });
    expect(stats.total.errorRateDelta).toBeCloseTo(1 - 1 / 6, 12);
    expect(
      stats.days.map((d) => [d.day, d.comparison.gray.jsErrors, d.comparison.released.jsErrors]),
    ).toEqual([[DAY, 4, 1]]);
    const region = await service.breakdown(h.developerA, planId, 'region');
    expect(region).toMatchObject({ planId, dimension: 'region', from: DAY, to: DAY });
    expect(
      region.rows.map((r) => [r.value, r.comparison.gray.activeUsers, r.comparison.released.activeUsers]),
    ).toEqual([['广东省', 4, 6]]);
    const os = await service.breakdown(h.developerA, planId, 'os', DAY, DAY, 1);
    expect(
      os.rows.map((r) => [r.value, r.comparison.gray.crashes, r.comparison.gray.devicesExposed]),
    ).toEqual([['IOS 17.4', 1, null]]);
    await expect(service.breakdown(h.developerA, planId, 'model', DAY, DAY, 101)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(service.breakdown(h.ownerB, planId, 'model')).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The same statistics through the entity field, for a member of the plan's organization; none for another's.
    const query = `query($id: ID!) { _entities(representations: [{ __typename: "ReleasePlan", id: $id }]) { ... on ReleasePlan { statistics { total { gray { jsErrors } released { jsErrors } } } } } }`;
    const { graphql } = await import('graphql');
    const run = (principal: typeof h.ownerA) =>
      graphql({
        schema: h.analytics.schema,
        source: query,
        variableValues: { id: planId },
        contextValue: { principal, requestId: 't', logger: h.runtime.logger },
      });
    expect((await run(h.ownerA)).data).toEqual({
      _entities: [{ statistics: { total: { gray: { jsErrors: 4 }, released: { jsErrors: 1 } } } }],
    });
    expect((await run(h.ownerB)).data).toEqual({ _entities: [null] });

    // Bad input has a stable code.
    await expect(service.forPlan(h.ownerA, planId, '2025-03-05', '2025-03-01')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(service.forPlan(h.ownerA, planId, '2024-01-01', '2025-03-01')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
