import { AccountTopic } from '@grove/contracts';
import type { Logger, TransactionalOutbox } from '@grove/platform';
import type { AuthorizationRevocations } from './authorization-revocations';

/** Topics this subgraph publishes on, named in @grove/contracts (the runtime consumes account.organization). */
export { AccountTopic };

export class AccountEvents {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly logger: Logger,
    private readonly revocations?: AuthorizationRevocations,
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
  async publish(
    topic: AccountTopic,
    type: string,
    key: string,
    payload: Record<string, string | undefined>,
  ): Promise<void> {
    // Revocations first, so that by the time anyone learns of the change the affected tokens are refused.
    await this.revocations?.apply(type, payload);
    await this.outbox.enqueue(topic, { type, key, payload });
  }
}
