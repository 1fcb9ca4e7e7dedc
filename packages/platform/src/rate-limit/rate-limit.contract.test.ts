import { Redis } from 'ioredis';
import { closeRedisConnection, createRedisConnection, type RedisClient } from '../cache/redis-connection';
import { probeRedis, testRedisUrl } from '../cache/redis-probe.test-support';
import { ErrorCode, PlatformError, RateLimitedError } from '../errors';
import { newId } from '../ids';
import type { RateLimiterFactory } from './rate-limit.port';
import { createRateLimiterFactory } from './rate-limiter.factory';

const redisUrl = testRedisUrl();
const redisProbe = probeRedis(redisUrl);
const runPrefix = `grove-test:rl:${newId()}:`;

interface Harness {
  name: 'memory' | 'redis';
  skipReason?: string;
  /** Factories made by one harness share buckets when the driver is distributed (redis). */
  make(): RateLimiterFactory;
  close(): Promise<void>;
}

const redisClients: RedisClient[] = [];
const harnesses: Harness[] = [
  {
    name: 'memory',
    make: () => createRateLimiterFactory({ driver: 'memory', keyPrefix: runPrefix }),
    close: async () => undefined,
  },
  {
    name: 'redis',
    skipReason: redisProbe.ok ? undefined : `Redis at ${redisUrl} did not answer (${redisProbe.reason})`,
    make: () => {
      const redis = createRedisConnection({ redisUrl });
      redisClients.push(redis);
      return createRateLimiterFactory({ driver: 'redis', redis, keyPrefix: runPrefix });
    },
    close: async () => {
      await Promise.all(redisClients.splice(0).map(closeRedisConnection));
    },
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

afterAll(async () => {
  if (!redisProbe.ok) return;
  const raw = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await raw.scan(cursor, 'MATCH', `${runPrefix}*`, 'COUNT', 500);
    if (keys.length) await raw.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await raw.quit();
});

describe.each(harnesses)('RateLimiter contract: $name', (harness) => {
  if (harness.skipReason)
    console.warn(`Skipping ${harness.name} RateLimiter contract: ${harness.skipReason}`);
  const suite = harness.skipReason ? describe.skip : describe;

  suite(harness.name, () => {
    let factory: RateLimiterFactory;
    // A fresh rule namespace per test keeps buckets from leaking between tests.
    let ns: string;
    beforeEach(() => {
      factory = harness.make();
      ns = `t${newId()}`;
    });
    afterAll(() => harness.close());

    it('reports its driver', () => {
      expect(factory.driver).toBe(harness.name);
    });

    it('allows N points, then rejects with RATE_LIMITED and a positive retry delay', async () => {
      const limiter = factory.create({ keyPrefix: ns, points: 3, durationSec: 10 });
      const remaining: number[] = [];
      for (let i = 0; i < 3; i++) remaining.push((await limiter.consume('ip-1')).remainingPoints);
      expect(remaining).toEqual([2, 1, 0]);
      const error = await rejection(limiter.consume('ip-1'));
      expect(error).toBeInstanceOf(RateLimitedError);
      expect(error.code).toBe(ErrorCode.RATE_LIMITED);
      const retryAfterMs = (error as RateLimitedError).retryAfterMs;
      expect(retryAfterMs).toBeGreaterThan(0);
      expect(retryAfterMs).toBeLessThanOrEqual(10_000);
      expect(error.details).toEqual({ retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });
    });

    it('consumes several points at once and rejects when they do not fit', async () => {
      const limiter = factory.create({ keyPrefix: ns, points: 5, durationSec: 10 });
      expect((await limiter.consume('k', 4)).consumedPoints).toBe(4);
      expect((await rejection(limiter.consume('k', 2))).code).toBe(ErrorCode.RATE_LIMITED);
    });

    it('keeps keys and rules independent', async () => {
      const limiter = factory.create({ keyPrefix: ns, points: 1, durationSec: 10 });
      const other = factory.create({ keyPrefix: `${ns}-other`, points: 1, durationSec: 10 });
      await limiter.consume('a');
      await expect(limiter.consume('a')).rejects.toBeInstanceOf(RateLimitedError);
      await expect(limiter.consume('b')).resolves.toMatchObject({ remainingPoints: 0 });
      await expect(other.consume('a')).resolves.toMatchObject({ remainingPoints: 0 });
    });

    it('reports state with get() and forgets it with reset()', async () => {
      const limiter = factory.create({ keyPrefix: ns, points: 2, durationSec: 10 });
      expect(await limiter.get('u')).toBeNull();
      await limiter.consume('u');
      await limiter.consume('u');
      const state = await limiter.get('u');
      expect(state).toMatchObject({ consumedPoints: 2, remainingPoints: 0 });
      expect(state!.msBeforeNext).toBeGreaterThan(0);
      await expect(limiter.consume('u')).rejects.toBeInstanceOf(RateLimitedError);
      await limiter.reset('u');
      expect(await limiter.get('u')).toBeNull();
      await expect(limiter.consume('u')).resolves.toMatchObject({ consumedPoints: 1, remainingPoints: 1 });
    });

    it('starts a new window after the duration', async () => {
      const limiter = factory.create({ keyPrefix: ns, points: 2, durationSec: 1 });
      await limiter.consume('w');
      await limiter.consume('w');
      await expect(limiter.consume('w')).rejects.toBeInstanceOf(RateLimitedError);
      await sleep(1_150);
      await expect(limiter.consume('w')).resolves.toMatchObject({ consumedPoints: 1 });
    });

    it('honours blockDuration beyond the window', async () => {
      const limiter = factory.create({ keyPrefix: ns, points: 2, durationSec: 1, blockDurationSec: 2 });
      await limiter.consume('login');
      await limiter.consume('login');
      const error = (await rejection(limiter.consume('login'))) as RateLimitedError;
      expect(error.retryAfterMs).toBeGreaterThan(1_000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(2_000);
      // The 1 s window is over, but the block is not.
      await sleep(1_200);
      await expect(limiter.consume('login')).rejects.toBeInstanceOf(RateLimitedError);
      await sleep(1_000);
      await expect(limiter.consume('login')).resolves.toMatchObject({ consumedPoints: 1 });
    });

    it('resetting a blocked key lifts the block', async () => {
      const limiter = factory.create({ keyPrefix: ns, points: 1, durationSec: 1, blockDurationSec: 30 });
      await limiter.consume('x');
      await expect(limiter.consume('x')).rejects.toBeInstanceOf(RateLimitedError);
      await limiter.reset('x');
      await expect(limiter.consume('x')).resolves.toMatchObject({ consumedPoints: 1 });
    });

    it('rejects bad rules and bad arguments with BAD_USER_INPUT', async () => {
      expect(() => factory.create({ keyPrefix: ns, points: 0, durationSec: 1 })).toThrow(PlatformError);
      expect(() => factory.create({ keyPrefix: ns, points: 1, durationSec: 0.5 })).toThrow(/durationSec/);
      expect(() => factory.create({ keyPrefix: '', points: 1, durationSec: 1 })).toThrow(/keyPrefix/);
      const limiter = factory.create({ keyPrefix: ns, points: 1, durationSec: 1 });
      expect((await rejection(limiter.consume('k', 1.5))).code).toBe(ErrorCode.BAD_USER_INPUT);
      expect((await rejection(limiter.consume(''))).code).toBe(ErrorCode.BAD_USER_INPUT);
    });
  });
});

(redisProbe.ok ? describe : describe.skip)('RedisRateLimiterFactory with a server', () => {
  it('shares buckets between processes (separate connections)', async () => {
    const one = createRedisConnection({ redisUrl });
    const two = createRedisConnection({ redisUrl });
    try {
      const ns = `shared${newId()}`;
      const a = createRateLimiterFactory({ driver: 'redis', redis: one, keyPrefix: runPrefix }).create({
        keyPrefix: ns,
        points: 2,
        durationSec: 10,
      });
      const b = createRateLimiterFactory({ driver: 'redis', redis: two, keyPrefix: runPrefix }).create({
        keyPrefix: ns,
        points: 2,
        durationSec: 10,
      });
      await a.consume('k');
      await b.consume('k');
      await expect(a.consume('k')).rejects.toBeInstanceOf(RateLimitedError);
      await b.reset('k');
      await expect(a.consume('k')).resolves.toMatchObject({ consumedPoints: 1 });
    } finally {
      await closeRedisConnection(one);
      await closeRedisConnection(two);
    }
  });
});

describe('RedisRateLimiterFactory without a server', () => {
  it('maps store failures to UNAVAILABLE without naming the backend', async () => {
    const redis = createRedisConnection({ redisUrl: 'redis://127.0.0.1:1' });
    try {
      const limiter = createRateLimiterFactory({ driver: 'redis', redis, keyPrefix: runPrefix }).create({
        keyPrefix: 'x',
        points: 1,
        durationSec: 1,
      });
      const error = await rejection(limiter.consume('k'));
      expect(error.code).toBe(ErrorCode.UNAVAILABLE);
      expect(error.message).not.toMatch(/redis/i);
    } finally {
      await closeRedisConnection(redis);
    }
  });

  it('requires a connection for the redis driver', () => {
    expect(() => createRateLimiterFactory({ driver: 'redis' })).toThrow(PlatformError);
  });
});
