import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MemoryKeyValueStore } from '../cache/memory-key-value.driver';
import { createDocumentStore } from '../documents/document-store.factory';
import { ContractItem, TEST_POSTGRES_URL } from '../documents/documents.fixtures';
import type { DocumentStore } from '../documents/documents.port';
import type { DomainEvent, EventBus, NewEvent } from '../events/event-bus.port';
import { idempotentHandler } from '../events/idempotent-handler';
import { MemoryEventBus } from '../events/memory-event-bus.driver';
import { newId } from '../ids';
import { OutboxEntryModel, OutboxStatus } from './outbox-entry.model';
import { TransactionalOutbox, type TransactionalOutboxOptions } from './transactional-outbox';

/** The transactional outbox on the documents drivers that have transactions: SQLite (embedded) and PostgreSQL. */
interface StoreCase {
  name: 'sqlite' | 'postgres';
  open(): Promise<DocumentStore>;
  cleanup(): Promise<void>;
}

function sqliteCase(): StoreCase {
  let dir: string | undefined;
  return {
    name: 'sqlite',
    async open() {
      dir ??= await mkdtemp(join(tmpdir(), 'grove-outbox-'));
      return createDocumentStore({ driver: 'sqlite', dataDir: dir });
    },
    async cleanup() {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

function postgresCase(): StoreCase {
  const schema = `grove_outbox_${newId().toLowerCase()}`;
  return {
    name: 'postgres',
    open: () =>
      createDocumentStore({ driver: 'postgres', postgresUrl: TEST_POSTGRES_URL, postgresSchema: schema }),
    async cleanup() {
      const client = new Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** A real in-process bus whose publishes can be made to fail, as when the broker is down or the process dies. */
class FaultyBus implements EventBus {
  readonly driver = 'memory' as const;
  failing = false;
  /** While set, publishes wait for it (a slow broker). */
  hold?: Promise<void>;
  calls = 0;
  constructor(private readonly inner: EventBus) {}
  async publish<T>(topic: string, event: NewEvent<T>): Promise<DomainEvent<T>> {
    this.calls++;
    if (this.hold) await this.hold;
    if (this.failing) throw new Error('broker unreachable');
    return this.inner.publish(topic, event);
  }
  subscribe: EventBus['subscribe'] = (...args) => this.inner.subscribe(...args);
  ping = () => this.inner.ping();
  close = () => this.inner.close();
}

const TOPIC = 'contract.items';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, what: string, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

describe.each([sqliteCase(), postgresCase()])('TransactionalOutbox on $name', (storeCase) => {
  let store: DocumentStore;
  let inner: MemoryEventBus;
  let bus: FaultyBus;
  let received: Array<DomainEvent<{ slug: string }>>;
  let applied: string[];
  let now: number;
  const outboxes: TransactionalOutbox[] = [];
  let source: string;

  const makeOutbox = (options: Partial<TransactionalOutboxOptions> = {}) => {
    const outbox = new TransactionalOutbox({
      documents: store,
      bus,
      source,
      now: () => now,
      leaseMs: 30_000,
      ...options,
    });
    outboxes.push(outbox);
    return outbox;
  };
  const items = () => store.collection(ContractItem);
  const entries = () => store.collection(OutboxEntryModel);
  const insertItem = (slug: string) =>
    items().insertOne({ orgId: 'o', slug, status: 'DRAFT', score: 0, tags: [] });
  const itemEvent = (slug: string) => ({ type: 'item.created', key: `item-${slug}`, payload: { slug } });

  beforeAll(async () => {
    store = await storeCase.open();
  });
  afterAll(async () => {
    await store.close();
    await storeCase.cleanup();
  });

  beforeEach(async () => {
    source = `svc-${newId().toLowerCase()}`;
    now = Date.parse('2026-01-01T00:00:00Z');
    inner = new MemoryEventBus();
    bus = new FaultyBus(inner);
    received = [];
    applied = [];
    const kv = new MemoryKeyValueStore();
    await inner.subscribe<{ slug: string }>(TOPIC, 'watcher', async (event) => {
      received.push(event);
    });
    // A consumer that applies each event once (what projections do).
    await inner.subscribe<{ slug: string }>(
      TOPIC,
      'projection',
      idempotentHandler(kv, 'projection', async (event) => {
        applied.push(event.payload.slug);
      }),
    );
  });
  afterEach(async () => {
    await Promise.all(outboxes.splice(0).map((outbox) => outbox.close()));
    await inner.close();
  });

  it('commits the write and its event together and publishes right after the commit, without a sweep', async () => {
    const outbox = makeOutbox();
    const slug = `a-${newId().toLowerCase()}`;
    const event = await outbox.transaction(async () => {
      await insertItem(slug);
      return outbox.enqueue(TOPIC, itemEvent(slug));
    });
    await waitFor(() => applied.length === 1, 'the event');
    expect(received.map((e) => e.id)).toEqual([event.id]);
    expect(received[0]).toMatchObject({ type: 'item.created', key: `item-${slug}`, payload: { slug } });
    await outbox.close();
    expect(await entries().findById(event.id)).toMatchObject({ status: OutboxStatus.PUBLISHED, source });
    expect(await outbox.pendingCount()).toBe(0);
  });

  it('a write whose transaction fails publishes nothing, now or after a sweep', async () => {
    const outbox = makeOutbox();
    const slug = `b-${newId().toLowerCase()}`;
    await expect(
      outbox.transaction(async () => {
        await insertItem(slug);
        await outbox.enqueue(TOPIC, itemEvent(slug));
        throw new Error('validation failed after the write');
      }),
    ).rejects.toThrow('validation failed after the write');
    expect(await items().findOne({ slug })).toBeNull();
    expect(await entries().count({ source })).toBe(0);
    now += 3600_000;
    expect(await outbox.relayPending()).toBe(0);
    await sleep(20);
    expect(received).toEqual([]);
  });

  it('a publish that throws after the commit is retried by the relay and delivered once', async () => {
    const outbox = makeOutbox();
    const slug = `c-${newId().toLowerCase()}`;
    bus.failing = true;
    // The caller's write succeeded; the broker failure is not its failure.
    const event = await outbox.transaction(async () => {
      await insertItem(slug);
      return outbox.enqueue(TOPIC, itemEvent(slug));
    });
    expect(await items().findOne({ slug })).not.toBeNull();
    expect(await entries().findById(event.id)).toMatchObject({
      status: OutboxStatus.PENDING,
      attempts: 1,
      lastError: 'broker unreachable',
    });
    bus.failing = false;
    // The retry waits for its backoff (1 s) …
    expect(await outbox.relayPending()).toBe(0);
    now += 1_000;
    expect(await outbox.relayPending()).toBe(1);
    await waitFor(() => applied.length === 1, 'the retried event');
    expect(received.map((e) => e.id)).toEqual([event.id]);
    expect(await entries().findById(event.id)).toMatchObject({ status: OutboxStatus.PUBLISHED });
    // … and once published it is not published again.
    now += 3600_000;
    expect(await outbox.relayPending()).toBe(0);
    await sleep(20);
    expect(received).toHaveLength(1);
  });

  it('a crash between the commit and the publish: the relay of a restarted replica delivers it after the lease', async () => {
    const crashed = makeOutbox();
    const slug = `d-${newId().toLowerCase()}`;
    const event = await crashed.transaction(async () => {
      await insertItem(slug);
      const enqueued = await crashed.enqueue(TOPIC, itemEvent(slug));
      // The process stops before it publishes: a closed outbox leaves its committed entries to the next relay.
      await crashed.close();
      return enqueued;
    });
    await sleep(20);
    expect(received).toEqual([]);

    const restarted = makeOutbox();
    await restarted.start();
    // Within the lease the entry may still be on its way from the first process: left alone.
    expect(await restarted.relayPending()).toBe(0);
    now += 30_000;
    expect(await restarted.relayPending()).toBe(1);
    await waitFor(() => applied.length === 1, 'the recovered event');
    expect(received.map((e) => e.id)).toEqual([event.id]);
  });

  it('redelivery (a crash after the publish, before it was recorded) does not apply the event twice', async () => {
    const outbox = makeOutbox();
    const slug = `e-${newId().toLowerCase()}`;
    const event = await outbox.transaction(async () => {
      await insertItem(slug);
      return outbox.enqueue(TOPIC, itemEvent(slug));
    });
    await waitFor(() => applied.length === 1, 'the event');
    await outbox.close();
    // What a crash before the mark leaves behind: the entry is still pending.
    await entries().updateOne(
      { _id: event.id },
      { $set: { status: OutboxStatus.PENDING }, $unset: { publishedAt: '' } },
    );

    const replica = makeOutbox();
    now += 30_000;
    expect(await replica.relayPending()).toBe(1);
    await waitFor(() => received.length === 2, 'the redelivery');
    expect(received.map((e) => e.id)).toEqual([event.id, event.id]);
    await sleep(20);
    expect(applied).toEqual([slug]);
  });

  it('several replicas sweeping at once publish each entry once', async () => {
    const crashed = makeOutbox();
    const slugs = Array.from({ length: 12 }, (_, i) => `f${i}-${newId().toLowerCase()}`);
    await crashed.transaction(async () => {
      for (const slug of slugs) {
        await insertItem(slug);
        await crashed.enqueue(TOPIC, itemEvent(slug));
      }
      await crashed.close();
    });
    const replicas = [
      makeOutbox({ batchSize: 5 }),
      makeOutbox({ batchSize: 5 }),
      makeOutbox({ batchSize: 5 }),
    ];
    now += 30_000;
    const counts = await Promise.all(replicas.map((replica) => replica.relayPending()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(slugs.length);
    await waitFor(() => received.length === slugs.length, 'every event');
    await sleep(20);
    expect(received.map((e) => e.payload.slug).sort()).toEqual([...slugs].sort());
    expect(new Set(received.map((e) => e.id)).size).toBe(slugs.length);
  });

  it('a nested unit that fails drops its events; the outer unit commits and publishes the rest', async () => {
    const outbox = makeOutbox();
    const kept = `g-${newId().toLowerCase()}`;
    const dropped = `h-${newId().toLowerCase()}`;
    await outbox.transaction(async () => {
      await insertItem(kept);
      await outbox.enqueue(TOPIC, itemEvent(kept));
      await outbox
        .transaction(async () => {
          await insertItem(dropped);
          await outbox.enqueue(TOPIC, itemEvent(dropped));
          throw new Error('inner step failed');
        })
        .catch(() => undefined);
    });
    await waitFor(() => applied.length === 1, 'the kept event');
    expect(await items().findOne({ slug: dropped })).toBeNull();
    expect(await entries().count({ source })).toBe(1);
    now += 3600_000;
    expect(await outbox.relayPending()).toBe(0);
    await sleep(20);
    expect(applied).toEqual([kept]);
  });

  it('publishes same-key events in commit order: a later commit waits for a slow earlier publish', async () => {
    const outbox = makeOutbox();
    let release!: () => void;
    bus.hold = new Promise<void>((resolve) => (release = resolve));
    const first = outbox.transaction(async () => {
      await insertItem(`k1-${newId().toLowerCase()}`);
      return outbox.enqueue(TOPIC, { type: 'item.created', key: 'one-key', payload: { slug: 'first' } });
    });
    await waitFor(() => bus.calls === 1, 'the first publish');
    const second = outbox.transaction(async () => {
      await insertItem(`k2-${newId().toLowerCase()}`);
      return outbox.enqueue(TOPIC, { type: 'item.created', key: 'one-key', payload: { slug: 'second' } });
    });
    const other = outbox.transaction(async () => {
      await insertItem(`k3-${newId().toLowerCase()}`);
      return outbox.enqueue(TOPIC, { type: 'item.created', key: 'other-key', payload: { slug: 'other' } });
    });
    // Another key does not wait; the same key does.
    await waitFor(() => bus.calls === 2, 'the other key');
    await sleep(20);
    expect(bus.calls).toBe(2);
    bus.hold = undefined;
    release();
    await Promise.all([first, second, other]);
    await waitFor(() => received.length === 3, 'every event');
    expect(received.map((e) => e.payload.slug).filter((slug) => slug !== 'other')).toEqual([
      'first',
      'second',
    ]);
  });

  it('prunes published entries after the retention and never pending ones', async () => {
    const outbox = makeOutbox({ retentionMs: 60_000 });
    const published = `i-${newId().toLowerCase()}`;
    const pending = `j-${newId().toLowerCase()}`;
    await outbox.transaction(async () => {
      await insertItem(published);
      await outbox.enqueue(TOPIC, itemEvent(published));
    });
    await waitFor(() => applied.length === 1, 'the event');
    bus.failing = true;
    await outbox.transaction(async () => {
      await insertItem(pending);
      await outbox.enqueue(TOPIC, itemEvent(pending));
    });
    await outbox.close();
    const replica = makeOutbox({ retentionMs: 60_000, maxBackoffMs: 3600_000 });
    now += 59_000;
    expect(await replica.prune()).toBe(0);
    now += 2_000;
    expect(await replica.prune()).toBe(1);
    expect((await entries().find({ source })).map((entry) => entry.status)).toEqual([OutboxStatus.PENDING]);
  });

  it('refuses bad options and bad events with a clear error', async () => {
    expect(() => new TransactionalOutbox({ documents: store, bus, source: '' })).toThrow('source');
    expect(() => new TransactionalOutbox({ documents: store, bus, source, leaseMs: 0 })).toThrow('leaseMs');
    const outbox = makeOutbox();
    await expect(outbox.enqueue('bad topic!', itemEvent('x'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(outbox.enqueue(TOPIC, { type: '', payload: null })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('TransactionalOutbox on a driver without transactions (nedb)', () => {
  it('publishes what the work enqueued when it resolves, and removes it when the work throws', async () => {
    const store = await createDocumentStore({ driver: 'nedb', inMemory: true });
    const inner = new MemoryEventBus();
    const received: string[] = [];
    await inner.subscribe<{ slug: string }>(TOPIC, 'watcher', async (event) => {
      received.push(event.payload.slug);
    });
    const outbox = new TransactionalOutbox({ documents: store, bus: inner, source: 'legacy' });
    try {
      await outbox.transaction(async () => {
        await outbox.enqueue(TOPIC, { type: 'item.created', payload: { slug: 'kept' } });
      });
      await expect(
        outbox.transaction(async () => {
          await outbox.enqueue(TOPIC, { type: 'item.created', payload: { slug: 'dropped' } });
          throw new Error('work failed');
        }),
      ).rejects.toThrow('work failed');
      await waitFor(() => received.length === 1, 'the kept event');
      await sleep(20);
      expect(received).toEqual(['kept']);
      await outbox.close(); // flushes the marks
      expect(await outbox.pendingCount()).toBe(0);
      expect(await store.collection(OutboxEntryModel).count({ source: 'legacy' })).toBe(1);
    } finally {
      await outbox.close();
      await inner.close();
      await store.close();
    }
  });
});
