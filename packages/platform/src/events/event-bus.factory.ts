import { BadUserInputError } from '../errors';
import type { RedisClient } from '../cache/redis-connection';
import type { PlatformConfig } from '../config/platform-config';
import type { Logger } from '../logging/logger';
import type { EventBus } from './event-bus.port';
import { EventJournal } from './event-journal';
import { MemoryEventBus } from './memory-event-bus.driver';
import type { RedisStreamsEventBusOptions } from './redis-streams-event-bus.driver';

export interface EventBusOptions {
  driver: 'memory' | 'redis' | 'kafka';
  /** Required for kafka (KAFKA_BROKERS). */
  brokers?: string[];
  /** KAFKA_CLIENT_ID; default 'grove'. */
  clientId?: string;
  /** redis: a connection to share (left open on close); otherwise the bus opens one from redisUrl / redisClusterNodes. */
  redis?: RedisClient;
  redisUrl?: string;
  redisClusterNodes?: string[];
  /** redis: REDIS_KEY_PREFIX; default 'grove:'. */
  keyPrefix?: string;
  /** redis: tuning (EVENTS_REDIS_*) and an injectable retry clock. */
  redisStreams?: Pick<
    RedisStreamsEventBusOptions,
    'blockMs' | 'claimIdleMs' | 'maxDeliveries' | 'maxLen' | 'maxAgeMs' | 'readCount' | 'clock'
  >;
  logger?: Logger;
  /** memory: topics kept in a journal file until handled, so a crash loses none of them (docs/adr/0010). */
  durableTopics?: readonly string[];
  /** memory: where the journal of `durableTopics` lives (DATA_DIR/events-journal.sqlite). */
  journalPath?: string;
}

/** The event bus options a deployable's configuration selects (add a logger). */
export function eventBusOptionsFromConfig(config: PlatformConfig): EventBusOptions {
  return {
    driver: config.EVENTS_DRIVER,
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID,
    redisUrl: config.REDIS_URL,
    redisClusterNodes: config.REDIS_CLUSTER_NODES,
    keyPrefix: config.REDIS_KEY_PREFIX,
    redisStreams: {
      blockMs: config.EVENTS_REDIS_BLOCK_MS,
      claimIdleMs: config.EVENTS_REDIS_CLAIM_IDLE_MS,
      maxDeliveries: config.EVENTS_REDIS_MAX_DELIVERIES,
      maxLen: config.EVENTS_REDIS_MAX_LEN,
      maxAgeMs: config.EVENTS_REDIS_MAX_AGE_MS,
    },
  };
}

/** Builds the configured bus. The redis and kafka drivers are only loaded when selected. */
export async function createEventBus(options: EventBusOptions): Promise<EventBus> {
  switch (options.driver) {
    case 'memory': {
      const journal =
        options.durableTopics?.length && options.journalPath
          ? new EventJournal(options.journalPath)
          : undefined;
      return new MemoryEventBus({ logger: options.logger, durableTopics: options.durableTopics, journal });
    }
    case 'redis': {
      if (!options.redis && !options.redisUrl && !options.redisClusterNodes?.length) {
        throw new BadUserInputError('The redis event bus needs a Redis URL or cluster nodes');
      }
      const { RedisStreamsEventBus } = await import('./redis-streams-event-bus.driver');
      return new RedisStreamsEventBus({
        ...options.redisStreams,
        client: options.redis,
        redisUrl: options.redisUrl,
        redisClusterNodes: options.redisClusterNodes,
        keyPrefix: options.keyPrefix,
        logger: options.logger,
      });
    }
    case 'kafka': {
      if (!options.brokers?.length) throw new BadUserInputError('The kafka event bus needs broker addresses');
      const { KafkaEventBus } = await import('./kafka-event-bus.driver');
      return new KafkaEventBus({
        brokers: options.brokers,
        clientId: options.clientId,
        logger: options.logger,
      });
    }
    default:
      throw new BadUserInputError(
        `Unknown event bus driver: ${String((options as { driver: unknown }).driver)}`,
      );
  }
}
