import type { EventBus, Logger } from '@grove/platform';

/** Topic of this subgraph's events; the key is the app id. */
export const RULE_ENGINE_EVENTS_TOPIC = 'rule-engine';

export const RuleEngineEventType = {
  GRAY_RULE_CREATED: 'gray-rule.created',
  GRAY_RULE_UPDATED: 'gray-rule.updated',
  GRAY_RULE_DELETED: 'gray-rule.deleted',
  RELEASE_PLAN_STARTED: 'release-plan.started',
  RELEASE_PLAN_RAISED: 'release-plan.raised',
  RELEASE_PLAN_PAUSED: 'release-plan.paused',
  RELEASE_PLAN_RESUMED: 'release-plan.resumed',
  /** app-manage may promote `grayVersionId` to the published version on this one. */
  RELEASE_PLAN_COMPLETED: 'release-plan.completed',
  RELEASE_PLAN_REVERTED: 'release-plan.reverted',
} as const;
export type RuleEngineEventType = (typeof RuleEngineEventType)[keyof typeof RuleEngineEventType];

export type RuleEnginePayload = { appId: string; orgId: string; actorId: string } & Record<string, string | number | null | undefined>;

export class RuleEngineEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /** Published after the change is written; a bus failure is logged, not thrown (the change already happened). */
  async publish(type: RuleEngineEventType, payload: RuleEnginePayload): Promise<void> {
    try {
      await this.bus.publish(RULE_ENGINE_EVENTS_TOPIC, { type, key: payload.appId, payload });
    } catch (error) {
      this.logger.error({ err: error, type, appId: payload.appId }, 'publishing rule-engine event failed');
    }
  }
}
