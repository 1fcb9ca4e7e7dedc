import { createHash } from 'node:crypto';
import { principalKey, type Principal, type RateLimiter, type RateLimiterFactory } from '@grove/platform';
import type { LoginAttempts } from './login-operation';

export interface RequestRateLimitSettings {
  windowSec: number;
  ipPoints: number;
  userPoints: number;
  loginPoints: number;
  loginWindowSec: number;
}

/**
 * The router's three buckets. Every `consume*` throws RateLimitedError (→ 429 + Retry-After) when
 * the bucket is empty. The store (memory or Redis) is the runtime's rate-limit driver, so several
 * router replicas share Redis buckets.
 */
export class RequestRateLimits {
  private readonly ip: RateLimiter;
  private readonly user: RateLimiter;
  private readonly login: RateLimiter;

  constructor(factory: RateLimiterFactory, settings: RequestRateLimitSettings) {
    this.ip = factory.create({ keyPrefix: 'ip', points: settings.ipPoints, durationSec: settings.windowSec });
    this.user = factory.create({ keyPrefix: 'user', points: settings.userPoints, durationSec: settings.windowSec });
    // Once a login bucket is empty it stays closed for a whole window: slows password guessing.
    this.login = factory.create({
      keyPrefix: 'login',
      points: settings.loginPoints,
      durationSec: settings.loginWindowSec,
      blockDurationSec: settings.loginWindowSec,
    });
  }

  async consumeIp(ip: string): Promise<void> {
    await this.ip.consume(ip);
  }

  /** Anonymous callers only have the IP bucket. */
  async consumePrincipal(principal: Principal): Promise<void> {
    const key = principalKey(principal);
    if (key) await this.user.consume(key);
  }

  /** Keyed by IP and the identifier being tried; the identifier is hashed so no e-mail lands in Redis keys. */
  async consumeLogin(ip: string, attempts: LoginAttempts): Promise<void> {
    if (!attempts.count) return;
    const who = attempts.identifier ? createHash('sha256').update(attempts.identifier).digest('base64url').slice(0, 22) : '*';
    await this.login.consume(`${ip}|${who}`, attempts.count);
  }
}
