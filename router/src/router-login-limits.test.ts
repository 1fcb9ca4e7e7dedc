import { SignJWT } from 'jose';
import { startTestRouter, type TestRouter } from './test-support/router-harness';

/** Login abuse at the router (issue 7 item 8) and role names that are not roles (item 10). */
describe('router login buckets', () => {
  let t: TestRouter;
  beforeAll(async () => {
    t = await startTestRouter({
      env: { RATE_LIMIT_LOGIN_IP_POINTS: '10', RATE_LIMIT_LOGIN_POINTS: '10', RATE_LIMIT_IP_POINTS: '1000' },
    });
  });
  afterAll(() => t.close());

  const logins = (n: number, prefix: string) =>
    `mutation { ${Array.from({ length: n }, (_, i) => `a${i}: login(input: { identifier: "${prefix}${i}@example.com", password: "x" })`).join(' ')} }`;

  it('counts ten aliased login fields with ten identifiers as ten attempts of the IP, then refuses the next', async () => {
    const res = await t.post({ query: logins(10, 'fresh') });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data)).toHaveLength(10);
    expect(await t.router.rateLimits.loginAttemptsOf('127.0.0.1')).toBe(10);

    const next = await t.post({ query: logins(1, 'another') });
    expect(next.status).toBe(429);
    expect(next.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(next.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('tokens claiming role names that are not roles', () => {
  let t: TestRouter;
  beforeAll(async () => {
    t = await startTestRouter({ runtimeEnv: { JWT_SECRET: 'router-login-limits-test-secret-0123456789' } });
  });
  afterAll(() => t.close());

  it('are served as a user without those roles (never a 500)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      typ: 'access',
      sid: 's1',
      ops: ['toString', '__proto__'],
      orgs: [{ id: 'o1', role: 'toString' }],
      ae: Date.now(),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-roles')
      .setIssuer('grove')
      .setAudience('grove-api')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode('router-login-limits-test-secret-0123456789'));
    const res = await t.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { me: { id: 'u-roles' } } });
  });

  it('refuses a token without exp with TOKEN_INVALID', async () => {
    const token = await new SignJWT({ typ: 'access', sid: 's1', ops: ['OPERATOR_ADMIN'], orgs: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-forever')
      .setIssuer('grove')
      .setAudience('grove-api')
      .setIssuedAt()
      .sign(new TextEncoder().encode('router-login-limits-test-secret-0123456789'));
    const res = await t.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });
});
