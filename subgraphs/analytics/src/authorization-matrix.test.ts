import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import {
  ANALYTICS_RAW_EVENTS_TOPIC,
  AnalyticsEventType,
  MINI_PROGRAM_EVENTS_TOPIC,
  OPERATION_LOG_TOPIC,
  OPERATION_RECORDED,
  analyticsEvents,
  contractEvent,
  operationLogEvents,
  type ReportEvent,
} from '@grove/contracts';
import { newId, type UserPrincipal } from '@grove/platform';
import {
  createTestRuntime,
  describeAuthorizationMatrix,
  matrixPrincipals,
  type SignedInPrincipal,
  eventually,
  F,
  N,
  httpRoutesOf,
  U,
  type MatrixOperation,
  type MatrixRow,
  type TestRuntime,
} from '@grove/testkit';
import { createAnalyticsSubgraph, type AnalyticsSubgraph } from './analytics.subgraph';
import { knownPlan } from './analytics.test-support';
import {
  AnalyticsReleasePlanMarkModel,
  AnalyticsReleasePlanModel,
} from './projection/analytics-release-plan.model';
import { CustomEventDeclarationModel } from './store/custom-event-declaration.model';

/**
 * Every operation of the analytics subgraph, for each kind of caller, with another organization's mini-program as
 * well as the caller's own: members of the owning organization read statistics and declarations (miniprogram:read)
 * and declare custom events (miniprogram:write); reviewing operators read; recomputing rollups is platform:configure.
 */
//                                        anonymous ownerA adminA developerA ownerB reviewer admin
const READERS_A: MatrixRow = /*        */ [U, 'ok', 'ok', 'ok', F, 'ok', 'ok'];
const READERS_B: MatrixRow = /*        */ [U, F, F, F, 'ok', 'ok', 'ok'];
const MEMBERS_A: MatrixRow = /*        */ [U, 'ok', 'ok', 'ok', F, F, F];
const MEMBERS_B: MatrixRow = /*        */ [U, F, F, F, 'ok', F, F];
const CONFIGURERS: MatrixRow = /*      */ [U, F, F, F, F, F, 'ok'];
const OPERATORS: MatrixRow = /*        */ [U, F, F, F, F, 'ok', 'ok'];
const LOG_READERS: MatrixRow = /*      */ [U, 'ok', 'ok', F, 'ok', 'ok', 'ok'];
const LOG_READERS_OF_A: MatrixRow = /* */ [U, 'ok', 'ok', F, F, 'ok', 'ok'];
const NOBODY: MatrixRow = /*           */ [U, N, N, N, N, N, N];
/** `_entities` hides what the caller may not read: a null entity, no error. */
const ENTITY_READERS_A: MatrixRow = ['null', 'ok', 'ok', 'ok', 'null', 'ok', 'ok'];
const ENTITY_READERS_B: MatrixRow = ['null', 'null', 'null', 'null', 'ok', 'ok', 'ok'];

interface Harness {
  runtime: TestRuntime;
  analytics: AnalyticsSubgraph;
  principals: Record<SignedInPrincipal, UserPrincipal>;
  orgA: string;
  orgB: string;
  appA: string;
  appB: string;
  day: string;
}

const SERIES = `query ($appId: ID!, $from: String!, $to: String!) {
  miniProgramAnalytics(appId: $appId, from: $from, to: $to) { appId csv total { launches activeUsers } days { day metrics { pageViews } } }
}`;
const BREAKDOWN = `query ($appId: ID!, $from: String!, $to: String!) {
  miniProgramAnalyticsBreakdown(appId: $appId, dimension: PLATFORM, from: $from, to: $to) { appId csv rows { value metrics { launches } } }
}`;
const RETENTION = `query ($appId: ID!, $from: String!, $to: String!) {
  miniProgramRetention(appId: $appId, cohort: ACTIVE, from: $from, to: $to) { appId csv rows { cohortDay cohortSize retained } }
}`;
const TOP_PAGES = `query ($appId: ID!, $from: String!, $to: String!) {
  miniProgramTopPages(appId: $appId, from: $from, to: $to) { appId csv totalCount rows { pagePath views } }
}`;
const DISTRIBUTIONS = `query ($appId: ID!, $from: String!, $to: String!) {
  miniProgramLaunchDistributions(appId: $appId, from: $from, to: $to) { appId csv launches depth { bucket launches } }
}`;
const OVERVIEW = `query ($from: String!, $to: String!) {
  platformOverview(from: $from, to: $to) { activeDevices launches totals { organizations miniProgramsOnline } days { day activeDevices } }
}`;
const PLAN_RANGE = { from: '2025-03-01', to: '2025-03-07' };
const PLAN_STATISTICS =
  'query($id: ID!, $from: String, $to: String) { releasePlanStatistics(planId: $id, from: $from, to: $to) { planId csv total { errorRateDelta } marks { type } } }';
