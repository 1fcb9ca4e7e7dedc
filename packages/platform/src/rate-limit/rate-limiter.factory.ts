import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { BadUserInputError } from '../errors';
import { runRedisCommand, type RedisClient } from '../cache/redis-connection';
import { checkRule, FlexibleRateLimiter } from './flexible-rate-limiter';
import type { RateLimiter, RateLimiterFactory, RateLimitRule } from './rate-limit.port';

export interface RateLimiterFactoryOptions {
  driver: 'memory' | 'redis';
  /** Required for the redis driver: an ioredis client, usually the one shared with the KeyValueStore. */
  redis?: RedisClient;
  /** Prepended to every bucket key: `<keyPrefix><rule.keyPrefix>:<key>`. Default 'grove:rl:'. */
  keyPrefix?: string;
  /**
   * Redis: when the store fails, limit in process with the same rule instead of refusing (degraded mode,
   * docs/resilience.md); called with the bucket's rule prefix on every fallback. Without it a store failure is
   * UNAVAILABLE.
   */
  onFallback?: (bucket: string, error: unknown) => void;
}

interface BaseOptions {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration: number;
}

function baseOptions(rule: RateLimitRule, keyPrefix: string): BaseOptions {
  checkRule(rule);
  return {
    keyPrefix: `${keyPrefix}${rule.keyPrefix}`,
    points: rule.points,
    duration: rule.durationSec,
    blockDuration: rule.blockDurationSec ?? 0,
  };
}

/** Per-process buckets; right for one node, not shared across replicas. */
export class MemoryRateLimiterFactory implements RateLimiterFactory {
  readonly driver = 'memory' as const;
  constructor(private readonly keyPrefix = 'grove:rl:') {}

  create(rule: RateLimitRule): RateLimiter {
    return new FlexibleRateLimiter(new RateLimiterMemory(baseOptions(rule, this.keyPrefix)));
  }
}

/** Buckets in Redis (atomic Lua upsert inside rate-limiter-flexible), shared by every replica. */
export class RedisRateLimiterFactory implements RateLimiterFactory {
  readonly driver = 'redis' as const;
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix = 'grove:rl:',
    private readonly onFallback?: (bucket: string, error: unknown) => void,
  ) {}

  create(rule: RateLimitRule): RateLimiter {
    const options = baseOptions(rule, this.keyPrefix);
    const { onFallback } = this;
    return new FlexibleRateLimiter(
      new RateLimiterRedis({
        ...options,
        storeClient: this.client,
        // ioredis, not node-redis: the library must use its ioredis call style (defineCommand, pttl).
        useRedisPackage: false,
      }),
      {
        guard: (call) => runRedisCommand(this.client, call),
        fallback: onFallback
          ? {
              limiter: new RateLimiterMemory(options),
              onFallback: (error) => onFallback(rule.keyPrefix, error),
            }
          : undefined,
      },
    );
  }
}

/** Builds the configured factory (CACHE_DRIVER; the redis client comes from createRedisConnection). */
export function createRateLimiterFactory(options: RateLimiterFactoryOptions): RateLimiterFactory {
  switch (options.driver) {
    case 'memory':
      return new MemoryRateLimiterFactory(options.keyPrefix);
    case 'redis':
      if (!options.redis) throw new BadUserInputError('The redis rate limiter needs a cache connection');
      return new RedisRateLimiterFactory(options.redis, options.keyPrefix, options.onFallback);
    default:
      throw new BadUserInputError(
        `Unknown rate limit driver: ${String((options as { driver: unknown }).driver)}`,
      );
  }
}
