import { SessionModel } from '../store/session.model';
import { readAllPages } from '@grove/testkit';
import { OrgRole, type UserPrincipal } from '@grove/platform';
import {
  PASSWORD,
  VALID_CREDIT_CODES,
  approvedOrgOwner,
  createHarness,
  operatorAdmin,
  principalFor,
  signUp,
  type Harness,
} from '../account.test-support';
import { PasswordHasher } from './password-hasher';

describe('SessionService', () => {
  let h: Harness;
  let admin: UserPrincipal;
  beforeEach(async () => {
    h = await createHarness({ settings: { loginMaxFailures: 3, loginLockSec: 60 } });
    admin = await operatorAdmin(h);
  });
  afterEach(() => h.dispose());

  const sessions = () => h.account.services.sessions;

  it('logs in by email or phone and issues a verifiable access token with device info', async () => {
    await h.account.services.identity.signUp({
      phone: '138 0013 8000',
      password: PASSWORD,
      displayName: 'Han Meimei',
    });
    const auth = await sessions().login(
      { identifier: '+8613800138000', password: PASSWORD, deviceName: 'Pixel' },
      { deviceId: 'dev-1', clientIp: '10.0.0.1', userAgent: 'jest' },
    );
    const principal = await h.runtime.tokens.verifyAccessToken(auth.accessToken);
    expect(principal.userId).toBe(auth.user.id);
    expect(principal.sessionId).toBe(auth.session.id);
    expect(auth.session).toMatchObject({
      deviceId: 'dev-1',
      deviceName: 'Pixel',
      clientIp: '10.0.0.1',
      current: true,
    });
    expect(auth.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(auth.refreshToken).toMatch(/^[\w-]{43}$/);
  });

  it('stores refresh tokens only as hashes', async () => {
    await signUp(h, 'hash@example.com');
    const auth = await sessions().login({ identifier: 'hash@example.com', password: PASSWORD });
    const { RefreshTokenModel } = await import('../store/session.model');
    const stored = await h.runtime.documents.collection(RefreshTokenModel).find({});
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(auth.refreshToken);
  });

  it('rotates refresh tokens in the same family', async () => {
    await signUp(h, 'rotate@example.com');
    const first = await sessions().login({ identifier: 'rotate@example.com', password: PASSWORD });
    const second = await sessions().refresh(first.refreshToken);
    expect(second.session.id).toBe(first.session.id);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await sessions().refresh(second.refreshToken);
    expect(third.session.id).toBe(first.session.id);
  });

  it('revokes the whole family when a spent refresh token is presented again', async () => {
    await signUp(h, 'reuse@example.com');
    const first = await sessions().login({ identifier: 'reuse@example.com', password: PASSWORD });
    const second = await sessions().refresh(first.refreshToken);
    await expect(sessions().refresh(first.refreshToken)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'REFRESH_TOKEN_REUSED' },
    });
    // The legitimate-looking newest token of that family is dead too.
    await expect(sessions().refresh(second.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const principal = await h.runtime.tokens.verifyAccessToken(second.accessToken);
    expect(await sessions().mySessions(principal)).toEqual([]);
  });

  it('lets exactly one of two concurrent refreshes win', async () => {
    await signUp(h, 'race@example.com');
    const auth = await sessions().login({ identifier: 'race@example.com', password: PASSWORD });
    const results = await Promise.allSettled([
      sessions().refresh(auth.refreshToken),
      sessions().refresh(auth.refreshToken),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers unknown and malformed refresh tokens with UNAUTHENTICATED', async () => {
    await expect(sessions().refresh('x'.repeat(43))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(sessions().refresh('short')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('logout, revokeSession and mySessions work on the caller’s own families only', async () => {
    await signUp(h, 'multi@example.com');
    await signUp(h, 'other@example.com');
    const phone = await sessions().login({
      identifier: 'multi@example.com',
      password: PASSWORD,
      deviceId: 'phone',
    });
    const laptop = await sessions().login({
      identifier: 'multi@example.com',
      password: PASSWORD,
      deviceId: 'laptop',
    });
    const other = await principalFor(h, 'other@example.com');
    const onLaptop = await h.runtime.tokens.verifyAccessToken(laptop.accessToken);

    const listed = await sessions().mySessions(onLaptop);
    expect(listed.map((s) => [s.deviceId, s.current]).sort()).toEqual([
      ['laptop', true],
      ['phone', false],
    ]);

    await expect(sessions().revokeSession(other, phone.session.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(sessions().refresh(phone.refreshToken)).resolves.toBeDefined();

    await sessions().revokeSession(onLaptop, phone.session.id);
    expect((await sessions().mySessions(onLaptop)).map((s) => s.deviceId)).toEqual(['laptop']);

    await sessions().logout(onLaptop);
    await expect(sessions().refresh(laptop.refreshToken)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'SESSION_REVOKED' },
    });
  });

  it('pages the caller’s live sessions newest first, ties broken by id', async () => {
    await signUp(h, 'many@example.com');
    let last;
    for (let i = 0; i < 5; i++)
      last = await sessions().login({
        identifier: 'many@example.com',
        password: PASSWORD,
        deviceId: `device-${i}`,
      });
    const caller = await h.runtime.tokens.verifyAccessToken(last!.accessToken);
    const { items } = await readAllPages((page) => sessions().mySessions(caller, page), 2);
    const stored = await h.runtime.documents
      .collection(SessionModel)
      .find({ userId: caller.userId }, { sort: { createdAt: -1, _id: -1 } });
    expect(items.map((s) => s.id)).toEqual(stored.map((s) => s._id));
    expect(items).toHaveLength(5);
    expect(items.filter((s) => s.current).map((s) => s.deviceId)).toEqual(['device-4']);
    await expect(sessions().mySessions(caller, { take: 0 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('a new login on the same device replaces that device’s family', async () => {
    await signUp(h, 'device@example.com');
    const first = await sessions().login({
      identifier: 'device@example.com',
      password: PASSWORD,
      deviceId: 'd1',
    });
    await sessions().login({ identifier: 'device@example.com', password: PASSWORD, deviceId: 'd1' });
    await expect(sessions().refresh(first.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('operators with user:sessions:revoke:any end every session of a user', async () => {
    const user = await signUp(h, 'victim@example.com');
    const a = await sessions().login({ identifier: 'victim@example.com', password: PASSWORD, deviceId: 'a' });
    const b = await sessions().login({ identifier: 'victim@example.com', password: PASSWORD, deviceId: 'b' });
    const victim = await h.runtime.tokens.verifyAccessToken(a.accessToken);
    await expect(sessions().revokeUserSessions(victim, user.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sessions().revokeUserSessions(admin, user.id)).resolves.toBe(2);
    await expect(sessions().refresh(a.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(sessions().refresh(b.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('puts only approved, unfrozen organizations into the token, and refresh picks up changes', async () => {
    const { org, principal } = await approvedOrgOwner(h, 'owner@example.com', VALID_CREDIT_CODES[0], admin);
    expect(principal.memberships).toEqual([{ orgId: org.id, role: OrgRole.ORG_OWNER }]);
    const pendingOrg = await h.account.services.organizations.apply(principal, {
      name: 'Second',
      creditCode: VALID_CREDIT_CODES[1],
      contactName: 'X',
      contactPhone: '+8613800138001',
      licenceDocumentRef: 'ref',
    });
    const auth = await sessions().login({ identifier: 'owner@example.com', password: PASSWORD });
    let claims = await h.runtime.tokens.verifyAccessToken(auth.accessToken);
    expect(claims.memberships.map((m) => m.orgId)).toEqual([org.id]);
    expect(claims.memberships.map((m) => m.orgId)).not.toContain(pendingOrg.id);

    await h.account.services.organizations.freeze(admin, org.id, 'audit');
    const refreshed = await sessions().refresh(auth.refreshToken);
    claims = await h.runtime.tokens.verifyAccessToken(refreshed.accessToken);
    expect(claims.memberships).toEqual([]);

    await h.account.services.organizations.unfreeze(admin, org.id);
    claims = await h.runtime.tokens.verifyAccessToken(
      (await sessions().refresh(refreshed.refreshToken)).accessToken,
    );
    expect(claims.memberships).toEqual([{ orgId: org.id, role: OrgRole.ORG_OWNER }]);
  });

  describe('throttling', () => {
    it('locks an identifier after N failures with RATE_LIMITED for the lock duration, even for the right password', async () => {
      await signUp(h, 'locked@example.com');
      for (let i = 0; i < 3; i++) {
        await expect(
          sessions().login({ identifier: 'locked@example.com', password: 'wrong password 1' }),
        ).rejects.toMatchObject({
          code: 'UNAUTHENTICATED',
          message: 'Invalid credentials',
        });
      }
      const locked = sessions().login({ identifier: 'LOCKED@example.com', password: PASSWORD });
      await expect(locked).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      const error = (await locked.catch((e: unknown) => e)) as { details: { retryAfterSeconds: number } };
      expect(error.details.retryAfterSeconds).toBeGreaterThan(50);
      expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it('answers an unknown account exactly like a wrong password, lockout included', async () => {
      await signUp(h, 'known@example.com');
      const answers = async (identifier: string) => {
        const out: Array<{ code: string; message: string }> = [];
        for (let i = 0; i < 4; i++) {
          const error = await sessions()
            .login({ identifier, password: 'wrong password 1' })
            .then(() => ({ code: 'OK', message: '' }))
            .catch((e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
          out.push(error);
        }
        return out;
      };
      const known = await answers('known@example.com');
      const unknown = await answers('nobody@example.com');
      expect(unknown).toEqual(known);
      expect(known.map((a) => a.code)).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'RATE_LIMITED',
      ]);
    });

    it('pays for one full-cost hash verification on unknown accounts, like on known ones', async () => {
      // Equal work, checked structurally rather than with a clock: both paths run exactly one scrypt
      // verification with the same parameters, so their timing cannot tell the accounts apart.
      await signUp(h, 'timing@example.com');
      const verify = jest.spyOn(PasswordHasher.prototype, 'verify');
      try {
        const paramsOfVerifiedHash = async (identifier: string) => {
          verify.mockClear();
          await sessions()
            .login({ identifier, password: 'wrong password 1' })
            .catch(() => undefined);
          expect(verify).toHaveBeenCalledTimes(1);
          const stored = verify.mock.calls[0]![1];
          return stored.split('$').slice(0, 4).join('$');
        };
        const known = await paramsOfVerifiedHash('timing@example.com');
        const unknown = await paramsOfVerifiedHash('ghost@example.com');
        expect(known).toMatch(/^scrypt\$\d+\$\d+\$\d+$/);
        expect(unknown).toBe(known);
      } finally {
        verify.mockRestore();
      }
    });

    it('a successful login resets the failure count', async () => {
      await signUp(h, 'reset@example.com');
      for (let i = 0; i < 2; i++)
        await sessions()
          .login({ identifier: 'reset@example.com', password: 'wrong password 1' })
          .catch(() => undefined);
      await sessions().login({ identifier: 'reset@example.com', password: PASSWORD });
      for (let i = 0; i < 2; i++)
        await sessions()
          .login({ identifier: 'reset@example.com', password: 'wrong password 1' })
          .catch(() => undefined);
      await expect(
        sessions().login({ identifier: 'reset@example.com', password: PASSWORD }),
      ).resolves.toBeDefined();
    });
  });

  it('refuses login and refresh of a disabled operator', async () => {
    const created = await h.account.services.identity.createOperator(admin, {
      email: 'rev@example.com',
      displayName: 'Reviewer',
      role: 'OPERATOR_REVIEWER',
      password: PASSWORD,
    });
    const auth = await sessions().login({ identifier: 'rev@example.com', password: PASSWORD });
    await h.account.services.identity.setOperatorDisabled(admin, created.user.id, true);
    await expect(sessions().refresh(auth.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      sessions().login({ identifier: 'rev@example.com', password: PASSWORD }),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Invalid credentials',
    });
  });
});
