import { createHash } from 'node:crypto';
import {
  RateLimitedError,
  type KeyValueStore,
  type RateLimiter,
  type RateLimiterFactory,
} from '@grove/platform';

export interface LoginThrottlePolicy {
  /** Failures of one account from one source (IP) before that source is locked out of that account. */
  maxFailures: number;
  failureWindowSec: number;
  /** How long a source stays locked out of the account. */
  lockSec: number;
  /** Cap of the account-wide delay that grows with consecutive failures from any source. */
  maxDelaySec: number;
  /** Password checks per client IP per window, whatever the identifier (each one costs a full scrypt). */
  ipPoints: number;
  ipWindowSec: number;
}

/** Where a login attempt comes from, as the router saw it. */
export interface LoginSource {
  clientIp?: string;
  deviceId?: string;
}

const BASE_DELAY_MS = 1000;
/** How long a source that signed in stays "known" to the account (it then skips the account-wide delay). */
const KNOWN_SOURCE_TTL_MS = 90 * 24 * 3600 * 1000;

/** Identifiers and addresses only ever reach the store hashed. */
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/**
 * Login throttling that hurts the attacker rather than the owner:
 * - **per account + source**: `maxFailures` failures of one account from one IP lock that IP out of that
 *   account for `lockSec`; the owner signing in from elsewhere is not locked;
 * - **per account, progressive**: once consecutive failures (any source) exceed what one source may make
 *   (`maxFailures`), attempts from sources that never signed in to the account wait 1 s, 2 s, 4 s … up to
 *   `maxDelaySec` after the last failure.
 *   Sources that signed in before (device id or IP) skip this delay, so a distributed guesser slows down to one
 *   guess per `maxDelaySec` without ever locking the owner out; a success resets it;
 * - **per IP**: `ipPoints` password checks per `ipWindowSec` whatever the identifiers, so fresh identifiers do
 *   not buy fresh scrypt work.
 * Unknown identifiers go through exactly the same steps as real accounts (nothing here looks the account up).
 */
export class LoginThrottle {
  private readonly sourceFailures: RateLimiter;
  private readonly ipChecks: RateLimiter;

  constructor(
    rateLimits: RateLimiterFactory,
    private readonly kv: KeyValueStore,
    private readonly policy: LoginThrottlePolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.sourceFailures = rateLimits.create({
      keyPrefix: 'account-login-source-failures',
      points: policy.maxFailures,
      durationSec: policy.failureWindowSec,
      blockDurationSec: policy.lockSec,
    });
    this.ipChecks = rateLimits.create({
      keyPrefix: 'account-login-ip',
      points: policy.ipPoints,
      durationSec: policy.ipWindowSec,
    });
  }

  /** Before the password is checked: throws RATE_LIMITED (with retry-after) when this attempt may not run. */
  async beforeCheck(accountKey: string, source: LoginSource): Promise<void> {
    const account = digest(accountKey);
    const locked = await this.sourceFailures.get(this.sourceKey(account, source));
    if (locked && locked.remainingPoints <= 0) {
      throw new RateLimitedError(locked.msBeforeNext, 'Too many failed sign-in attempts; try again later');
    }
    const until = Number((await this.kv.get(this.delayKey(account))) ?? 0);
    const wait = until - this.now();
    if (wait > 0 && !(await this.isKnownSource(account, source))) {
      throw new RateLimitedError(
        wait,
        'Too many failed sign-in attempts for this account; try again shortly',
      );
    }
    await this.ipChecks.consume(ipOf(source));
  }

  async failed(accountKey: string, source: LoginSource): Promise<void> {
    const account = digest(accountKey);
    const key = this.sourceKey(account, source);
    try {
      // The failure that uses up the allowance also starts the lock (one more consume blocks the bucket).
      const state = await this.sourceFailures.consume(key);
      if (state.remainingPoints <= 0) await this.sourceFailures.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
    }
    const failures = await this.kv.increment(this.failuresKey(account), 1, {
      ttlMs: this.policy.failureWindowSec * 1000,
    });
    if (failures > this.policy.maxFailures) {
      const delayMs = this.delayAfter(failures);
      await this.kv.set(this.delayKey(account), String(this.now() + delayMs), { ttlMs: delayMs });
    }
  }

  async succeeded(accountKey: string, source: LoginSource): Promise<void> {
    const account = digest(accountKey);
    await this.sourceFailures.reset(this.sourceKey(account, source));
    await this.clearAccountState(account);
    for (const mark of this.sourceMarks(account, source))
      await this.kv.set(mark, '1', { ttlMs: KNOWN_SOURCE_TTL_MS });
  }

  /**
   * Ends the account-wide delay (the unlock of a password reset, once one exists). Per-source locks stay: they
   * only hold back the sources that failed.
   */
  async clearAccount(accountKey: string): Promise<void> {
    await this.clearAccountState(digest(accountKey));
  }

  /** The account-wide delay after `failures` (> maxFailures) consecutive failures: 1 s, 2 s, 4 s …, capped. */
  delayAfter(failures: number): number {
    const steps = Math.min(failures - this.policy.maxFailures - 1, 30);
    return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, steps), this.policy.maxDelaySec * 1000);
  }

  /** Consecutive failures recorded for the account (tests, diagnostics). */
  async failuresOf(accountKey: string): Promise<number> {
    return Number((await this.kv.get(this.failuresKey(digest(accountKey)))) ?? 0);
  }

  private async clearAccountState(account: string): Promise<void> {
    await this.kv.delete(this.failuresKey(account));
    await this.kv.delete(this.delayKey(account));
  }

  private async isKnownSource(account: string, source: LoginSource): Promise<boolean> {
    const marks = this.sourceMarks(account, source);
    if (!marks.length) return false;
    return (await this.kv.getMany(marks)).some((value) => value !== null);
  }

  private sourceMarks(account: string, source: LoginSource): string[] {
    // One hash tag per account: both marks share a Redis Cluster slot, so one MGET reads them.
    const marks = [`login:{${account}}:known-ip:${digest(ipOf(source))}`];
    if (source.deviceId) marks.push(`login:{${account}}:known-dev:${digest(source.deviceId)}`);
    return marks;
  }

  private sourceKey(account: string, source: LoginSource): string {
    return `${account}|${digest(ipOf(source))}`;
  }

  private failuresKey(account: string): string {
    return `login:{${account}}:failures`;
  }

  private delayKey(account: string): string {
    return `login:{${account}}:delay-until`;
  }
}

/** Callers without a client IP (in-process tools, tests) share one source. */
function ipOf(source: LoginSource): string {
  return source.clientIp ?? 'unknown';
}
