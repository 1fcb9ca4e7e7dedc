import { randomBytes } from 'node:crypto';
import { RuleEngineEventType, contractEvent, miniProgramEvents, ruleEngineEvents } from '@grove/contracts';
import {
  newId,
  type DomainEvent,
  type NewEvent,
  type OperatorRole,
  type OrgRole,
  type UserPrincipal,
} from '@grove/platform';
import { createTestRuntime, type TestRuntime } from '@grove/testkit';
import { createAnalyticsSubgraph, type AnalyticsDeps, type AnalyticsSubgraph } from './analytics.subgraph';

export interface AnalyticsHarness {
  runtime: TestRuntime;
  analytics: AnalyticsSubgraph;
  orgA: string;
  orgB: string;
  ownerA: UserPrincipal;
  adminA: UserPrincipal;
  developerA: UserPrincipal;
  ownerB: UserPrincipal;
  reviewer: UserPrincipal;
  admin: UserPrincipal;
  dispose(): Promise<void>;
}

export function userPrincipal(
  memberships: Array<{ orgId: string; role: OrgRole }>,
  operatorRoles: OperatorRole[] = [],
): UserPrincipal {
  return { kind: 'user', userId: newId(), sessionId: newId(), operatorRoles, memberships };
}

/** Real embedded drivers (documents, KV, bus) in a temp dir and the analytics subgraph on its SQLite raw store. */
export async function createAnalyticsHarness(deps: AnalyticsDeps = {}): Promise<AnalyticsHarness> {
  const runtime = await createTestRuntime();
  const analytics = await createAnalyticsSubgraph(runtime, {
    ...deps,
    settings: { rollupIntervalMs: 0, storeDriver: 'sqlite', ...deps.settings },
  });
  const orgA = newId();
  const orgB = newId();
  return {
    runtime,
    analytics,
    orgA,
    orgB,
    ownerA: userPrincipal([{ orgId: orgA, role: 'ORG_OWNER' }]),
    adminA: userPrincipal([{ orgId: orgA, role: 'ORG_ADMIN' }]),
    developerA: userPrincipal([{ orgId: orgA, role: 'ORG_DEVELOPER' }]),
    ownerB: userPrincipal([{ orgId: orgB, role: 'ORG_OWNER' }]),
    reviewer: userPrincipal([], ['OPERATOR_REVIEWER']),
    admin: userPrincipal([], ['OPERATOR_ADMIN']),
    dispose: async () => {
      await analytics.close();
      await runtime.dispose();
    },
  };
}

/** An event as a consumer receives it (id and time stamped by the bus). */
function delivered(event: NewEvent<unknown>): DomainEvent<unknown> {
  return { id: newId(), occurredAt: new Date().toISOString(), ...event } as DomainEvent<unknown>;
}

/** A mini-program of `orgId` as app-manage's event makes it known to this subgraph (applied directly, as its consumer would). */
export async function knownApp(h: Pick<AnalyticsHarness, 'analytics'>, orgId: string): Promise<string> {
  const appId = `mp${randomBytes(8).toString('hex')}`;
  await h.analytics.services.miniPrograms.apply(
    delivered(
      contractEvent(miniProgramEvents, 'mini-program.created', appId, { appId, orgId, actorId: newId() }),
    ),
  );
  return appId;
}

/** rule-engine's release-plan event as this subgraph's projection applies it; answers the event. */
export async function planEvent(
  h: Pick<AnalyticsHarness, 'analytics'>,
  type: (typeof RuleEngineEventType)[keyof typeof RuleEngineEventType],
  plan: {
    planId: string;
    appId: string;
    orgId: string;
    grayVersionId: string;
    percentage: number;
    state: string;
    changedAt?: string;
  },
): Promise<DomainEvent<unknown>> {
  const event = delivered(
    contractEvent(ruleEngineEvents, type, plan.appId, {
      ...plan,
      ruleId: 'rule-1',
      actorId: newId(),
      changedAt: plan.changedAt ?? new Date().toISOString(),
    }),
  );
  await h.analytics.services.releasePlans.apply(event);
  return event;
}

/** A started plan of a new mini-program of `orgId`. */
export async function knownPlan(
  h: Pick<AnalyticsHarness, 'analytics'>,
  orgId: string,
): Promise<{ planId: string; appId: string }> {
  const appId = await knownApp(h, orgId);
  const planId = newId();
  await planEvent(h, RuleEngineEventType.RELEASE_PLAN_STARTED, {
    planId,
    appId,
    orgId,
    grayVersionId: 'v2',
    percentage: 10,
    state: 'ACTIVE',
  });
  return { planId, appId };
}
