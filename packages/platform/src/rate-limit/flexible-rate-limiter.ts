import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { BadUserInputError, RateLimitedError } from '../errors';
import { toCacheError } from '../cache/redis-connection';
import type { RateLimiter, RateLimitRule, RateLimitState } from './rate-limit.port';

/**
 * When the shared store fails: the same rule on in-process buckets (rate-limiter-flexible's "insurance limiter"
 * idea, done here so every fallback is counted). Each replica then limits on its own, so a client spread over n
 * replicas gets up to n times the points until the store is back.
 */
export interface RateLimitFallback {
  limiter: RateLimiterAbstract;
  /** Called on every operation answered by the fallback (metrics, log). */
  onFallback?: (error: unknown) => void;
}

export interface FlexibleRateLimiterOptions {
  /** Runs each store call (the Redis factory bounds it and fails it at once while the connection is down). */
  guard?: <T>(call: () => Promise<T>) => Promise<T>;
  fallback?: RateLimitFallback;
}

/** Adapts one rate-limiter-flexible limiter (memory or Redis) to the RateLimiter port. */
export class FlexibleRateLimiter implements RateLimiter {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly options: FlexibleRateLimiterOptions = {},
  ) {}

  async consume(key: string, points = 1): Promise<RateLimitState> {
    checkKey(key);
    if (!Number.isSafeInteger(points) || points < 1)
      throw new BadUserInputError('Points to consume must be a positive integer');
    try {
      return toState(await this.call((limiter) => limiter.consume(key, points)));
    } catch (error) {
      // The library rejects with a RateLimiterRes when the bucket is exhausted or blocked, and with
      // an Error when the store failed.
      if (error instanceof RateLimiterRes)
        throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext)));
      throw toCacheError(error);
    }
  }

  async get(key: string): Promise<RateLimitState | null> {
    checkKey(key);
    try {
      const res = await this.call((limiter) => limiter.get(key));
      return res ? toState(res) : null;
    } catch (error) {
      throw toCacheError(error);
    }
  }

  async reset(key: string): Promise<void> {
    checkKey(key);
    try {
      await this.call((limiter) => limiter.delete(key));
    } catch (error) {
      throw toCacheError(error);
    }
  }

  /** The store's answer, or the fallback's when the store failed (a RateLimiterRes is an answer, not a failure). */
  private async call<T>(operation: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> {
    const { guard, fallback } = this.options;
    try {
      return await (guard ? guard(() => operation(this.limiter)) : operation(this.limiter));
    } catch (error) {
      if (!fallback || error instanceof RateLimiterRes) throw error;
      fallback.onFallback?.(error);
      return operation(fallback.limiter);
    }
  }
}

/** Rules are code, not user input, but a bad one must fail loudly at startup rather than limit nothing. */
export function checkRule(rule: RateLimitRule): void {
  if (!rule.keyPrefix || /[\s]/.test(rule.keyPrefix))
    throw new BadUserInputError('Rate limit keyPrefix must be a non-empty word');
  if (!Number.isSafeInteger(rule.points) || rule.points < 1)
    throw new BadUserInputError('Rate limit points must be a positive integer');
  // Durations are whole seconds: the Redis implementation stores them with EXPIRE (seconds).
  if (!Number.isSafeInteger(rule.durationSec) || rule.durationSec < 1) {
    throw new BadUserInputError('Rate limit durationSec must be a positive integer');
  }
  if (
    rule.blockDurationSec !== undefined &&
    (!Number.isSafeInteger(rule.blockDurationSec) || rule.blockDurationSec < 0)
  ) {
    throw new BadUserInputError('Rate limit blockDurationSec must be a non-negative integer');
  }
}

function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0)
    throw new BadUserInputError('Rate limit key must be a non-empty string');
}

function toState(res: RateLimiterRes): RateLimitState {
  return {
    remainingPoints: Math.max(0, res.remainingPoints),
    msBeforeNext: Math.max(0, res.msBeforeNext),
    consumedPoints: res.consumedPoints,
  };
}
