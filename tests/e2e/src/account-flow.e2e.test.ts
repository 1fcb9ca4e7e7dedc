import {
  AcceptInvitationDocument,
  ApplyForOrganizationDocument,
  ApproveOrganizationDocument,
  InstitutionInvitationsDocument,
  InstitutionRevokeInvitationDocument,
  InviteMemberDocument,
  LoginDocument,
  MeDocument,
  MembersDocument,
  MySessionsDocument,
  PendingOrganizationsDocument,
  RefreshSessionDocument,
  SignUpDocument,
} from '../../../schema/generated/graphql';
import { dataOf, errorCodes, execute } from './graphql-client';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  E2E_START_TIMEOUT_MS,
  e2eModes,
  startE2EPlatform,
  validCreditCode,
  type E2EPlatform,
} from './platform-harness';

/**
 * The whole account story through the router over HTTP, with the typed operations the consoles use:
 * sign up → apply → operator approves → owner invites a developer → developer logs in → refresh →
 * reuse of the old refresh token revokes the family.
 */
describe.each(e2eModes())('account flow through the router (%s)', (mode) => {
  let e2e: E2EPlatform;
  beforeAll(async () => {
    e2e = await startE2EPlatform({ mode });
  }, E2E_START_TIMEOUT_MS);
  afterAll(async () => {
    await e2e?.stop();
  }, E2E_START_TIMEOUT_MS);

  const login = async (identifier: string, password: string, deviceId: string) =>
    dataOf(
      await execute(e2e.url, LoginDocument, {
        input: { identifier, password, deviceId, deviceName: `device ${deviceId}` },
      }),
    ).login;

  it('runs from sign-up to refresh-token reuse detection', async () => {
    // 1. An institution user signs up and signs in.
    const ownerPassword = 'Owner-password-1';
    const signUp = dataOf(
      await execute(e2e.url, SignUpDocument, {
        input: { email: 'owner@acme.example', password: ownerPassword, displayName: 'Acme Owner' },
      }),
    ).signUp;
    expect(signUp.user.email).toBe('owner@acme.example');
    const owner = await login('owner@acme.example', ownerPassword, 'owner-laptop');

    // 2. The owner applies for an organization; it is PENDING and nobody can be invited yet.
    const creditCode = validCreditCode();
    const org = dataOf(
      await execute(
        e2e.url,
        ApplyForOrganizationDocument,
        {
          input: {
            name: 'Acme Mini Apps Ltd',
            creditCode,
            contactName: 'Li Lei',
            contactPhone: '+8613800138000',
            contactEmail: 'contact@acme.example',
            licenceDocumentRef: 'uploads/licences/acme.pdf',
          },
        },
        { token: owner.accessToken },
      ),
    ).applyForOrganization;
    expect(org).toMatchObject({ status: 'PENDING', creditCode });
    const earlyInvite = await execute(
      e2e.url,
      InviteMemberDocument,
      { input: { orgId: org.id, email: 'dev@acme.example', role: 'ORG_DEVELOPER' } },
      { token: owner.accessToken },
    );
    expect(errorCodes(earlyInvite)).toEqual(['FORBIDDEN']);

    // 3. The bootstrap operator admin sees the application and approves it.
    const admin = await login(ADMIN_EMAIL, ADMIN_PASSWORD, 'ops-console');
    const pending = dataOf(
      await execute(e2e.url, PendingOrganizationsDocument, {}, { token: admin.accessToken }),
    ).organizations;
    expect(pending!.items.map((o) => o.id)).toContain(org.id);
    const approved = dataOf(
      await execute(e2e.url, ApproveOrganizationDocument, { id: org.id }, { token: admin.accessToken }),
    );
    expect(approved.approveOrganization.status).toBe('APPROVED');

    // 4. The owner's next token carries the approved membership; the owner invites a developer.
    const ownerAfterApproval = await login('owner@acme.example', ownerPassword, 'owner-laptop');
    const me = dataOf(await execute(e2e.url, MeDocument, {}, { token: ownerAfterApproval.accessToken })).me;
    expect(me!.memberships).toEqual([{ orgId: org.id, role: 'ORG_OWNER' }]);
    expect(me!.permissions).toContain(`${org.id}:org:members:manage`);
    const invite = dataOf(
      await execute(
        e2e.url,
        InviteMemberDocument,
        { input: { orgId: org.id, email: 'dev@acme.example', role: 'ORG_DEVELOPER' } },
        { token: ownerAfterApproval.accessToken },
      ),
    ).inviteMember;
    expect(invite.token).toEqual(expect.any(String));
    // A second invitation is revoked before use: the pending list shows both, then only the first; its code is dead.
    const revocable = dataOf(
      await execute(
        e2e.url,
        InviteMemberDocument,
        { input: { orgId: org.id, email: 'tester@acme.example', role: 'ORG_DEVELOPER' } },
        { token: ownerAfterApproval.accessToken },
      ),
    ).inviteMember;
    const pendingInvitations = async () =>
      dataOf(
        await execute(
          e2e.url,
          InstitutionInvitationsDocument,
          { orgId: org.id, status: 'PENDING', take: 20 },
          { token: ownerAfterApproval.accessToken },
        ),
      ).invitations.map((i) => i.email);
    expect((await pendingInvitations()).sort()).toEqual(['dev@acme.example', 'tester@acme.example']);
    const revocableId = dataOf(
      await execute(
        e2e.url,
        InstitutionInvitationsDocument,
        { orgId: org.id, status: 'PENDING', take: 20 },
        { token: ownerAfterApproval.accessToken },
      ),
    ).invitations.find((i) => i.email === 'tester@acme.example')!.id;
    const revoked = dataOf(
      await execute(
        e2e.url,
        InstitutionRevokeInvitationDocument,
        { invitationId: revocableId },
        { token: ownerAfterApproval.accessToken },
      ),
    ).revokeInvitation;
    expect(revoked).toEqual({ id: revocableId, status: 'REVOKED' });
    expect(await pendingInvitations()).toEqual(['dev@acme.example']);
    const again = await execute(
      e2e.url,
      InstitutionRevokeInvitationDocument,
      { invitationId: revocableId },
      { token: ownerAfterApproval.accessToken },
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);

    // 5. The developer signs up, accepts the invitation, and logs in as a member.
    const devPassword = 'Developer-pass-2';
    dataOf(
      await execute(e2e.url, SignUpDocument, {
        input: { email: 'dev@acme.example', password: devPassword, displayName: 'Dev' },
      }),
    );
    const devFirst = await login('dev@acme.example', devPassword, 'dev-phone');
    const accepted = dataOf(
      await execute(
        e2e.url,
        AcceptInvitationDocument,
        { token: invite.token },
        { token: devFirst.accessToken },
      ),
    );
    expect(accepted.acceptInvitation).toMatchObject({ orgId: org.id, role: 'ORG_DEVELOPER' });
    const dev = await login('dev@acme.example', devPassword, 'dev-phone');
    // The revoked code is refused as spent (checked before whom it was sent to; the first token went stale on joining).
    const tester = await execute(
      e2e.url,
      AcceptInvitationDocument,
      { token: revocable.token },
      { token: dev.accessToken },
    );
    expect(errorCodes(tester)).toEqual(['NOT_FOUND']);
    const devMe = dataOf(await execute(e2e.url, MeDocument, {}, { token: dev.accessToken })).me;
    expect(devMe!.memberships).toEqual([{ orgId: org.id, role: 'ORG_DEVELOPER' }]);
    const members = dataOf(
      await execute(e2e.url, MembersDocument, { orgId: org.id }, { token: dev.accessToken }),
    ).members;
    expect(members!.map((m) => m.role).sort()).toEqual(['ORG_DEVELOPER', 'ORG_OWNER']);
    // A developer may not invite.
    const devInvite = await execute(
      e2e.url,
      InviteMemberDocument,
      { input: { orgId: org.id, email: 'x@acme.example', role: 'ORG_DEVELOPER' } },
      { token: dev.accessToken },
    );
    expect(errorCodes(devInvite)).toEqual(['FORBIDDEN']);

    // 6. Refresh rotates the token; the new access token works.
    const refreshed = dataOf(
      await execute(e2e.url, RefreshSessionDocument, { refreshToken: dev.refreshToken }),
    ).refreshSession;
    expect(refreshed.refreshToken).not.toBe(dev.refreshToken);
    expect(refreshed.session.id).toBe(dev.session.id);
    const sessions = dataOf(
      await execute(e2e.url, MySessionsDocument, {}, { token: refreshed.accessToken }),
    ).mySessions;
    expect(sessions!.find((s) => s.id === refreshed.session.id)).toMatchObject({
      deviceId: 'dev-phone',
      current: true,
    });

    // 7. Presenting the already-rotated token again revokes the whole family, including the new token.
    const reuse = await execute(e2e.url, RefreshSessionDocument, { refreshToken: dev.refreshToken });
    expect(errorCodes(reuse)).toEqual(['UNAUTHENTICATED']);
    const afterReuse = await execute(e2e.url, RefreshSessionDocument, {
      refreshToken: refreshed.refreshToken,
    });
    expect(errorCodes(afterReuse)).toEqual(['UNAUTHENTICATED']);
    const sessionsAfter = dataOf(
      await execute(e2e.url, MySessionsDocument, {}, { token: ownerAfterApproval.accessToken }),
    ).mySessions;
    expect(sessionsAfter!.length).toBeGreaterThan(0); // the owner's own sessions are untouched
  });

  it('never reveals whether an account exists when a login fails', async () => {
    const unknown = await execute(e2e.url, LoginDocument, {
      input: { identifier: 'nobody@acme.example', password: 'Whatever-123' },
    });
    const wrong = await execute(e2e.url, LoginDocument, {
      input: { identifier: ADMIN_EMAIL, password: 'Wrong-password-1' },
    });
    expect(errorCodes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });
});
