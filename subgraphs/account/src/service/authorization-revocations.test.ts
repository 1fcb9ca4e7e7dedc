import {
  VALID_CREDIT_CODES,
  PASSWORD,
  approvedOrgOwner,
  createHarness,
  operatorAdmin,
  principalFor,
  signUp,
  type Harness,
} from '../account.test-support';

/** Which account changes make earlier tokens stale (ADR 0006); the router test covers demotion, removal, freeze and logout. */
describe('AuthorizationRevocations', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<typeof operatorAdmin>>;
  beforeAll(async () => {
    h = await createHarness();
    admin = await operatorAdmin(h);
  });
  afterAll(() => h.dispose());

  const check = (p: Parameters<Harness['runtime']['authorization']['assertCurrent']>[0]) =>
    h.runtime.authorization.assertCurrent(p);

  it('an invitation changes nothing; joining makes the new member refresh into a token with the membership', async () => {
    const { org, principal: owner } = await approvedOrgOwner(
      h,
      'owner@joins.example',
      VALID_CREDIT_CODES[1],
      admin,
    );
    await signUp(h, 'joiner@joins.example');
    const joiner = await principalFor(h, 'joiner@joins.example');
    const { token } = await h.account.services.members.invite(owner, {
      orgId: org.id,
      email: 'joiner@joins.example',
      role: 'ORG_DEVELOPER',
    });
    await expect(check(joiner)).resolves.toBeUndefined();
    await expect(check(owner)).resolves.toBeUndefined();

    await h.account.services.members.accept(joiner, token);
    await expect(check(joiner)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'TOKEN_STALE' },
    });
    const refreshed = await principalFor(h, 'joiner@joins.example');
    await expect(check(refreshed)).resolves.toBeUndefined();
    expect(refreshed.memberships).toEqual([{ orgId: org.id, role: 'ORG_DEVELOPER' }]);
  });

  it("ending every session of a user makes all of the user's tokens stale", async () => {
    await h.account.services.identity.createOperator(admin, {
      email: 'reviewer@grove.local',
      displayName: 'Reviewer',
      role: 'OPERATOR_REVIEWER',
      password: PASSWORD,
    });
    const laptop = await principalFor(h, 'reviewer@grove.local');
    const phone = await principalFor(h, 'reviewer@grove.local');
    await h.account.services.sessions.revokeUserSessions(admin, laptop.userId);
    for (const p of [laptop, phone])
      await expect(check(p)).rejects.toMatchObject({ details: { reason: 'TOKEN_STALE' } });
    await expect(check(admin)).resolves.toBeUndefined();
  });

  it('a record the store refuses is logged; the change itself stands', async () => {
    const broken = await createHarness();
    try {
      const admin = await operatorAdmin(broken);
      await broken.account.services.identity.createOperator(admin, {
        email: 'ops@grove.local',
        displayName: 'Ops',
        role: 'OPERATOR_ADMIN',
        password: PASSWORD,
      });
      const ops = await principalFor(broken, 'ops@grove.local');
      await broken.runtime.kv.close();
      await expect(
        broken.account.services.identity.setOperatorDisabled(admin, ops.userId, true),
      ).resolves.toMatchObject({ id: ops.userId });
      // While the store is down every token check fails closed.
      await expect(broken.runtime.authorization.assertCurrent(ops)).rejects.toMatchObject({
        code: 'UNAVAILABLE',
      });
    } finally {
      await broken.dispose();
    }
  });
});
