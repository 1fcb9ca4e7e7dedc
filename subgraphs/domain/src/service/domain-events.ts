import { DOMAIN_EVENTS_TOPIC, DomainEventType, domainEvents, schemaHeaders, type DomainChange, type DomainChangedPayload } from '@grove/contracts';
import type { EventBus, Logger } from '@grove/platform';

/** Topic, event type and payload schema are this subgraph's contract in @grove/contracts. */
export { DOMAIN_EVENTS_TOPIC, DomainEventType, type DomainChange, type DomainChangedPayload };

export class DomainEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /**
   * Published after the change is written, for runtime cache invalidation. A bus failure is logged, not thrown:
   * the change already happened and the caller must not retry it.
   */
  async changed(payload: DomainChangedPayload): Promise<void> {
    try {
      await this.bus.publish(DOMAIN_EVENTS_TOPIC, { type: DomainEventType.CHANGED, key: payload.appId, payload, headers: schemaHeaders(domainEvents, DomainEventType.CHANGED) });
    } catch (error) {
      this.logger.error({ err: error, appId: payload.appId, change: payload.change }, 'publishing domain event failed');
    }
  }
}
