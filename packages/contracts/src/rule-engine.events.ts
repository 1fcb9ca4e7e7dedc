import { z } from 'zod';
import { MINI_PROGRAM_APP_ID } from './app-manage.events';
import { defineTopic, eventSchema } from './event-contract';

/** Topic of the rule-engine's events; the key is the app id. */
export const RULE_ENGINE_EVENTS_TOPIC = 'rule-engine';

export const RuleEngineEventType = {
  GRAY_RULE_CREATED: 'gray-rule.created',
  GRAY_RULE_UPDATED: 'gray-rule.updated',
  GRAY_RULE_DELETED: 'gray-rule.deleted',
  RELEASE_PLAN_STARTED: 'release-plan.started',
  RELEASE_PLAN_RAISED: 'release-plan.raised',
  RELEASE_PLAN_PAUSED: 'release-plan.paused',
  RELEASE_PLAN_RESUMED: 'release-plan.resumed',
  /** app-manage publishes `grayVersionId` on this one and answers with version.published naming the plan. */
  RELEASE_PLAN_COMPLETING: 'release-plan.completing',
  /** app-manage confirmed: the gray version is the published one. */
  RELEASE_PLAN_COMPLETED: 'release-plan.completed',
  RELEASE_PLAN_REVERTED: 'release-plan.reverted',
  /** app-manage refused the plan's version; `failureReason` says why. */
  RELEASE_PLAN_FAILED: 'release-plan.failed',
} as const;
export type RuleEngineEventType = (typeof RuleEngineEventType)[keyof typeof RuleEngineEventType];

const id = z.string().min(1);

export const grayRulePayload = z.object({
  appId: z.string().regex(MINI_PROGRAM_APP_ID),
  orgId: id,
  ruleId: id,
  /** The rule's revision (absent on deletion). */
  version: z.number().int().nullish(),
  actorId: id,
});
export type GrayRulePayload = z.infer<typeof grayRulePayload>;

/** The plan after the change. */
export const releasePlanPayload = z.object({
  appId: z.string().regex(MINI_PROGRAM_APP_ID),
  orgId: id,
  planId: id,
  grayVersionId: id,
  ruleId: id.nullish(),
  state: z.string().min(1),
  percentage: z.number(),
  failureReason: z.string().nullish(),
  actorId: id,
  /** When the change was written (ISO 8601, the plan's updatedAt); analytics marks it on the plan's timeline. Absent from events before it existed: the event time stands in. */
  changedAt: z.string().datetime().nullish(),
});
export type ReleasePlanPayload = z.infer<typeof releasePlanPayload>;

const grayRule = eventSchema(grayRulePayload);
const releasePlan = eventSchema(releasePlanPayload);
const T = RuleEngineEventType;

export const ruleEngineEvents = defineTopic(RULE_ENGINE_EVENTS_TOPIC, {
  [T.GRAY_RULE_CREATED]: grayRule,
  [T.GRAY_RULE_UPDATED]: grayRule,
  [T.GRAY_RULE_DELETED]: grayRule,
  [T.RELEASE_PLAN_STARTED]: releasePlan,
  [T.RELEASE_PLAN_RAISED]: releasePlan,
  [T.RELEASE_PLAN_PAUSED]: releasePlan,
  [T.RELEASE_PLAN_RESUMED]: releasePlan,
  [T.RELEASE_PLAN_COMPLETING]: releasePlan,
  [T.RELEASE_PLAN_COMPLETED]: releasePlan,
  [T.RELEASE_PLAN_REVERTED]: releasePlan,
  [T.RELEASE_PLAN_FAILED]: releasePlan,
});
