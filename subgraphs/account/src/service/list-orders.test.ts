import { randomInt } from 'node:crypto';
import { OPERATION_LOG_TOPIC, OrgRole, newId, type UserPrincipal } from '@grove/platform';
import { readEveryOrder, TRANSACTIONAL_DOCUMENT_DRIVERS } from '@grove/testkit';
import {
  application,
  createHarness,
  eventually,
  operatorAdmin,
  principalFor,
  recordEvents,
  signUp,
  execute,
  type Harness,
} from '../account.test-support';
import { MembershipModel } from '../store/membership.model';
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from './credit-code';

const mismatch = {
  code: 'BAD_USER_INPUT',
  details: expect.objectContaining({ reason: 'CURSOR_ORDER_MISMATCH' }),
};

function creditCode(): string {
  let body = '91350100';
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_CHARSET[randomInt(CREDIT_CODE_CHARSET.length)];
  return body + creditCodeCheckCharacter(body);
}

/** Issue 11 item 4: every order of each list, over each documents driver, returns every row once in its order. */
describe.each(TRANSACTIONAL_DOCUMENT_DRIVERS)('account lists in every order (%s)', (driver) => {
  let h: Harness;
  let admin: UserPrincipal;
  let orgId: string;
  const codes: string[] = [];
  beforeAll(async () => {
    h = await createHarness({ documents: driver });
    admin = await operatorAdmin(h);
    const names = ['Zeta 数据', 'alpha Labs', 'Beta Org', 'Gamma Org', 'beta labs', 'Delta'];
    for (const [i, name] of names.entries()) {
      const email = `applicant${i}@example.com`;
      await signUp(h, email);
      const code = creditCode();
      codes.push(code);
      const org = await h.account.services.organizations.apply(
        await principalFor(h, email),
        application(code, name),
      );
      if (i % 3 === 0) await h.account.services.organizations.approve(admin, org.id);
      if (i % 3 === 1) await h.account.services.organizations.reject(admin, org.id, 'incomplete');
      orgId ??= org.id;
    }
    // Members of one organization with every role, written as memberships (equal join times on purpose).
    const memberships = h.runtime.documents.collection(MembershipModel);
    const at = new Date();
    for (const role of [OrgRole.ORG_DEVELOPER, OrgRole.ORG_ADMIN, OrgRole.ORG_DEVELOPER, OrgRole.ORG_ADMIN])
      await memberships.insertOne({
        _id: newId(),
        orgId,
        userId: newId(),
        role,
        createdAt: at,
        updatedAt: at,
      });
    for (const displayName of ['Mia', 'ada', 'Zoe', 'Ada'])
      await h.account.services.identity.createOperator(admin, {
        email: `${displayName.toLowerCase()}-${randomInt(1e6)}@example.com`,
        displayName,
        role: 'OPERATOR_REVIEWER',
      });
  }, 120_000);
  afterAll(() => h?.dispose());

  it('organizations, whole and searched by name or credit code', async () => {
    const orgs = h.account.services.organizations;
    const fields = {
      CREATED_AT: (o: { createdAt: Date }) => o.createdAt,
      SUBMITTED_AT: (o: { submittedAt: Date }) => o.submittedAt,
      NAME: (o: { name: string }) => o.name,
      STATUS: (o: { status: string }) => o.status,
    };
    for (const search of [undefined, 'BETA', codes[2]]) {
      const all = (await orgs.list(admin, { search, take: 100 })).items;
      const result = await readEveryOrder({
        all,
        id: (o) => o.id,
        fields,
        read: (orderBy, page) => orgs.list(admin, { search, orderBy, ...page }).then((p) => p.items),
        take: 2,
      });
      expect(result.orders.map((o) => [o.order, o.actual])).toEqual(
        result.orders.map((o) => [o.order, o.expected]),
      );
      if (all.length > 2) expect(result.mismatch).toMatchObject(mismatch);
    }
    const names = async (search: string) =>
      (await orgs.list(admin, { search })).items.map((o) => o.name).sort();
    expect(await names('beta')).toEqual(['Beta Org', 'beta labs']);
    expect(await names('数据')).toEqual(['Zeta 数据']);
    expect(await names(codes[2]!.toLowerCase())).toEqual(['Beta Org']);
    expect((await orgs.list(admin, { search: 'beta', status: 'APPROVED' })).total).toBe(0);
  });

  it('members of an organization, by join time and by role', async () => {
    const stored = await h.runtime.documents.collection(MembershipModel).find({ orgId });
    const idOf = new Map(stored.map((m) => [m.userId, m._id]));
    const members = h.account.services.members;
    const all = await members.list(admin, orgId, {});
    expect(all).toHaveLength(5);
    const result = await readEveryOrder({
      all,
      id: (m) => idOf.get(m.userId)!,
      fields: { JOINED_AT: (m) => m.joinedAt, ROLE: (m) => m.role },
      read: (orderBy, page) => members.list(admin, orgId, { orderBy, ...page }),
      take: 2,
    });
    expect(result.orders.map((o) => [o.order, o.actual])).toEqual(
      result.orders.map((o) => [o.order, o.expected]),
    );
    expect(result.mismatch).toMatchObject(mismatch);
  });

  it('operators, by creation and by display name', async () => {
    const identity = h.account.services.identity;
    const all = await identity.operators(admin, {});
    expect(all).toHaveLength(5);
    const result = await readEveryOrder({
      all,
      id: (u) => u.id,
      fields: { CREATED_AT: (u) => u.createdAt, DISPLAY_NAME: (u) => u.displayName },
      read: (orderBy, page) => identity.operators(admin, { orderBy, ...page }),
      take: 2,
    });
    expect(result.orders.map((o) => [o.order, o.actual])).toEqual(
      result.orders.map((o) => [o.order, o.expected]),
    );
    expect(result.mismatch).toMatchObject(mismatch);
  });
});

