import { createHash } from 'node:crypto';
import { BadUserInputError } from '@grove/platform';
import type { RuleCondition } from './rule.types';

/**
 * Stable bucket in [0, 99.99] (steps of 0.01) for `<salt>:<id>`: the first 32 bits of SHA-256 modulo
 * 10,000. The modulo bias (2^32 mod 10^4 = 7,296 of 2^32) is far below one bucket step.
 */
export function bucketOf(salt: string, id: string): number {
  const digest = createHash('sha256').update(`${salt}:${id}`).digest();
  return (digest.readUInt32BE(0) % 10_000) / 100;
}

/** True when the id falls inside the first `percentage` percent of buckets (0 < percentage <= 100). */
export function inRollout(salt: string, id: string, percentage: number): boolean {
  return bucketOf(salt, id) < percentage;
}

/**
 * The condition that selects `percentage` percent of devices: buckets are inclusive and step 0.01,
 * so 20% is `{ max: 19.99 }`.
 */
export function percentageCondition(percentage: number): RuleCondition {
  const steps = percentage * 100;
  if (!Number.isFinite(steps) || steps < 1 || steps > 10_000 || Math.abs(steps - Math.round(steps)) > 1e-9) {
    throw new BadUserInputError('Percentage must be between 0.01 and 100 with at most two decimals', {
      percentage,
    });
  }
  const max = (Math.round(steps) - 1) / 100;
  return { field: 'percentage', op: 'range', value: { min: 0, max } };
}
