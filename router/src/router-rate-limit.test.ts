import Redis from 'ioredis';
import type { EnvSource } from '@grove/platform';
import { testRedisUrl } from '@grove/testkit';
import { startTestRouter, type TestRouter } from './test-support/router-harness';

const REDIS_URL = testRedisUrl();

const drivers: Array<{ name: string; runtimeEnv: EnvSource }> = [
  { name: 'memory', runtimeEnv: { CACHE_DRIVER: 'memory' } },
  { name: 'redis', runtimeEnv: { CACHE_DRIVER: 'redis', REDIS_URL } },
];

const LOGIN = 'mutation Login($input: TestLoginInput!) { login(input: $input) }';
const login = (identifier: string) => ({
  query: LOGIN,
  operationName: 'Login',
  variables: { input: { identifier, password: 'pw' } },
});

function expectRateLimited(res: { status: number; headers: Headers; body: any }) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(res.body).toEqual({
    errors: [
      { message: expect.any(String), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } },
    ],
  });
}

/** Counts and removes the keys a Redis-backed runtime wrote (proves the buckets live in Redis). */
async function cleanupRedis(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    if (keys.length) await redis.del(...keys);
    return keys.length;
  } finally {
    redis.disconnect();
  }
}

describe.each(drivers)('rate limits with the $name driver', ({ name, runtimeEnv }) => {
  const started: TestRouter[] = [];
  const start = async (env: EnvSource) => {
    const t = await startTestRouter({ env, runtimeEnv });
    started.push(t);
    return t;
  };

  afterAll(async () => {
    for (const t of started) {
      const prefix = t.runtime.config.REDIS_KEY_PREFIX;
      await t.close();
      if (name === 'redis') expect(await cleanupRedis(prefix)).toBeGreaterThan(0);
    }
  });

  it('limits each client IP', async () => {
    const t = await start({ RATE_LIMIT_IP_POINTS: '3', RATE_LIMIT_WINDOW_SEC: '60' });
    for (let i = 0; i < 3; i++) expect((await t.post({ query: '{ hello }' })).status).toBe(200);
    expectRateLimited(await t.post({ query: '{ hello }' }));
    const metrics = await (await fetch(t.router.metricsUrl!)).text();
    expect(metrics).toMatch(/grove_router_rejections_total\{reason="rate_limited"\} [1-9]/);
  });

  describe('user and login buckets', () => {
    let t: TestRouter;
    beforeAll(async () => {
      t = await start({
        RATE_LIMIT_IP_POINTS: '1000',
        RATE_LIMIT_USER_POINTS: '2',
        RATE_LIMIT_LOGIN_POINTS: '2',
      });
    });

    it('limits each signed-in user separately', async () => {
      const alice = { authorization: `Bearer ${await t.signToken({ userId: 'alice' })}` };
      const bob = { authorization: `Bearer ${await t.signToken({ userId: 'bob' })}` };
      expect((await t.post({ query: '{ me { id } }' }, alice)).status).toBe(200);
      expect((await t.post({ query: '{ me { id } }' }, alice)).status).toBe(200);
      expectRateLimited(await t.post({ query: '{ me { id } }' }, alice));
      // Same IP, other user: own bucket. Anonymous calls only use the IP bucket.
      expect((await t.post({ query: '{ me { id } }' }, bob)).body).toEqual({ data: { me: { id: 'bob' } } });
      expect((await t.post({ query: '{ hello }' })).status).toBe(200);
    });

    it('throttles login attempts per IP and identifier, however the identifier is written', async () => {
      expect((await t.post(login('carol@example.com'))).body).toEqual({
        data: { login: 'welcome carol@example.com' },
      });
      const inline = 'mutation { login(input: { identifier: " Carol@Example.com ", password: "x" }) }';
      expect((await t.post({ query: inline })).status).toBe(200);
      expectRateLimited(await t.post(login('CAROL@example.com')));
      // Another identifier from the same IP has its own bucket; non-login operations are not affected.
      expect((await t.post(login('dave@example.com'))).status).toBe(200);
      expect((await t.post({ query: '{ hello }' })).status).toBe(200);
    });

    it('counts every aliased login field of one request', async () => {
      const double =
        'mutation { a: login(input: { identifier: "erin", password: "1" }) b: login(input: { identifier: "erin", password: "2" }) }';
      expect((await t.post({ query: double })).status).toBe(200);
      expectRateLimited(await t.post(login('erin')));
    });
  });
});
