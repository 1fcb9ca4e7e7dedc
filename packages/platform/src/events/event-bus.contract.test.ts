import { MemoryKeyValueStore } from '../cache/memory-key-value.driver';
import { deleteRedisKeys, probeRedis, testRedisUrl } from '../cache/redis-probe.test-support';
import { readProcessEnv } from '../config';
import { ErrorCode, PlatformError } from '../errors';
import { newId } from '../ids';
import { createEventBus } from './event-bus.factory';
import { deadLetterTopic, type DomainEvent, type EventBus, type Subscription } from './event-bus.port';
import { DeadLetterHeader } from './event-envelope';
import { idempotentHandler } from './idempotent-handler';
import { KafkaEventBus } from './kafka-event-bus.driver';

const env = readProcessEnv();
const kafkaBrokers = (env.KAFKA_BROKERS ?? '')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const runId = newId().toLowerCase();
const redisUrl = testRedisUrl();
const redisProbe = probeRedis(redisUrl);
/** Each run writes under its own prefix and removes it afterwards (tests share one Redis). */
const redisPrefix = `grove-test:${runId}:`;

interface Harness {
  name: 'memory' | 'redis' | 'kafka';
  skipReason?: string;
  /** How long to wait for deliveries; Kafka needs group joins and fetch round trips. */
  patienceMs: number;
  make(): Promise<EventBus>;
}

const harnesses: Harness[] = [
  { name: 'memory', patienceMs: 2_000, make: () => createEventBus({ driver: 'memory' }) },
  {
    name: 'redis',
    skipReason: redisProbe.ok ? undefined : `Redis at ${redisUrl} does not answer: ${redisProbe.reason}`,
    patienceMs: 5_000,
    make: () =>
      createEventBus({
        driver: 'redis',
        redisUrl,
        keyPrefix: redisPrefix,
        redisStreams: { blockMs: 500, claimIdleMs: 5_000 },
      }),
  },
  {
    name: 'kafka',
    skipReason: kafkaBrokers.length ? undefined : 'KAFKA_BROKERS is not set',
    patienceMs: 30_000,
    make: () => createEventBus({ driver: 'kafka', brokers: kafkaBrokers, clientId: `grove-test-${runId}` }),
  },
];

