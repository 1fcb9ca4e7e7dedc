import { describeAuthorizationMatrix, F, N, U, type MatrixOperation, type MatrixRow } from '@grove/testkit';
import { newId } from '@grove/platform';
import { createAnalyticsHarness, knownApp, knownPlan, type AnalyticsHarness } from './analytics.test-support';
import { AnalyticsMiniProgramModel } from './projection/analytics-mini-program.model';
import {
  AnalyticsReleasePlanMarkModel,
  AnalyticsReleasePlanModel,
} from './projection/analytics-release-plan.model';
import { CustomEventDeclarationModel } from './store/custom-event-declaration.model';

/**
 * Every query, mutation, field resolver and entity of the analytics subgraph, for each kind of caller. Statistics
 * need miniprogram:read (every org role) or miniprogram:review (operators); declarations change with
 * miniprogram:write; recomputing is platform:configure. A release plan id is resolved through the subgraph's
 * projection of rule-engine's events, and its mini-program through the ownership projection: another
 * organization's plan id is refused like another organization's app id.
 */
//                                 anonymous ownerA adminA developerA ownerB reviewer admin
const READERS_A: MatrixRow = /*  */ [U, 'ok', 'ok', 'ok', F, 'ok', 'ok'];
const READERS_B: MatrixRow = /*  */ [U, F, F, F, 'ok', 'ok', 'ok'];
const WRITERS_A: MatrixRow = /*  */ [U, 'ok', 'ok', 'ok', F, F, F];
const CONFIGURE: MatrixRow = /*  */ [U, F, F, F, F, F, 'ok'];
const NOBODY: MatrixRow = /*     */ [U, N, N, N, N, N, N];
/** `_entities` hides what the caller may not read: a null entity, no error. */
const ENTITY_READERS_A: MatrixRow = ['null', 'ok', 'ok', 'ok', 'null', 'ok', 'ok'];
const ENTITY_READERS_B: MatrixRow = ['null', 'null', 'null', 'null', 'ok', 'ok', 'ok'];

const RANGE = { from: '2025-03-01', to: '2025-03-07' };
const PLAN_STATISTICS =
  'query($id: ID!, $from: String, $to: String) { releasePlanStatistics(planId: $id, from: $from, to: $to) { planId total { errorRateDelta } marks { type } } }';
const BREAKDOWN =
  'query($id: ID!, $from: String, $to: String) { releasePlanStatisticsBreakdown(planId: $id, dimension: MODEL, from: $from, to: $to) { rows { value } } }';
const ENTITY_PLAN = `query($id: ID!, $from: String, $to: String) { _entities(representations: [{ __typename: "ReleasePlan", id: $id }]) {
  ... on ReleasePlan { id statistics(from: $from, to: $to) { planId total { gray { launches } } } } } }`;

const OPERATIONS: MatrixOperation<AnalyticsHarness>[] = [
  {
    name: 'miniProgramAnalytics',
    source:
      'query($a: ID!) { miniProgramAnalytics(appId: $a, from: "2025-03-01", to: "2025-03-02") { appId } }',
    prepare: async (h) => ({ a: await knownApp(h, h.orgA) }),
    expected: READERS_A,
  },
  {
    name: 'miniProgramAnalyticsBreakdown',
    source:
      'query($a: ID!) { miniProgramAnalyticsBreakdown(appId: $a, dimension: PLATFORM, from: "2025-03-01", to: "2025-03-02") { appId } }',
    prepare: async (h) => ({ a: await knownApp(h, h.orgA) }),
    expected: READERS_A,
  },
  {
    name: 'recomputeAnalytics',
    source: 'mutation { recomputeAnalytics(from: "2025-03-01", to: "2025-03-01") }',
    expected: CONFIGURE,
  },
  {
    name: 'customEventDeclarations',
    source: 'query($a: ID!) { customEventDeclarations(appId: $a) { name } }',
    prepare: async (h) => ({ a: await knownApp(h, h.orgA) }),
    expected: READERS_A,
  },
  {
    name: 'declareCustomEvent',
    source:
      'mutation($a: ID!) { declareCustomEvent(appId: $a, input: { name: "purchase", displayName: "Purchase" }) { name } }',
    prepare: async (h) => ({ a: await knownApp(h, h.orgA) }),
    expected: WRITERS_A,
  },
  {
    name: 'removeCustomEventDeclaration',
    source: 'mutation($a: ID!) { removeCustomEventDeclaration(appId: $a, name: "purchase") }',
    prepare: async (h) => {
      const a = await knownApp(h, h.orgA);
      await h.analytics.services.customEvents.declare(h.ownerA, a, {
        name: 'purchase',
        displayName: 'Purchase',
        attributes: [],
      });
      return { a };
    },
    expected: WRITERS_A,
  },
  {
    name: 'releasePlanStatistics',
    source: PLAN_STATISTICS,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgA)).planId, ...RANGE }),
    expected: READERS_A,
  },
  {
    name: 'releasePlanStatistics',
    label: "releasePlanStatistics with org B's plan id",
    source: PLAN_STATISTICS,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgB)).planId, ...RANGE }),
    expected: READERS_B,
  },
  {
    name: 'releasePlanStatistics',
    label: 'releasePlanStatistics with a plan id rule-engine never announced',
    source: PLAN_STATISTICS,
    prepare: async () => ({ id: newId(), ...RANGE }),
    expected: NOBODY,
  },
  {
    name: 'releasePlanStatisticsBreakdown',
    source: BREAKDOWN,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgA)).planId, ...RANGE }),
    expected: READERS_A,
  },
  {
    name: 'releasePlanStatisticsBreakdown',
    label: "releasePlanStatisticsBreakdown with org B's plan id",
    source: BREAKDOWN,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgB)).planId, ...RANGE }),
    expected: READERS_B,
  },
  {
    // Also covers ReleasePlan.statistics, the field resolver.
    name: '_entities(ReleasePlan)',
    source: ENTITY_PLAN,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgA)).planId, ...RANGE }),
    expected: ENTITY_READERS_A,
  },
  {
    name: '_entities(ReleasePlan)',
    label: "_entities with org B's release plan",
    source: ENTITY_PLAN,
    prepare: async (h) => ({ id: (await knownPlan(h, h.orgB)).planId, ...RANGE }),
    expected: ENTITY_READERS_B,
  },
];

describeAuthorizationMatrix<AnalyticsHarness>({
  subgraph: 'analytics',
  harness: () => createAnalyticsHarness(),
  dispose: (h) => h.dispose(),
  schema: (h) => h.analytics.schema,
  principals: (h) => ({
    ownerA: h.ownerA,
    adminA: h.adminA,
    developerA: h.developerA,
    ownerB: h.ownerB,
    reviewer: h.reviewer,
    admin: h.admin,
  }),
  operations: OPERATIONS,
  snapshot: (h) =>
    Promise.all(
      [
        AnalyticsMiniProgramModel,
        CustomEventDeclarationModel,
        AnalyticsReleasePlanModel,
        AnalyticsReleasePlanMarkModel,
      ].map((model) => h.runtime.documents.collection(model as never).find({}, { sort: { _id: 1 } })),
    ),
});