const PLAN_BREAKDOWN =
  'query($id: ID!, $from: String, $to: String) { releasePlanStatisticsBreakdown(planId: $id, dimension: MODEL, from: $from, to: $to) { rows { value } } }';
const ENTITY_PLAN = `query($id: ID!, $from: String, $to: String) { _entities(representations: [{ __typename: "ReleasePlan", id: $id }]) {
  ... on ReleasePlan { id statistics(from: $from, to: $to) { planId total { gray { launches } } } } } }`;
const ENTITY_APP = `query($id: ID!, $from: String!, $to: String!) { _entities(representations: [{ __typename: "MiniProgram", id: $id }]) {
  ... on MiniProgram { id statistics(from: $from, to: $to) { miniPrograms metrics { launches activeUsers } } } } }`;
const ENTITY_ORG = `query($id: ID!, $from: String!, $to: String!) { _entities(representations: [{ __typename: "Organization", id: $id }]) {
  ... on Organization { id statistics(from: $from, to: $to) { miniPrograms metrics { launches activeUsers } } } } }`;
/**
 * An entity a caller may read carries the summary of its own mini-program / organization: one launch of one device
 * (other rows add mini-programs to the organizations, without reports).
 */
const seesSummary = (_h: Harness, result: { data?: Record<string, unknown> | null } | undefined) => {
  const { statistics } = (
    result?.data?._entities as Array<{ statistics: { miniPrograms: number; metrics: unknown } }>
  )[0];
  expect(statistics.metrics).toEqual({ launches: 1, activeUsers: 1 });
  expect(statistics.miniPrograms).toBeGreaterThanOrEqual(1);
};
const RECOMPUTE = `mutation ($from: String!, $to: String!) { recomputeAnalytics(from: $from, to: $to) }`;
const DECLARATIONS = `query ($appId: ID!) { customEventDeclarations(appId: $appId) { appId name attributes { name type } } }`;
const DECLARE = `mutation ($appId: ID!, $name: String!) {
  declareCustomEvent(appId: $appId, input: { name: $name, displayName: "购买", attributes: [{ name: "amount", type: NUMBER }] }) { appId name }
}`;
const REMOVE = `mutation ($appId: ID!, $name: String!) { removeCustomEventDeclaration(appId: $appId, name: $name) }`;

let seq = 0;
const eventName = () => `purchase${++seq}`;
const range = (h: Harness) => ({ from: h.day, to: h.day });

/** The statistics a caller sees are the requested mini-program's, never another's. */
const seesApp =
  (field: string, appId: (h: Harness) => string) =>
  (h: Harness, result: { data?: Record<string, unknown> | null } | undefined) =>
    expect((result?.data?.[field] as { appId: string }).appId).toBe(appId(h));

async function declared(
  h: Harness,
  appId: string,
  owner: UserPrincipal,
): Promise<{ appId: string; name: string }> {
  const name = eventName();
  await h.analytics.services.customEvents.declare(owner, appId, { name, displayName: name, attributes: [] });
  return { appId, name };
}

