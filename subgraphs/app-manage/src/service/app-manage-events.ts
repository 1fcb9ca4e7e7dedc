import {
  AppManageTopic,
  hostAppEvents,
  isEventType,
  miniProgramEvents,
  schemaHeaders,
} from '@grove/contracts';
import type { Logger, TransactionalOutbox } from '@grove/platform';

/** The topics, event types and payload schemas are app-manage's contract in @grove/contracts. */
export { AppManageTopic };

const CONTRACTS = {
  [AppManageTopic.MINI_PROGRAM]: miniProgramEvents,
  [AppManageTopic.HOST_APP]: hostAppEvents,
};

export type EventPayload = Record<string, string | number | boolean | null | undefined>;

export class AppManageEvents {
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

  /**
   * Call inside `atomically`, after the write. A broker failure is not the caller's: the outbox relay retries it.
   */
  async publish(topic: AppManageTopic, type: string, key: string, payload: EventPayload): Promise<void> {
    const contract = CONTRACTS[topic];
    // A type missing from the contract still goes out (consumers ignore it), but it is a bug worth seeing.
    if (!isEventType(contract, type))
      this.logger.error({ topic, type }, 'app-manage event type is not in @grove/contracts');
    await this.outbox.enqueue(topic, {
      type,
      key,
      payload,
      headers: isEventType(contract, type) ? schemaHeaders(contract, type) : undefined,
    });
  }
}
