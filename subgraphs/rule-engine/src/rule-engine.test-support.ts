import { randomBytes } from 'node:crypto';
import {
  createLicenseGuard,
  generateLicenseKeyPair,
  LicenseInstallationModel,
  MINI_PROGRAM_EVENTS_TOPIC,
  signLicense,
  type LicenseGuard,
  type LicenseLimitName,
} from '@grove/contracts';
import {
  ANONYMOUS,
  newId,
  randomToken,
  silentLogger,
  type OperatorRole,
  type OrgRole,
  type Principal,
  type SubgraphContext,
  type UserPrincipal,
} from '@grove/platform';
import {
  createTestRuntime,
  eventually,
  type TransactionalDocumentDriver,
  type TestRuntime,
} from '@grove/testkit';
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

export function userPrincipal(
  memberships: Array<{ orgId: string; role: OrgRole }>,
  operatorRoles: OperatorRole[] = [],
): UserPrincipal {
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
  options: {
    dataDir?: string;
    settings?: Partial<RuleEngineSettings>;
    license?: GrayReleaseLicenseGuard;
    people?: People;
    /** The documents driver (default: SQLite, the embedded profile's). */
    documents?: TransactionalDocumentDriver;
  } = {},
): Promise<Harness> {
  const runtime = await createTestRuntime({ dataDir: options.dataDir, documents: options.documents });
  const engine = await createRuleEngineSubgraph(runtime, {
    settings: options.settings,
    license: options.license,
  });
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
 * The real license guard (@grove/contracts) over the harness's store, under a license signed for the test that caps
 * concurrent gray releases at `cap`; `checks` counts claims.
 */
export function cappedLicense(h: () => Harness, cap: number): GrayReleaseLicenseGuard & { checks: number } {
  let guard: Promise<LicenseGuard> | undefined;
  const load = () =>
    (guard ??= (async () => {
      const vendor = generateLicenseKeyPair();
      const payload = {
        licenseId: `test-${newId()}`,
        licensee: 'rule-engine tests',
        issuedAt: new Date().toISOString(),
        expiresAt: null,
        limits: { miniPrograms: null, hostApps: null, concurrentGrayReleases: cap, organizations: null },
      };
      const document = JSON.stringify(signLicense(payload, vendor.privateKeyPem));
      await h().runtime.documents.collection(LicenseInstallationModel).insertOne({
        licenseId: payload.licenseId,
        licensee: payload.licensee,
        document,
        installedBy: 'test',
      });
      return createLicenseGuard(h().runtime, {
        publicKeyPem: vendor.publicKeyPem,
        owned: {
          concurrentGrayReleases: { model: ReleasePlanModel, filter: CONCURRENT_GRAY_RELEASES_FILTER },
        },
      });
    })());
  const capped = {
    checks: 0,
    async claim<T>(limit: LicenseLimitName, holderId: string, create: () => Promise<T>): Promise<T> {
      capped.checks++;
      return (await load()).claim(limit, holderId, create);
    },
    async release(limit: LicenseLimitName, holderId: string): Promise<void> {
      await (await load()).release(limit, holderId);
    },
  };
  return capped;
}

export function newAppId(): string {
  return `mp${randomBytes(8).toString('hex')}`;
}

/** Publishes a mini-program event exactly as app-manage does and waits until the projection has it. */
export async function createApp(h: Harness, orgId = h.orgA): Promise<string> {
  const appId = newAppId();
  await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
    type: 'mini-program.created',
    key: appId,
    payload: { appId, orgId, actorId: newId() },
  });
  await eventually(async () => expect(await h.engine.services.miniPrograms.get(appId)).not.toBeNull());
  return appId;
}

export async function freezeApp(h: Harness, appId: string, orgId = h.orgA): Promise<void> {
  await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
    type: 'mini-program.frozen',
    key: appId,
    payload: { appId, orgId, actorId: newId(), reason: 'abuse' },
  });
  await eventually(async () =>
    expect((await h.engine.services.miniPrograms.get(appId))?.status).toBe('FROZEN'),
  );
}