const OPERATIONS: MatrixOperation<Harness>[] = [
  {
    name: 'miniProgramAnalytics',
    source: SERIES,
    prepare: async (h) => ({ appId: h.appA, ...range(h) }),
    expected: READERS_A,
    check: (h, result) => {
      seesApp('miniProgramAnalytics', (x) => x.appA)(h, result);
      expect((result?.data?.miniProgramAnalytics as { total: { launches: number } }).total.launches).toBe(1);
    },
  },
  {
    name: 'miniProgramAnalytics',
    label: "miniProgramAnalytics of another organization's mini-program",
    source: SERIES,
    prepare: async (h) => ({ appId: h.appB, ...range(h) }),
    expected: READERS_B,
    check: seesApp('miniProgramAnalytics', (x) => x.appB),
  },
  {
    name: 'miniProgramAnalyticsBreakdown',
    source: BREAKDOWN,
    prepare: async (h) => ({ appId: h.appA, ...range(h) }),
    expected: READERS_A,
    check: (h, result) => {
      seesApp('miniProgramAnalyticsBreakdown', (x) => x.appA)(h, result);
      expect((result?.data?.miniProgramAnalyticsBreakdown as { rows: unknown[] }).rows).toEqual([
        { value: 'IOS', metrics: { launches: 1 } },
      ]);
    },
  },
  {
    name: 'miniProgramAnalyticsBreakdown',
    label: "miniProgramAnalyticsBreakdown of another organization's mini-program",
    source: BREAKDOWN,
    prepare: async (h) => ({ appId: h.appB, ...range(h) }),
    expected: READERS_B,
    check: seesApp('miniProgramAnalyticsBreakdown', (x) => x.appB),
  },
  ...(
    [
      ['miniProgramRetention', RETENTION],
      ['miniProgramTopPages', TOP_PAGES],
      ['miniProgramLaunchDistributions', DISTRIBUTIONS],
    ] as const
  ).flatMap(([name, source]): MatrixOperation<Harness>[] => [
    {
      name,
      source,
      prepare: async (h) => ({ appId: h.appA, ...range(h) }),
      expected: READERS_A,
      check: seesApp(name, (x) => x.appA),
    },
    {
      name,
      label: `${name} of another organization's mini-program`,
      source,
      prepare: async (h) => ({ appId: h.appB, ...range(h) }),
      expected: READERS_B,
      check: seesApp(name, (x) => x.appB),
    },
  ]),
  {
    name: 'platformOverview',
    source: OVERVIEW,
    prepare: async (h) => range(h),
    expected: OPERATORS,
    check: (_h, result) =>
      expect(result?.data?.platformOverview).toMatchObject({ activeDevices: 1, launches: 2 }),
  },
  {
    name: 'recomputeAnalytics',
    source: RECOMPUTE,
    prepare: async (h) => range(h),
    expected: CONFIGURERS,
    check: (_h, result) => expect(result?.data?.recomputeAnalytics).toBeGreaterThanOrEqual(1),
  },
  {
    name: 'customEventDeclarations',
    source: DECLARATIONS,
    prepare: async (h) => declared(h, h.appA, h.principals.ownerA),
    expected: READERS_A,
    check: (h, result) => {
      const list = result?.data?.customEventDeclarations as Array<{ appId: string }>;
      expect(list.length).toBeGreaterThan(0);
      expect(new Set(list.map((d) => d.appId))).toEqual(new Set([h.appA]));
    },
  },
  {
    name: 'customEventDeclarations',
    label: "customEventDeclarations of another organization's mini-program",
    source: DECLARATIONS,
    prepare: async (h) => declared(h, h.appB, h.principals.ownerB),
    expected: READERS_B,
  },
  {
    name: 'declareCustomEvent',
    source: DECLARE,
    prepare: async (h) => ({ appId: h.appA, name: eventName() }),
    expected: MEMBERS_A,
    check: async (h, _result, vars) =>
      expect(
        (await h.analytics.services.customEvents.rulesOf([h.appA])).get(h.appA)?.has(String(vars.name)),
      ).toBe(true),
  },
  {
    name: 'declareCustomEvent',
    label: "declareCustomEvent on another organization's mini-program",
    source: DECLARE,
    prepare: async (h) => ({ appId: h.appB, name: eventName() }),
    expected: MEMBERS_B,
  },
  {
    name: 'removeCustomEventDeclaration',
    source: REMOVE,
    prepare: async (h) => declared(h, h.appA, h.principals.ownerA),
    expected: MEMBERS_A,
    check: async (h, _result, vars) =>
      expect(
        (await h.analytics.services.customEvents.rulesOf([h.appA])).get(h.appA)?.has(String(vars.name)),
      ).toBe(false),
  },
  {
    name: 'removeCustomEventDeclaration',
    label: "removeCustomEventDeclaration on another organization's mini-program",
    source: REMOVE,
    prepare: async (h) => declared(h, h.appB, h.principals.ownerB),
    expected: MEMBERS_B,
  },
  {
    name: 'releasePlanStatistics',
    source: PLAN_STATISTICS,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgA)).planId, ...PLAN_RANGE }),
    expected: READERS_A,
  },
  {
    name: 'releasePlanStatistics',
    label: "releasePlanStatistics with org B's plan id",
    source: PLAN_STATISTICS,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgB)).planId, ...PLAN_RANGE }),
    expected: READERS_B,
  },
  {
    name: 'releasePlanStatistics',
    label: 'releasePlanStatistics with a plan id rule-engine never announced',
    source: PLAN_STATISTICS,
    prepare: async () => ({ id: newId(), ...PLAN_RANGE }),
    expected: NOBODY,
  },
  {
    name: 'releasePlanStatisticsBreakdown',
    source: PLAN_BREAKDOWN,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgA)).planId, ...PLAN_RANGE }),
    expected: READERS_A,
  },
  {
    name: 'releasePlanStatisticsBreakdown',
    label: "releasePlanStatisticsBreakdown with org B's plan id",
    source: PLAN_BREAKDOWN,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgB)).planId, ...PLAN_RANGE }),
    expected: READERS_B,
  },
  {
    // Also covers ReleasePlan.statistics, the field resolver.
    name: '_entities(ReleasePlan)',
    source: ENTITY_PLAN,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgA)).planId, ...PLAN_RANGE }),
    expected: ENTITY_READERS_A,
  },
  {
    name: '_entities(ReleasePlan)',
    label: "_entities with org B's release plan",
    source: ENTITY_PLAN,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgB)).planId, ...PLAN_RANGE }),
    expected: ENTITY_READERS_B,
  },
  // Also cover MiniProgram.statistics and Organization.statistics, the field resolvers.
  ...(
    [
      ['_entities(MiniProgram)', ENTITY_APP, (h: Harness, org: 'A' | 'B') => (org === 'A' ? h.appA : h.appB)],
      [
        '_entities(Organization)',
        ENTITY_ORG,
        (h: Harness, org: 'A' | 'B') => (org === 'A' ? h.orgA : h.orgB),
      ],
    ] as const
  ).flatMap(([name, source, id]): MatrixOperation<Harness>[] => [
    {
      name,
      source,
      prepare: async (h) => ({ id: id(h, 'A'), ...range(h) }),
      expected: ENTITY_READERS_A,
      check: seesSummary,
    },
    {
      name,
      label: `${name} of organization B`,
      source,
      prepare: async (h) => ({ id: id(h, 'B'), ...range(h) }),
      expected: ENTITY_READERS_B,
      check: seesSummary,
    },
  ]),
  {
    name: 'operationLog',
    source: 'query { operationLog(take: 200) { items { id organizationId } } }',
    expected: LOG_READERS,
    check: (h, result, _vars, who) => {
      const orgs = new Set(
        (
          result?.data as { operationLog: { items: Array<{ organizationId: string | null }> } }
        ).operationLog.items.map((i) => i.organizationId),
      );
      if (who === 'reviewer' || who === 'admin')
        expect([h.orgA, h.orgB].every((o) => orgs.has(o))).toBe(true);
      else expect([...orgs]).toEqual([who === 'ownerB' ? h.orgB : h.orgA]);
    },
  },
  {
    name: 'operationLog',
    label: "operationLog of organization A (another organization's id is refused)",
    source: 'query($org: ID!) { operationLog(filter: { organizationId: $org }) { items { id } } }',
    prepare: async (h) => ({ org: h.orgA }),
    expected: LOG_READERS_OF_A,
  },
  {
    name: 'operationLogCsv',
    source: 'query($org: ID!) { operationLogCsv(filter: { organizationId: $org }) { csv rows } }',
    prepare: async (h) => ({ org: h.orgA }),
    expected: LOG_READERS_OF_A,
  },
];

