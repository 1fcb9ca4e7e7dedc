/** Rate-limit store port over rate-limiter-flexible (memory or Redis). */
export interface RateLimitRule {
  /** Namespace of the bucket, e.g. 'ip', 'user', 'login'. */
  keyPrefix: string;
  points: number;
  durationSec: number;
  /** Once exhausted, block for this long (login throttling). */
  blockDurationSec?: number;
}

export interface RateLimitState {
  remainingPoints: number;
  msBeforeNext: number;
  consumedPoints: number;
}

export interface RateLimiter {
  /** Consumes points; throws RateLimitedError (with retryAfterMs) when over the limit. */
  consume(key: string, points?: number): Promise<RateLimitState>;
  get(key: string): Promise<RateLimitState | null>;
  /** Clears the bucket (e.g. after a successful login). */
  reset(key: string): Promise<void>;
}

export interface RateLimiterFactory {
  readonly driver: 'memory' | 'redis';
  create(rule: RateLimitRule): RateLimiter;
}
