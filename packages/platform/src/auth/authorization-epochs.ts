import type { KeyValueStore } from '../cache/cache.port';
import { UnauthenticatedError, UnavailableError } from '../errors';
import type { Logger } from '../logging/logger';
import { isUser, type Principal, type UserPrincipal } from './principal';

/** Stable `reason`s of the refusals below; clients branch on them (docs/adr/0006-authorization-epochs.md). */
export const AuthorizationReason = {
  /** Roles or memberships changed after the token was issued: refresh the session, then retry. */
  TOKEN_STALE: 'TOKEN_STALE',
  /** The session was signed out or revoked: sign in again. */
  SESSION_REVOKED: 'SESSION_REVOKED',
  /** The revocation records could not be read: retry shortly (fail closed). */
  AUTH_STATE_UNAVAILABLE: 'AUTH_STATE_UNAVAILABLE',
} as const;
export type AuthorizationReason = (typeof AuthorizationReason)[keyof typeof AuthorizationReason];

/**
 * Both keys of a user share the `{userId}` hash tag, so one MGET reads them on a Redis cluster too.
 * A record only needs to outlive the tokens issued before it.
 */
export const authorizationKeys = {
  userEpoch: (userId: string) => `auth:{${userId}}:epoch`,
  revokedSession: (userId: string, sessionId: string) => `auth:{${userId}}:sid:${sessionId}`,
};

/** Clock skew allowed between the process recording a revocation and those issuing and checking tokens. */
const SKEW_MARGIN_MS = 60_000;

/** What checks a caller's token against the revocation records (router on every request, subgraphs on mutations). */
export interface AuthorizationGate {
  /** Throws UNAUTHENTICATED (TOKEN_STALE, SESSION_REVOKED) or UNAVAILABLE (AUTH_STATE_UNAVAILABLE); other principals pass. */
  assertCurrent(principal: Principal): Promise<void>;
}

export interface AuthorizationEpochsOptions {
  /** Access token lifetime: how long a record must live. */
  accessTokenTtlSec: number;
  clock?: () => number;
  logger?: Logger;
}

/**
 * Revocation that bites on the next request. The account service records, in the shared KV store, the moment a
 * user's authorization changed (`auth:{user}:epoch`) and the sessions that ended (`auth:{user}:sid:<sid>`); a token
 * whose epoch (`ae`, when its roles were read) is not after the user's record is stale. One MGET per check.
 */
export class AuthorizationEpochs implements AuthorizationGate {
  private readonly clock: () => number;
  private readonly recordTtlMs: number;

  constructor(
    private readonly kv: KeyValueStore,
    private readonly options: AuthorizationEpochsOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.recordTtlMs = options.accessTokenTtlSec * 1000 + SKEW_MARGIN_MS;
  }

  /** Every token of the user issued until now is stale (roles, memberships or account state changed). */
  async revokeUser(userId: string): Promise<number> {
    const now = this.clock();
    await this.kv.set(authorizationKeys.userEpoch(userId), String(now), { ttlMs: this.recordTtlMs });
    return now;
  }

  /** Every token of this session is refused, refreshed or not (logout, revocation, reuse detection). */
  async revokeSession(userId: string, sessionId: string): Promise<void> {
    await this.kv.set(authorizationKeys.revokedSession(userId, sessionId), String(this.clock()), {
      ttlMs: this.recordTtlMs,
    });
  }

  async assertCurrent(principal: Principal): Promise<void> {
    if (!isUser(principal)) return;
    const [epoch, revoked] = await this.read(principal);
    if (revoked !== null) {
      throw new UnauthenticatedError('This session was signed out or revoked; sign in again', {
        reason: AuthorizationReason.SESSION_REVOKED,
      });
    }
    if (epoch !== null && (principal.authEpoch ?? 0) <= Number(epoch)) {
      throw new UnauthenticatedError('Your roles or memberships changed; refresh the session and retry', {
        reason: AuthorizationReason.TOKEN_STALE,
      });
    }
  }

  private async read(principal: UserPrincipal): Promise<Array<string | null>> {
    try {
      return await this.kv.getMany([
        authorizationKeys.userEpoch(principal.userId),
        authorizationKeys.revokedSession(principal.userId, principal.sessionId),
      ]);
    } catch (error) {
      // Fail closed: without the records a revoked token would pass. The rate limits on the same store refuse too.
      this.options.logger?.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'authorization epochs unreadable',
      );
      throw new UnavailableError('Authorization state is unavailable; retry shortly', {
        reason: AuthorizationReason.AUTH_STATE_UNAVAILABLE,
      });
    }
  }
}
