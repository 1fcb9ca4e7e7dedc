import { LRUCache } from 'lru-cache';
import {
  ANONYMOUS,
  UnauthenticatedError,
  type AuthorizationGate,
  type Principal,
  type TokenService,
  type UserPrincipal,
} from '@grove/platform';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Verifies access tokens with a bounded cache of recent results. A console sends the same token on
 * every request for its lifetime, and signature checking is the costliest step of the router's own
 * work. The cache key is the whole token (so any change of bytes misses), and an entry lives at most
 * `maxAgeMs` and never past the token's own expiry; failures are never cached. The revocation check
 * (`authorization`, one KV read) runs on every call, cached signature or not.
 */
export class AccessTokenVerifier {
  private readonly cache: LRUCache<string, UserPrincipal>;
  private readonly authorization?: AuthorizationGate;

  constructor(
    private readonly tokens: TokenService,
    options: { maxEntries?: number; maxAgeMs?: number; authorization?: AuthorizationGate } = {},
  ) {
    this.authorization = options.authorization;
    this.cache = new LRUCache({ max: options.maxEntries ?? 10_000, ttl: options.maxAgeMs ?? 60_000 });
  }

  /**
   * The principal of a bearer token this verifier checked recently (no signature check needed), before its
   * revocation check: what the request guard may act on speculatively while that check is in flight.
   */
  known(authorization: string | undefined): UserPrincipal | undefined {
    const match = authorization === undefined ? null : BEARER.exec(authorization);
    return match === null ? undefined : this.cache.get(match[1]);
  }

  async verify(token: string): Promise<UserPrincipal> {
    let principal = this.cache.get(token);
    if (!principal) {
      const verified = await this.tokens.verifyAccessTokenWithExpiry(token);
      principal = verified.principal;
      const remaining = verified.expiresAt - Date.now();
      if (remaining > 0) this.cache.set(token, principal, { ttl: Math.min(remaining, this.cache.ttl) });
    }
    try {
      await this.authorization?.assertCurrent(principal);
    } catch (error) {
      // A revoked or stale token is no longer "known": its next request is verified (and waited for) in full.
      if (error instanceof UnauthenticatedError) this.cache.delete(token);
      throw error;
    }
    return principal;
  }
}

/**
 * No Authorization header → anonymous. Anything else must be a valid bearer access token: a bad,
 * tampered, expired or wrongly signed token is refused (UNAUTHENTICATED with a reason), never
 * downgraded to anonymous, so a client learns its session is gone.
 */
export async function authenticateRequest(
  authorization: string | undefined,
  verifier: AccessTokenVerifier,
): Promise<Principal> {
  if (authorization === undefined) return ANONYMOUS;
  const match = BEARER.exec(authorization);
  if (!match)
    throw new UnauthenticatedError('Authorization must be "Bearer <access token>"', {
      reason: 'AUTHORIZATION_MALFORMED',
    });
  return verifier.verify(match[1]);
}
