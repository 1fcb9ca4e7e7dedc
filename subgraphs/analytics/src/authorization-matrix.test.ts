import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import {
  contractEvent,
  MINI_PROGRAM_EVENTS_TOPIC,
  OPERATION_LOG_TOPIC,
  OPERATION_RECORDED,
  operationLogEvents,
} from '@grove/contracts';
import { newId, type OperatorRole, type OrgRole, type UserPrincipal } from '@grove/platform';
import {
  createTestRuntime,
  describeAuthorizationMatrix,
  eventually,
  F,
  httpRoutesOf,
  U,
  type MatrixOperation,
  type MatrixRow,
  type SignedInPrincipal,
  type TestRuntime,
} from '@grove/testkit';
import { createAnalyticsSubgraph, type AnalyticsSubgraph } from './analytics.subgraph';
import { CustomEventDeclarationModel } from './store/custom-event-declaration.model';

/**
 * Every query, mutation, field resolver and REST route of the analytics subgraph, for each kind of caller. Reading a
 * mini-program's statistics and declarations needs miniprogram:read (every org role) or miniprogram:review
 * (operators); declarations change with miniprogram:write; recomputing is platform:configure. The operation log
 * (ADR 0013): operators read everything (operation-log:read:any), owners and admins their organization
 * (org:operation-log:read), developers and anonymous callers nothing; another organization's id is refused.
 */
//                                       anonymous ownerA adminA developerA ownerB reviewer admin
const READERS_A: MatrixRow = /*        */ [U, 'ok', 'ok', 'ok', F, 'ok', 'ok'];
const WRITERS_A: MatrixRow = /*        */ [U, 'ok', 'ok', 'ok', F, F, F];
const CONFIGURE: MatrixRow = /*        */ [U, F, F, F, F, F, 'ok'];
const LOG_READERS: MatrixRow = /*      */ [U, 'ok', 'ok', F, 'ok', 'ok', 'ok'];
const LOG_READERS_OF_A: MatrixRow = /* */ [U, 'ok', 'ok', F, F, 'ok', 'ok'];

interface Harness {
  runtime: TestRuntime;
  analytics: AnalyticsSubgraph;
  orgA: string;
  orgB: string;
  appId: string;
  principals: Record<SignedInPrincipal, UserPrincipal>;
}

const user = (
  memberships: Array<{ orgId: string; role: OrgRole }>,
  operatorRoles: OperatorRole[] = [],
): UserPrincipal => ({
  kind: 'user',
  userId: newId(),
  sessionId: newId(),
  operatorRoles,
  memberships,
});

