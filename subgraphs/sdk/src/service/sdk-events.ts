import {
  baseLibraryEvents,
  isEventType,
  schemaHeaders,
  sdkConfigEvents,
  SdkTopic,
  type TopicContract,
} from '@grove/contracts';
import type { Logger, TransactionalOutbox } from '@grove/platform';

/** The topics (and the schemas of those another package consumes) are this subgraph's contract in @grove/contracts. */
export { SdkTopic };

const CONTRACTS: Partial<Record<SdkTopic, TopicContract>> = {
  [SdkTopic.CONFIG]: sdkConfigEvents,
  [SdkTopic.BASE_LIBRARY]: baseLibraryEvents,
};

export type SdkEventPayload = Record<string, string | number | boolean | null | undefined>;

export class SdkEvents {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly logger: Logger,
  ) {}

  /**
   * Runs a state change and the events it publishes as one unit of work: the events are stored with the writes
   * (transactional outbox, docs/events.md) and go out after the commit, so neither exists without the other.
   */
  atomically<R>(work: () => Promise<R>): Promise<R> {
    return this.outbox.transaction(() => work());
  }

  /** Call inside `atomically`, after the write. A broker failure is not the caller's: the outbox relay retries it. */
  async publish(topic: SdkTopic, type: string, key: string, payload: SdkEventPayload): Promise<void> {
    const contract = CONTRACTS[topic];
    const headers = contract && isEventType(contract, type) ? schemaHeaders(contract, type) : undefined;
    if (contract && !headers) this.logger.error({ topic, type }, 'sdk event type is not in @grove/contracts');
    await this.outbox.enqueue(topic, { type, key, payload, headers });
  }
}
