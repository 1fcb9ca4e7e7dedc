import { randomBytes } from 'node:crypto';
import { MINI_PROGRAM_EVENTS_TOPIC } from '@grove/contracts';
import { ANONYMOUS, LicenseLimitExceededError, newId, randomToken, silentLogger, type OperatorRole, type OrgRole, type Principal, type SubgraphContext, type UserPrincipal } from '@grove/platform';
import { createTestRuntime, type TestRuntime } from '@grove/testkit';
import { graphql, type ExecutionResult } from 'graphql';
import type { RuleEngineSettings } from './config';
import { createRuleEngineSubgraph, type RuleEngineSubgraph } from './rule-engine.subgraph';
import type { GrayReleaseLicenseGuard } from './service/release-plan.service';
import { CONCURRENT_GRAY_RELEASES_FILTER, ReleasePlanModel } from './store/release-plan.model';

export interface People {
  orgA: string;
  orgB: string;
  ownerA: UserPrincipal;
  developerA: UserPrincipal;
  ownerB: UserPrincipal;
  reviewer: UserPrincipal;
  admin: UserPrincipal;
}

export interface Harness extends People {
  runtime: TestRuntime;
  engine: RuleEngineSubgraph;
  dispose(): Promise<void>;
}

export function userPrincipal(memberships: Array<{ orgId: string; role: OrgRole }>, operatorRoles: OperatorRole[] = []): UserPrincipal {
  return { kind: 'user', userId: newId(), sessionId: newId(), operatorRoles, memberships };
}

export function newPeople(): People {
  const orgA = newId();
  const orgB = newId();
  return {
    orgA,
    orgB,
    ownerA: userPrincipal([{ orgId: orgA, role: 'ORG_OWNER' }]),
    developerA: userPrincipal([{ orgId: orgA, role: 'ORG_DEVELOPER' }]),
    ownerB: userPrincipal([{ orgId: orgB, role: 'ORG_OWNER' }]),
    reviewer: userPrincipal([], ['OPERATOR_REVIEWER']),
    admin: userPrincipal([], ['OPERATOR_ADMIN']),
  };
}

/** Real embedded documents, cache and memory bus in a temp dir. */
export async function createHarness(
  options: { dataDir?: string; settings?: Partial<RuleEngineSettings>; license?: GrayReleaseLicenseGuard; people?: People } = {},
): Promise<Harness> {
  const runtime = await createTestRuntime({ dataDir: options.dataDir });
  const engine = await createRuleEngineSubgraph(runtime, { settings: options.settings, license: options.license });
  return {
    ...(options.people ?? newPeople()),
    runtime,
    engine,
    dispose: async () => {
      await engine.close();
      await runtime.dispose();
    },
  };
}

/**
 * A license guard with a fixed cap on concurrent gray releases, counting usage the way the license subgraph's
 * DocumentCountUsageSource is configured to (ReleasePlanModel + CONCURRENT_GRAY_RELEASES_FILTER).
 */
export function cappedLicense(h: () => Harness, cap: number): GrayReleaseLicenseGuard & { checks: number } {
  const guard = {
    checks: 0,
    async assertCanCreate(limit: 'concurrentGrayReleases') {
      guard.checks++;
      const used = await h().runtime.documents.collection(ReleasePlanModel).count(CONCURRENT_GRAY_RELEASES_FILTER);
      if (used >= cap) throw new LicenseLimitExceededError(`The license allows ${cap} concurrent gray releases`, { limit, max: cap, used });
    },
  };
  return guard;
}

export function newAppId(): string {
  return `mp${randomBytes(8).toString('hex')}`;
}

/** Publishes a mini-program event exactly as app-manage does and waits until the projection has it. */
export async function createApp(h: Harness, orgId = h.orgA): Promise<string> {
  const appId = newAppId();
  await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, { type: 'mini-program.created', key: appId, payload: { appId, orgId, actorId: newId() } });
  await eventually(async () => expect(await h.engine.services.miniPrograms.get(appId)).not.toBeNull());
  return appId;
}

export async function freezeApp(h: Harness, appId: string, orgId = h.orgA): Promise<void> {
  await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, { type: 'mini-program.frozen', key: appId, payload: { appId, orgId, actorId: newId(), reason: 'abuse' } });
  await eventually(async () => expect((await h.engine.services.miniPrograms.get(appId))?.status).toBe('FROZEN'));
}

/** iOS devices on 2.x host apps. */
export const IOS_RULE = {
  salt: 'ios-2x',
  match: { all: [{ field: 'platform', op: 'eq', value: 'ios' }, { field: 'hostAppVersion', op: 'range', value: { min: '2.0.0', max: '2.99.99' } }] },
};

export async function createRule(h: Harness, appId: string, rule: unknown = IOS_RULE, owner: Principal = h.ownerA) {
  return h.engine.services.rules.create(owner, { appId, name: `rule ${randomToken(4)}`, rule });
}

export async function startPlan(h: Harness, appId: string, percentage = 10, owner: Principal = h.ownerA) {
  const rule = await createRule(h, appId, IOS_RULE, owner);
  return h.engine.services.plans.start(owner, { appId, grayVersionId: newId(), ruleId: rule.id, percentage });
}

export function contextFor(principal: Principal = ANONYMOUS): SubgraphContext {
  return { principal: { ...principal } as Principal, requestId: 'test', logger: silentLogger() };
}

export function execute(h: Harness, source: string, principal: Principal = ANONYMOUS, variableValues?: Record<string, unknown>): Promise<ExecutionResult> {
  return graphql({ schema: h.engine.schema, source, variableValues, contextValue: contextFor(principal) }) as Promise<ExecutionResult>;
}

export function errorCodes(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((e) => String(e.extensions?.code ?? (e.originalError as { code?: string } | undefined)?.code ?? 'INTERNAL'));
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

export async function eventually(check: () => void | Promise<void>, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

export type RecordedEvent = { type: string; key?: string; payload: Record<string, unknown> };

export async function recordEvents(h: Harness, topic: string): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  await h.runtime.events.subscribe<Record<string, unknown>>(topic, `test-${randomToken(6)}`, async (event) => {
    seen.push({ type: event.type, key: event.key, payload: event.payload });
  });
  return seen;
}
