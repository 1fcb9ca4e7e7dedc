import { MemoryKeyValueStore, RedisKeyValueStore, createRedisConnection, randomToken } from '@grove/platform';
import { deleteRedisKeys, probeRedis, testRedisUrl } from '@grove/testkit';
import {
  FallbackReplayGuard,
  KeyValueReplayGuard,
  MemoryReplayGuard,
  createReplayGuard,
} from './replay-guard';

const SKEW = 5 * 60_000;

describe('MemoryReplayGuard', () => {
  let now: number;
  const guard = (maxEntries?: number) =>
    new MemoryReplayGuard({ maxSkewMs: SKEW, maxEntries, now: () => now });
  beforeEach(() => {
    now = 1_800_000_000_000;
  });

  it('answers synchronously, so a request checked from the in-process cache needs no promise', () => {
    const g = guard();
    expect(g.claim('host-a', 'sync-nonce', now)).toBe('claimed');
    expect(g.claim('host-a', 'sync-nonce', now)).toBe('replayed');
  });

  it('claims a nonce once per scope', async () => {
    const g = guard();
    expect(await g.claim('host-a', 'n1', now)).toBe('claimed');
    expect(await g.claim('host-a', 'n1', now)).toBe('replayed');
    expect(await g.claim('host-b', 'n1', now)).toBe('claimed');
  });

  it('still refuses a replay after far more other requests than an LRU cache would keep', async () => {
    const g = guard();
    expect(await g.claim('host', 'first', now)).toBe('claimed');
    for (let i = 0; i < 50_000; i++) await g.claim('host', `other-${i}`, now + (i % 1000));
    expect(await g.claim('host', 'first', now)).toBe('replayed');
  });

  it('forgets nonces only once their timestamps are out of the accepted window', async () => {
    const g = guard();
    await g.claim('host', 'n1', now);
    now += SKEW - 1;
    expect(await g.claim('host', 'n1', now - SKEW + 1)).toBe('replayed');
    now += 30_000;
    await g.claim('host', 'trigger', now);
    expect(g.entries).toBe(1);
  });

  it('under a flood drops the oldest slice and refuses its timestamps instead of forgetting them silently', async () => {
    const g = guard(1000);
    const old = now - 60_000;
    expect(await g.claim('host', 'old', old)).toBe('claimed');
    for (let i = 0; i < 1000; i++) await g.claim('host', `new-${i}`, now);
    expect(g.entries).toBeLessThanOrEqual(1000);
    // The old request cannot be replayed: its slice is gone, so its timestamp is now refused.
    expect(await g.claim('host', 'old', old)).toBe('too-old');
    expect(await g.claim('host', 'another-old', old + 1)).toBe('too-old');
    expect(await g.claim('host', 'new-999', now)).toBe('replayed');
    // The bound is reached by the current slice alone: new nonces are refused, live ones are kept.
    expect(await g.claim('host', 'fresh', now)).toBe('saturated');
    expect(await g.claim('host', 'new-5', now)).toBe('replayed');
    expect(g.entries).toBe(1000);
    // A newer slice may push out older ones, but never the other way round.
    expect(await g.claim('host', 'later', now + 10_000)).toBe('claimed');
    expect(await g.claim('host', 'new-6', now)).toBe('too-old');
  });

  it('is what createReplayGuard picks for the memory driver', () => {
    expect(createReplayGuard(new MemoryKeyValueStore(), SKEW)).toBeInstanceOf(MemoryReplayGuard);
  });
});

const redisUrl = testRedisUrl();
const redis = probeRedis(redisUrl);
if (!redis.ok)
  console.warn(`KeyValueReplayGuard on Redis skipped: no Redis at ${redisUrl} (${redis.reason})`);
(redis.ok ? describe : describe.skip)('KeyValueReplayGuard on Redis', () => {
  const prefix = `grove-test:${randomToken(6)}:`;
  let stores: RedisKeyValueStore[] = [];
  const store = () => {
    const s = new RedisKeyValueStore({
      client: createRedisConnection({ redisUrl }),
      keyPrefix: prefix,
      ownsClient: true,
    });
    stores.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    stores = [];
    await deleteRedisKeys(redisUrl, prefix);
  });

  it('is shared by every process using the store and expires with the timestamp window', async () => {
    const first = new KeyValueReplayGuard(store(), SKEW);
    const second = createReplayGuard(store(), SKEW);
    // The shared guard, with the in-process one as its fallback while the store is down (docs/resilience.md).
    expect(second).toBeInstanceOf(FallbackReplayGuard);
    const now = Date.now();
    expect(await first.claim('host', 'n1', now)).toBe('claimed');
    expect(await second.claim('host', 'n1', now)).toBe('replayed');
    const ttl = await store().ttl(`sdkrt:nonce:host:n1`);
    expect(ttl).toBeGreaterThan(SKEW - 5000);
    expect(ttl).toBeLessThanOrEqual(SKEW + 1000);
  });
});
