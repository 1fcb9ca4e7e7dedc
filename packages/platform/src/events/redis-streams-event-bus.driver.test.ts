import { createRedisConnection, type RedisClient } from '../cache/redis-connection';
import { deleteRedisKeys, probeRedis, testRedisUrl } from '../cache/redis-probe.test-support';
import { newId } from '../ids';
import { deadLetterTopic, type DomainEvent } from './event-bus.port';
import { DeadLetterHeader } from './event-envelope';
import {
  RedisStreamsEventBus,
  type EventBusClock,
  type RedisStreamsEventBusOptions,
} from './redis-streams-event-bus.driver';

const redisUrl = testRedisUrl();
const probe = probeRedis(redisUrl);
const prefix = `grove-test:${newId().toLowerCase()}:`;
if (!probe.ok)
  console.warn(`Skipping RedisStreamsEventBus tests: Redis at ${redisUrl} does not answer: ${probe.reason}`);
const suite = probe.ok ? describe : describe.skip;

/** Polls `check` until it stops throwing; bounds the wait, times nothing. */
async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 5_000,
  intervalMs = 10,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/** Records requested backoff delays and returns at once. */
function recordingClock(): EventBusClock & { delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}

suite('RedisStreamsEventBus', () => {
  let admin: RedisClient;
  let topic: string;
  const buses: RedisStreamsEventBus[] = [];
  const makeBus = (options: Partial<RedisStreamsEventBusOptions> = {}) => {
    const bus = new RedisStreamsEventBus({ redisUrl, keyPrefix: prefix, blockMs: 200, ...options });
    buses.push(bus);
    return bus;
  };
  const streamKey = (t: string) => `${prefix}events:{${t}}`;
  const deadLetters = async (t: string): Promise<DomainEvent[]> =>
    (await admin.xrange(streamKey(deadLetterTopic(t)), '-', '+')).map(
      ([, fields]) => JSON.parse(fields[fields.indexOf('e') + 1]) as DomainEvent,
    );
  const pendingCount = async (t: string, group: string) =>
    Number(((await admin.xpending(streamKey(t), group)) as [number])[0]);

  beforeAll(() => {
    admin = createRedisConnection({ redisUrl });
  });
  beforeEach(() => {
    topic = `grove-test.${newId().toLowerCase()}`;
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });
  afterAll(async () => {
    admin.disconnect();
    await deleteRedisKeys(redisUrl, prefix);
  });

  it('keeps each topic in one stream under the key prefix, with the event and its key as fields', async () => {
    const bus = makeBus();
    const event = await bus.publish(topic, { type: 't', key: 'k-1', payload: { n: 1 } });
    const [[, fields]] = await admin.xrange(streamKey(topic), '-', '+');
    expect(fields).toEqual(['e', JSON.stringify(event), 'k', 'k-1']);
  });

  it('another consumer of the group claims an entry a crashed consumer left unacknowledged', async () => {
    const bus = makeBus({ claimIdleMs: 200 });
    await admin.xgroup('CREATE', streamKey(topic), 'workers', '0', 'MKSTREAM');
    const published = await bus.publish(topic, { type: 't', payload: 1 });
    // The crashed consumer: it read the entry and never acknowledged it.
    const read = (await admin.xreadgroup(
      'GROUP',
      'workers',
      'crashed-consumer',
      'COUNT',
      1,
      'STREAMS',
      streamKey(topic),
      '>',
    )) as unknown[];
    expect(read).toHaveLength(1);
    const got: DomainEvent[] = [];
    await bus.subscribe(topic, 'workers', async (e) => {
      got.push(e);
    });
    await eventually(() => expect(got.map((e) => e.id)).toEqual([published.id]));
    await eventually(async () => expect(await pendingCount(topic, 'workers')).toBe(0));
    expect(await deadLetters(topic)).toEqual([]);
  });

  it('a same-key event waits for the older one a crashed consumer holds, until it is claimed; then both run in order', async () => {
    const bus = makeBus({ claimIdleMs: 300 });
    await admin.xgroup('CREATE', streamKey(topic), 'ordered', '0', 'MKSTREAM');
    await bus.publish(topic, { type: 't', key: 'same', payload: 0 });
    await admin.xreadgroup(
      'GROUP',
      'ordered',
      'crashed-consumer',
      'COUNT',
      1,
      'STREAMS',
      streamKey(topic),
      '>',
    );
    await bus.publish(topic, { type: 't', key: 'same', payload: 1 });
    await bus.publish(topic, { type: 't', key: 'other', payload: 2 });
    const order: number[] = [];
    await bus.subscribe(topic, 'ordered', async (e: DomainEvent<number>) => {
      order.push(e.payload);
    });
    await eventually(() => expect(order).toHaveLength(3));
    // 'other' never waits; 1 runs only after 0 was claimed and handled.
    expect(order.indexOf(0)).toBeLessThan(order.indexOf(1));
    expect(order[0]).toBe(2);
  });

  it('dead-letters an entry whose deliveries ran out without calling the handler (it crashed its consumers)', async () => {
    const bus = makeBus({ claimIdleMs: 100 });
    await admin.xgroup('CREATE', streamKey(topic), 'workers', '0', 'MKSTREAM');
    const published = await bus.publish(topic, { type: 'poison', payload: 1 });
    const [[, [[entryId]]]] = (await admin.xreadgroup(
      'GROUP',
      'workers',
      'c1',
      'STREAMS',
      streamKey(topic),
      '>',
    )) as [string, [string][]][];
    // Two more consumers took it over and died too: three deliveries, no acknowledgement.
    await admin.xclaim(streamKey(topic), 'workers', 'c2', 0, entryId);
    await admin.xclaim(streamKey(topic), 'workers', 'c3', 0, entryId);
    let calls = 0;
    await bus.subscribe(
      topic,
      'workers',
      async () => {
        calls++;
      },
      { maxAttempts: 3 },
    );
    await eventually(async () => expect(await deadLetters(topic)).toHaveLength(1));
    const [letter] = await deadLetters(topic);
    expect(letter.id).toBe(published.id);
    expect(letter.headers).toMatchObject({
      [DeadLetterHeader.ATTEMPTS]: '3',
      [DeadLetterHeader.GROUP]: 'workers',
    });
    expect(letter.headers?.[DeadLetterHeader.ERROR]).toMatch(/without an acknowledgement/);
    expect(calls).toBe(0);
    await eventually(async () => expect(await pendingCount(topic, 'workers')).toBe(0));
  });

  it('retries with backoff from the injected clock, then dead-letters after maxAttempts failures', async () => {
    const clock = recordingClock();
    const bus = makeBus({ clock });
    let calls = 0;
    await bus.subscribe(
      topic,
      'broken',
      async () => {
        calls++;
        throw new TypeError('always fails');
      },
      { maxAttempts: 4, backoffMs: 100, maxBackoffMs: 250 },
    );
    const original = await bus.publish(topic, { type: 'doomed', key: 'k', payload: 1 });
    await eventually(async () => expect(await deadLetters(topic)).toHaveLength(1));
    expect(calls).toBe(4);
    expect(clock.delays).toEqual([100, 200, 250]);
    const [letter] = await deadLetters(topic);
    expect(letter).toMatchObject({ id: original.id, key: 'k' });
    expect(letter.headers).toMatchObject({
      [DeadLetterHeader.ATTEMPTS]: '4',
      [DeadLetterHeader.ERROR_NAME]: 'TypeError',
    });
    await eventually(async () => expect(await pendingCount(topic, 'broken')).toBe(0));
    expect(await admin.exists(`${streamKey(topic)}:failures:broken`)).toBe(0);
  });

  it('counts failures recorded by a consumer that stopped for the consumer that takes over', async () => {
    // First consumer: fails twice, then is closed while waiting for its next retry.
    let waits = 0;
    const stalling: EventBusClock = {
      sleep: (_ms, signal) => {
        waits++;
        if (waits === 1) return Promise.resolve();
        return new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('closed'))),
        );
      },
    };
    const first = makeBus({ clock: stalling, claimIdleMs: 300 });
    let firstCalls = 0;
    const sub = await first.subscribe(
      topic,
      'g',
      async () => {
        firstCalls++;
        throw new Error('first consumer fails');
      },
      { maxAttempts: 3 },
    );
    const published = await first.publish(topic, { type: 't', payload: 1 });
    await eventually(() => expect(waits).toBe(2));
    expect(firstCalls).toBe(2);
    await sub.close();
    // The entry is still pending (handed back, not acknowledged): the next consumer has one attempt left.
    expect(await pendingCount(topic, 'g')).toBe(1);
    const second = makeBus({ clock: recordingClock(), claimIdleMs: 300 });
    let secondCalls = 0;
    await second.subscribe(
      topic,
      'g',
      async () => {
        secondCalls++;
        throw new Error('second consumer fails');
      },
      { maxAttempts: 3 },
    );
    await eventually(async () => expect(await deadLetters(topic)).toHaveLength(1));
    expect(secondCalls).toBe(1);
    const [letter] = await deadLetters(topic);
    expect(letter.id).toBe(published.id);
    expect(letter.headers).toMatchObject({
      [DeadLetterHeader.ATTEMPTS]: '3',
      [DeadLetterHeader.ERROR]: 'second consumer fails',
    });
  });

  it('keeps a stream near its length bound (MAXLEN ~, whole 100-entry nodes)', async () => {
    const bus = makeBus({ maxLen: 100, maxAgeMs: 0 });
    for (let batch = 0; batch < 7; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => bus.publish(topic, { type: 't', payload: batch * 50 + i })),
      );
    }
    const length = await admin.xlen(streamKey(topic));
    expect(length).toBeGreaterThanOrEqual(100);
    expect(length).toBeLessThanOrEqual(200);
  });

  it('drops entries older than the age bound (MINID ~)', async () => {
    const bus = makeBus({ maxLen: 0, maxAgeMs: 300 });
    await Promise.all(Array.from({ length: 150 }, (_, i) => bus.publish(topic, { type: 't', payload: i })));
    expect(await admin.xlen(streamKey(topic))).toBe(150);
    // Trimming happens on publish (and on consumers' claim sweeps); keep publishing until it shows.
    await eventually(
      async () => {
        await bus.publish(topic, { type: 't', payload: 'later' });
        expect(await admin.xlen(streamKey(topic))).toBeLessThan(100);
      },
      5_000,
      50,
    );
  });

  it('publishes and consumes with an age bound longer than the server clock reaches back', async () => {
    const bus = makeBus({ maxAgeMs: 10 ** 15 });
    const got: string[] = [];
    await bus.subscribe(topic, 'g', async (e) => {
      got.push(e.id);
    });
    const event = await bus.publish(topic, { type: 't', payload: 1 });
    await eventually(() => expect(got).toEqual([event.id]));
  });

  it('two groups each get every event, including those published before they subscribed', async () => {
    const bus = makeBus();
    const early = [];
    for (let i = 0; i < 3; i++) early.push(await bus.publish(topic, { type: 't', key: `k${i}`, payload: i }));
    const got: Record<string, string[]> = { billing: [], mail: [] };
    for (const group of Object.keys(got)) {
      await bus.subscribe(topic, group, async (e) => {
        got[group].push(e.id);
      });
    }
    const late = [
      await bus.publish(topic, { type: 't', payload: 3 }),
      await bus.publish(topic, { type: 't', payload: 4 }),
    ];
    const all = [...early, ...late].map((e) => e.id).sort();
    await eventually(() => {
      expect([...got.billing].sort()).toEqual(all);
      expect([...got.mail].sort()).toEqual(all);
    });
  });

  it('handlers can publish, to another topic and to their own', async () => {
    const bus = makeBus();
    const other = `${topic}-other`;
    const chain: number[] = [];
    const echoed: number[] = [];
    await bus.subscribe(topic, 'chain', async (e: DomainEvent<number>) => {
      chain.push(e.payload);
      await bus.publish(other, { type: 'echo', payload: e.payload });
      if (e.payload < 3) await bus.publish(topic, { type: 'next', key: 'chain', payload: e.payload + 1 });
    });
    await bus.subscribe(other, 'echo', async (e: DomainEvent<number>) => {
      echoed.push(e.payload);
    });
    await bus.publish(topic, { type: 'next', key: 'chain', payload: 0 });
    await eventually(() => {
      expect(chain).toEqual([0, 1, 2, 3]);
      expect([...echoed].sort()).toEqual([0, 1, 2, 3]);
    });
  });

  it('handles an event id once per group (idempotency by event id)', async () => {
    const bus = makeBus();
    const got: Record<string, string[]> = { a: [], b: [] };
    for (const group of Object.keys(got)) {
      await bus.subscribe(topic, group, async (e) => {
        got[group].push(e.id);
      });
    }
    await bus.publish(topic, { id: 'same', type: 't', key: 'k', payload: 1 });
    await bus.publish(topic, { id: 'same', type: 't', key: 'k', payload: 1 });
    await bus.publish(topic, { id: 'last', type: 't', key: 'k', payload: 2 });
    await eventually(() => {
      expect(got.a).toEqual(['same', 'last']);
      expect(got.b).toEqual(['same', 'last']);
    });
  });

  it('gives each subscription its own consumer name, and removes it from the group on close', async () => {
    const bus = makeBus();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const handler = async () => {
      started++;
      await gate;
    };
    const subs = [await bus.subscribe(topic, 'g', handler), await bus.subscribe(topic, 'g', handler)];
    // Redis 7.0 registers a consumer when it is first handed an entry.
    await bus.publish(topic, { type: 't', payload: 1 });
    await bus.publish(topic, { type: 't', payload: 2 });
    await eventually(() => expect(started).toBe(2));
    const names = async () =>
      ((await admin.call('XINFO', 'CONSUMERS', streamKey(topic), 'g')) as string[][]).map(
        (row) => row[row.indexOf('name') + 1],
      );
    const [a, b] = await names();
    expect(a).not.toBe(b);
    expect(a).toContain(`-${process.pid}-`);
    release();
    await eventually(async () => expect(await pendingCount(topic, 'g')).toBe(0));
    await Promise.all(subs.map((s) => s.close()));
    expect(await names()).toEqual([]);
  });
});
