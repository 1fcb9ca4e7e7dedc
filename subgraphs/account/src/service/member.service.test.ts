import { OrgRole, type UserPrincipal } from '@grove/platform';
import { InvitationModel } from '../store/invitation.model';
import { MembershipModel } from '../store/membership.model';
import { UserModel } from '../store/user.model';
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

describe('MemberService', () => {
  let h: Harness;
  let admin: UserPrincipal;
  let owner: UserPrincipal;
  let orgId: string;
  beforeEach(async () => {
    h = await createHarness();
    admin = await operatorAdmin(h);
    const created = await approvedOrgOwner(h, 'owner@example.com', VALID_CREDIT_CODES[0], admin);
    owner = created.principal;
    orgId = created.org.id;
  });
  afterEach(() => h.dispose());

  const members = () => h.account.services.members;
  const roleOf = async (userId: string) =>
    (await members().list(owner, orgId)).find((m) => m.userId === userId)?.role;

  /** Invites and accepts; returns a fresh principal carrying the membership. */
  async function join(email: string, role: OrgRole, inviter: UserPrincipal = owner): Promise<UserPrincipal> {
    await signUp(h, email);
    const { token } = await members().invite(inviter, { orgId, email, role });
    await members().accept(await principalFor(h, email), token);
    return principalFor(h, email);
  }

  it('invites with a one-time token stored hashed; the invited user accepts once', async () => {
    await signUp(h, 'dev@example.com');
    const { invitation, token } = await members().invite(owner, {
      orgId,
      email: 'DEV@example.com',
      role: OrgRole.ORG_DEVELOPER,
    });
    expect(invitation).toMatchObject({
      orgId,
      email: 'dev@example.com',
      role: 'ORG_DEVELOPER',
      status: 'PENDING',
    });
    const stored = await h.runtime.documents.collection(InvitationModel).find({});
    expect(JSON.stringify(stored)).not.toContain(token);

    const dev = await principalFor(h, 'dev@example.com');
    const stranger = await (async () => {
      await signUp(h, 'stranger@example.com');
      return principalFor(h, 'stranger@example.com');
    })();
    await expect(members().accept(stranger, token)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(members().accept(dev, token)).resolves.toMatchObject({
      orgId,
      userId: dev.userId,
      role: 'ORG_DEVELOPER',
    });
    await expect(members().accept(dev, token)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await principalFor(h, 'dev@example.com')).memberships).toEqual([
      { orgId, role: 'ORG_DEVELOPER' },
    ]);
  });

  it('signs a new user up with an invitation token, all or nothing', async () => {
    const { token } = await members().invite(owner, { orgId, phone: '13900139000', role: OrgRole.ORG_ADMIN });
    // Wrong identifier: no account is created.
    await expect(
      h.account.services.identity.signUp({
        phone: '13900139001',
        password: PASSWORD,
        displayName: 'Wrong',
        invitationToken: token,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.runtime.documents.collection(UserModel).count({ phone: '+8613900139001' })).toBe(0);

    const result = await h.account.services.identity.signUp({
      phone: '+86 139 0013 9000',
      password: PASSWORD,
      displayName: 'Admin',
      invitationToken: token,
    });
    expect(result.membership).toMatchObject({ orgId, userId: result.user.id, role: 'ORG_ADMIN' });
    await expect(
      h.account.services.identity.signUp({
        email: 'again@example.com',
        password: PASSWORD,
        displayName: 'Again',
        invitationToken: token,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.runtime.documents.collection(UserModel).count({ email: 'again@example.com' })).toBe(0);
  });

  it('refuses expired invitations', async () => {
    const short = await createHarness({ settings: { invitationTtlSec: 0 } });
    try {
      const shortAdmin = await operatorAdmin(short);
      const { principal } = await approvedOrgOwner(short, 'o@example.com', VALID_CREDIT_CODES[1], shortAdmin);
      const org = principal.memberships[0].orgId;
      await signUp(short, 'late@example.com');
      const { token } = await short.account.services.members.invite(principal, {
        orgId: org,
        email: 'late@example.com',
        role: OrgRole.ORG_DEVELOPER,
      });
      await expect(
        short.account.services.members.accept(await principalFor(short, 'late@example.com'), token),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    } finally {
      await short.dispose();
    }
  });

  it('nobody grants a role above their own', async () => {
    const orgAdmin = await join('admin@example.com', OrgRole.ORG_ADMIN);
    await expect(
      members().invite(orgAdmin, { orgId, email: 'x@example.com', role: OrgRole.ORG_OWNER }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const dev = await join('dev@example.com', OrgRole.ORG_DEVELOPER, orgAdmin);
    await expect(
      members().changeRole(orgAdmin, { orgId, userId: dev.userId, role: OrgRole.ORG_OWNER }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      members().changeRole(orgAdmin, { orgId, userId: owner.userId, role: OrgRole.ORG_DEVELOPER }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      members().changeRole(dev, { orgId, userId: dev.userId, role: OrgRole.ORG_ADMIN }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      members().changeRole(orgAdmin, { orgId, userId: dev.userId, role: OrgRole.ORG_ADMIN }),
    ).resolves.toMatchObject({ role: 'ORG_ADMIN' });
    expect(await roleOf(owner.userId)).toBe('ORG_OWNER');
  });

  it('keeps the last owner: no demotion, no removal, no leaving', async () => {
    await expect(
      members().changeRole(owner, { orgId, userId: owner.userId, role: OrgRole.ORG_ADMIN }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(members().remove(owner, { orgId, userId: owner.userId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await roleOf(owner.userId)).toBe('ORG_OWNER');

    const second = await join('second@example.com', OrgRole.ORG_OWNER);
    await members().changeRole(second, { orgId, userId: owner.userId, role: OrgRole.ORG_ADMIN });
    expect(await roleOf(owner.userId)).toBe('ORG_ADMIN');
    await expect(members().remove(second, { orgId, userId: second.userId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('two owners demoting each other at once leave one owner', async () => {
    const second = await join('second@example.com', OrgRole.ORG_OWNER);
    const results = await Promise.allSettled([
      members().changeRole(owner, { orgId, userId: second.userId, role: OrgRole.ORG_DEVELOPER }),
      members().changeRole(second, { orgId, userId: owner.userId, role: OrgRole.ORG_DEVELOPER }),
    ]);
    const all = await h.runtime.documents
      .collection(MembershipModel)
      .find({ orgId, role: OrgRole.ORG_OWNER });
    expect(all).toHaveLength(1);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('removes members ranked no higher than the remover; members may leave', async () => {
    const orgAdmin = await join('admin@example.com', OrgRole.ORG_ADMIN);
    const dev = await join('dev@example.com', OrgRole.ORG_DEVELOPER);
    await expect(members().remove(dev, { orgId, userId: orgAdmin.userId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(members().remove(orgAdmin, { orgId, userId: owner.userId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(members().remove(orgAdmin, { orgId, userId: dev.userId })).resolves.toBe(true);
    await expect(members().remove(orgAdmin, { orgId, userId: orgAdmin.userId })).resolves.toBe(true);
    expect((await members().list(owner, orgId)).map((m) => m.userId)).toEqual([owner.userId]);
    await expect(members().list(dev, orgId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses inviting into a frozen or unapproved organization', async () => {
    await h.account.services.organizations.freeze(admin, orgId);
    await expect(
      members().invite(owner, { orgId, email: 'x@example.com', role: OrgRole.ORG_DEVELOPER }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const pending = await h.account.services.organizations.apply(owner, {
      name: 'Pending Co',
      creditCode: VALID_CREDIT_CODES[2],
      contactName: 'P',
      contactPhone: '+8613800000000',
      licenceDocumentRef: 'ref',
    });
    await expect(
      members().invite(owner, { orgId: pending.id, email: 'x@example.com', role: OrgRole.ORG_DEVELOPER }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.runtime.documents.collection(InvitationModel).count()).toBe(0);
  });

  it('refuses inviting an existing member and bad invitation input', async () => {
    const dev = await join('dev@example.com', OrgRole.ORG_DEVELOPER);
    expect(dev.memberships).toHaveLength(1);
    await expect(
      members().invite(owner, { orgId, email: 'dev@example.com', role: OrgRole.ORG_DEVELOPER }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      members().invite(owner, { orgId, email: 'bad', role: OrgRole.ORG_DEVELOPER }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(members().invite(owner, { orgId, role: OrgRole.ORG_DEVELOPER })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
  it('lists members a page at a time, oldest first with the id breaking ties, up to 100 a page', async () => {
    const joinedAt = new Date('2000-01-01T00:00:00Z'); // before the owner joined
    const memberships = h.runtime.documents.collection(MembershipModel);
    for (const userId of ['u-c', 'u-a', 'u-b']) {
      await memberships.insertOne({
        _id: `m-${userId}`,
        orgId,
        userId,
        role: OrgRole.ORG_DEVELOPER,
        createdAt: joinedAt,
        updatedAt: joinedAt,
      });
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await members().list(owner, orgId, { take: 2, after });
      seen.push(...page.map((m) => m.userId));
      if (page.length < 2) break;
      after = page[page.length - 1]!.cursor;
    }
    expect(seen).toEqual(['u-a', 'u-b', 'u-c', owner.userId]);
    await expect(members().list(owner, orgId, { take: 101 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ field: 'take' }),
    });
    await expect(members().list(owner, orgId, { after: 'forged' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ reason: 'INVALID_CURSOR' }),
    });
  });
});
