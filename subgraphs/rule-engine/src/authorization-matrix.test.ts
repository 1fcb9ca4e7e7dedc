import {
  describeAuthorizationMatrix,
  F,
  httpRoutesOf,
  N,
  U,
  type MatrixOperation,
  type MatrixRow,
} from '@grove/testkit';
import { RuleEngineMiniProgramModel } from './projection/rule-engine-mini-program.model';
import { RuleEngineVersionModel } from './projection/rule-engine-version.model';
import {
  createApp,
  createHarness,
  createRule,
  IOS_RULE,
  startPlan,
  userPrincipal,
  versionIn,
  type Harness,
} from './rule-engine.test-support';
import { GrayRuleModel } from './store/gray-rule.model';
import { ReleasePlanModel } from './store/release-plan.model';

/**
 * Every query, mutation, field resolver and entity of the rule-engine subgraph, for each kind of caller. Reading
 * needs miniprogram:read (every org role) or miniprogram:review (operators); rules and plans change with
 * miniprogram:release, which ORG_DEVELOPER lacks (packages/platform/src/auth/access-policy.ts).
 */
//                                 anonymous ownerA adminA developerA ownerB reviewer admin
const READERS_A: MatrixRow = /*  */ [U, 'ok', 'ok', 'ok', F, 'ok', 'ok'];
const RELEASERS_A: MatrixRow = /**/ [U, 'ok', 'ok', F, F, F, F];
const RELEASERS_B: MatrixRow = /**/ [U, F, F, F, 'ok', F, F];
/** `_entities` hides what the caller may not read: a null entity, no error. */
const ENTITY_READERS_A: MatrixRow = ['null', 'ok', 'ok', 'ok', 'null', 'ok', 'ok'];
const ENTITY_READERS_B: MatrixRow = ['null', 'null', 'null', 'null', 'ok', 'ok', 'ok'];

const appOfA = (h: Harness) => createApp(h);
const planOfA = async (h: Harness) => (await startPlan(h, await appOfA(h))).id;
const planOfB = async (h: Harness) => {
  const appId = await createApp(h, h.orgB);
  const ruleId = (await createRule(h, appId, IOS_RULE, h.ownerB)).id;
  const grayVersionId = await versionIn(h, appId, 'APPROVED', { orgId: h.orgB });
  return (await h.engine.services.plans.start(h.ownerB, { appId, grayVersionId, ruleId, percentage: 10 })).id;
};
const pausedPlanOfA = async (h: Harness) => {
  const id = await planOfA(h);
  await h.engine.services.plans.pause(h.ownerA, id);
  return id;
};
/** An APPROVED version of a mini-program of org B. */
const versionOfB = async (h: Harness) =>
  versionIn(h, await createApp(h, h.orgB), 'APPROVED', { orgId: h.orgB });

const START_PLAN =
  'mutation($a: ID!, $r: ID!, $v: ID!) { startReleasePlan(input: { appId: $a, grayVersionId: $v, ruleId: $r, percentage: 10 }) { id } }';
const ENTITY_PLAN = `query($id: ID!) { _entities(representations: [{ __typename: "ReleasePlan", id: $id }]) {
  ... on ReleasePlan { id state rule { id } } } }`;

