import { AccountTopic } from '@grove/contracts';
import type { EventBus } from '@grove/platform';
import type { Logger } from '@grove/platform';
import type { AuthorizationRevocations } from './authorization-revocations';

/** Topics this subgraph publishes on, named in @grove/contracts (the runtime consumes account.organization). */
export { AccountTopic };

export class AccountEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly revocations?: AuthorizationRevocations,
  ) {}

  /**
   * Published after the state change is written. A bus failure is logged, not thrown: the change already
   * happened and the caller must not retry it.
   */
  async publish(topic: AccountTopic, type: string, key: string, payload: Record<string, string | undefined>): Promise<void> {
    // Revocations first, so that by the time anyone learns of the change the affected tokens are refused.
    await this.revocations?.apply(type, payload);
    try {
      await this.bus.publish(topic, { type, key, payload });
    } catch (error) {
      this.logger.error({ err: error, topic, type, key }, 'publishing account event failed');
    }
  }
}
