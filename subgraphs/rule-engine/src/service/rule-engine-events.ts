import { RULE_ENGINE_EVENTS_TOPIC, RuleEngineEventType, ruleEngineEvents, schemaHeaders } from '@grove/contracts';
import type { EventBus, Logger } from '@grove/platform';

/** Topic and event types are this subgraph's contract in @grove/contracts (payload schemas there too). */
export { RULE_ENGINE_EVENTS_TOPIC, RuleEngineEventType };

export type RuleEnginePayload = { appId: string; orgId: string; actorId: string } & Record<string, string | number | null | undefined>;

export class RuleEngineEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /** Published after the change is written; a bus failure is logged, not thrown (the change already happened). */
  async publish(type: RuleEngineEventType, payload: RuleEnginePayload): Promise<void> {
    try {
      await this.bus.publish(RULE_ENGINE_EVENTS_TOPIC, { type, key: payload.appId, payload, headers: schemaHeaders(ruleEngineEvents, type) });
    } catch (error) {
      this.logger.error({ err: error, type, appId: payload.appId }, 'publishing rule-engine event failed');
    }
  }
}
