import {
  RULE_ENGINE_EVENTS_TOPIC,
  RuleEngineEventType,
  ruleEngineEvents,
  schemaHeaders,
} from '@grove/contracts';
import type { Logger, TransactionalOutbox } from '@grove/platform';

/** Topic and event types are this subgraph's contract in @grove/contracts (payload schemas there too). */
export { RULE_ENGINE_EVENTS_TOPIC, RuleEngineEventType };

export type RuleEnginePayload = { appId: string; orgId: string; actorId: string } & Record<
  string,
  string | number | null | undefined
>;

export class RuleEngineEvents {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly logger: Logger,
  ) {}

  /**
   * Runs a change and its events as one unit of work: the events are stored with the writes (transactional outbox,
   * docs/events.md) and go out after the commit, so neither exists without the other.
   */
  atomically<R>(work: () => Promise<R>): Promise<R> {
    return this.outbox.transaction(() => work());
  }

  /** Call inside `atomically`, after the write; a broker failure is not the caller's (the outbox relay retries it). */
  async publish(type: RuleEngineEventType, payload: RuleEnginePayload): Promise<void> {
    await this.outbox.enqueue(RULE_ENGINE_EVENTS_TOPIC, {
      type,
      key: payload.appId,
      payload,
      headers: schemaHeaders(ruleEngineEvents, type),
    });
  }
}
