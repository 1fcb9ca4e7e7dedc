import { uncoveredOperations } from '@grove/testkit';
import { graphql } from 'graphql';
import { ANONYMOUS, newId, type PlatformError, type Principal, type UserPrincipal } from '@grove/platform';
import { RuleEngineMiniProgramModel } from './projection/rule-engine-mini-program.model';
import { RuleEngineVersionModel } from './projection/rule-engine-version.model';
import {
  contextFor,
  createApp,
  createHarness,
  createRule,
  errorCodes,
  execute,
  IOS_RULE,
  startPlan,
  versionIn,
  type Harness,
} from './rule-engine.test-support';
import { GrayRuleModel } from './store/gray-rule.model';
import { ReleasePlanModel } from './store/release-plan.model';

/**
 * Every query and mutation of the rule-engine subgraph, for each kind of caller, against an explicit allow/deny
 * table. A denial must carry the expected code and leave every collection exactly as it was.
 */
type Who = 'anonymous' | 'ownerA' | 'ownerB' | 'reviewer' | 'admin';
const WHO: Who[] = ['anonymous', 'ownerA', 'ownerB', 'reviewer', 'admin'];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const U: Outcome = 'UNAUTHENTICATED';
const F: Outcome = 'FORBIDDEN';
//         anonymous ownerA ownerB reviewer admin
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome];
const ORG_A_ONLY: Row = [U, 'ok', F, F, F];
const ORG_A_OR_OPERATORS: Row = [U, 'ok', F, 'ok', 'ok'];

interface Operation {
  name: string;
  source: string;
  prepare?: (h: Harness) => Promise<Record<string, unknown>>;
  expected: Row;
}

const appOfA = (h: Harness) => createApp(h);
const planOfA = async (h: Harness) => (await startPlan(h, await appOfA(h))).id;
const pausedPlanOfA = async (h: Harness) => {
  const id = await planOfA(h);
  await h.engine.services.plans.pause(h.ownerA, id);
  return id;
};

