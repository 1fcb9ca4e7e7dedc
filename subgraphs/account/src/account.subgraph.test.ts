import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANONYMOUS, loadConfig, type UserPrincipal } from '@grove/platform';
import { accountEnvSchema, accountSettingsFromConfig } from './config';
import {
  PASSWORD,
  VALID_CREDIT_CODES,
  approvedOrgOwner,
  createHarness,
  errorCodes,
  execute,
  operatorAdmin,
  principalFor,
  signUp,
  type Harness,
} from './account.test-support';

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Organization { id name status frozen }
    ... on User { id displayName }
  }
}`;

describe('account subgraph', () => {
  let h: Harness;
  let admin: UserPrincipal;
  beforeEach(async () => {
    h = await createHarness();
    admin = await operatorAdmin(h);
  });
  afterEach(() => h.dispose());

  it('prints a Federation 2 SDL with User and Organization entities and no secrets', () => {
    expect(h.account.sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
    expect(h.account.sdl).toMatch(/type Organization\s+@key\(fields: "id"\)/);
    expect(h.account.sdl).not.toMatch(/passwordHash|tokenHash/i);
  });

  it('resolves _entities for Organization and User with public fields for any caller', async () => {
    const { org, principal } = await approvedOrgOwner(h, 'owner@example.com', VALID_CREDIT_CODES[0], admin);
    const result = await execute(h, ENTITIES, ANONYMOUS, {
      r: [
        { __typename: 'Organization', id: org.id },
        { __typename: 'User', id: principal.userId },
        { __typename: 'Organization', id: 'missing' },
        { __typename: 'User', id: 'missing' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { id: org.id, name: 'Org of owner@example.com', status: 'APPROVED', frozen: false },
        { id: principal.userId, displayName: 'owner' },
        null,
        null,
      ],
    });
  });

  it('keeps sensitive entity fields behind field-level checks', async () => {
    const { org, principal: owner } = await approvedOrgOwner(
      h,
      'owner@example.com',
      VALID_CREDIT_CODES[0],
      admin,
    );
    await signUp(h, 'stranger@example.com');
    const stranger = await principalFor(h, 'stranger@example.com');
    const source = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Organization { id creditCode contactPhone }
      ... on User { id email }
    } }`;
    const r = [
      { __typename: 'Organization', id: org.id },
      { __typename: 'User', id: owner.userId },
    ];

    for (const caller of [ANONYMOUS, stranger]) {
      const denied = await execute(h, source, caller, { r });
      expect(denied.data).toEqual({
        _entities: [
          { id: org.id, creditCode: null, contactPhone: null },
          { id: owner.userId, email: null },
        ],
      });
      expect(new Set(errorCodes(denied))).toEqual(new Set(['FORBIDDEN']));
    }
    for (const caller of [owner, admin]) {
      const allowed = await execute(h, source, caller, { r });
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data).toEqual({
        _entities: [
          { id: org.id, creditCode: VALID_CREDIT_CODES[0], contactPhone: '+8613800138000' },
          { id: owner.userId, email: 'owner@example.com' },
        ],
      });
    }
  });

  it('lets fellow members read each other’s contact details in the member list', async () => {
    const { org, principal: owner } = await approvedOrgOwner(
      h,
      'owner@example.com',
      VALID_CREDIT_CODES[0],
      admin,
    );
    await signUp(h, 'dev@example.com');
    const { token } = await h.account.services.members.invite(owner, {
      orgId: org.id,
      email: 'dev@example.com',
      role: 'ORG_DEVELOPER',
    });
    const dev = await principalFor(h, 'dev@example.com');
    await h.account.services.members.accept(dev, token);
    const result = await execute(
      h,
      'query($o: ID!) { members(orgId: $o) { role user { email } organization { name creditCode } } }',
      dev,
      { o: org.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.members).toEqual([
      {
        role: 'ORG_OWNER',
        user: { email: 'owner@example.com' },
        organization: { name: org.name, creditCode: VALID_CREDIT_CODES[0] },
      },
      {
        role: 'ORG_DEVELOPER',
        user: { email: 'dev@example.com' },
        organization: { name: org.name, creditCode: VALID_CREDIT_CODES[0] },
      },
    ]);
  });

  it('returns BAD_USER_INPUT through GraphQL with field names and writes nothing', async () => {
    const result = await execute(
      h,
      'mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }',
      ANONYMOUS,
      {
        i: { email: 'nope', password: 'weak', displayName: 'X' },
      },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    const error = result.errors?.[0].originalError as unknown as { details: { fields: string[] } };
    expect(error.details.fields.sort()).toEqual(['email', 'password']);
    const count = await h.runtime.documents
      .collection((await import('./store/user.model')).UserModel)
      .count();
    expect(count).toBe(1); // the bootstrap admin only
  });

  it('logs in and refreshes through the schema, taking the device id from the context', async () => {
    await signUp(h, 'gql@example.com');
    const { graphql } = await import('graphql');
    const { contextFor } = await import('./account.test-support');
    const login = await graphql({
      schema: h.account.schema,
      source:
        'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken expiresAt session { deviceId current } user { id email } } }',
      variableValues: { i: { identifier: 'gql@example.com', password: PASSWORD } },
      contextValue: contextFor(ANONYMOUS, { deviceId: 'ctx-device', userAgent: 'jest' }),
    });
    expect(login.errors).toBeUndefined();
    const payload = login.data?.login as { refreshToken: string; session: unknown; user: { email: string } };
    expect(payload.session).toEqual({ deviceId: 'ctx-device', current: true });
    // The caller was anonymous but just proved to be this user, so the payload shows their own details.
    expect(payload.user.email).toBe('gql@example.com');
    const refreshed = await execute(
      h,
      'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
      ANONYMOUS,
      { t: payload.refreshToken },
    );
    expect(refreshed.errors).toBeUndefined();
  });
});

