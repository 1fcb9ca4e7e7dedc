import { ANONYMOUS, UnauthenticatedError, type Principal, type TokenService } from '@grove/platform';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * No Authorization header → anonymous. Anything else must be a valid bearer access token: a bad,
 * tampered, expired or wrongly signed token is refused (UNAUTHENTICATED with a reason), never
 * downgraded to anonymous, so a client learns its session is gone.
 */
export async function authenticateRequest(authorization: string | undefined, tokens: TokenService): Promise<Principal> {
  if (authorization === undefined) return ANONYMOUS;
  const match = BEARER.exec(authorization);
  if (!match) throw new UnauthenticatedError('Authorization must be "Bearer <access token>"', { reason: 'AUTHORIZATION_MALFORMED' });
  return tokens.verifyAccessToken(match[1]);
}
