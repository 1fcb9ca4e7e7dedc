import type { KeyValueStore } from '../cache/cache.port';
import { createKeyValueStore } from '../cache/key-value.factory';
import { MemoryKeyValueStore } from '../cache/memory-key-value.driver';
import { deleteRedisKeys, probeRedis, testRedisUrl } from '../cache/redis-probe.test-support';
import { newId, randomToken } from '../ids';
import { AuthorizationEpochs, authorizationKeys } from './authorization-epochs';
import type { UserPrincipal } from './principal';
import { TokenService } from './token.service';

const redisUrl = testRedisUrl();
const redisProbe = probeRedis(redisUrl);
const runPrefix = `grove-test:epochs:${newId()}:`;

const harnesses: Array<{ name: string; skipReason?: string; make(): KeyValueStore }> = [
  { name: 'memory', make: () => new MemoryKeyValueStore() },
  {
    name: 'redis',
    skipReason: redisProbe.ok ? undefined : `Redis at ${redisUrl} did not answer (${redisProbe.reason})`,
    make: () => createKeyValueStore({ driver: 'redis', redisUrl, keyPrefix: runPrefix }),
  },
];

afterAll(async () => {
  if (redisProbe.ok) await deleteRedisKeys(redisUrl, runPrefix);
});

describe.each(harnesses)('AuthorizationEpochs on $name', (harness) => {
  if (harness.skipReason) console.warn(`Skipping ${harness.name} AuthorizationEpochs: ${harness.skipReason}`);
  const suite = harness.skipReason ? describe.skip : describe;

  suite(harness.name, () => {
    let kv: KeyValueStore;
    let now: number;
    let epochs: AuthorizationEpochs;
    // Each test gets its own user ids: on Redis the records outlive a test, and every test draws its own clock.
    let testId: string;
    const user = (authEpoch: number | undefined, sessionId = 'sess-1', userId = 'user-1'): UserPrincipal => ({
      kind: 'user',
      userId: `${userId}-${harness.name}-${testId}`,
      sessionId,
      operatorRoles: [],
      memberships: [],
      authEpoch,
    });

    beforeEach(async () => {
      testId = newId();
      kv = harness.make();
      now = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
      epochs = new AuthorizationEpochs(kv, { accessTokenTtlSec: 900, clock: () => now });
    });
    afterEach(async () => {
      await kv.close();
    });

    it('passes tokens while nothing was recorded, and principals that are not users', async () => {
      await expect(epochs.assertCurrent(user(now - 5))).resolves.toBeUndefined();
      await expect(epochs.assertCurrent(user(undefined))).resolves.toBeUndefined();
      await expect(epochs.assertCurrent({ kind: 'anonymous' })).resolves.toBeUndefined();
      await expect(
        epochs.assertCurrent({ kind: 'hostApp', hostAppId: 'h', orgId: 'o' }),
      ).resolves.toBeUndefined();
    });

    it('makes tokens read at or before a user revocation stale, and later ones current', async () => {
      const before = user(now - 1);
      const same = user(now);
      const legacy = user(undefined);
      await epochs.revokeUser(before.userId);
      for (const p of [before, same, legacy]) {
        await expect(epochs.assertCurrent(p)).rejects.toMatchObject({
          code: 'UNAUTHENTICATED',
          details: { reason: 'TOKEN_STALE' },
        });
      }
      await expect(epochs.assertCurrent(user(now + 1))).resolves.toBeUndefined();
      await expect(epochs.assertCurrent(user(now - 1, 'sess-1', 'someone-else'))).resolves.toBeUndefined();
    });

    it('refuses every token of a revoked session, refreshed or not, and only that session', async () => {
      const p = user(now - 1, 'sess-gone');
      await epochs.revokeSession(p.userId, p.sessionId);
      now += 10_000;
      await expect(epochs.assertCurrent({ ...p, authEpoch: now })).rejects.toMatchObject({
        details: { reason: 'SESSION_REVOKED' },
      });
      await expect(epochs.assertCurrent(user(now, 'sess-other'))).resolves.toBeUndefined();
    });

    it('keeps a record as long as the tokens issued before it live (plus clock skew)', async () => {
      const p = user(now - 1);
      await epochs.revokeUser(p.userId);
      await epochs.revokeSession(p.userId, p.sessionId);
      for (const key of [
        authorizationKeys.userEpoch(p.userId),
        authorizationKeys.revokedSession(p.userId, p.sessionId),
      ]) {
        const ttl = await kv.ttl(key);
        expect(ttl).toBeGreaterThan(900_000);
        expect(ttl).toBeLessThanOrEqual(960_000);
      }
    });

    it('fails closed with UNAVAILABLE (AUTH_STATE_UNAVAILABLE) when the store cannot be read', async () => {
      await kv.close();
      await expect(epochs.assertCurrent(user(now))).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        details: { reason: 'AUTH_STATE_UNAVAILABLE' },
      });
      await expect(epochs.assertCurrent({ kind: 'anonymous' })).resolves.toBeUndefined();
    });
  });
});

describe('access token authorization epoch (ae)', () => {
  it('carries the epoch the issuer read the roles at, else the signing time', async () => {
    const tokens = await TokenService.create({
      algorithm: 'HS256',
      secret: randomToken(32),
      issuer: 'grove',
      accessTokenTtlSec: 900,
      internalSecret: randomToken(32),
    });
    const base = { userId: newId(), sessionId: newId(), operatorRoles: [], memberships: [] };
    expect(
      await tokens.verifyAccessToken(await tokens.signAccessToken({ ...base, authEpoch: 1234 })),
    ).toMatchObject({ authEpoch: 1234 });
    const signedAt = Date.now() - 1000;
    expect(await tokens.verifyAccessToken(await tokens.signAccessToken(base, signedAt))).toMatchObject({
      authEpoch: signedAt,
    });
  });
});