describe('restart', () => {
  it('keeps users, organizations, memberships and sessions across a runtime restart on the same dataDir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'grove-account-restart-'));
    try {
      const first = await createHarness({ dataDir });
      const boot = await first.account.bootstrap();
      const admin = await principalFor(first, boot.email, boot.password);
      const { org } = await approvedOrgOwner(first, 'owner@example.com', VALID_CREDIT_CODES[0], admin);
      const auth = await first.account.services.sessions.login({
        identifier: 'owner@example.com',
        password: PASSWORD,
      });
      await first.runtime.close();

      const second = await createHarness({ dataDir });
      try {
        expect(await second.account.bootstrap()).toEqual({ created: false, email: boot.email });
        const refreshed = await second.account.services.sessions.refresh(auth.refreshToken);
        // The test runtime gets a fresh JWT secret on each start, so verify with the new runtime's service.
        const principal = await second.runtime.tokens.verifyAccessToken(refreshed.accessToken);
        expect(principal.memberships).toEqual([{ orgId: org.id, role: 'ORG_OWNER' }]);
        expect(await second.account.services.organizations.get(principal, org.id)).toMatchObject({
          status: 'APPROVED',
          creditCode: VALID_CREDIT_CODES[0],
        });
      } finally {
        await second.runtime.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('config', () => {
  it('parses defaults and reports every bad variable at once', () => {
    const config = loadConfig(accountEnvSchema, {});
    expect(accountSettingsFromConfig(config)).toMatchObject({
      bootstrapAdminEmail: 'admin@grove.local',
      loginMaxFailures: 5,
      loginLockSec: 900,
    });
    expect(config.ACCOUNT_PORT).toBe(4101);
    expect(() =>
      loadConfig(accountEnvSchema, {
        ACCOUNT_PORT: 'x',
        BOOTSTRAP_ADMIN_EMAIL: 'nope',
        LOGIN_MAX_FAILURES: '0',
      }),
    ).toThrow(/ACCOUNT_PORT[\s\S]*BOOTSTRAP_ADMIN_EMAIL[\s\S]*LOGIN_MAX_FAILURES/);
  });
});
