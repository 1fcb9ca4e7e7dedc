import { Redis } from 'ioredis';
import { ErrorCode, PlatformError, UnavailableError } from '../errors';
import { newId } from '../ids';
import type { KeyValueStore } from './cache.port';
import { createKeyValueStore } from './key-value.factory';
import { MemoryKeyValueStore } from './memory-key-value.driver';
import { closeRedisConnection, createRedisConnection } from './redis-connection';
import { probeRedis, testRedisUrl } from './redis-probe.test-support';

const redisUrl = testRedisUrl();
const redisProbe = probeRedis(redisUrl);
// Every key this run creates lives under this prefix, so parallel runs never collide and cleanup is exact.
const runPrefix = `grove-test:cache:${newId()}:`;

interface Harness {
  name: 'memory' | 'redis';
  skipReason?: string;
  /** Stores made with the same prefix share data (redis); memory stores are separate instances. */
  make(prefix: string): KeyValueStore;
}

const harnesses: Harness[] = [
  { name: 'memory', make: () => new MemoryKeyValueStore() },
  {
    name: 'redis',
    skipReason: redisProbe.ok ? undefined : `Redis at ${redisUrl} did not answer (${redisProbe.reason})`,
    make: (prefix) => createKeyValueStore({ driver: 'redis', redisUrl, keyPrefix: prefix }),
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<PlatformError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  expect((error as PlatformError).code).toBe(code);
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

describe.each(harnesses)('KeyValueStore contract: $name', (harness) => {
  if (harness.skipReason)
    console.warn(`Skipping ${harness.name} KeyValueStore contract: ${harness.skipReason}`);
  const suite = harness.skipReason ? describe.skip : describe;

  suite(harness.name, () => {
    let prefix: string;
    const opened: KeyValueStore[] = [];
    const make = (p = prefix) => {
      const store = harness.make(p);
      opened.push(store);
      return store;
    };
    let kv: KeyValueStore;

    beforeEach(() => {
      prefix = `${runPrefix}${harness.name}:${newId()}:`;
      kv = make();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('reports its driver and answers ping', async () => {
      expect(kv.driver).toBe(harness.name);
      await expect(kv.ping()).resolves.toBeUndefined();
    });

    it('gets, sets and overwrites values', async () => {
      expect(await kv.get('a')).toBeNull();
      await kv.set('a', '1');
      expect(await kv.get('a')).toBe('1');
      await kv.set('a', 'two');
      expect(await kv.get('a')).toBe('two');
      await kv.set('empty', '');
      expect(await kv.get('empty')).toBe('');
    });

    it('getMany answers several keys in the order asked, null for absent ones', async () => {
      await kv.set('{u1}:a', '1');
      await kv.set('{u1}:c', '3');
      expect(await kv.getMany(['{u1}:a', '{u1}:b', '{u1}:c'])).toEqual(['1', null, '3']);
      expect(await kv.getMany([])).toEqual([]);
      await expectCode(kv.getMany(['ok', '']), ErrorCode.BAD_USER_INPUT);
    });

    it('expires entries after their TTL and reports the remaining TTL', async () => {
      await kv.set('t', 'v', { ttlMs: 200 });
      expect(await kv.get('t')).toBe('v');
      const left = await kv.ttl('t');
      expect(left).not.toBeNull();
      expect(left!).toBeGreaterThan(0);
      expect(left!).toBeLessThanOrEqual(200);
      await sleep(350);
      expect(await kv.get('t')).toBeNull();
      expect(await kv.ttl('t')).toBeNull();
    });

    it('ttl is null for absent keys and keys without TTL; a plain set clears an earlier TTL', async () => {
      expect(await kv.ttl('none')).toBeNull();
      await kv.set('k', 'v', { ttlMs: 60_000 });
      expect(await kv.ttl('k')).toBeGreaterThan(59_000);
      await kv.set('k', 'v2');
      expect(await kv.ttl('k')).toBeNull();
      expect(await kv.get('k')).toBe('v2');
    });

    it('setIfAbsent sets only once, and again after expiry', async () => {
      expect(await kv.setIfAbsent('lock', 'a', { ttlMs: 200 })).toBe(true);
      expect(await kv.setIfAbsent('lock', 'b', { ttlMs: 200 })).toBe(false);
      expect(await kv.get('lock')).toBe('a');
      expect(await kv.ttl('lock')).toBeGreaterThan(0);
      await sleep(350);
      expect(await kv.setIfAbsent('lock', 'c')).toBe(true);
      expect(await kv.get('lock')).toBe('c');
      expect(await kv.ttl('lock')).toBeNull();
    });

    it('setIfAbsent under concurrency: exactly one caller wins', async () => {
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) => kv.setIfAbsent('race', `v${i}`, { ttlMs: 10_000 })),
      );
      const winners = results.flatMap((won, i) => (won ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(await kv.get('race')).toBe(`v${winners[0]}`);
    });

    it('increments atomically, applying the TTL only when the key is created', async () => {
      expect(await kv.increment('n', 1, { ttlMs: 400 })).toBe(1);
      const firstTtl = (await kv.ttl('n'))!;
      expect(firstTtl).toBeGreaterThan(0);
      expect(firstTtl).toBeLessThanOrEqual(400);
      await sleep(150);
      // A later increment with a longer TTL must not extend the window.
      expect(await kv.increment('n', 5, { ttlMs: 60_000 })).toBe(6);
      expect((await kv.ttl('n'))!).toBeLessThanOrEqual(firstTtl);
      expect(await kv.increment('n', -2)).toBe(4);
      await sleep(400);
      expect(await kv.get('n')).toBeNull();
      expect(await kv.increment('n')).toBe(1);
      expect(await kv.ttl('n')).toBeNull();
    });

    it('increment on an existing key without TTL keeps it without TTL', async () => {
      await kv.set('plain', '10');
      expect(await kv.increment('plain', 1, { ttlMs: 1_000 })).toBe(11);
      expect(await kv.ttl('plain')).toBeNull();
    });

    it('concurrent increments are not lost', async () => {
      await Promise.all(Array.from({ length: 50 }, () => kv.increment('c', 1, { ttlMs: 10_000 })));
      expect(await kv.get('c')).toBe('50');
    });

    it('increment rejects non-integer stored values and non-integer steps', async () => {
      await kv.set('text', 'abc');
      await expectCode(kv.increment('text'), ErrorCode.CONFLICT);
      expect(await kv.get('text')).toBe('abc');
      await expectCode(kv.increment('n', 1.5), ErrorCode.BAD_USER_INPUT);
    });

    it('deletes keys and reports whether something was deleted', async () => {
      await kv.set('d', 'v');
      expect(await kv.delete('d')).toBe(true);
      expect(await kv.get('d')).toBeNull();
      expect(await kv.delete('d')).toBe(false);
    });

    it('rejects bad input with BAD_USER_INPUT', async () => {
      await expectCode(kv.set('', 'v'), ErrorCode.BAD_USER_INPUT);
      await expectCode(kv.set('k', 'v', { ttlMs: 0 }), ErrorCode.BAD_USER_INPUT);
      await expectCode(kv.set('k', 'v', { ttlMs: Number.NaN }), ErrorCode.BAD_USER_INPUT);
      await expectCode(kv.setIfAbsent('k', 'v', { ttlMs: -5 }), ErrorCode.BAD_USER_INPUT);
      expect(await kv.get('k')).toBeNull();
    });

    it('publishes to every subscriber of a channel and stops after unsubscribe', async () => {
      const first: string[] = [];
      const second: string[] = [];
      const marker: string[] = [];
      const unsubscribeFirst = await kv.subscribe('news', (m) => first.push(m));
      await kv.subscribe('news', (m) => second.push(m));
      await kv.subscribe('marker', (m) => marker.push(m));

      await kv.publish('news', 'hello');
      await waitFor(() => first.length === 1 && second.length === 1);
      expect(first).toEqual(['hello']);
      expect(second).toEqual(['hello']);

      await unsubscribeFirst();
      await unsubscribeFirst(); // idempotent
      await kv.publish('news', 'again');
      await kv.publish('marker', 'done');
      // Messages arrive in publish order, so once the marker is in, 'again' has been dispatched.
      await waitFor(() => marker.length === 1 && second.length === 2);
      expect(first).toEqual(['hello']);
      expect(second).toEqual(['hello', 'again']);
    });

    it('keeps stores with different key prefixes apart (keys and channels)', async () => {
      const a = make(`${prefix}a:`);
      const b = make(`${prefix}b:`);
      await a.set('shared', 'from-a');
      await b.set('shared', 'from-b');
      expect(await a.get('shared')).toBe('from-a');
      expect(await b.get('shared')).toBe('from-b');
      expect(await a.delete('shared')).toBe(true);
      expect(await b.get('shared')).toBe('from-b');
      expect(await a.setIfAbsent('only', 'a')).toBe(true);
      expect(await b.setIfAbsent('only', 'b')).toBe(true);

      const gotB: string[] = [];
      const gotA: string[] = [];
      await b.subscribe('ch', (m) => gotB.push(m));
      await a.subscribe('ch', (m) => gotA.push(m));
      await a.publish('ch', 'for-a');
      await b.publish('ch', 'for-b');
      await waitFor(() => gotA.length === 1 && gotB.length === 1);
      await sleep(50);
      expect(gotA).toEqual(['for-a']);
      expect(gotB).toEqual(['for-b']);
    });

    it('fails with UNAVAILABLE once closed', async () => {
      const store = make();
      await store.close();
      await expectCode(store.get('x'), ErrorCode.UNAVAILABLE);
    });
  });
});

describe('MemoryKeyValueStore', () => {
  it('evicts least recently used entries beyond maxEntries', async () => {
    const kv = createKeyValueStore({ driver: 'memory', maxEntries: 2 });
    await kv.set('a', '1');
    await kv.set('b', '2');
    await kv.get('a');
    await kv.set('c', '3');
    expect(await kv.get('b')).toBeNull();
    expect(await kv.get('a')).toBe('1');
    expect(await kv.get('c')).toBe('3');
    await kv.close();
  });
});

describe('RedisKeyValueStore without a server', () => {
  it('maps connection failures to UNAVAILABLE without naming the backend', async () => {
    const kv = createKeyValueStore({
      driver: 'redis',
      redisUrl: 'redis://127.0.0.1:1',
      keyPrefix: runPrefix,
    });
    try {
      const error = await expectCode(kv.get('x'), ErrorCode.UNAVAILABLE);
      expect(error).toBeInstanceOf(UnavailableError);
      expect(error.message).not.toMatch(/redis/i);
      expect(JSON.stringify(error.details ?? {})).not.toMatch(/redis/i);
      await expectCode(kv.ping(), ErrorCode.UNAVAILABLE);
    } finally {
      await kv.close();
    }
  });

  it('rejects unusable connection settings', () => {
    expect(() => createKeyValueStore({ driver: 'redis' })).toThrow(PlatformError);
    expect(() => createKeyValueStore({ driver: 'redis', redisUrl: 'http://127.0.0.1:6379' })).toThrow(
      /redis:\/\//,
    );
  });
});

(redisProbe.ok ? describe : describe.skip)('RedisKeyValueStore with a server', () => {
  const prefix = () => `${runPrefix}redis-only:${newId()}:`;

  it('stores keys under the prefix', async () => {
    const p = prefix();
    const kv = createKeyValueStore({ driver: 'redis', redisUrl, keyPrefix: p });
    const raw = new Redis(redisUrl);
    try {
      await kv.set('k', 'v', { ttlMs: 5_000 });
      expect(await raw.get(`${p}k`)).toBe('v');
      expect(await raw.exists('k')).toBe(0);
    } finally {
      await kv.close();
      await raw.quit();
    }
  });

  it('setIfAbsent race across separate connections has one winner', async () => {
    const p = prefix();
    const stores = Array.from({ length: 4 }, () =>
      createKeyValueStore({ driver: 'redis', redisUrl, keyPrefix: p }),
    );
    try {
      await Promise.all(stores.map((s) => s.ping()));
      const results = await Promise.all(
        stores.flatMap((s, i) => [0, 1, 2].map((j) => s.setIfAbsent('race', `${i}-${j}`))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('shares one connection between stores without closing it', async () => {
    const redis = createRedisConnection({ redisUrl });
    const p = prefix();
    const one = createKeyValueStore({ driver: 'redis', redis, keyPrefix: p });
    const two = createKeyValueStore({ driver: 'redis', redis, keyPrefix: p });
    try {
      expect(await one.increment('n', 2, { ttlMs: 5_000 })).toBe(2);
      await one.close();
      expect(await two.increment('n', 3)).toBe(5);
      expect(redis.status).toBe('ready');
    } finally {
      await two.close();
      await closeRedisConnection(redis);
    }
  });
});
