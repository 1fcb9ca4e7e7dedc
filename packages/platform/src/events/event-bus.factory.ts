import { BadUserInputError } from '../errors';
import type { Logger } from '../logging/logger';
import type { EventBus } from './event-bus.port';
import { MemoryEventBus } from './memory-event-bus.driver';

export interface EventBusOptions {
  driver: 'memory' | 'kafka';
  /** Required for kafka (KAFKA_BROKERS). */
  brokers?: string[];
  /** KAFKA_CLIENT_ID; default 'grove'. */
  clientId?: string;
  logger?: Logger;
}

/** Builds the configured bus. kafkajs is only loaded when the kafka driver is selected. */
export async function createEventBus(options: EventBusOptions): Promise<EventBus> {
  switch (options.driver) {
    case 'memory':
      return new MemoryEventBus({ logger: options.logger });
    case 'kafka': {
      if (!options.brokers?.length) throw new BadUserInputError('The kafka event bus needs broker addresses');
      const { KafkaEventBus } = await import('./kafka-event-bus.driver');
      return new KafkaEventBus({ brokers: options.brokers, clientId: options.clientId, logger: options.logger });
    }
    default:
      throw new BadUserInputError(`Unknown event bus driver: ${String((options as { driver: unknown }).driver)}`);
  }
}