const OPERATIONS: MatrixOperation<Harness>[] = [
  {
    name: 'grayRules',
    source: 'query($a: ID!) { grayRules(appId: $a) { id } }',
    prepare: async (h) => {
      const a = await appOfA(h);
      await createRule(h, a);
      return { a };
    },
    expected: READERS_A,
  },
  {
    name: 'releasePlans',
    source: 'query($a: ID!) { releasePlans(appId: $a) { id } }',
    prepare: async (h) => ({ a: (await startPlan(h, await appOfA(h))).appId }),
    expected: READERS_A,
  },
  {
    // Also covers ReleasePlan.rule, the field resolver.
    name: 'releasePlan',
    source: 'query($id: ID!) { releasePlan(id: $id) { id state rule { id } } }',
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: READERS_A,
  },
  {
    name: '_entities(ReleasePlan)',
    source: ENTITY_PLAN,
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: ENTITY_READERS_A,
  },
  {
    name: '_entities(ReleasePlan)',
    label: "_entities with org B's release plan",
    source: ENTITY_PLAN,
    prepare: async (h) => ({ id: await planOfB(h) }),
    expected: ENTITY_READERS_B,
  },
  {
    name: 'createGrayRule',
    source:
      'mutation($a: ID!, $r: JSONObject!) { createGrayRule(input: { appId: $a, name: "r", rule: $r }) { id } }',
    prepare: async (h) => ({ a: await appOfA(h), r: IOS_RULE }),
    expected: RELEASERS_A,
  },
  {
    name: 'createGrayRule',
    label: "createGrayRule for org B's mini-program",
    source:
      'mutation($a: ID!, $r: JSONObject!) { createGrayRule(input: { appId: $a, name: "r", rule: $r }) { id } }',
    prepare: async (h) => ({ a: await createApp(h, h.orgB), r: IOS_RULE }),
    expected: RELEASERS_B,
  },
  {
    name: 'updateGrayRule',
    source:
      'mutation($id: ID!) { updateGrayRule(id: $id, input: { expectedVersion: 1, name: "renamed" }) { id version } }',
    prepare: async (h) => ({ id: (await createRule(h, await appOfA(h))).id }),
    expected: RELEASERS_A,
  },
  {
    name: 'updateGrayRule',
    label: "updateGrayRule with org B's rule id",
    source:
      'mutation($id: ID!) { updateGrayRule(id: $id, input: { expectedVersion: 1, name: "renamed" }) { id version } }',
    prepare: async (h) => ({ id: (await createRule(h, await createApp(h, h.orgB), IOS_RULE, h.ownerB)).id }),
    expected: RELEASERS_B,
  },
  {
    name: 'deleteGrayRule',
    source: 'mutation($id: ID!) { deleteGrayRule(id: $id) }',
    prepare: async (h) => ({ id: (await createRule(h, await appOfA(h))).id }),
    expected: RELEASERS_A,
  },
  {
    name: 'startReleasePlan',
    source: START_PLAN,
    prepare: async (h) => {
      const a = await appOfA(h);
      return { a, r: (await createRule(h, a)).id, v: await versionIn(h, a) };
    },
    expected: RELEASERS_A,
  },
  {
    // Org A's mini-program and rule, org B's version: not a version of this mini-program.
    name: 'startReleasePlan',
    label: "startReleasePlan with org B's version id",
    source: START_PLAN,
    prepare: async (h) => {
      const a = await appOfA(h);
      return { a, r: (await createRule(h, a)).id, v: await versionOfB(h) };
    },
    expected: [U, N, N, F, F, F, F],
  },
  {
    name: 'startReleasePlan',
    label: "startReleasePlan with org B's rule id",
    source: START_PLAN,
    prepare: async (h) => {
      const a = await appOfA(h);
      const ruleOfB = await createRule(h, await createApp(h, h.orgB), IOS_RULE, h.ownerB);
      return { a, r: ruleOfB.id, v: await versionIn(h, a) };
    },
    expected: [U, N, N, F, F, F, F],
  },
  {
    // Org B's own mini-program and rule, org A's version: org B's owner learns nothing about it.
    name: 'startReleasePlan',
    label: "startReleasePlan of org B with org A's version id",
    source: START_PLAN,
    prepare: async (h) => {
      const b = await createApp(h, h.orgB);
      return {
        a: b,
        r: (await createRule(h, b, IOS_RULE, h.ownerB)).id,
        v: await versionIn(h, await appOfA(h)),
      };
    },
    expected: [U, F, F, F, N, F, F],
  },
  {
    name: 'raiseReleasePlanPercentage',
    source: 'mutation($id: ID!) { raiseReleasePlanPercentage(id: $id, percentage: 60) { id } }',
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: RELEASERS_A,
  },
  {
    name: 'raiseReleasePlanPercentage',
    label: "raiseReleasePlanPercentage with org B's plan id",
    source: 'mutation($id: ID!) { raiseReleasePlanPercentage(id: $id, percentage: 60) { id } }',
    prepare: async (h) => ({ id: await planOfB(h) }),
    expected: RELEASERS_B,
  },
  {
    name: 'pauseReleasePlan',
    source: 'mutation($id: ID!) { pauseReleasePlan(id: $id) { id } }',
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: RELEASERS_A,
  },
  {
    name: 'resumeReleasePlan',
    source: 'mutation($id: ID!) { resumeReleasePlan(id: $id) { id } }',
    prepare: async (h) => ({ id: await pausedPlanOfA(h) }),
    expected: RELEASERS_A,
  },
  {
    name: 'completeReleasePlan',
    source: 'mutation($id: ID!) { completeReleasePlan(id: $id) { id } }',
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: RELEASERS_A,
  },
  {
    name: 'revertReleasePlan',
    source: 'mutation($id: ID!) { revertReleasePlan(id: $id) { id } }',
    prepare: async (h) => ({ id: await planOfA(h) }),
    expected: RELEASERS_A,
  },
];

describeAuthorizationMatrix<Harness>({
  subgraph: 'rule-engine',
  harness: () => createHarness(),
  dispose: (h) => h.dispose(),
  schema: (h) => h.engine.schema,
  principals: (h) => ({
    ownerA: h.ownerA,
    adminA: userPrincipal([{ orgId: h.orgA, role: 'ORG_ADMIN' }]),
    developerA: h.developerA,
    ownerB: h.ownerB,
    reviewer: h.reviewer,
    admin: h.admin,
  }),
  operations: OPERATIONS,
  snapshot: (h) =>
    Promise.all(
      [RuleEngineMiniProgramModel, RuleEngineVersionModel, GrayRuleModel, ReleasePlanModel].map((model) =>
        h.runtime.documents.collection(model as never).find({}, { sort: { _id: 1 } }),
      ),
    ),
  routes: (h) => httpRoutesOf(h.engine),
});
