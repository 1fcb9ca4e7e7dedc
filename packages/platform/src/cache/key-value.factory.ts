import { BadUserInputError } from '../errors';
import type { Logger } from '../logging/logger';
import type { KeyValueStore } from './cache.port';
import { MemoryKeyValueStore } from './memory-key-value.driver';
import { createRedisConnection, type RedisClient } from './redis-connection';
import { RedisKeyValueStore } from './redis-key-value.driver';

export interface KeyValueStoreOptions {
  driver: 'memory' | 'redis';
  /** Existing shared connection (see createRedisConnection); not closed by the store. */
  redis?: RedisClient;
  redisUrl?: string;
  redisClusterNodes?: string[];
  /** Redis only. Default 'grove:'. */
  keyPrefix?: string;
  /** Memory only. Default 10 000. */
  maxEntries?: number;
  logger?: Logger;
}

/** Builds the configured KeyValueStore (CACHE_DRIVER, REDIS_URL, REDIS_CLUSTER_NODES, REDIS_KEY_PREFIX). */
export function createKeyValueStore(options: KeyValueStoreOptions): KeyValueStore {
  switch (options.driver) {
    case 'memory':
      return new MemoryKeyValueStore({ maxEntries: options.maxEntries });
    case 'redis': {
      if (options.redis) {
        return new RedisKeyValueStore({
          client: options.redis,
          keyPrefix: options.keyPrefix,
          logger: options.logger,
        });
      }
      const client = createRedisConnection({
        redisUrl: options.redisUrl,
        redisClusterNodes: options.redisClusterNodes,
        logger: options.logger,
      });
      return new RedisKeyValueStore({
        client,
        keyPrefix: options.keyPrefix,
        ownsClient: true,
        logger: options.logger,
      });
    }
    default:
      throw new BadUserInputError(`Unknown cache driver: ${String((options as { driver: unknown }).driver)}`);
  }
}
