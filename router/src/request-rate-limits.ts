import { createHash } from 'node:crypto';
import { principalKey, type Principal, type RateLimiter, type RateLimiterFactory } from '@grove/platform';
import type { LoginAttempts } from './login-operation';

export interface RequestRateLimitSettings {
  windowSec: number;
  ipPoints: number;
  userPoints: number;
  loginPoints: number;
  loginWindowSec: number;
  /** Uploads per window per signed-in user, on top of the user bucket: each may hold up to its size limit in memory. */
  uploadPoints?: number;
  /** SDK runtime requests per window per host app (after its signature was verified). */
  hostAppPoints?: number;
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
  private readonly upload: RateLimiter;
  private readonly hostApp: RateLimiter;

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
    this.upload = factory.create({ keyPrefix: 'upload', points: settings.uploadPoints ?? 30, durationSec: settings.windowSec });
    this.hostApp = factory.create({ keyPrefix: 'hostapp', points: settings.hostAppPoints ?? 30_000, durationSec: settings.windowSec });
  }

  async consumeIp(ip: string): Promise<void> {
    await this.ip.consume(ip);
  }

  /** Anonymous callers only have the IP bucket. */
  async consumePrincipal(principal: Principal): Promise<void> {
    const key = principalKey(principal);
    if (key) await this.user.consume(key);
  }

  /** Upload routes: the upload bucket of the signed-in caller (anonymous uploads are refused before this). */
  async consumeUpload(principal: Principal): Promise<void> {
    const key = principalKey(principal);
    if (key) await this.upload.consume(key);
  }

  /** SDK runtime routes: one bucket per host app, consumed once the request's signature is verified. */
  async consumeHostApp(hostAppId: string): Promise<void> {
    await this.hostApp.consume(hostAppId);
  }

  /** Keyed by IP and the identifier being tried; the identifier is hashed so no e-mail lands in Redis keys. */
  async consumeLogin(ip: string, attempts: LoginAttempts): Promise<void> {
    if (!attempts.count) return;
    const who = attempts.identifier ? createHash('sha256').update(attempts.identifier).digest('base64url').slice(0, 22) : '*';
    await this.login.consume(`${ip}|${who}`, attempts.count);
  }
}
