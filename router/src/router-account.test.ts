import { join } from 'node:path';
import { readSupergraph } from './create-router';
import { createSubgraphModules, type RegisteredSubgraphModule } from './subgraph-registry';
import { startTestRouter, type TestRouter } from './test-support/router-harness';

/** The registered subgraphs behind the committed supergraph, as `npm start` runs them. */
const ADMIN = { identifier: 'admin@grove.local', password: 'Bootstrap-Pass-2024' };
let t: TestRouter;

beforeAll(async () => {
  let registered: RegisteredSubgraphModule[] = [];
  t = await startTestRouter({
    env: { RATE_LIMIT_LOGIN_POINTS: '3' },
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
});
afterAll(async () => {
  await t.close();
});

const LOGIN =
  'mutation Login($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { email } } }';

describe('registered subgraphs behind the committed supergraph', () => {
  it('signs the bootstrap admin in and answers `me` with the issued token', async () => {
    const login = await t.post(
      { query: LOGIN, operationName: 'Login', variables: { input: ADMIN } },
      { 'x-device-id': 'laptop-1' },
    );
    expect(login.body.errors).toBeUndefined();
    const { accessToken, user } = login.body.data.login;
    expect(user.email).toBe(ADMIN.identifier);
    const me = await t.post(
      { query: '{ me { user { email } operatorRoles } }' },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(me.body).toEqual({
      data: { me: { user: { email: ADMIN.identifier }, operatorRoles: ['OPERATOR_ADMIN'] } },
    });
  });

  it('puts the real login mutation in the login bucket', async () => {
    const wrong = {
      query: LOGIN,
      operationName: 'Login',
      variables: { input: { identifier: 'nobody@grove.local', password: 'wrong-password-1' } },
    };
    for (let i = 0; i < 3; i++) expect((await t.post(wrong)).status).toBe(200);
    const limited = await t.post(wrong);
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
