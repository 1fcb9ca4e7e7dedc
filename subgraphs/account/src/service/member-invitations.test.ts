import { OPERATION_LOG_TOPIC, OrgRole, type UserPrincipal } from '@grove/platform';
import { InvitationModel } from '../store/invitation.model';
import { UserModel } from '../store/user.model';
import {
  PASSWORD,
  VALID_CREDIT_CODES,
  approvedOrgOwner,
  createHarness,
  errorCodes,
  eventually,
  execute,
  operatorAdmin,
  principalFor,
  recordEvents,
  signUp,
  type Harness,
} from '../account.test-support';

const HOUR = 3_600_000;

describe('pending invitations: list and revoke', () => {
  let h: Harness;
  let now: Date;
  let admin: UserPrincipal;
  let owner: UserPrincipal;
  let orgId: string;
  beforeEach(async () => {
    now = new Date();
    h = await createHarness({ clock: () => now, settings: { invitationTtlSec: 24 * 3600 } });
    admin = await operatorAdmin(h);
    const created = await approvedOrgOwner(h, 'owner@example.com', VALID_CREDIT_CODES[0], admin);
    owner = created.principal;
    orgId = created.org.id;
  });
  afterEach(() => h.dispose());

  const members = () => h.account.services.members;
  const invite = (email: string, role: OrgRole = OrgRole.ORG_DEVELOPER, by = owner) =>
    members().invite(by, { orgId, email, role });
  const emailsOf = (rows: Array<{ email?: string }>) => rows.map((row) => row.email);

  it('lists newest first, a page at a time, with _id breaking ties of equal creation times', async () => {
    for (const n of [1, 2, 3, 4, 5]) await invite(`p${n}@example.com`);
    // Same createdAt for all five: only the tie-breaker orders them, and no page repeats or skips one.
    const same = new Date('2026-01-01T00:00:00Z');
    await h.runtime.documents
      .collection(InvitationModel)
      .updateMany({ orgId }, { $set: { createdAt: same } });
    const ids = (await h.runtime.documents.collection(InvitationModel).find({ orgId }))
      .map((doc) => doc._id)
      .sort()
      .reverse();

    const first = await members().invitationsOf(owner, orgId, undefined, { take: 2 });
    const second = await members().invitationsOf(owner, orgId, undefined, {
      take: 2,
      after: first[1].cursor,
    });
    const third = await members().invitationsOf(owner, orgId, undefined, {
      take: 2,
      after: second[1].cursor,
    });
    expect([...first, ...second, ...third].map((row) => row.id)).toEqual(ids);
    expect(third).toHaveLength(1);
  });

  it('orders by creation time, newest first', async () => {
    await invite('old@example.com');
    await h.runtime.documents
      .collection(InvitationModel)
      .updateMany({ orgId }, { $set: { createdAt: new Date(now.getTime() - HOUR) } });
    await invite('new@example.com');
    expect(emailsOf(await members().invitationsOf(owner, orgId, null))).toEqual([
      'new@example.com',
      'old@example.com',
    ]);
  });

  it('reports pending invitations past their expiry as EXPIRED by the injected clock, and filters by status', async () => {
    await invite('early@example.com');
    now = new Date(now.getTime() + 12 * HOUR);
    await invite('late@example.com');
    await invite('gone@example.com').then(({ invitation }) =>
      members().revokeInvitation(owner, invitation.id),
    );
    await signUp(h, 'joined@example.com');
    const { token } = await invite('joined@example.com');
    await members().accept(await principalFor(h, 'joined@example.com'), token);

    expect(emailsOf(await members().invitationsOf(owner, orgId, 'PENDING'))).toEqual([
      'late@example.com',
      'early@example.com',
    ]);
    // 13 more hours: the first is 25 hours old, past its 24-hour lifetime.
    now = new Date(now.getTime() + 13 * HOUR);
    const all = await members().invitationsOf(owner, orgId, undefined);
    expect(all.map((row) => [row.email, row.status])).toEqual([
      ['joined@example.com', 'ACCEPTED'],
      ['gone@example.com', 'REVOKED'],
      ['late@example.com', 'PENDING'],
      ['early@example.com', 'EXPIRED'],
    ]);
    expect(emailsOf(await members().invitationsOf(owner, orgId, 'PENDING'))).toEqual(['late@example.com']);
    expect(emailsOf(await members().invitationsOf(owner, orgId, 'EXPIRED'))).toEqual(['early@example.com']);
    expect(emailsOf(await members().invitationsOf(owner, orgId, 'REVOKED'))).toEqual(['gone@example.com']);
    expect(emailsOf(await members().invitationsOf(owner, orgId, 'ACCEPTED'))).toEqual(['joined@example.com']);
    expect((await members().invitationsOf(owner, orgId, 'REVOKED'))[0]).toMatchObject({
      revokedBy: owner.userId,
    });
  });

  it('refuses bad page sizes, foreign cursors and unknown statuses with BAD_USER_INPUT', async () => {
    await invite('a@example.com');
    await expect(members().invitationsOf(owner, orgId, undefined, { take: 101 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { maxTake: 100 },
    });
    const memberCursor = (await members().list(owner, orgId))[0].cursor;
    await expect(
      members().invitationsOf(owner, orgId, undefined, { after: memberCursor }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'INVALID_CURSOR' } });
    await expect(members().invitationsOf(owner, orgId, 'LOST')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('lets managers of the organization and operators list, nobody else', async () => {
    await invite('a@example.com');
    await signUp(h, 'dev@example.com');
    await members().accept(await principalFor(h, 'dev@example.com'), (await invite('dev@example.com')).token);
    const dev = await principalFor(h, 'dev@example.com');
    const other = await approvedOrgOwner(h, 'other@example.com', VALID_CREDIT_CODES[1], admin);

    await expect(members().invitationsOf(admin, orgId, undefined)).resolves.toHaveLength(2);
    await expect(members().invitationsOf(dev, orgId, undefined)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(members().invitationsOf(other.principal, orgId, undefined)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('revokes a pending invitation once; its token can no longer be accepted or used at sign-up', async () => {
    await signUp(h, 'dev@example.com');
    const { invitation, token } = await invite('dev@example.com');
    const { invitation: forNewcomer, token: newcomerToken } = await invite('new@example.com');

    await expect(members().revokeInvitation(owner, invitation.id)).resolves.toMatchObject({
      id: invitation.id,
      status: 'REVOKED',
      revokedBy: owner.userId,
      revokedAt: now,
    });
    await expect(members().revokeInvitation(owner, invitation.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'INVITATION_ALREADY_REVOKED' },
    });
    await expect(members().accept(await principalFor(h, 'dev@example.com'), token)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'INVITATION_INVALID' },
    });

    await members().revokeInvitation(owner, forNewcomer.id);
    await expect(
      h.account.services.identity.signUp({
        email: 'new@example.com',
        password: PASSWORD,
        displayName: 'New',
        invitationToken: newcomerToken,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'INVITATION_INVALID' } });
    expect(await h.runtime.documents.collection(UserModel).count({ email: 'new@example.com' })).toBe(0);
    expect((await principalFor(h, 'dev@example.com')).memberships).toEqual([]);
  });

  it('refuses to revoke accepted, expired, unknown and foreign invitations, each with its own code', async () => {
    await signUp(h, 'dev@example.com');
    const accepted = await invite('dev@example.com');
    await members().accept(await principalFor(h, 'dev@example.com'), accepted.token);
    await expect(members().revokeInvitation(owner, accepted.invitation.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'INVITATION_ALREADY_ACCEPTED' },
    });

    const lapsing = await invite('late@example.com');
    now = new Date(now.getTime() + 25 * HOUR);
    await expect(members().revokeInvitation(owner, lapsing.invitation.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'INVITATION_EXPIRED' },
    });

    await expect(members().revokeInvitation(owner, 'no-such-invitation')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'INVITATION_NOT_FOUND' },
    });

    const other = await approvedOrgOwner(h, 'other@example.com', VALID_CREDIT_CODES[1], admin);
    const theirs = await members().invite(other.principal, {
      orgId: other.org.id,
      email: 'x@example.com',
      role: OrgRole.ORG_DEVELOPER,
    });
    await expect(members().revokeInvitation(owner, theirs.invitation.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(members().revokeInvitation(admin, theirs.invitation.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const [stillPending] = await members().invitationsOf(other.principal, other.org.id, undefined);
    expect(stillPending.status).toBe('PENDING');
  });

  it('revokeInvitation through the schema writes its event and one operation log line naming the invitation', async () => {
    const { invitation } = await invite('dev@example.com');
    const memberEvents = await recordEvents(h, 'account.member');
    const logLines = await recordEvents(h, OPERATION_LOG_TOPIC);

    const result = await execute(
      h,
      'mutation($id: ID!) { revokeInvitation(invitationId: $id) { id status revokedAt } }',
      owner,
      { id: invitation.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.revokeInvitation).toMatchObject({ id: invitation.id, status: 'REVOKED' });

    await eventually(() => {
      expect(memberEvents).toEqual([
        {
          type: 'member.invitation_revoked',
          key: orgId,
          payload: { organizationId: orgId, invitationId: invitation.id, actorId: owner.userId },
        },
      ]);
      expect(logLines).toHaveLength(1);
    });
    expect(logLines[0].payload).toMatchObject({
      action: 'revokeInvitation',
      organizationId: orgId,
      targetType: 'invitation',
      targetId: invitation.id,
      atomic: true,
    });

    const again = await execute(
      h,
      'mutation($id: ID!) { revokeInvitation(invitationId: $id) { id } }',
      owner,
      { id: invitation.id },
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors?.[0].originalError).toMatchObject({
      details: { reason: 'INVITATION_ALREADY_REVOKED' },
    });

    const listed = await execute(
      h,
      'query($o: ID!) { invitations(orgId: $o, status: REVOKED, take: 5) { id status cursor revokedBy } }',
      owner,
      { o: orgId },
    );
    expect(listed.data?.invitations).toEqual([
      expect.objectContaining({ id: invitation.id, status: 'REVOKED', revokedBy: owner.userId }),
    ]);
  });
});
