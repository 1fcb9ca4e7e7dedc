import {
  DOMAIN_EVENTS_TOPIC,
  DomainEventType,
  domainEvents,
  schemaHeaders,
  type DomainChange,
  type DomainChangedPayload,
} from '@grove/contracts';
import type { Logger, TransactionalOutbox } from '@grove/platform';

/** Topic, event type and payload schema are this subgraph's contract in @grove/contracts. */
export { DOMAIN_EVENTS_TOPIC, DomainEventType, type DomainChange, type DomainChangedPayload };

export class DomainEvents {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly logger: Logger,
  ) {}

  /**
   * Runs a change and its event as one unit of work: the event is stored with the writes (transactional outbox,
   * docs/events.md) and goes out after the commit, so neither exists without the other.
   */
  atomically<R>(work: () => Promise<R>): Promise<R> {
    return this.outbox.transaction(() => work());
  }

  /** For runtime cache invalidation; call inside `atomically`, after the write (the outbox relay retries the bus). */
  async changed(payload: DomainChangedPayload): Promise<void> {
    await this.outbox.enqueue(DOMAIN_EVENTS_TOPIC, {
      type: DomainEventType.CHANGED,
      key: payload.appId,
      payload,
      headers: schemaHeaders(domainEvents, DomainEventType.CHANGED),
    });
  }
}
