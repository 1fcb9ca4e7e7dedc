import { AuthorizationEpochs, MemoryKeyValueStore, newId, randomToken, TokenService } from '@grove/platform';
import { AccessTokenVerifier, authenticateRequest } from './request-auth';

describe('AccessTokenVerifier', () => {
  const user = { userId: newId(), sessionId: newId(), operatorRoles: [], memberships: [] };
  const create = (ttlSec: number) =>
    TokenService.create({
      algorithm: 'HS256',
      secret: randomToken(32),
      issuer: 'grove',
      accessTokenTtlSec: ttlSec,
      internalSecret: randomToken(32),
    });

  it('verifies a token once and answers repeats from the cache', async () => {
    const tokens = await create(900);
    const verify = jest.spyOn(tokens, 'verifyAccessTokenWithExpiry');
    const verifier = new AccessTokenVerifier(tokens);
    const token = await tokens.signAccessToken(user);
    const first = await verifier.verify(token);
    const second = await verifier.verify(token);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ kind: 'user', userId: user.userId });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('never caches a failure and never accepts a changed token', async () => {
    const tokens = await create(900);
    const verifier = new AccessTokenVerifier(tokens);
    const token = await tokens.signAccessToken(user);
    await verifier.verify(token);
    const [h, p, s] = token.split('.');
    const forged = `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('stops answering from the cache once the token expires', async () => {
    const tokens = await create(2); // exp is iat+2 s with iat rounded down: at least 1 s left
    const verifier = new AccessTokenVerifier(tokens);
    const token = await tokens.signAccessToken(user);
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: user.userId });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(verifier.verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'TOKEN_EXPIRED' },
    });
  });

  it('knows a verified token until its session is revoked, then verifies it in full again', async () => {
    const tokens = await create(900);
    const verify = jest.spyOn(tokens, 'verifyAccessTokenWithExpiry');
    const epochs = new AuthorizationEpochs(new MemoryKeyValueStore(), { accessTokenTtlSec: 900 });
    const verifier = new AccessTokenVerifier(tokens, { authorization: epochs });
    const token = await tokens.signAccessToken(user);
    expect(verifier.known(`Bearer ${token}`)).toBeUndefined();
    await verifier.verify(token);
    expect(verifier.known(`Bearer ${token}`)).toMatchObject({ userId: user.userId });
    expect(verifier.known('Bearer other')).toBeUndefined();
    expect(verifier.known(undefined)).toBeUndefined();

    await epochs.revokeSession(user.userId, user.sessionId);
    await expect(verifier.verify(token)).rejects.toMatchObject({
      details: { reason: 'SESSION_REVOKED' },
    });
    // No longer acted on speculatively (the request guard consumes a known token's user bucket before its check).
    expect(verifier.known(`Bearer ${token}`)).toBeUndefined();
    await expect(verifier.verify(token)).rejects.toMatchObject({ details: { reason: 'SESSION_REVOKED' } });
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('treats a missing header as anonymous and a malformed one as an error', async () => {
    const verifier = new AccessTokenVerifier(await create(900));
    await expect(authenticateRequest(undefined, verifier)).resolves.toEqual({ kind: 'anonymous' });
    await expect(authenticateRequest('Basic abc', verifier)).rejects.toMatchObject({
      details: { reason: 'AUTHORIZATION_MALFORMED' },
    });
  });
});
