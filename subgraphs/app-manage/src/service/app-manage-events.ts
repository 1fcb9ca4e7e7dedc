import { AppManageTopic, hostAppEvents, isEventType, miniProgramEvents, schemaHeaders } from '@grove/contracts';
import type { EventBus, Logger } from '@grove/platform';

/** The topics, event types and payload schemas are app-manage's contract in @grove/contracts. */
export { AppManageTopic };

const CONTRACTS = { [AppManageTopic.MINI_PROGRAM]: miniProgramEvents, [AppManageTopic.HOST_APP]: hostAppEvents };

export type EventPayload = Record<string, string | number | boolean | null | undefined>;

export class AppManageEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /**
   * Published after the state change is written. A bus failure is logged, not thrown: the change already
   * happened and the caller must not retry it.
   */
  async publish(topic: AppManageTopic, type: string, key: string, payload: EventPayload): Promise<void> {
    const contract = CONTRACTS[topic];
    // A type missing from the contract still goes out (consumers ignore it), but it is a bug worth seeing.
    if (!isEventType(contract, type)) this.logger.error({ topic, type }, 'app-manage event type is not in @grove/contracts');
    try {
      await this.bus.publish(topic, { type, key, payload, headers: isEventType(contract, type) ? schemaHeaders(contract, type) : undefined });
    } catch (error) {
      this.logger.error({ err: error, topic, type, key }, 'publishing app-manage event failed');
    }
  }
}
