export * from './cache.port';
export { MemoryKeyValueStore, type MemoryKeyValueStoreOptions } from './memory-key-value.driver';
export { RedisKeyValueStore, type RedisKeyValueStoreOptions } from './redis-key-value.driver';
export {
  createRedisConnection,
  closeRedisConnection,
  toCacheError,
  redisConnectionDown,
  runRedisCommand,
  DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
  type RedisClient,
  type RedisConnectionOptions,
} from './redis-connection';
export { createKeyValueStore, type KeyValueStoreOptions } from './key-value.factory';