async function createHarness(): Promise<Harness> {
  const runtime = await createTestRuntime();
  const analytics = await createAnalyticsSubgraph(runtime, {
    settings: { rollupIntervalMs: 0, storeDriver: 'sqlite', operationLogPruneIntervalMs: 0 },
  });
  const [orgA, orgB] = [newId(), newId()];
  const [appA, appB] = [`mp${randomBytes(8).toString('hex')}`, `mp${randomBytes(8).toString('hex')}`];
  for (const [appId, orgId] of [
    [appA, orgA],
    [appB, orgB],
  ]) {
    await runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
      type: 'mini-program.created',
      key: appId,
      payload: { appId, orgId, actorId: newId() },
    });
  }
  await eventually(async () =>
    expect(
      await Promise.all([
        analytics.services.miniPrograms.get(appA),
        analytics.services.miniPrograms.get(appB),
      ]),
    ).not.toContain(null),
  );

  // One launch of each mini-program, so an allowed read has numbers to show and recompute has a day to write.
  const now = Date.now();
  for (const [appId, orgId] of [
    [appA, orgA],
    [appB, orgB],
  ]) {
    const events: ReportEvent[] = [
      {
        eventId: `launch-${appId}`,
        type: 'app_launch',
        appId,
        deviceId: 'device-0001',
        launchId: 'launch-0001',
        platform: 'IOS',
        clientTs: now - 1000,
      },
    ];
    const payload = { hostAppId: 'host-1', orgId, receivedAt: now, sentAt: now, region: null, events };
    await runtime.events.publish(
      ANALYTICS_RAW_EVENTS_TOPIC,
      contractEvent(analyticsEvents, AnalyticsEventType.REPORT_ACCEPTED, 'host-1', payload),
    );
  }
  await eventually(async () => expect(await analytics.services.metrics.storedTotal()).toBe(2));
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(now));
  await analytics.services.pipeline.recompute([day]);

  // One line of each organization's operation log.
  for (const orgId of [orgA, orgB]) {
    const line = {
      action: 'createMiniProgram',
      subgraph: 'app-manage',
      actorKind: 'user' as const,
      actorId: `user:${newId()}`,
      organizationId: orgId,
      targetType: 'mini-program',
      targetId: orgId === orgA ? appA : appB,
      summary: 'mini-program.created',
      changes: ['mini-program.created'],
      requestId: newId(),
      clientIp: null,
      at: new Date().toISOString(),
      atomic: true,
    };
    await runtime.events.publish(
      OPERATION_LOG_TOPIC,
      contractEvent(operationLogEvents, OPERATION_RECORDED, orgId, line),
    );
  }
  await eventually(async () =>
    expect(await analytics.services.operationLogStore.list({}, 10)).toHaveLength(2),
  );

  return {
    runtime,
    analytics,
    orgA,
    orgB,
    appA,
    appB,
    day,
    principals: matrixPrincipals(orgA, orgB),
  };
}

describeAuthorizationMatrix<Harness>({
  subgraph: 'analytics',
  harness: createHarness,
  dispose: async (h) => {
    await h.analytics.close?.();
    await h.runtime.dispose();
  },
  schema: (h) => h.analytics.schema,
  principals: (h) => h.principals,
  operations: OPERATIONS,
  // A refusal declares nothing, removes nothing and rolls nothing up.
  snapshot: async (h) => ({
    log: await h.analytics.services.operationLogStore.list({}, 1000),
    declarations: await h.runtime.documents
      .collection(CustomEventDeclarationModel)
      .find({}, { sort: { _id: 1 } }),
    plans: await Promise.all(
      [AnalyticsReleasePlanModel, AnalyticsReleasePlanMarkModel].map((model) =>
        h.runtime.documents.collection(model as never).find({}, { sort: { _id: 1 } }),
      ),
    ),
    rollups: await Promise.all(
      [h.appA, h.appB].map((appId) => h.analytics.services.store.daily(appId, h.day, h.day, '')),
    ),
  }),
  routes: (h) => httpRoutesOf(h.analytics),
});
