import {
  describeAuthorizationMatrix,
  F,
  httpRoutesOf,
  N,
  U,
  type MatrixOperation,
  type MatrixRow,
  type SignedInPrincipal,
  type TestRuntime,
} from '@grove/testkit';
import { randomInt } from 'node:crypto';
import { OrgRole, type UserPrincipal } from '@grove/platform';
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from './service/credit-code';
import { InvitationModel } from './store/invitation.model';
import { MembershipModel } from './store/membership.model';
import { OrganizationModel } from './store/organization.model';
import { RefreshTokenModel, SessionModel } from './store/session.model';
import { UserModel } from './store/user.model';
import {
  PASSWORD,
  application,
  approvedOrgOwner,
  createHarness,
  principalFor,
  signUp,
  type Harness,
} from './account.test-support';

/**
 * Every query, mutation, field resolver and entity of the account subgraph, through the built schema, for callers
 * signed in for real (tokens from login). Org roles follow packages/platform/src/auth/access-policy.ts: every role
 * reads the organization and its members, owners and admins manage members (and admins edit the details), only
 * owners hold org:ownership; account also checks the stored memberships and roles, not only the token.
 */
//                                 anonymous ownerA adminA developerA ownerB reviewer admin
const READERS_A: MatrixRow = /* */ [U, 'ok', 'ok', 'ok', F, 'ok', 'ok'];
const MANAGERS_A: MatrixRow = /**/ [U, 'ok', 'ok', F, F, F, F];

const ORGANIZATION_PRIVATE =
  'creditCode contactName contactPhone contactEmail licenceDocumentRef rejectionReason frozenReason applicantId submittedAt reviewedAt createdAt amendment { status }';