/** iOS devices on 2.x host apps. */
export const IOS_RULE = {
  salt: 'ios-2x',
  match: {
    all: [
      { field: 'platform', op: 'eq', value: 'ios' },
      { field: 'hostAppVersion', op: 'range', value: { min: '2.0.0', max: '2.99.99' } },
    ],
  },
};

export async function createRule(
  h: Harness,
  appId: string,
  rule: unknown = IOS_RULE,
  owner: Principal = h.ownerA,
) {
  return h.engine.services.rules.create(owner, { appId, name: `rule ${randomToken(4)}`, rule });
}

/** The app-manage event that leaves a version in each status. */
const EVENT_BY_STATUS: Record<string, string> = {
  DEVELOPMENT: 'version.uploaded',
  SUBMITTED: 'version.submitted',
  APPROVED: 'version.approved',
  REJECTED: 'version.rejected',
  GRAY: 'version.gray-started',
  PUBLISHED: 'version.published',
  DELISTED: 'version.delisted',
};

/**
 * Publishes a `version.*` event as app-manage does (the payload carries the status after the change) and waits
 * until the version projection has it. Returns the version id.
 */
export async function versionIn(
  h: Harness,
  appId: string,
  status = 'APPROVED',
  options: { versionId?: string; orgId?: string; extra?: Record<string, unknown>; type?: string } = {},
): Promise<string> {
  const versionId = options.versionId ?? newId();
  const payload = {
    appId,
    orgId: options.orgId ?? h.orgA,
    versionId,
    versionName: '1.0.0',
    status,
    actorId: newId(),
    ...options.extra,
  };
  await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
    type: options.type ?? EVENT_BY_STATUS[status],
    key: appId,
    payload,
  });
  await eventually(async () =>
    expect((await h.engine.services.versions.get(versionId))?.status).toBe(status),
  );
  return versionId;
}

/** app-manage's answer to a completing plan: it published the version, or refused it. Waits for the plan to move. */
export async function answerCompletion(
  h: Harness,
  plan: { id: string; appId: string; grayVersionId: string },
  outcome: 'published' | 'refused' = 'published',
): Promise<void> {
  if (outcome === 'published') {
    await versionIn(h, plan.appId, 'PUBLISHED', {
      versionId: plan.grayVersionId,
      extra: { releasePlanId: plan.id },
    });
  } else {
    await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
      type: 'version.release-plan-refused',
      key: plan.appId,
      payload: {
        appId: plan.appId,
        orgId: h.orgA,
        versionId: plan.grayVersionId,
        status: 'DELISTED',
        releasePlanId: plan.id,
        reason: 'the version was delisted',
        actorId: newId(),
      },
    });
  }
  const expected = outcome === 'published' ? 'COMPLETED' : 'FAILED';
  await eventually(async () =>
    expect((await h.engine.services.plans.get(h.reviewer, plan.id)).state).toBe(expected),
  );
}

export async function startPlan(h: Harness, appId: string, percentage = 10, owner: Principal = h.ownerA) {
  const rule = await createRule(h, appId, IOS_RULE, owner);
  const grayVersionId = await versionIn(h, appId);
  return h.engine.services.plans.start(owner, { appId, grayVersionId, ruleId: rule.id, percentage });
}

export function contextFor(principal: Principal = ANONYMOUS): SubgraphContext {
  return { principal: { ...principal } as Principal, requestId: 'test', logger: silentLogger() };
}

export function execute(
  h: Harness,
  source: string,
  principal: Principal = ANONYMOUS,
  variableValues?: Record<string, unknown>,
): Promise<ExecutionResult> {
  return graphql({
    schema: h.engine.schema,
    source,
    variableValues,
    contextValue: contextFor(principal),
  }) as Promise<ExecutionResult>;
}

export function errorCodes(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((e) =>
    String(e.extensions?.code ?? (e.originalError as { code?: string } | undefined)?.code ?? 'INTERNAL'),
  );
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

export { eventually };

export type RecordedEvent = { type: string; key?: string; payload: Record<string, unknown> };

export async function recordEvents(h: Harness, topic: string): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  await h.runtime.events.subscribe<Record<string, unknown>>(
    topic,
    `test-${randomToken(6)}`,
    async (event) => {
      seen.push({ type: event.type, key: event.key, payload: event.payload });
    },
  );
  return seen;
}
