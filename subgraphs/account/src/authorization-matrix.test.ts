import { rootOperationNames } from '@grove/testkit';
import { randomInt } from 'node:crypto';
import { ANONYMOUS, OrgRole, type Principal, type UserPrincipal } from '@grove/platform';
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
  errorCodes,
  execute,
  principalFor,
  signUp,
  type Harness,
} from './account.test-support';

/**
 * Every query and mutation of the account subgraph, executed through the built schema for each principal,
 * against an explicit allow/deny table. A denial must carry the expected code and write nothing.
 */
type Who = 'anonymous' | 'ownerA' | 'ownerB' | 'reviewer' | 'admin';
const WHO: Who[] = ['anonymous', 'ownerA', 'ownerB', 'reviewer', 'admin'];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const U: Outcome = 'UNAUTHENTICATED';
const F: Outcome = 'FORBIDDEN';

//                      anonymous ownerA ownerB reviewer admin
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome];

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${randomInt(1e9)}`;

function freshCreditCode(): string {
  let body = '91350100';
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_CHARSET[randomInt(CREDIT_CODE_CHARSET.length)];
  return body + creditCodeCheckCharacter(body);
}

interface World {
  h: Harness;
  principals: Record<Who, Principal>;
  orgA: string;
  helper: UserPrincipal;
  /** Current password of each signed-in principal (changePassword rows change them). */
  passwords: Record<Exclude<Who, 'anonymous'>, string>;
}

interface Operation {
  name: string;
  source: string;
  prepare?: (w: World, who: Who) => Promise<Record<string, unknown>>;
  expected: Row;
}

const emails: Record<Exclude<Who, 'anonymous'>, string> = {
  ownerA: 'owner-a@example.com',
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

async function developerInA(w: World): Promise<string> {
  const email = `${unique('dev')}@example.com`;
  await signUp(w.h, email);
  const { token } = await w.h.account.services.members.invite(w.principals.ownerA, {
    orgId: w.orgA,
    email,
    role: OrgRole.ORG_DEVELOPER,
  });
  const member = await w.h.account.services.members.accept(await principalFor(w.h, email), token);
  return member.userId;
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

const OPERATIONS: Operation[] = [
  // ---- queries
  { name: 'me', source: '{ me { user { id } permissions } }', expected: [U, 'ok', 'ok', 'ok', 'ok'] },
  {
    name: 'user',
    source: 'query($id: ID!) { user(id: $id) { id email } }',
    prepare: async (w) => ({ id: (w.principals.ownerA as UserPrincipal).userId }),
    expected: [U, 'ok', F, 'ok', 'ok'],
  },
  { name: 'operators', source: '{ operators { id email } }', expected: [U, F, F, F, 'ok'] },
  {
    name: 'organization',
    source: 'query($id: ID!) { organization(id: $id) { id name creditCode } }',
    prepare: async (w) => ({ id: w.orgA }),
    expected: [U, 'ok', F, 'ok', 'ok'],
  },
  {
    name: 'organizations',
    source: '{ organizations(take: 5) { total items { id creditCode } } }',
    expected: [U, F, F, 'ok', 'ok'],
  },
  { name: 'myOrganizations', source: '{ myOrganizations { id } }', expected: [U, 'ok', 'ok', 'ok', 'ok'] },
  {
    name: 'members',
    source: 'query($orgId: ID!) { members(orgId: $orgId) { userId role user { id email } } }',
    prepare: async (w) => ({ orgId: w.orgA }),
    expected: [U, 'ok', F, 'ok', 'ok'],
  },
  { name: 'mySessions', source: '{ mySessions { id current } }', expected: [U, 'ok', 'ok', 'ok', 'ok'] },

  // ---- sessions
  {
    name: 'signUp',
    source: 'mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }',
    prepare: async () => ({
      input: { email: `${unique('new')}@example.com`, password: PASSWORD, displayName: 'New' },
    }),
    expected: ['ok', 'ok', 'ok', 'ok', 'ok'],
  },
  {
    name: 'login',
    source: 'mutation($input: LoginInput!) { login(input: $input) { accessToken session { id } } }',
    prepare: async (w) => {
      const email = `${unique('login')}@example.com`;
      await signUp(w.h, email);
      return { input: { identifier: email, password: PASSWORD } };
    },
    expected: ['ok', 'ok', 'ok', 'ok', 'ok'],
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
    expected: ['ok', 'ok', 'ok', 'ok', 'ok'],
  },
  { name: 'logout', source: 'mutation { logout }', expected: [U, 'ok', 'ok', 'ok', 'ok'] },
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
    expected: [U, 'ok', F, F, F],
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
    expected: [U, F, F, F, 'ok'],
  },

  // ---- organizations
  {
    name: 'applyForOrganization',
    source:
      'mutation($input: OrganizationApplicationInput!) { applyForOrganization(input: $input) { id status } }',
    prepare: async () => ({ input: application(freshCreditCode(), unique('Applied')) }),
    expected: [U, 'ok', 'ok', 'ok', 'ok'],
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
    expected: [U, 'ok', F, F, F],
  },
  {
    name: 'approveOrganization',
    source: 'mutation($id: ID!) { approveOrganization(id: $id) { id status } }',
    prepare: async (w) => ({ id: await pendingOrgOfA(w) }),
    expected: [U, F, F, 'ok', 'ok'],
  },
  {
    name: 'rejectOrganization',
    source: 'mutation($id: ID!) { rejectOrganization(id: $id, reason: "incomplete") { id status } }',
    prepare: async (w) => ({ id: await pendingOrgOfA(w) }),
    expected: [U, F, F, 'ok', 'ok'],
  },
  {
    name: 'freezeOrganization',
    source: 'mutation($id: ID!) { freezeOrganization(id: $id, reason: "audit") { id frozen } }',
    prepare: async (w) => ({ id: await approvedOrgOfA(w) }),
    expected: [U, F, F, F, 'ok'],
  },
  {
    name: 'updateOrganization',
    source:
      'mutation($id: ID!, $input: OrganizationUpdateInput!) { updateOrganization(id: $id, input: $input) { id name amendment { status name } } }',
    prepare: async (w) => ({ id: await approvedOrgOfA(w), input: { name: unique('Renamed'), contactName: 'Wang Fang' } }),
    expected: [U, 'ok', F, F, F],
  },
  {
    name: 'approveOrganizationAmendment',
    source: 'mutation($id: ID!) { approveOrganizationAmendment(id: $id) { id name } }',
    prepare: async (w) => ({ id: await amendedOrgOfA(w) }),
    expected: [U, F, F, 'ok', 'ok'],
  },
  {
    name: 'rejectOrganizationAmendment',
    source: 'mutation($id: ID!) { rejectOrganizationAmendment(id: $id, reason: "blurry licence") { id amendment { status } } }',
    prepare: async (w) => ({ id: await amendedOrgOfA(w) }),
    expected: [U, F, F, 'ok', 'ok'],
  },
  {
    name: 'unfreezeOrganization',
    source: 'mutation($id: ID!) { unfreezeOrganization(id: $id) { id frozen } }',
    prepare: async (w) => {
      const id = await approvedOrgOfA(w);
      await w.h.account.services.organizations.freeze(w.principals.admin, id);
      return { id };
    },
    expected: [U, F, F, F, 'ok'],
  },

  // ---- members
  {
    name: 'inviteMember',
    source:
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token invitation { id } } }',
    prepare: async (w) => ({
      input: { orgId: w.orgA, email: `${unique('invitee')}@example.com`, role: 'ORG_DEVELOPER' },
    }),
    expected: [U, 'ok', F, F, F],
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
    expected: [U, 'ok', 'ok', 'ok', 'ok'],
  },
  {
    name: 'changeMemberRole',
    source:
      'mutation($orgId: ID!, $userId: ID!) { changeMemberRole(orgId: $orgId, userId: $userId, role: ORG_ADMIN) { role } }',
    prepare: async (w) => ({ orgId: w.orgA, userId: await developerInA(w) }),
    expected: [U, 'ok', F, F, F],
  },
  {
    name: 'removeMember',
    source: 'mutation($orgId: ID!, $userId: ID!) { removeMember(orgId: $orgId, userId: $userId) }',
    prepare: async (w) => ({ orgId: w.orgA, userId: await developerInA(w) }),
    expected: [U, 'ok', F, F, F],
  },

  // ---- operators
  {
    name: 'createOperator',
    source:
      'mutation($input: CreateOperatorInput!) { createOperator(input: $input) { user { id } initialPassword } }',
    prepare: async () => ({
      input: { email: `${unique('newop')}@example.com`, displayName: 'New Op', role: 'OPERATOR_REVIEWER' },
    }),
    expected: [U, F, F, F, 'ok'],
  },
  {
    name: 'disableOperator',
    source: 'mutation($id: ID!) { disableOperator(userId: $id) { id } }',
    prepare: async (w) => ({ id: await freshOperator(w) }),
    expected: [U, F, F, F, 'ok'],
  },
  {
    name: 'enableOperator',
    source: 'mutation($id: ID!) { enableOperator(userId: $id) { id } }',
    prepare: async (w) => {
      const id = await freshOperator(w);
      await w.h.account.services.identity.setOperatorDisabled(w.principals.admin, id, true);
      return { id };
    },
    expected: [U, F, F, F, 'ok'],
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
      if (who !== 'anonymous') {
        // The logout row ended the caller's session: sign in again, changePassword needs a live one.
        w.principals[who] = await principalFor(w.h, emails[who], w.passwords[key]);
        w.passwords[key] = newPassword;
      }
      return { input };
    },
    expected: [U, 'ok', 'ok', 'ok', 'ok'],
  },
];

async function snapshot(h: Harness): Promise<string> {
  const models = [
    UserModel,
    OrganizationModel,
    MembershipModel,
    InvitationModel,
    SessionModel,
    RefreshTokenModel,
  ] as const;
  const all = await Promise.all(
    models.map((m) => h.runtime.documents.collection<{ _id: string }>(m).find({}, { sort: { _id: 1 } })),
  );
  return JSON.stringify(all);
}

describe('authorization matrix (every operation × every principal, through the schema)', () => {
  let w: World;

  beforeAll(async () => {
    const h = await createHarness();
    const boot = await h.account.bootstrap();
    const admin = await principalFor(h, boot.email, boot.password);
    const a = await approvedOrgOwner(h, emails.ownerA, freshCreditCode(), admin);
    const b = await approvedOrgOwner(h, emails.ownerB, freshCreditCode(), admin);
    const reviewer = await h.account.services.identity.createOperator(admin, {
      email: emails.reviewer,
      displayName: 'Reviewer',
      role: 'OPERATOR_REVIEWER',
      password: PASSWORD,
    });
    expect(reviewer.user.operatorRoles).toEqual(['OPERATOR_REVIEWER']);
    await signUp(h, 'helper@example.com');
    w = {
      h,
      orgA: a.org.id,
      helper: await principalFor(h, 'helper@example.com'),
      passwords: { ownerA: PASSWORD, ownerB: PASSWORD, reviewer: PASSWORD, admin: boot.password as string },
      principals: {
        anonymous: ANONYMOUS,
        ownerA: a.principal,
        ownerB: b.principal,
        reviewer: await principalFor(h, emails.reviewer),
        admin,
      },
    };
  });
  afterAll(() => w.h.dispose());

  it('covers every query and mutation the schema exposes', () => {
    expect(OPERATIONS.map((o) => o.name).sort()).toEqual(rootOperationNames(w.h.account.schema));
  });

  describe.each(OPERATIONS)('$name', (op) => {
    it.each(WHO.map((who, i) => [who, op.expected[i]] as const))('%s → %s', async (who, outcome) => {
      const variables = op.prepare ? await op.prepare(w, who) : undefined;
      const before = await snapshot(w.h);
      const result = await execute(w.h, op.source, w.principals[who], variables);
      if (outcome === 'ok') {
        expect(result.errors).toBeUndefined();
        expect(result.data?.[op.name]).not.toBeNull();
      } else {
        expect(errorCodes(result)).toEqual([outcome]);
        expect(await snapshot(w.h)).toBe(before);
      }
    });
  });
});
