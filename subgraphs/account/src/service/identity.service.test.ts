import { readAllPages } from '@grove/testkit';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { permissionsOf, type UserPrincipal } from '@grove/platform';
import { UserModel } from '../store/user.model';
import { BOOTSTRAP_PASSWORD_FILE } from './identity.service';
import {
  PASSWORD,
  createHarness,
  operatorAdmin,
  principalFor,
  signUp,
  type Harness,
} from '../account.test-support';

describe('IdentityService', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  const identity = () => h.account.services.identity;
  const userCount = () => h.runtime.documents.collection(UserModel).count();

  describe('signUp', () => {
    it('normalises email and phone and never stores the password in clear', async () => {
      const { user } = await identity().signUp({
        email: ' Alice@Example.COM ',
        phone: '(+86) 138-0013-8000',
        password: PASSWORD,
        displayName: ' Alice ',
      });
      expect(user).toMatchObject({
        email: 'alice@example.com',
        phone: '+8613800138000',
        displayName: 'Alice',
        operatorRoles: [],
      });
      expect(user).not.toHaveProperty('passwordHash');
      const stored = await h.runtime.documents.collection(UserModel).findById(user.id);
      expect(stored?.passwordHash).toMatch(/^scrypt\$/);
      expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    });

    it.each([
      ['email', { email: 'not-an-email' }],
      ['phone', { phone: '12' }],
      ['phone', { phone: '+0123456789' }],
      ['password', { password: 'short1' }],
      ['password', { password: 'onlyletterslong' }],
      ['password', { password: '12345678901234' }],
      ['email', { email: undefined }],
      ['displayName', { displayName: '   ' }],
    ])('refuses bad %s with BAD_USER_INPUT and writes nothing', async (field, patch) => {
      const error = await identity()
        .signUp({ email: 'bob@example.com', password: PASSWORD, displayName: 'Bob', ...patch })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((error as { details: { fields: string[] } }).details.fields).toContain(field);
      expect(await userCount()).toBe(0);
    });

    it('refuses a duplicate email or phone with CONFLICT', async () => {
      await identity().signUp({
        email: 'dup@example.com',
        phone: '13800138000',
        password: PASSWORD,
        displayName: 'A',
      });
      await expect(
        identity().signUp({ email: 'DUP@example.com', password: PASSWORD, displayName: 'B' }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(
        identity().signUp({ phone: '+8613800138000', password: PASSWORD, displayName: 'C' }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await userCount()).toBe(1);
    });
  });

  describe('bootstrap', () => {
    it('creates the first operator admin once, with a generated password written 0600', async () => {
      const first = await h.account.bootstrap();
      expect(first).toMatchObject({ created: true, email: 'admin@grove.local' });
      expect(first.password).toMatch(/^[\w-]{20}$/);
      const file = join(h.runtime.dataDir, BOOTSTRAP_PASSWORD_FILE);
      expect(first.passwordFile).toBe(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain(first.password);

      const admin = await principalFor(h, first.email, first.password);
      expect(admin.operatorRoles).toEqual(['OPERATOR_ADMIN']);

      const second = await h.account.bootstrap();
      expect(second).toEqual({ created: false, email: 'admin@grove.local' });
      expect(await userCount()).toBe(1);
    });

    it('uses configured credentials and writes no file', async () => {
      const configured = await createHarness({
        settings: { bootstrapAdminEmail: 'Root@Example.com', bootstrapAdminPassword: 'configured pass 1' },
      });
      try {
        const result = await configured.account.bootstrap();
        expect(result).toEqual({ created: true, email: 'root@example.com' });
        expect(existsSync(join(configured.runtime.dataDir, BOOTSTRAP_PASSWORD_FILE))).toBe(false);
        await expect(
          principalFor(configured, 'root@example.com', 'configured pass 1'),
        ).resolves.toMatchObject({ operatorRoles: ['OPERATOR_ADMIN'] });
      } finally {
        await configured.dispose();
      }
    });

    it('concurrent bootstraps create one admin', async () => {
      const results = await Promise.all([h.account.bootstrap(), h.account.bootstrap()]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await userCount()).toBe(1);
    });
  });

  describe('operators', () => {
    let admin: UserPrincipal;
    beforeEach(async () => {
      admin = await operatorAdmin(h);
    });

    it('creates operators with a generated password shown once, lists them, disables and enables', async () => {
      const created = await identity().createOperator(admin, {
        email: 'rev@example.com',
        displayName: 'Rev',
        role: 'OPERATOR_REVIEWER',
      });
      expect(created.user.operatorRoles).toEqual(['OPERATOR_REVIEWER']);
      const reviewer = await principalFor(h, 'rev@example.com', created.initialPassword as string);
      expect((await identity().operators(admin)).map((u) => u.email)).toEqual([
        'admin@grove.local',
        'rev@example.com',
      ]);
      for (let i = 0; i < 3; i++)
        await identity().createOperator(admin, {
          email: `op${i}@example.com`,
          displayName: `Op ${i}`,
          role: 'OPERATOR_REVIEWER',
        });
      const paged = await readAllPages((page) => identity().operators(admin, page), 2);
      expect(paged.items.map((u) => u.email)).toEqual([
        'admin@grove.local',
        'rev@example.com',
        'op0@example.com',
        'op1@example.com',
        'op2@example.com',
      ]);
      await expect(identity().operators(admin, { take: 101 })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });

      await expect(
        identity().createOperator(reviewer, {
          email: 'x@example.com',
          displayName: 'X',
          role: 'OPERATOR_ADMIN',
        }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        identity().createOperator(admin, {
          email: 'rev@example.com',
          displayName: 'Again',
          role: 'OPERATOR_ADMIN',
        }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });

      expect((await identity().setOperatorDisabled(admin, created.user.id, true)).disabled).toBe(true);
      await expect(identity().setOperatorDisabled(admin, created.user.id, true)).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      // The reviewer's still-valid access token no longer works here: the store says disabled.
      await expect(identity().me(reviewer)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await identity().setOperatorDisabled(admin, created.user.id, false)).disabled).toBe(false);
      await expect(identity().setOperatorDisabled(admin, admin.userId, true)).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });

    it('does not let operator endpoints touch institution users', async () => {
      const user = await signUp(h, 'plain@example.com');
      await expect(identity().setOperatorDisabled(admin, user.id, true)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  it('me returns the user, roles, stored memberships and the token’s permissions', async () => {
    const admin = await operatorAdmin(h);
    const me = await identity().me(admin);
    expect(me).toMatchObject({
      user: { id: admin.userId },
      operatorRoles: ['OPERATOR_ADMIN'],
      sessionId: admin.sessionId,
    });
    expect(await identity().viewerMemberships(me)).toEqual([]);
    expect(me.permissions).toEqual(permissionsOf(admin));
    expect(me.permissions).toContain('operator:manage');
  });

  it('user(id) answers the user themself and operators only', async () => {
    const admin = await operatorAdmin(h);
    const a = await signUp(h, 'a@example.com');
    const b = await signUp(h, 'b@example.com');
    const pa = await principalFor(h, 'a@example.com');
    await expect(identity().user(pa, a.id)).resolves.toMatchObject({ id: a.id });
    await expect(identity().user(pa, b.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(identity().user(admin, b.id)).resolves.toMatchObject({ id: b.id });
    await expect(identity().user(admin, 'missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
