import { baseLibraryEvents, isEventType, schemaHeaders, sdkConfigEvents, SdkTopic, type TopicContract } from '@grove/contracts';
import type { EventBus, Logger } from '@grove/platform';

/** The topics (and the schemas of those another package consumes) are this subgraph's contract in @grove/contracts. */
export { SdkTopic };

const CONTRACTS: Partial<Record<SdkTopic, TopicContract>> = { [SdkTopic.CONFIG]: sdkConfigEvents, [SdkTopic.BASE_LIBRARY]: baseLibraryEvents };

export type SdkEventPayload = Record<string, string | number | boolean | null | undefined>;

export class SdkEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /**
   * Published after the state change is written. A bus failure is logged, not thrown: the change already
   * happened and the caller must not retry it.
   */
  async publish(topic: SdkTopic, type: string, key: string, payload: SdkEventPayload): Promise<void> {
    const contract = CONTRACTS[topic];
    const headers = contract && isEventType(contract, type) ? schemaHeaders(contract, type) : undefined;
    if (contract && !headers) this.logger.error({ topic, type }, 'sdk event type is not in @grove/contracts');
    try {
      await this.bus.publish(topic, { type, key, payload, headers });
    } catch (error) {
      this.logger.error({ err: error, topic, type, key }, 'publishing sdk event failed');
    }
  }
}