const USER_PRIVATE = 'email phone operatorRoles disabled lastLoginAt createdAt';

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${randomInt(1e9)}`;

function freshCreditCode(): string {
  let body = '91350100';
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_CHARSET[randomInt(CREDIT_CODE_CHARSET.length)];
  return body + creditCodeCheckCharacter(body);
}

interface World {
  h: Harness;
  runtime: TestRuntime;
  principals: Record<SignedInPrincipal, UserPrincipal>;
  orgA: string;
  orgB: string;
  helper: UserPrincipal;
  /** Current password of each signed-in principal (changePassword rows change them). */
  passwords: Record<SignedInPrincipal, string>;
}

const emails: Record<SignedInPrincipal, string> = {
  ownerA: 'owner-a@example.com',
  adminA: 'admin-a@example.com',
  developerA: 'developer-a@example.com',
  ownerB: 'owner-b@example.com',
  reviewer: 'reviewer@example.com',
  admin: 'admin@grove.local',
};

async function pendingOrgOfA(w: World): Promise<string> {
  const org = await w.h.account.services.organizations.apply(
    w.principals.ownerA,
    application(freshCreditCode(), unique('Org')),
  );
  return org.id;
}

async function approvedOrgOfA(w: World): Promise<string> {
  const id = await pendingOrgOfA(w);
  await w.h.account.services.organizations.approve(w.principals.admin, id);
  return id;
}

/** A new member of an organization (org A unless told), joined by invitation; returns their user id. */
async function memberOf(w: World, orgId = w.orgA, role: OrgRole = OrgRole.ORG_DEVELOPER): Promise<string> {
  const email = `${unique('dev')}@example.com`;
  await signUp(w.h, email);
  const owner = orgId === w.orgA ? w.principals.ownerA : w.principals.ownerB;
  const { token } = await w.h.account.services.members.invite(owner, { orgId, email, role });
  const member = await w.h.account.services.members.accept(await principalFor(w.h, email), token);
  return member.userId;
}

const developerInA = (w: World) => memberOf(w);

/** A pending invitation of an organization (org A unless told), sent by its owner; returns its id. */
async function invitationOf(w: World, orgId = w.orgA): Promise<string> {
  const owner = orgId === w.orgA ? w.principals.ownerA : w.principals.ownerB;
  const { invitation } = await w.h.account.services.members.invite(owner, {
    orgId,
    email: `${unique('invitee')}@example.com`,
    role: OrgRole.ORG_DEVELOPER,
  });
  return invitation.id;
}

/** Org A with a name change waiting for review. */
async function amendedOrgOfA(w: World): Promise<string> {
  const id = await approvedOrgOfA(w);
  await w.h.account.services.organizations.update(w.principals.ownerA, id, { name: unique('Renamed') });
  return id;
}

async function freshOperator(w: World): Promise<string> {
  const { user } = await w.h.account.services.identity.createOperator(w.principals.admin, {
    email: `${unique('op')}@example.com`,
    displayName: 'Op',
    role: 'OPERATOR_REVIEWER',
  });
  return user.id;
}

const OPERATIONS: MatrixOperation<World>[] = [
  // ---- queries
  {
    name: 'me',
    source: '{ me { user { id } permissions memberships { orgId role } } }',
    expected: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  },
  {
    name: 'user',
    source: 'query($id: ID!) { user(id: $id) { id email } }',
    prepare: async (w) => ({ id: (w.principals.ownerA as UserPrincipal).userId }),
    expected: [U, 'ok', F, F, F, 'ok', 'ok'],
  },
  { name: 'operators', source: '{ operators { id email } }', expected: [U, F, F, F, F, F, 'ok'] },
  {
    name: 'operators',
    label: 'operators ordered by display name',
    source: '{ operators(orderBy: { field: DISPLAY_NAME, direction: DESC }, take: 5) { id cursor } }',
    expected: [U, F, F, F, F, F, 'ok'],
  },
  {
    name: 'organization',
    source: 'query($id: ID!) { organization(id: $id) { id name creditCode } }',
    prepare: async (w) => ({ id: w.orgA }),
    expected: READERS_A,
  },
  {
    name: 'organizations',
    source: '{ organizations(take: 5) { total items { id creditCode } } }',
    expected: [U, F, F, F, F, 'ok', 'ok'],
  },
  {
    name: 'organizations',
    label: 'organizations searched by name, ordered by name',
    source:
      '{ organizations(search: "org", orderBy: { field: NAME, direction: ASC }, take: 5) { total items { id cursor } } }',
    expected: [U, F, F, F, F, 'ok', 'ok'],
  },
  {
    name: 'myOrganizations',
    source: '{ myOrganizations { id } }',
    expected: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  },
  {
    name: 'members',
    source: 'query($orgId: ID!) { members(orgId: $orgId) { userId role user { id email } } }',
    prepare: async (w) => ({ orgId: w.orgA }),
    expected: READERS_A,
  },
  {
    name: 'mySessions',
    source: '{ mySessions { id current } }',
    expected: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  },

  // ---- field resolvers and entities: private fields of organizations and users, behind references anyone may ask for
  {
    name: '_entities(Organization)',
    source: `query($id: ID!) { _entities(representations: [{ __typename: "Organization", id: $id }]) { ... on Organization {
      id name ${ORGANIZATION_PRIVATE} } } }`,
    prepare: async (w) => ({ id: w.orgA }),
    expected: [F, 'ok', 'ok', 'ok', F, 'ok', 'ok'],
  },
  {
    name: '_entities(User)',
    source: `query($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User {
      id ${USER_PRIVATE} } } }`,
    prepare: async (w) => ({ id: w.principals.ownerA.userId }),
    // The user, fellow members who may read members (every role of org A) and operators.
    expected: [F, 'ok', 'ok', 'ok', F, 'ok', 'ok'],
  },
  {
    name: 'members',
    label: 'members (Member.user and Member.organization)',
    source: `query($orgId: ID!) { members(orgId: $orgId) { userId user { id ${USER_PRIVATE} } organization { id ${ORGANIZATION_PRIVATE} } } }`,
    prepare: async (w) => ({ orgId: w.orgA }),
    expected: READERS_A,
  },

  // ---- sessions
  {
    name: 'signUp',
    source: 'mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }',
    prepare: async () => ({
      input: { email: `${unique('new')}@example.com`, password: PASSWORD, displayName: 'New' },
    }),
    expected: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  },
  {
    name: 'login',
    source: 'mutation($input: LoginInput!) { login(input: $input) { accessToken session { id } } }',
    prepare: async (w) => {
      const email = `${unique('login')}@example.com`;
      await signUp(w.h, email);
      return { input: { identifier: email, password: PASSWORD } };
    },
    expected: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  },
  {
    name: 'refreshSession',
    source: 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
    prepare: async (w) => {
      const email = `${unique('refresh')}@example.com`;
      await signUp(w.h, email);
      return {
        t: (await w.h.account.services.sessions.login({ identifier: email, password: PASSWORD }))
          .refreshToken,
      };
    },
    expected: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  },
  { name: 'logout', source: 'mutation { logout }', expected: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  {
    name: 'revokeSession',
    source: 'mutation($id: ID!) { revokeSession(id: $id) }',
    prepare: async (w) => {
      const auth = await w.h.account.services.sessions.login({
        identifier: emails.ownerA,
        password: PASSWORD,
        deviceId: unique('device'),
      });
      return { id: auth.session.id };
    },
    expected: [U, 'ok', F, F, F, F, F],
  },
  {
    name: 'revokeUserSessions',
    source: 'mutation($id: ID!) { revokeUserSessions(userId: $id) }',
    prepare: async (w) => {
      const email = `${unique('victim')}@example.com`;
      const user = await signUp(w.h, email);
      await w.h.account.services.sessions.login({ identifier: email, password: PASSWORD });
      return { id: user.id };
    },
    expected: [U, F, F, F, F, F, 'ok'],
  },

  // ---- organizations
  {
    name: 'applyForOrganization',
    source:
      'mutation($input: OrganizationApplicationInput!) { applyForOrganization(input: $input) { id status } }',
    prepare: async () => ({ input: application(freshCreditCode(), unique('Applied')) }),
    expected: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  },
  {
    name: 'resubmitOrganization',
    source:
      'mutation($id: ID!, $input: OrganizationApplicationInput!) { resubmitOrganization(id: $id, input: $input) { id status } }',
    prepare: async (w) => {
      const id = await pendingOrgOfA(w);
      await w.h.account.services.organizations.reject(w.principals.admin, id, 'blurry');
      return { id, input: application(freshCreditCode(), unique('Resubmitted')) };
    },
    expected: [U, 'ok', F, F, F, F, F],
  },
  {
    name: 'approveOrganization',
    source: 'mutation($id: ID!) { approveOrganization(id: $id) { id status } }',
    prepare: async (w) => ({ id: await pendingOrgOfA(w) }),
    expected: [U, F, F, F, F, 'ok', 'ok'],
  },
  {
    name: 'rejectOrganization',
    source: 'mutation($id: ID!) { rejectOrganization(id: $id, reason: "incomplete") { id status } }',
    prepare: async (w) => ({ id: await pendingOrgOfA(w) }),
    expected: [U, F, F, F, F, 'ok', 'ok'],
  },
  {
    name: 'freezeOrganization',
    source: 'mutation($id: ID!) { freezeOrganization(id: $id, reason: "audit") { id frozen } }',
    prepare: async (w) => ({ id: await approvedOrgOfA(w) }),
    expected: [U, F, F, F, F, F, 'ok'],
  },
  {
    name: 'updateOrganization',
    source:
      'mutation($id: ID!, $input: OrganizationUpdateInput!) { updateOrganization(id: $id, input: $input) { id name amendment { status name } } }',
    prepare: async (w) => ({
      id: await approvedOrgOfA(w),
      input: { name: unique('Renamed'), contactName: 'Wang Fang' },
    }),
    expected: [U, 'ok', F, F, F, F, F],
  },
  {
    name: 'approveOrganizationAmendment',
    source: 'mutation($id: ID!) { approveOrganizationAmendment(id: $id) { id name } }',
    prepare: async (w) => ({ id: await amendedOrgOfA(w) }),
    expected: [U, F, F, F, F, 'ok', 'ok'],
  },
  {
    name: 'rejectOrganizationAmendment',
    source:
      'mutation($id: ID!) { rejectOrganizationAmendment(id: $id, reason: "blurry licence") { id amendment { status } } }',
    prepare: async (w) => ({ id: await amendedOrgOfA(w) }),
    expected: [U, F, F, F, F, 'ok', 'ok'],
  },
  {
    name: 'unfreezeOrganization',
    source: 'mutation($id: ID!) { unfreezeOrganization(id: $id) { id frozen } }',
    prepare: async (w) => {
      const id = await approvedOrgOfA(w);
      await w.h.account.services.organizations.freeze(w.principals.admin, id);
      return { id };
    },
    expected: [U, F, F, F, F, F, 'ok'],
  },

  // ---- members
  {
    name: 'inviteMember',
    source:
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token invitation { id } } }',
    prepare: async (w) => ({
      input: { orgId: w.orgA, email: `${unique('invitee')}@example.com`, role: 'ORG_DEVELOPER' },
    }),
    expected: MANAGERS_A,
  },
  {
    name: 'invitations',
    source:
      'query($orgId: ID!) { invitations(orgId: $orgId, status: PENDING, take: 5) { id status cursor } }',
    prepare: async (w) => ({ orgId: w.orgA }),
    // Managers of org A, and operators as for member lists.
    expected: [U, 'ok', 'ok', F, F, 'ok', 'ok'],
  },
  {
    name: 'revokeInvitation',
    source: 'mutation($id: ID!) { revokeInvitation(invitationId: $id) { id status } }',
    prepare: async (w) => ({ id: await invitationOf(w, w.orgA) }),
    expected: MANAGERS_A,
  },
  {
    name: 'acceptInvitation',
    source: 'mutation($t: String!) { acceptInvitation(token: $t) { orgId role } }',
    prepare: async (w, who) => {
      // A fresh organization of a third party invites this caller (the anonymous row gets someone's token).
      const org = await w.h.account.services.organizations.apply(
        w.helper,
        application(freshCreditCode(), unique('Inviting')),
      );
      await w.h.account.services.organizations.approve(w.principals.admin, org.id);
      const email = who === 'anonymous' ? emails.ownerB : emails[who];
      const { token } = await w.h.account.services.members.invite(
        await principalFor(w.h, 'helper@example.com'),
        {
          orgId: org.id,
          email,
          role: 'ORG_DEVELOPER',
        },
      );
      return { t: token };
    },
    expected: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  },
  {
    name: 'changeMemberRole',
    source:
      'mutation($orgId: ID!, $userId: ID!) { changeMemberRole(orgId: $orgId, userId: $userId, role: ORG_ADMIN) { role } }',
    prepare: async (w) => ({ orgId: w.orgA, userId: await developerInA(w) }),
    expected: MANAGERS_A,
  },
  {
    name: 'removeMember',
    source: 'mutation($orgId: ID!, $userId: ID!) { removeMember(orgId: $orgId, userId: $userId) }',
    prepare: async (w) => ({ orgId: w.orgA, userId: await developerInA(w) }),
    expected: MANAGERS_A,
  },

  // ---- operators
  {
    name: 'createOperator',
    source:
      'mutation($input: CreateOperatorInput!) { createOperator(input: $input) { user { id } initialPassword } }',
    prepare: async () => ({
      input: { email: `${unique('newop')}@example.com`, displayName: 'New Op', role: 'OPERATOR_REVIEWER' },
    }),
    expected: [U, F, F, F, F, F, 'ok'],
  },
  {
    name: 'disableOperator',
    source: 'mutation($id: ID!) { disableOperator(userId: $id) { id } }',
    prepare: async (w) => ({ id: await freshOperator(w) }),
    expected: [U, F, F, F, F, F, 'ok'],
  },
  {
    name: 'changeOperatorRole',
    source:
      'mutation($id: ID!) { changeOperatorRole(userId: $id, role: OPERATOR_ADMIN) { id operatorRoles } }',
    prepare: async (w) => ({ id: await freshOperator(w) }),
    expected: [U, F, F, F, F, F, 'ok'],
  },
  {
    name: 'enableOperator',
    source: 'mutation($id: ID!) { enableOperator(userId: $id) { id } }',
    prepare: async (w) => {
      const id = await freshOperator(w);
      await w.h.account.services.identity.setOperatorDisabled(w.principals.admin, id, true);
      return { id };
    },
    expected: [U, F, F, F, F, F, 'ok'],
  },

  // ---- another organization's ids inside the input
  {
    name: 'updateOrganization',
    label: 'updateOrganization of org A (ORG_ADMIN holds org:update)',
    source:
      'mutation($id: ID!, $input: OrganizationUpdateInput!) { updateOrganization(id: $id, input: $input) { id contactName } }',
    prepare: async (w) => ({ id: w.orgA, input: { contactName: unique('Contact') } }),
    expected: [U, 'ok', 'ok', F, F, F, F],
  },
  {
    name: 'inviteMember',
    label: "inviteMember with org B's id in the input",
    source:
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token invitation { id } } }',
    prepare: async (w) => ({
      input: { orgId: w.orgB, email: `${unique('invitee')}@example.com`, role: 'ORG_DEVELOPER' },
    }),
    expected: [U, F, F, F, 'ok', F, F],
  },
  {
    name: 'invitations',
    label: "invitations with org B's id",
    source: 'query($orgId: ID!) { invitations(orgId: $orgId) { id } }',
    prepare: async (w) => ({ orgId: w.orgB }),
    expected: [U, F, F, F, 'ok', 'ok', 'ok'],
  },
  {
    name: 'revokeInvitation',
    label: "revokeInvitation of org B's invitation",
    source: 'mutation($id: ID!) { revokeInvitation(invitationId: $id) { id status } }',
    prepare: async (w) => ({ id: await invitationOf(w, w.orgB) }),
    expected: [U, F, F, F, 'ok', F, F],
  },
  {
    name: 'changeMemberRole',
    label: 'changeMemberRole of a member of org B',
    source:
      'mutation($orgId: ID!, $userId: ID!) { changeMemberRole(orgId: $orgId, userId: $userId, role: ORG_ADMIN) { role } }',
    prepare: async (w) => ({ orgId: w.orgB, userId: await memberOf(w, w.orgB) }),
    expected: [U, F, F, F, 'ok', F, F],
  },
  {
    // Org A's id with a user of org B: nobody in org A can reach a member of another organization through it.
    name: 'removeMember',
    label: 'removeMember of org A naming a member of org B',
    source: 'mutation($orgId: ID!, $userId: ID!) { removeMember(orgId: $orgId, userId: $userId) }',
    prepare: async (w) => ({ orgId: w.orgA, userId: await memberOf(w, w.orgB) }),
    expected: [U, N, N, F, F, F, F],
  },
  {
    name: 'revokeSession',
    label: "revokeSession with org B's owner's session id",
    source: 'mutation($id: ID!) { revokeSession(id: $id) }',
    prepare: async (w) => {
      const auth = await w.h.account.services.sessions.login({
        identifier: emails.ownerB,
        password: w.passwords.ownerB,
        deviceId: unique('device'),
      });
      return { id: auth.session.id };
    },
    expected: [U, F, F, F, 'ok', F, F],
  },

  // ---- last: changes the callers' passwords (every signed-in caller may change their own)
  {
    name: 'changePassword',
    source:
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken session { id current } } }',
    prepare: async (w, who) => {
      const key = who === 'anonymous' ? 'ownerA' : who;
      const newPassword = `${unique('sapphire')} orchard`;
      const input = { currentPassword: w.passwords[key], newPassword };
      // The logout row ended the caller's session: sign in again, changePassword needs a live one.
      if (who !== 'anonymous') w.principals[who] = await principalFor(w.h, emails[who], w.passwords[key]);
      return { input };
    },
    expected: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
    // Only a change that happened moves the password (stale-token rows are refused before it runs).
    check: (w, _result, vars, who) => {
      if (who !== 'anonymous') w.passwords[who] = (vars.input as { newPassword: string }).newPassword;
    },
  },
];

/** Org A's owner, admin and developer, org B's owner and both operators, each signed in for real. */
async function world(): Promise<World> {
  // Hundreds of real sign-ins from one (absent) client IP: lift the per-IP throttle, the account lockout stays.
  const h = await createHarness({ settings: { loginIpPoints: 1_000_000 } });
  const boot = await h.account.bootstrap();
  const admin = await principalFor(h, boot.email, boot.password);
  const a = await approvedOrgOwner(h, emails.ownerA, freshCreditCode(), admin);
  const b = await approvedOrgOwner(h, emails.ownerB, freshCreditCode(), admin);
  for (const [who, role] of [
    ['adminA', OrgRole.ORG_ADMIN],
    ['developerA', OrgRole.ORG_DEVELOPER],
  ] as const) {
    await signUp(h, emails[who]);
    const { token } = await h.account.services.members.invite(a.principal, {
      orgId: a.org.id,
      email: emails[who],
      role,
    });
    await h.account.services.members.accept(await principalFor(h, emails[who]), token);
  }
  const reviewer = await h.account.services.identity.createOperator(admin, {
    email: emails.reviewer,
    displayName: 'Reviewer',
    role: 'OPERATOR_REVIEWER',
    password: PASSWORD,
  });
  expect(reviewer.user.operatorRoles).toEqual(['OPERATOR_REVIEWER']);
  await signUp(h, 'helper@example.com');
  return {
    h,
    runtime: h.runtime,
    orgA: a.org.id,
    orgB: b.org.id,
    helper: await principalFor(h, 'helper@example.com'),
    passwords: {
      ownerA: PASSWORD,
      adminA: PASSWORD,
      developerA: PASSWORD,
      ownerB: PASSWORD,
      reviewer: PASSWORD,
      admin: boot.password as string,
    },
    principals: {
      ownerA: a.principal,
      adminA: await principalFor(h, emails.adminA),
      developerA: await principalFor(h, emails.developerA),
      ownerB: b.principal,
      reviewer: await principalFor(h, emails.reviewer),
      admin,
    },
  };
}

describeAuthorizationMatrix<World>({
  subgraph: 'account',
  harness: world,
  dispose: (w) => w.h.dispose(),
  schema: (w) => w.h.account.schema,
  principals: (w) => w.principals,
  operations: OPERATIONS,
  snapshot: async (w) => {
    const models = [
      UserModel,
      OrganizationModel,
      MembershipModel,
      InvitationModel,
      SessionModel,
      RefreshTokenModel,
    ] as const;
    const all = await Promise.all(
      models.map((m) => w.runtime.documents.collection<{ _id: string }>(m).find({}, { sort: { _id: 1 } })),
    );
    return JSON.stringify(all);
  },
  routes: (w) => httpRoutesOf(w.h.account),
});