afterAll(async () => {
  if (redisProbe.ok) await deleteRedisKeys(redisUrl, redisPrefix);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => new Error(`expected ${code}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  expect((error as PlatformError).code).toBe(code);
}

describe.each(harnesses)('EventBus contract: $name', (harness) => {
  if (harness.skipReason) console.warn(`Skipping ${harness.name} EventBus contract: ${harness.skipReason}`);
  const suite = harness.skipReason ? describe.skip : describe;

  suite(harness.name, () => {
    jest.setTimeout(harness.patienceMs * 3);
    let bus: EventBus;
    let topic: string;
    const subscriptions: Subscription[] = [];
    const subscribe: EventBus['subscribe'] = async (...args) => {
      const sub = await bus.subscribe(...args);
      subscriptions.push(sub);
      return sub;
    };

    beforeEach(async () => {
      bus = await harness.make();
      topic = `grove-test.${runId}.${newId().toLowerCase()}`;
    });
    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.close()));
      await bus.close();
    });

    it('assigns ids and timestamps, keeps given ones, and answers ping', async () => {
      await bus.ping();
      expect(bus.driver).toBe(harness.name);
      const before = Date.now();
      const made = await bus.publish(topic, {
        type: 'order.created',
        key: 'o-1',
        payload: { total: 5, at: new Date(0) },
      });
      expect(made.id).toMatch(/^[0-9A-Z]{26}$/);
      expect(Date.parse(made.occurredAt)).toBeGreaterThanOrEqual(before - 1);
      expect(made.payload).toEqual({ total: 5, at: '1970-01-01T00:00:00.000Z' });
      const other = await bus.publish(topic, { type: 'order.created', payload: null });
      expect(other.id).not.toBe(made.id);
      const given = await bus.publish(topic, {
        id: 'fixed-id',
        occurredAt: '2024-01-02T03:04:05.000Z',
        type: 't',
        payload: 1,
      });
      expect(given).toMatchObject({ id: 'fixed-id', occurredAt: '2024-01-02T03:04:05.000Z' });
    });

    it('delivers every event to every consumer group, once per group', async () => {
      const got: Record<string, DomainEvent[]> = { billing: [], mail: [] };
      for (const group of Object.keys(got)) {
        await subscribe(topic, group, async (e) => {
          got[group].push(e);
        });
      }
      const published: DomainEvent[] = [];
      for (let i = 0; i < 3; i++)
        published.push(await bus.publish(topic, { type: 'order.created', key: `o-${i}`, payload: { i } }));
      await waitFor(() => got.billing.length >= 3 && got.mail.length >= 3, harness.patienceMs, 'both groups');
      await sleep(100);
      for (const group of Object.keys(got)) {
        expect(got[group].map((e) => e.id).sort()).toEqual(published.map((e) => e.id).sort());
        const first = got[group].find((e) => e.id === published[0].id)!;
        expect(first).toEqual(published[0]);
      }
    });

    it('shares the work of one group between its subscribers', async () => {
      const byWorker: string[][] = [[], []];
      for (const seen of byWorker) {
        await subscribe(topic, 'workers', async (e) => {
          seen.push(e.id);
          await sleep(30);
        });
      }
      const ids: string[] = [];
      for (let i = 0; i < 12; i++)
        ids.push((await bus.publish(topic, { type: 'job', key: `job-${i}`, payload: i })).id);
      await waitFor(() => byWorker[0].length + byWorker[1].length >= 12, harness.patienceMs, 'all jobs');
      await sleep(100);
      expect([...byWorker[0], ...byWorker[1]].sort()).toEqual([...ids].sort());
      expect(byWorker[0].length).toBeGreaterThan(0);
      expect(byWorker[1].length).toBeGreaterThan(0);
    });

    it('handles events with the same key one at a time, in order', async () => {
      const order: number[] = [];
      let running = 0;
      let overlap = false;
      for (let w = 0; w < 2; w++) {
        await subscribe(topic, 'ordered', async (e: DomainEvent<number>) => {
          running++;
          if (running > 1) overlap = true;
          await sleep(10);
          order.push(e.payload);
          running--;
        });
      }
      for (let i = 0; i < 6; i++) await bus.publish(topic, { type: 'step', key: 'same', payload: i });
      await waitFor(() => order.length >= 6, harness.patienceMs, 'ordered events');
      expect(order).toEqual([0, 1, 2, 3, 4, 5]);
      expect(overlap).toBe(false);
    });

    it('publish returns before handlers finish', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let finished = false;
      let started = false;
      await subscribe(topic, 'slow', async () => {
        started = true;
        await gate;
        finished = true;
      });
      await bus.publish(topic, { type: 'slow', payload: null });
      expect(finished).toBe(false);
      await waitFor(() => started, harness.patienceMs, 'handler start');
      expect(finished).toBe(false);
      release();
      await waitFor(() => finished, harness.patienceMs, 'handler end');
    });

    it('retries a failing handler with growing backoff until it succeeds, without dead-lettering', async () => {
      const attempts: number[] = [];
      const dead: DomainEvent[] = [];
      await subscribe(deadLetterTopic(topic), 'dlq-watch', async (e) => {
        dead.push(e);
      });
      await subscribe(
        topic,
        'flaky',
        async () => {
          attempts.push(Date.now());
          if (attempts.length < 3) throw new Error('transient');
        },
        { maxAttempts: 5, backoffMs: 40 },
      );
      await bus.publish(topic, { type: 'x', payload: 1 });
      await waitFor(() => attempts.length >= 3, harness.patienceMs, 'three attempts');
      await sleep(300);
      expect(attempts).toHaveLength(3);
      // Timers may fire a millisecond early; allow that.
      expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(38);
      expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(78);
      expect(dead).toHaveLength(0);
    });

    it('moves an event to <topic>.dlq after maxAttempts failures, keeping its id', async () => {
      let calls = 0;
      const dead: DomainEvent[] = [];
      await subscribe(deadLetterTopic(topic), 'dlq-watch', async (e) => {
        dead.push(e);
      });
      await subscribe(
        topic,
        'broken',
        async () => {
          calls++;
          throw new Error('handler exploded');
        },
        { maxAttempts: 3, backoffMs: 5 },
      );
      const original = await bus.publish(topic, {
        type: 'doomed',
        key: 'k',
        payload: { n: 1 },
        headers: { trace: 't-1' },
      });
      await waitFor(() => dead.length >= 1, harness.patienceMs, 'dead letter');
      await sleep(100);
      expect(calls).toBe(3);
      expect(dead).toHaveLength(1);
      const [letter] = dead;
      expect(letter).toMatchObject({
        id: original.id,
        type: 'doomed',
        key: 'k',
        payload: { n: 1 },
        occurredAt: original.occurredAt,
      });
      expect(letter.headers).toMatchObject({
        trace: 't-1',
        [DeadLetterHeader.ORIGINAL_TOPIC]: topic,
        [DeadLetterHeader.GROUP]: 'broken',
        [DeadLetterHeader.ERROR]: 'handler exploded',
        [DeadLetterHeader.ERROR_NAME]: 'Error',
        [DeadLetterHeader.ATTEMPTS]: '3',
      });
      expect(Number.isNaN(Date.parse(letter.headers![DeadLetterHeader.FAILED_AT]))).toBe(false);
    });

    it('idempotentHandler skips a duplicate delivery, but not a failed one', async () => {
      const kv = new MemoryKeyValueStore();
      const seen: string[] = [];
      let failOnce = true;
      await subscribe(
        topic,
        'once',
        idempotentHandler(kv, 'once', async (e) => {
          seen.push(e.id);
          if (e.type === 'fails-first' && failOnce) {
            failOnce = false;
            throw new Error('first try fails');
          }
        }),
        { backoffMs: 5 },
      );
      // One key keeps the deliveries in publish order on every driver.
      await bus.publish(topic, { id: 'evt-1', type: 'plain', key: 'dup', payload: 1 });
      await bus.publish(topic, { id: 'evt-1', type: 'plain', key: 'dup', payload: 1 });
      await bus.publish(topic, { id: 'evt-2', type: 'fails-first', key: 'dup', payload: 2 });
      await bus.publish(topic, { id: 'evt-2', type: 'fails-first', key: 'dup', payload: 2 });
      await bus.publish(topic, { id: 'evt-3', type: 'plain', key: 'dup', payload: 3 });
      await waitFor(() => seen.includes('evt-3'), harness.patienceMs, 'last event');
      await sleep(100);
      expect(seen.filter((id) => id === 'evt-1')).toHaveLength(1);
      // Failed once (not marked), retried successfully (marked), duplicate skipped.
      expect(seen.filter((id) => id === 'evt-2')).toHaveLength(2);
      expect(await kv.get('events:processed:once:evt-2')).toBe('1');
      await kv.close();
    });

    it('a closed subscription receives nothing more; the rest of its group does', async () => {
      const a: string[] = [];
      const b: string[] = [];
      const subA = await subscribe(topic, 'pair', async (e) => {
        a.push(e.id);
      });
      await subscribe(topic, 'pair', async (e) => {
        b.push(e.id);
      });
      await subA.close();
      const ids: string[] = [];
      for (let i = 0; i < 4; i++)
        ids.push((await bus.publish(topic, { type: 't', key: `k${i}`, payload: i })).id);
      await waitFor(() => b.length >= 4, harness.patienceMs, 'remaining subscriber');
      expect(a).toEqual([]);
      expect([...b].sort()).toEqual([...ids].sort());
    });

    it('close() waits for running handlers, then refuses new events', async () => {
      let started = false;
      let finished = false;
      await subscribe(topic, 'closing', async () => {
        started = true;
        await sleep(150);
        finished = true;
      });
      await bus.publish(topic, { type: 't', payload: null });
      await waitFor(() => started, harness.patienceMs, 'handler start');
      await bus.close();
      expect(finished).toBe(true);
      await expectCode(bus.publish(topic, { type: 't', payload: null }), ErrorCode.UNAVAILABLE);
    });

    it('rejects bad topics, groups and events with BAD_USER_INPUT', async () => {
      await expectCode(bus.publish('bad topic!', { type: 't', payload: 1 }), ErrorCode.BAD_USER_INPUT);
      await expectCode(bus.publish(topic, { type: '', payload: 1 }), ErrorCode.BAD_USER_INPUT);
      await expectCode(
        bus.publish(topic, { type: 't', payload: { n: BigInt(1) } }),
        ErrorCode.BAD_USER_INPUT,
      );
      await expectCode(bus.publish(topic, { type: 't', payload: undefined }), ErrorCode.BAD_USER_INPUT);
      await expectCode(
        bus.subscribe(topic, '', async () => undefined),
        ErrorCode.BAD_USER_INPUT,
      );
      await expectCode(
        bus.subscribe(topic, 'g', async () => undefined, { maxAttempts: 0 }),
        ErrorCode.BAD_USER_INPUT,
      );
    });
  });
});

describe('createEventBus', () => {
  it('requires brokers for kafka', async () => {
    await expectCode(createEventBus({ driver: 'kafka' }), ErrorCode.BAD_USER_INPUT);
  });

  it('requires a Redis URL or cluster nodes for redis', async () => {
    await expectCode(createEventBus({ driver: 'redis' }), ErrorCode.BAD_USER_INPUT);
  });
});

describe('KafkaEventBus without a broker', () => {
  it('maps broker failures to UNAVAILABLE without naming the backend', async () => {
    const bus = new KafkaEventBus({ brokers: ['127.0.0.1:9'], retries: 0 });
    try {
      for (const attempt of [bus.ping(), bus.publish('grove-test.nobroker', { type: 't', payload: 1 })]) {
        const error = await attempt.then(
          () => new Error('expected a failure'),
          (e: unknown) => e as Error,
        );
        expect(error).toBeInstanceOf(PlatformError);
        expect((error as PlatformError).code).toBe(ErrorCode.UNAVAILABLE);
        expect(error.message).not.toMatch(/kafka|broker/i);
      }
    } finally {
      await bus.close();
    }
  });
});
