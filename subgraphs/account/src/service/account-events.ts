import type { EventBus } from '@grove/platform';
import type { Logger } from '@grove/platform';

/** Topics this subgraph publishes on. Events carry ids only; consumers read details through the API. */
export const AccountTopic = {
  ORGANIZATION: 'account.organization',
  MEMBER: 'account.member',
  USER: 'account.user',
  SESSION: 'account.session',
} as const;
export type AccountTopic = (typeof AccountTopic)[keyof typeof AccountTopic];

export class AccountEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /**
   * Published after the state change is written. A bus failure is logged, not thrown: the change already
   * happened and the caller must not retry it.
   */
  async publish(topic: AccountTopic, type: string, key: string, payload: Record<string, string | undefined>): Promise<void> {
    try {
      await this.bus.publish(topic, { type, key, payload });
    } catch (error) {
      this.logger.error({ err: error, topic, type, key }, 'publishing account event failed');
    }
  }
}