const OPERATIONS: Operation[] = [
  {
    name: 'grayRules',
    source: 'query($a: ID!) { grayRules(appId: $a) { id } }',
    prepare: async (h) => {
      const a = await appOfA(h);
      await createRule(h, a);
      return { a };
    },
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'releasePlans',
    source: 'query($a: ID!) { releasePlans(appId: $a) { id } }',
    prepare: async (h) => ({ a: (await startPlan(h, await appOfA(h))).appId }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'releasePlan',
    source: 'query($id: ID!) { releasePlan(id: $id) { id state rule { id } } }',
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'createGrayRule',
    source:
      'mutation($a: ID!, $r: JSONObject!) { createGrayRule(input: { appId: $a, name: "r", rule: $r }) { id } }',
    prepare: async (h) => ({ a: await appOfA(h), r: IOS_RULE }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'updateGrayRule',
    source:
      'mutation($id: ID!) { updateGrayRule(id: $id, input: { expectedVersion: 1, name: "renamed" }) { id version } }',
    prepare: async (h) => ({ id: (await createRule(h, await appOfA(h))).id }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'deleteGrayRule',
    source: 'mutation($id: ID!) { deleteGrayRule(id: $id) }',
    prepare: async (h) => ({ id: (await createRule(h, await appOfA(h))).id }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'startReleasePlan',
    source:
      'mutation($a: ID!, $r: ID!, $v: ID!) { startReleasePlan(input: { appId: $a, grayVersionId: $v, ruleId: $r, percentage: 10 }) { id } }',
    prepare: async (h) => {
      const a = await appOfA(h);
      return { a, r: (await createRule(h, a)).id, v: await versionIn(h, a) };
    },
    expected: ORG_A_ONLY,
  },
  {
    name: 'raiseReleasePlanPercentage',
    source: 'mutation($id: ID!) { raiseReleasePlanPercentage(id: $id, percentage: 60) { id } }',
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'pauseReleasePlan',
    source: 'mutation($id: ID!) { pauseReleasePlan(id: $id) { id } }',
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'resumeReleasePlan',
    source: 'mutation($id: ID!) { resumeReleasePlan(id: $id) { id } }',
    prepare: async (h) => ({ id: await pausedPlanOfA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'completeReleasePlan',
    source: 'mutation($id: ID!) { completeReleasePlan(id: $id) { id } }',
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'revertReleasePlan',
    source: 'mutation($id: ID!) { revertReleasePlan(id: $id) { id } }',
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: ORG_A_ONLY,
  },
];

async function snapshot(h: Harness): Promise<unknown[]> {
  return Promise.all(
    [RuleEngineMiniProgramModel, RuleEngineVersionModel, GrayRuleModel, ReleasePlanModel].map((model) =>
      h.runtime.documents.collection(model as never).find({}, { sort: { _id: 1 } }),
    ),
  );
}

describe('authorization matrix', () => {
  let h: Harness;
  let principals: Record<Who, Principal>;
  beforeAll(async () => {
    h = await createHarness();
    principals = {
      anonymous: ANONYMOUS,
      ownerA: h.ownerA,
      ownerB: h.ownerB,
      reviewer: h.reviewer,
      admin: h.admin,
    };
  });
  afterAll(() => h.dispose());

  it('covers every query and mutation in the schema', () => {
    expect(
      uncoveredOperations(
        h.engine.schema,
        OPERATIONS.map((op) => op.name),
      ),
    ).toEqual([]);
  });

  describe.each(OPERATIONS)('$name', (op) => {
    it.each(WHO.map((who, i) => [who, op.expected[i]] as const))('%s → %s', async (who, expected) => {
      const vars = (await op.prepare?.(h)) ?? {};
      const before = expected === 'ok' ? null : await snapshot(h);
      const codes = errorCodes(await execute(h, op.source, principals[who], vars));
      expect(codes.length === 0 ? 'ok' : codes.join(',')).toBe(expected);
      if (before) expect(await snapshot(h)).toEqual(before);
    });
  });
});

/**
 * Stale-token rows (ADR 0006): a removed, demoted or frozen member and a disabled operator have a newer user epoch
 * than their token; a logged-out session has a session record. Every mutation refuses them before it runs, with
 * the context a subgraph gets from the router or from serveSubgraph (which carries the authorization gate).
 */
describe('authorization matrix: stale and revoked tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.dispose());

  const mutations = OPERATIONS.filter((op) => op.source?.trimStart().startsWith('mutation'));
  it.each(mutations.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const vars = (await op.prepare?.(h)) ?? {};
    const allowed = { ownerA: h.ownerA, ownerB: h.ownerB, reviewer: h.reviewer, admin: h.admin }[WHO[op.expected.indexOf('ok')] as Exclude<Who, 'anonymous'>] as UserPrincipal;
    const before = await snapshot(h);
    const refusal = async (principal: UserPrincipal) => {
      const error = (await gated(principal)).errors?.[0]?.originalError as PlatformError | undefined;
      return { code: error?.code, reason: error?.details?.reason };
    };
    const gated = (principal: UserPrincipal) =>
      graphql({ schema: h.engine.schema, source: op.source!, variableValues: vars, contextValue: { ...contextFor(principal), authorization: h.runtime.authorization } });

    const stale: UserPrincipal = { ...allowed, userId: newId(), authEpoch: Date.now() - 1 };
    await h.runtime.authorization.revokeUser(stale.userId);
    expect(await refusal(stale)).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_STALE' });

    const loggedOut: UserPrincipal = { ...allowed, userId: newId(), sessionId: newId(), authEpoch: Date.now() };
    await h.runtime.authorization.revokeSession(loggedOut.userId, loggedOut.sessionId);
    expect(await refusal(loggedOut)).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(await snapshot(h)).toEqual(before);
  });
});
