import { join } from 'node:path';
import {
  AuthorizationEpochs,
  MemoryKeyValueStore,
  serveSubgraph,
  silentLogger,
  type RunningSubgraph,
} from '@grove/platform';
import { readSupergraph } from './create-router';
import { createSubgraphModules, type RegisteredSubgraphModule } from './subgraph-registry';
import {
  readResponse,
  startTestRouter,
  type TestResponse,
  type TestRouter,
} from './test-support/router-harness';
import { createPeopleSubgraph } from './test-support/test-subgraphs';

/**
 * Issue 7 item 3: revocation bites on the next request (docs/adr/0006-authorization-epochs.md). Every case below
 * passed on the old code, where a token kept its roles until it expired.
 */
const ADMIN = { identifier: 'admin@grove.local', password: 'Bootstrap-Pass-2024' };
const PASSWORD = 'Member-Pass-2024';
let t: TestRouter;

beforeAll(async () => {
  let registered: RegisteredSubgraphModule[] = [];
  t = await startTestRouter({
    env: {
      RATE_LIMIT_LOGIN_POINTS: '1000',
      RATE_LIMIT_USER_POINTS: '100000',
      RATE_LIMIT_IP_POINTS: '100000',
    },
    supergraphSdl: readSupergraph(join(__dirname, '..', '..', 'schema', 'supergraph.graphql')),
    modules: async (runtime) => {
      registered = await createSubgraphModules(runtime, {
        BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
        PASSWORD_HASH_COST: '10',
      });
      return registered;
    },
  });
  for (const module of registered) await module.bootstrap?.();
}, 60_000);
afterAll(async () => {
  await t.close();
});

interface Session {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  userId: string;
}

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<TestResponse> {
  return t.post({ query, variables }, token ? { authorization: `Bearer ${token}` } : {});
}

async function data<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await gql(query, variables, token);
  if (response.body.errors) throw new Error(`${query}: ${JSON.stringify(response.body.errors)}`);
  return response.body.data as T;
}

const AUTH_FIELDS = 'accessToken refreshToken session { id } user { id }';
const toSession = (p: {
  accessToken: string;
  refreshToken: string;
  session: { id: string };
  user: { id: string };
}): Session => ({
  accessToken: p.accessToken,
  refreshToken: p.refreshToken,
  sessionId: p.session.id,
  userId: p.user.id,
});

async function login(identifier: string, password = PASSWORD, deviceId?: string): Promise<Session> {
  const d = await data(`mutation($i: LoginInput!) { login(input: $i) { ${AUTH_FIELDS} } }`, {
    i: { identifier, password, deviceId },
  });
  return toSession(d.login);
}

async function refresh(session: Session): Promise<Session> {
  const d = await data(`mutation($r: String!) { refreshSession(refreshToken: $r) { ${AUTH_FIELDS} } }`, {
    r: session.refreshToken,
  });
  return toSession(d.refreshSession);
}

async function signUp(email: string, invitationToken?: string): Promise<Session> {
  await data('mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }', {
    i: { email, password: PASSWORD, displayName: email.split('@')[0], invitationToken },
  });
  return login(email);
}

async function invite(owner: Session, orgId: string, email: string, role: string): Promise<Session> {
  const d = await data(
    'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { token } }',
    { i: { orgId, email, role } },
    owner.accessToken,
  );
  return signUp(email, d.inviteMember.token);
}

