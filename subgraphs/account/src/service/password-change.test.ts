import type { UserPrincipal } from '@grove/platform';
import {
  PASSWORD,
  createHarness,
  eventually,
  recordEvents,
  signUp,
  type Harness,
} from '../account.test-support';

const NEW_PASSWORD = 'violet kettle marches 7';

/** changePassword: current password checked like a login, other sessions ended, this one continues (ADR 0006). */
describe('SessionService.changePassword', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ settings: { loginMaxFailures: 3 } });
  });
  afterAll(() => h.dispose());

  const sessions = () => h.account.services.sessions;
  const login = (email: string, password = PASSWORD, deviceId?: string) =>
    sessions().login({ identifier: email, password, deviceId });
  const principal = (token: string): Promise<UserPrincipal> => h.runtime.tokens.verifyAccessToken(token);
  const check = (p: UserPrincipal) => h.runtime.authorization.assertCurrent(p);

  it('stores the new password, ends every other session and keeps the current one with fresh tokens', async () => {
    await signUp(h, 'changer@example.com');
    const events = await recordEvents(h, 'account.user');
    const laptop = await login('changer@example.com', PASSWORD, 'laptop');
    const phone = await login('changer@example.com', PASSWORD, 'phone');
    const laptopPrincipal = await principal(laptop.accessToken);
    const phonePrincipal = await principal(phone.accessToken);

    const result = await sessions().changePassword(laptopPrincipal, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(result.session).toMatchObject({ id: laptop.session.id, current: true });

    // The returned token is current; every token issued before (this session's too) is stale.
    const fresh = await principal(result.accessToken);
    expect(fresh.sessionId).toBe(laptop.session.id);
    await expect(check(fresh)).resolves.toBeUndefined();
    await expect(check(phonePrincipal)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'TOKEN_STALE' },
    });
    await expect(check(laptopPrincipal)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'TOKEN_STALE' },
    });

    // The other session is over; this one refreshes with the new refresh token.
    await expect(sessions().refresh(phone.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const refreshed = await sessions().refresh(result.refreshToken);
    expect(refreshed.session.id).toBe(laptop.session.id);
    expect((await sessions().mySessions(await principal(refreshed.accessToken))).map((s) => s.id)).toEqual([
      laptop.session.id,
    ]);

    // Only the new password signs in.
    await expect(login('changer@example.com')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(login('changer@example.com', NEW_PASSWORD)).resolves.toMatchObject({
      user: { id: laptopPrincipal.userId },
    });
    await eventually(() =>
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'password.changed',
          payload: expect.objectContaining({ userId: laptopPrincipal.userId, endedSessions: '1' }),
        }),
      ),
    );
  });

  it("spends the current session's earlier refresh token: presenting it later is reuse", async () => {
    await signUp(h, 'spender@example.com');
    const auth = await login('spender@example.com');
    const result = await sessions().changePassword(await principal(auth.accessToken), {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    await expect(sessions().refresh(auth.refreshToken)).rejects.toMatchObject({
      details: { reason: 'REFRESH_TOKEN_REUSED' },
    });
    // Reuse ends the family, as for any leaked refresh token.
    await expect(sessions().refresh(result.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a wrong current password, counts it like a failed login and locks both after the allowance', async () => {
    await signUp(h, 'guesser@example.com');
    const p = await principal((await login('guesser@example.com')).accessToken);
    const wrong = { currentPassword: 'not the password 1', newPassword: NEW_PASSWORD };
    for (let i = 0; i < 3; i++) {
      await expect(sessions().changePassword(p, wrong)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: ['currentPassword'], reason: 'INVALID_CURRENT_PASSWORD' },
      });
    }
    // Locked: even the right password is refused now, here and at login.
    await expect(
      sessions().changePassword(p, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(login('guesser@example.com')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('applies the password policy (zxcvbn included) and refuses the same password; nothing changes', async () => {
    await signUp(h, 'weak@example.com');
    const auth = await login('weak@example.com');
    const p = await principal(auth.accessToken);
    for (const newPassword of ['short1', 'password12', 'aaaaaaaaa1']) {
      await expect(
        sessions().changePassword(p, { currentPassword: PASSWORD, newPassword }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: ['newPassword'] },
      });
    }
    await expect(
      sessions().changePassword(p, { currentPassword: PASSWORD, newPassword: PASSWORD }),
    ).rejects.toMatchObject({
      details: { reason: 'PASSWORD_UNCHANGED' },
    });
    await expect(check(p)).resolves.toBeUndefined();
    await expect(login('weak@example.com')).resolves.toBeDefined();
  });

  it('of two concurrent changes from the same old password only one wins', async () => {
    await signUp(h, 'racer@example.com');
    const a = await principal((await login('racer@example.com', PASSWORD, 'a')).accessToken);
    const b = await principal((await login('racer@example.com', PASSWORD, 'b')).accessToken);
    const outcomes = await Promise.allSettled([
      sessions().changePassword(a, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
      sessions().changePassword(b, { currentPassword: PASSWORD, newPassword: 'amber lantern drifts 9' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
  });
});