async function createHarness(): Promise<Harness> {
  const runtime = await createTestRuntime();
  const analytics = await createAnalyticsSubgraph(runtime, {
    settings: { rollupIntervalMs: 0, storeDriver: 'sqlite', operationLogPruneIntervalMs: 0 },
  });
  const orgA = newId();
  const orgB = newId();
  const appId = `mp${randomBytes(8).toString('hex')}`;
  await runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
    type: 'mini-program.created',
    key: appId,
    payload: { appId, orgId: orgA, actorId: newId() },
  });
  await eventually(async () => expect(await analytics.services.miniPrograms.get(appId)).not.toBeNull());
  // One line of each organization's log.
  for (const orgId of [orgA, orgB]) {
    const line = {
      action: 'createMiniProgram',
      subgraph: 'app-manage',
      actorKind: 'user' as const,
      actorId: `user:${newId()}`,
      organizationId: orgId,
      targetType: 'mini-program',
      targetId: appId,
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
  const principals: Record<SignedInPrincipal, UserPrincipal> = {
    ownerA: user([{ orgId: orgA, role: 'ORG_OWNER' }]),
    adminA: user([{ orgId: orgA, role: 'ORG_ADMIN' }]),
    developerA: user([{ orgId: orgA, role: 'ORG_DEVELOPER' }]),
    ownerB: user([{ orgId: orgB, role: 'ORG_OWNER' }]),
    reviewer: user([], ['OPERATOR_REVIEWER']),
    admin: user([], ['OPERATOR_ADMIN']),
  };
  return { runtime, analytics, orgA, orgB, appId, principals };
}

const declared = async (h: Harness) => {
  const name = `e${randomBytes(4).toString('hex')}`;
  await h.analytics.services.customEvents.declare(h.principals.ownerA, h.appId, {
    name,
    displayName: 'An event',
    attributes: [],
  });
  return { app: h.appId, name };
};

const OPERATIONS: MatrixOperation<Harness>[] = [
  {
    name: 'miniProgramAnalytics',
    source:
      'query($app: ID!) { miniProgramAnalytics(appId: $app, from: "2026-01-01", to: "2026-01-02") { appId } }',
    prepare: async (h) => ({ app: h.appId }),
    expected: READERS_A,
  },
  {
    name: 'miniProgramAnalyticsBreakdown',
    source:
      'query($app: ID!) { miniProgramAnalyticsBreakdown(appId: $app, dimension: PLATFORM, from: "2026-01-01", to: "2026-01-02") { appId } }',
    prepare: async (h) => ({ app: h.appId }),
    expected: READERS_A,
  },
  {
    name: 'recomputeAnalytics',
    source: 'mutation { recomputeAnalytics(from: "2026-01-01", to: "2026-01-01") }',
    expected: CONFIGURE,
  },
  {
    name: 'customEventDeclarations',
    source: 'query($app: ID!) { customEventDeclarations(appId: $app) { name attributes { name type } } }',
    prepare: async (h) => ({ app: h.appId }),
    expected: READERS_A,
  },
  {
    name: 'declareCustomEvent',
    source:
      'mutation($app: ID!, $name: String!) { declareCustomEvent(appId: $app, input: { name: $name, displayName: "x", attributes: [] }) { name } }',
    prepare: async (h) => ({ app: h.appId, name: `d${randomBytes(4).toString('hex')}` }),
    expected: WRITERS_A,
  },
  {
    name: 'removeCustomEventDeclaration',
    source: 'mutation($app: ID!, $name: String!) { removeCustomEventDeclaration(appId: $app, name: $name) }',
    prepare: declared,
    expected: WRITERS_A,
  },
  {
    name: 'operationLog',
    source: 'query { operationLog { items { id organizationId } } }',
    expected: LOG_READERS,
    check: (h, result, _vars, who) => {
      const orgs = (
        result?.data as { operationLog: { items: Array<{ organizationId: string }> } }
      ).operationLog.items
        .map((i) => i.organizationId)
        .sort();
      const expected =
        who === 'reviewer' || who === 'admin'
          ? [h.orgA, h.orgB].sort()
          : who === 'ownerB'
            ? [h.orgB]
            : [h.orgA];
      expect(orgs).toEqual(expected);
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
  {
    // The pipeline's counters in Prometheus text (no identifiers): the route reads them for any caller, as the handler does.
    name: 'GET /analytics/metrics',
    call: async (h) => {
      const text = await h.analytics.services.metrics.registry.metrics();
      if (!/^# HELP /m.test(text)) throw new Error('no Prometheus text');
    },
    expected: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  },
];

describeAuthorizationMatrix<Harness>({
  subgraph: 'analytics',
  harness: createHarness,
  dispose: async (h) => {
    await h.analytics.close();
    await h.runtime.dispose();
  },
  schema: (h) => h.analytics.schema,
  principals: (h) => h.principals,
  operations: OPERATIONS,
  snapshot: async (h) => ({
    declarations: await h.runtime.documents
      .collection(CustomEventDeclarationModel)
      .find({}, { sort: { _id: 1 } }),
    log: await h.analytics.services.operationLogStore.list({}, 1000),
  }),
  routes: (h) => httpRoutesOf(h.analytics),
});
