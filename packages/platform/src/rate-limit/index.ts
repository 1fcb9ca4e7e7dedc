export * from './rate-limit.port';
export { FlexibleRateLimiter } from './flexible-rate-limiter';
export {
  createRateLimiterFactory,
  MemoryRateLimiterFactory,
  RedisRateLimiterFactory,
  type RateLimiterFactoryOptions,
} from './rate-limiter.factory';
