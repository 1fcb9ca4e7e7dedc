import { createHash } from 'node:crypto';
import { principalKey, type Principal, type RateLimiter, type RateLimiterFactory } from '@grove/platform';
import type { LoginAttempts } from './login-operation';

export interface RequestRateLimitSettings {
  windowSec: number;
  ipPoints: number;
  userPoints: number;
  loginPoints: number;
  loginWindowSec: number;
  /** Login fields per login window per client IP, whatever the identifiers (each one costs the account service a scrypt). */
  loginIpPoints?: number;
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
  private readonly loginIp: RateLimiter;
  private readonly upload: RateLimiter;
  private readonly hostApp: RateLimiter;

  constructor(factory: RateLimiterFactory, settings: RequestRateLimitSettings) {
    this.ip = factory.create({ keyPrefix: 'ip', points: settings.ipPoints, durationSec: settings.windowSec });
    this.user = factory.create({
      keyPrefix: 'user',
      points: settings.userPoints,
      durationSec: settings.windowSec,
    });
    // Once a login bucket is empty it stays closed for a whole window: slows password guessing.
    this.login = factory.create({
      keyPrefix: 'login',
      points: settings.loginPoints,
      durationSec: settings.loginWindowSec,
      blockDurationSec: settings.loginWindowSec,
    });
    this.loginIp = factory.create({
      keyPrefix: 'login-ip',
      points: settings.loginIpPoints ?? 60,
      durationSec: settings.loginWindowSec,
    });
    this.upload = factory.create({
      keyPrefix: 'upload',
      points: settings.uploadPoints ?? 30,
      durationSec: settings.windowSec,
    });
    this.hostApp = factory.create({
      keyPrefix: 'hostapp',
      points: settings.hostAppPoints ?? 30_000,
      durationSec: settings.windowSec,
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

  /** Upload routes: the upload bucket of the signed-in caller (anonymous uploads are refused before this). */
  async consumeUpload(principal: Principal): Promise<void> {
    const key = principalKey(principal);
    if (key) await this.upload.consume(key);
  }

  /** SDK runtime routes: one bucket per host app, consumed once the request's signature is verified. */
  async consumeHostApp(hostAppId: string): Promise<void> {
    await this.hostApp.consume(hostAppId);
  }

  /**
   * Every login field of the operation counts (aliases included): all of them against the IP's login bucket,
   * whatever the identifiers, and each against the bucket of its IP + identifier (fields without a readable
   * identifier share `*`). Identifiers are hashed so no e-mail lands in Redis keys.
   */
  async consumeLogin(ip: string, attempts: LoginAttempts): Promise<void> {
    if (!attempts.count) return;
    await this.loginIp.consume(ip, attempts.count);
    const perIdentifier = new Map<string, number>();
    for (const identifier of attempts.identifiers) {
      const who = createHash('sha256').update(identifier).digest('base64url').slice(0, 22);
      perIdentifier.set(who, (perIdentifier.get(who) ?? 0) + 1);
    }
    const unnamed = attempts.count - attempts.identifiers.length;
    if (unnamed > 0) perIdentifier.set('*', unnamed);
    for (const [who, count] of perIdentifier) await this.login.consume(`${ip}|${who}`, count);
  }

  /** Login fields counted against the IP's login bucket in the current window (tests, diagnostics). */
  async loginAttemptsOf(ip: string): Promise<number> {
    return (await this.loginIp.get(ip))?.consumedPoints ?? 0;
  }
}
