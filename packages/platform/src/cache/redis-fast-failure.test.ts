import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { ErrorCode, PlatformError, RateLimitedError } from '../errors';
import { newId } from '../ids';
import { createRateLimiterFactory } from '../rate-limit';
import {
  closeRedisConnection,
  createRedisConnection,
  redisConnectionDown,
  type RedisClient,
} from './redis-connection';
import { RedisKeyValueStore } from './redis-key-value.driver';
import {
  redisServerAvailable,
  startTestRedisServer,
  type TestRedisServer,
} from './redis-server.test-support';

/**
 * Degraded mode (docs/resilience.md): with the Redis server gone, KV commands fail with UNAVAILABLE at once (the
 * connection is known to be down, nothing is queued), a server that never answers costs one command timeout, and
 * the Redis rate limits answer from in-process buckets until the server is back.
 */

const code = (error: unknown) => (error instanceof PlatformError ? error.code : String(error));

describe('a Redis server that does not answer', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    silent = createServer((socket) => sockets.push(socket)).listen(0, '127.0.0.1');
    await once(silent, 'listening');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    silent.close();
  });

  it('costs one command timeout, then UNAVAILABLE', async () => {
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const client = createRedisConnection({ redisUrl: `redis://127.0.0.1:${port}`, commandTimeoutMs: 100 });
    const kv = new RedisKeyValueStore({ client, keyPrefix: 'x:', ownsClient: true });
    try {
      const error = await kv.get('k').catch((e: unknown) => e);
      expect(code(error)).toBe(ErrorCode.UNAVAILABLE);
      expect(String((error as Error).cause)).toMatch(/timed out after 100 ms/);
    } finally {
      await kv.close();
    }
  });
});

const suite = redisServerAvailable() ? describe : describe.skip;

suite('a Redis server that goes away and comes back', () => {
  let redis: TestRedisServer;
  let client: RedisClient;
  beforeAll(async () => {
    redis = await startTestRedisServer();
    client = createRedisConnection({ redisUrl: redis.url });
  }, 30_000);
  afterAll(async () => {
    await closeRedisConnection(client);
    await redis.stop();
  });

  it('KV commands fail at once while it is down, and work again once it is back', async () => {
    const kv = new RedisKeyValueStore({ client, keyPrefix: `fast:${newId()}:` });
    const fallbacks: string[] = [];
    const limits = createRateLimiterFactory({
      driver: 'redis',
      redis: client,
      keyPrefix: `fast:${newId()}:`,
      onFallback: (bucket) => fallbacks.push(bucket),
    });
    const ip = limits.create({ keyPrefix: 'ip', points: 3, durationSec: 60 });
    await kv.set('a', '1');
    await ip.consume('1.2.3.4');
    expect(fallbacks).toEqual([]);

    await redis.stop();
    // The socket's close event follows the server's exit by a moment; commands sent in between wait for ioredis's
    // retries (bounded by the command timeout).
    for (let attempt = 0; attempt < 100 && !redisConnectionDown(client); attempt++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const errors = await Promise.all(Array.from({ length: 20 }, () => kv.get('a').catch((e: unknown) => e)));
    expect(errors.map(code)).toEqual(Array(20).fill(ErrorCode.UNAVAILABLE));
    // Deterministic proof of the fast path: the connection is known to be down, so nothing waited in ioredis's queue.
    expect(errors.map((e) => String((e as Error).cause))).toEqual(
      Array(20).fill('Error: cache connection is down'),
    );

    // The rate limit answers from an in-process bucket of the same rule, and still limits.
    await ip.consume('1.2.3.4');
    await ip.consume('1.2.3.4');
    await ip.consume('1.2.3.4');
    await expect(ip.consume('1.2.3.4')).rejects.toBeInstanceOf(RateLimitedError);
    expect(fallbacks).toEqual(['ip', 'ip', 'ip', 'ip']);

    await redis.start();
    for (let attempt = 0; attempt < 100 && redisConnectionDown(client); attempt++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(redisConnectionDown(client)).toBe(false);
    // A fresh server: the shared bucket is empty again, and nothing falls back.
    await kv.set('a', '2');
    expect(await kv.get('a')).toBe('2');
    await ip.consume('1.2.3.4');
    expect(fallbacks).toHaveLength(4);
  }, 30_000);
});
