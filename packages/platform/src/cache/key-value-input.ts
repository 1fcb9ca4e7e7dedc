import { BadUserInputError, ConflictError } from '../errors';
import type { SetOptions } from './cache.port';

/** Validation shared by every KeyValueStore driver, so both reject the same inputs the same way. */
export function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0)
    throw new BadUserInputError('Cache key must be a non-empty string');
}

export function checkValue(value: string): void {
  if (typeof value !== 'string') throw new BadUserInputError('Cache value must be a string');
}

export function checkChannel(channel: string): void {
  if (typeof channel !== 'string' || channel.length === 0)
    throw new BadUserInputError('Channel must be a non-empty string');
}

/** Returns the TTL as a whole number of ms (rounded up so a tiny TTL never means "forever"), or undefined. */
export function ttlOf(options?: SetOptions): number | undefined {
  const ttlMs = options?.ttlMs;
  if (ttlMs === undefined) return undefined;
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new BadUserInputError('ttlMs must be a positive number of milliseconds');
  }
  return Math.ceil(ttlMs);
}

export function checkIncrement(by: number): void {
  if (!Number.isSafeInteger(by)) throw new BadUserInputError('Increment must be an integer');
}

export function notAnIntegerError(): ConflictError {
  return new ConflictError('Stored value is not an integer');
}