function expectRefused(response: TestResponse, reason: string): void {
  expect(response.status).toBe(401);
  expect(response.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
}

const CREDIT_CODES = [
  '91350100M000100Y43',
  '91350200776049653A',
  '91440101MA5CJQ4N59',
  '9135021359498494XQ',
  '91350213678251743X',
];
let orgCount = 0;

/** A signed-up owner whose organization the bootstrap admin approved; `applied` is the owner's pre-approval session. */
async function approvedOrganization(
  admin: Session,
): Promise<{ orgId: string; applied: Session; owner: Session; email: string }> {
  const n = orgCount++;
  const email = `owner${n}@org${n}.example`;
  const applied = await signUp(email);
  const d = await data(
    'mutation($i: OrganizationApplicationInput!) { applyForOrganization(input: $i) { id } }',
    {
      i: {
        name: `Org ${n}`,
        creditCode: CREDIT_CODES[n],
        contactName: 'Li Lei',
        contactPhone: '+8613800138000',
        licenceDocumentRef: 'licences/x.pdf',
      },
    },
    applied.accessToken,
  );
  const orgId = d.applyForOrganization.id;
  await data('mutation($id: ID!) { approveOrganization(id: $id) { id } }', { id: orgId }, admin.accessToken);
  return { orgId, applied, owner: await login(email), email };
}

const ME = '{ me { permissions } }';
const CREATE_HOST_APP =
  'mutation($i: CreateHostAppInput!) { createHostApp(input: $i) { hostApp { id } sdkSecret } }';
const ROTATE = 'mutation($id: ID!) { rotateHostAppSecret(id: $id) { sdkSecret } }';

describe('authorization epochs through the router', () => {
  // The evaluation license allows three approved organizations: the cases share one, the freeze case has its own.
  let admin: Session;
  let shared: Awaited<ReturnType<typeof approvedOrganization>>;
  beforeAll(async () => {
    admin = await login(ADMIN.identifier, ADMIN.password);
    shared = await approvedOrganization(admin);
  });

  it('tells a newly approved owner to refresh, and the refreshed token carries the new permissions', async () => {
    const { orgId, applied } = shared;
    const stale = await gql(ME, {}, applied.accessToken);
    expectRefused(stale, 'TOKEN_STALE');
    expect(stale.body.errors[0].message).toMatch(/refresh/);
    const refreshed = await refresh(applied);
    const me = await data(ME, {}, refreshed.accessToken);
    expect(me.me.permissions).toContain(`${orgId}:hostapp:manage`);
  });

  it("refuses a demoted admin's next rotateHostAppSecret", async () => {
    const { orgId, owner } = shared;
    const orgAdmin = await invite(owner, orgId, `admin@demoted.example`, 'ORG_ADMIN');
    const created = await data(
      CREATE_HOST_APP,
      { i: { orgId, name: 'Host', iosBundleIds: ['com.example.host'] } },
      orgAdmin.accessToken,
    );
    const hostAppId = created.createHostApp.hostApp.id;
    await data(
      'mutation($o: ID!, $u: ID!) { changeMemberRole(orgId: $o, userId: $u, role: ORG_DEVELOPER) { role } }',
      { o: orgId, u: orgAdmin.userId },
      owner.accessToken,
    );

    const rotated = await gql(ROTATE, { id: hostAppId }, orgAdmin.accessToken);
    expectRefused(rotated, 'TOKEN_STALE');
    expect(JSON.stringify(rotated.body)).not.toMatch(/sdkSecret/);
    const again = await gql(ROTATE, { id: hostAppId }, (await refresh(orgAdmin)).accessToken);
    expect(again.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it("refuses a removed member's next read", async () => {
    const { orgId, owner } = shared;
    const developer = await invite(owner, orgId, 'dev@removed.example', 'ORG_DEVELOPER');
    const READ = 'query($o: ID!) { miniPrograms(orgId: $o) { total } }';
    expect((await gql(READ, { o: orgId }, developer.accessToken)).body.errors).toBeUndefined();
    await data(
      'mutation($o: ID!, $u: ID!) { removeMember(orgId: $o, userId: $u) }',
      { o: orgId, u: developer.userId },
      owner.accessToken,
    );
    expectRefused(await gql(READ, { o: orgId }, developer.accessToken), 'TOKEN_STALE');
  });

  it("refuses a disabled operator's next freeze and whitelist change", async () => {
    const { orgId } = shared;
    const email = 'ops@grove.local';
    const created = await data(
      'mutation($i: CreateOperatorInput!) { createOperator(input: $i) { user { id } } }',
      { i: { email, displayName: 'Ops', role: 'OPERATOR_ADMIN', password: PASSWORD } },
      admin.accessToken,
    );
    const operator = await login(email);
    await data(
      'mutation($u: ID!) { disableOperator(userId: $u) { id } }',
      { u: created.createOperator.user.id },
      admin.accessToken,
    );

    expectRefused(
      await gql(
        'mutation($id: ID!) { freezeOrganization(id: $id) { frozen } }',
        { id: orgId },
        operator.accessToken,
      ),
      'TOKEN_STALE',
    );
    expectRefused(
      await gql(
        'mutation { addWhitelistDomain(domain: "evil.example") { domain } }',
        {},
        operator.accessToken,
      ),
      'TOKEN_STALE',
    );
    const org = await data(
      'query($id: ID!) { organization(id: $id) { frozen } }',
      { id: orgId },
      admin.accessToken,
    );
    expect(org.organization.frozen).toBe(false);
    expect(
      (
        await gql(`mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }`, {
          r: operator.refreshToken,
        })
      ).body.errors[0].extensions.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses the token of a session that logged out or was revoked', async () => {
    const { email } = shared;
    const laptop = await login(email, PASSWORD, 'laptop');
    const phone = await login(email, PASSWORD, 'phone');
    const tablet = await login(email, PASSWORD, 'tablet');

    expect(await data('mutation { logout }', {}, laptop.accessToken)).toEqual({ logout: true });
    expectRefused(await gql(ME, {}, laptop.accessToken), 'SESSION_REVOKED');

    await data('mutation($id: ID!) { revokeSession(id: $id) }', { id: phone.sessionId }, tablet.accessToken);
    expectRefused(await gql(ME, {}, phone.accessToken), 'SESSION_REVOKED');
    expect((await gql(ME, {}, tablet.accessToken)).body.errors).toBeUndefined();
  });

  it("makes a frozen organization's members refresh into tokens without it, and back on unfreeze", async () => {
    const { orgId, owner } = await approvedOrganization(admin);
    await data(
      'mutation($id: ID!) { freezeOrganization(id: $id) { frozen } }',
      { id: orgId },
      admin.accessToken,
    );
    expectRefused(
      await gql(
        CREATE_HOST_APP,
        { i: { orgId, name: 'Host', iosBundleIds: ['com.example.host'] } },
        owner.accessToken,
      ),
      'TOKEN_STALE',
    );

    const frozen = await refresh(owner);
    expect(
      (await data(ME, {}, frozen.accessToken)).me.permissions.filter((p: string) => p.startsWith(orgId)),
    ).toEqual([]);
    expect(
      (
        await gql(
          CREATE_HOST_APP,
          { i: { orgId, name: 'Host', iosBundleIds: ['com.example.host'] } },
          frozen.accessToken,
        )
      ).body.errors[0].extensions.code,
    ).toBe('FORBIDDEN');

    await data(
      'mutation($id: ID!) { unfreezeOrganization(id: $id) { frozen } }',
      { id: orgId },
      admin.accessToken,
    );
    expectRefused(await gql(ME, {}, frozen.accessToken), 'TOKEN_STALE');
    const thawed = await refresh(frozen);
    expect(
      (
        await gql(
          CREATE_HOST_APP,
          { i: { orgId, name: 'Host', iosBundleIds: ['com.example.host'] } },
          thawed.accessToken,
        )
      ).body.errors,
    ).toBeUndefined();
  });
});

describe('authorization epochs when the store is down', () => {
  it('fails closed for signed-in callers (503 AUTH_STATE_UNAVAILABLE) and keeps serving anonymous ones', async () => {
    const router = await startTestRouter();
    try {
      const token = await router.signToken();
      await router.runtime.kv.close();
      const refused = await router.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
      expect(refused.status).toBe(503);
      expect(refused.body.errors[0].extensions).toMatchObject({
        code: 'UNAVAILABLE',
        reason: 'AUTH_STATE_UNAVAILABLE',
      });
      const anonymous = await router.post({ query: '{ me { id } }' });
      expect(anonymous.status).toBe(200);
    } finally {
      await router.close();
    }
  });
});

describe('a subgraph reached without the router (distributed mode)', () => {
  it('checks mutations against the same records; reads are left to the router', async () => {
    const router = await startTestRouter(); // only for its runtime's token service
    const kv = new MemoryKeyValueStore();
    const epochs = new AuthorizationEpochs(kv, { accessTokenTtlSec: 900 });
    let served: RunningSubgraph | undefined;
    try {
      served = await serveSubgraph({
        module: await createPeopleSubgraph(),
        tokens: router.runtime.tokens,
        logger: silentLogger(),
        port: 0,
        authorization: epochs,
        acceptUserTokens: true,
      });
      const token = await router.signToken({ userId: 'u-direct' });
      const call = async (query: string) =>
        readResponse(
          await fetch(served!.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query }),
          }),
        );
      const MUTATION = 'mutation { login(input: { identifier: "x", password: "y" }) }';
      expect((await call(MUTATION)).body.data).toEqual({ login: 'welcome x' });
      await epochs.revokeUser('u-direct');
      const refused = await call(MUTATION);
      expect(refused.body.errors[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_STALE',
      });
      expect((await call('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
    } finally {
      await served?.stop();
      await kv.close();
      await router.close();
    }
  });
});
