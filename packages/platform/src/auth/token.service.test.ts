import { SignJWT } from 'jose';
import { randomToken } from '../ids';
import {
  hasOperatorPermission,
  permissionsOf,
  requireOperatorPermission,
  requireOrgPermission,
  Permission,
} from './access-policy';
import type { UserPrincipal } from './principal';
import { TokenService } from './token.service';

const secret = randomToken(32);
const key = new TextEncoder().encode(secret);
const create = () =>
  TokenService.create({
    algorithm: 'HS256',
    secret,
    issuer: 'grove',
    accessTokenTtlSec: 900,
    internalSecret: randomToken(32),
  });
const nowSec = () => Math.floor(Date.now() / 1000);

/** A token signed with the right key but shaped by the test (what a buggy issuer or a leaked key could mint). */
function forge(claims: Record<string, unknown>, times: { iat?: number | null; exp?: number | null } = {}) {
  let jwt = new SignJWT({ typ: 'access', sid: 's1', ops: [], orgs: [], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u1')
    .setIssuer('grove')
    .setAudience('grove-api');
  const iat = times.iat === undefined ? nowSec() : times.iat;
  const exp = times.exp === undefined ? nowSec() + 900 : times.exp;
  if (iat !== null) jwt = jwt.setIssuedAt(iat);
  if (exp !== null) jwt = jwt.setExpirationTime(exp);
  return jwt.sign(key);
}

describe('TokenService access token claims', () => {
  it('refuses tokens without exp or iat, living longer than the configured lifetime, or issued in the future', async () => {
    const tokens = await create();
    await expect(tokens.verifyAccessToken(await forge({}))).resolves.toMatchObject({ userId: 'u1' });
    for (const token of [
      await forge({}, { exp: null }),
      await forge({}, { iat: null }),
      await forge({}, { exp: nowSec() + 30 * 24 * 3600 }),
      await forge({}, { iat: nowSec() + 3600, exp: nowSec() + 3600 + 900 }),
    ]) {
      await expect(tokens.verifyAccessToken(token)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        details: { reason: 'TOKEN_INVALID' },
      });
    }
  });

  it('drops role names that are not own properties of the role tables (toString, __proto__, constructor)', async () => {
    const tokens = await create();
    const token = await forge({
      ops: ['toString', '__proto__', 'constructor', 'OPERATOR_REVIEWER'],
      orgs: [
        { id: 'o1', role: 'toString' },
        { id: 'o2', role: '__proto__' },
        { id: 'o3', role: 'ORG_DEVELOPER' },
        null,
      ],
    });
    const principal = await tokens.verifyAccessToken(token);
    expect(principal.operatorRoles).toEqual(['OPERATOR_REVIEWER']);
    expect(principal.memberships).toEqual([{ orgId: 'o3', role: 'ORG_DEVELOPER' }]);
  });
});

describe('access policy with role names that are not roles', () => {
  // A principal that skipped the token filter (e.g. built by hand): lookups must answer "no permission", never throw.
  const forged = {
    kind: 'user',
    userId: 'u1',
    sessionId: 's1',
    operatorRoles: ['toString', '__proto__', 'hasOwnProperty'],
    memberships: [
      { orgId: 'o1', role: 'toString' },
      { orgId: 'o2', role: '__proto__' },
    ],
  } as unknown as UserPrincipal;

  it('answers FORBIDDEN, not a TypeError', () => {
    expect(hasOperatorPermission(forged, Permission.OPERATOR_MANAGE)).toBe(false);
    expect(() => requireOperatorPermission(forged, Permission.OPERATOR_MANAGE)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => requireOrgPermission(forged, 'o1', Permission.ORG_READ)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => requireOrgPermission(forged, 'o2', Permission.ORG_READ)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(permissionsOf(forged)).toEqual([]);
  });
});