/** The race between two admins is decided by each driver's locking (PostgreSQL row locks, SQLite's one writer). */
describe.each(TRANSACTIONAL_DOCUMENT_DRIVERS)('changeOperatorRole (%s)', (driver) => {
  let h: Harness;
  let admin: UserPrincipal;
  beforeAll(async () => {
    h = await createHarness({ documents: driver });
    admin = await operatorAdmin(h);
  });
  afterAll(() => h?.dispose());

  const newOperator = async (role: 'OPERATOR_ADMIN' | 'OPERATOR_REVIEWER') => {
    const email = `op-${randomInt(1e9)}@example.com`;
    const { user, initialPassword } = await h.account.services.identity.createOperator(admin, {
      email,
      displayName: 'Op',
      role,
    });
    return { id: user.id, principal: await principalFor(h, email, initialPassword!) };
  };

  it('promotes and demotes through the schema, with its event, one operation log line and the old tokens refused', async () => {
    const op = await newOperator('OPERATOR_REVIEWER');
    const userEvents = await recordEvents(h, 'account.user');
    const logLines = await recordEvents(h, OPERATION_LOG_TOPIC);
    const promoted = await execute(
      h,
      'mutation($id: ID!) { changeOperatorRole(userId: $id, role: OPERATOR_ADMIN) { id operatorRoles } }',
      admin,
      { id: op.id },
    );
    expect(promoted.errors).toBeUndefined();
    expect(promoted.data?.changeOperatorRole).toEqual({ id: op.id, operatorRoles: ['OPERATOR_ADMIN'] });
    await eventually(() => {
      expect(userEvents.filter((e) => e.type === 'operator.role_changed')).toEqual([
        {
          type: 'operator.role_changed',
          key: op.id,
          payload: {
            userId: op.id,
            role: 'OPERATOR_ADMIN',
            previousRole: 'OPERATOR_REVIEWER',
            actorId: admin.userId,
          },
        },
      ]);
      expect(logLines).toHaveLength(1);
    });
    expect(logLines[0]!.payload).toMatchObject({
      action: 'changeOperatorRole',
      targetId: op.id,
      atomic: true,
    });
    // The token issued before the change no longer counts (authorization epochs, ADR 0006).
    await expect(h.runtime.authorization.assertCurrent(op.principal)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });

    const demoted = await h.account.services.identity.changeOperatorRole(admin, {
      userId: op.id,
      role: 'OPERATOR_REVIEWER',
    });
    expect(demoted.operatorRoles).toEqual(['OPERATOR_REVIEWER']);
  });

  it('refuses self-demotion, callers without operator:manage, unknown users and bad roles with stable codes', async () => {
    await expect(
      h.account.services.identity.changeOperatorRole(admin, {
        userId: admin.userId,
        role: 'OPERATOR_REVIEWER',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'SELF_DEMOTION' } });
    const reviewer = await newOperator('OPERATOR_REVIEWER');
    const other = await newOperator('OPERATOR_REVIEWER');
    await expect(
      h.account.services.identity.changeOperatorRole(reviewer.principal, {
        userId: other.id,
        role: 'OPERATOR_ADMIN',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      h.account.services.identity.changeOperatorRole(admin, { userId: newId(), role: 'OPERATOR_ADMIN' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const bad = await execute(
      h,
      'mutation($id: ID!) { changeOperatorRole(userId: $id, role: ROOT) { id } }',
      admin,
      { id: other.id },
    );
    expect(bad.errors).toBeDefined();
  });

  it('two admins demoting each other at once: exactly one wins and an enabled admin remains', async () => {
    const a = await newOperator('OPERATOR_ADMIN');
    const b = await newOperator('OPERATOR_ADMIN');
    const identity = h.account.services.identity;
    const results = await Promise.allSettled([
      identity.changeOperatorRole(a.principal, { userId: b.id, role: 'OPERATOR_REVIEWER' }),
      identity.changeOperatorRole(b.principal, { userId: a.id, role: 'OPERATOR_REVIEWER' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    // Which refusal the loser gets depends on how far it got before the winner committed: FORBIDDEN when its own
    // admin standing was already gone at its first check, CONFLICT (LAST_OPERATOR_ADMIN) when it lost inside the
    // transaction. Never both changes, never a raw database error.
    const { code, details } = refused.reason as { code: string; details?: { reason?: string } };
    expect(
      code === 'FORBIDDEN' || (code === 'CONFLICT' && details?.reason === 'LAST_OPERATOR_ADMIN')
        ? 'refused'
        : code,
    ).toBe('refused');
    const roles = [
      await h.account.services.identity.user(admin, a.id),
      await h.account.services.identity.user(admin, b.id),
    ];
    expect(roles.map((u) => u.operatorRoles[0]).sort()).toEqual(['OPERATOR_ADMIN', 'OPERATOR_REVIEWER']);
  });
});
