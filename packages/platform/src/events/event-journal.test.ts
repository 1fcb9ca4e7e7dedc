import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventJournal } from './event-journal';
import type { DomainEvent } from './event-bus.port';
import { MemoryEventBus } from './memory-event-bus.driver';

const TOPIC = 'journal.durable';
const OTHER = 'journal.volatile';

describe('in-process bus with a journal for durable topics', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'grove-journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = () => {
    const journal = new EventJournal(join(dir, 'events-journal.sqlite'));
    return { journal, bus: new MemoryEventBus({ durableTopics: [TOPIC], journal }) };
  };
  /** Subscribes and resolves once `count` events were handled (no timers: the handler settles the promise). */
  const collect = async (bus: MemoryEventBus, topic: string, group: string, count: number) => {
    const seen: string[] = [];
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    if (count === 0) done();
    const subscription = await bus.subscribe(topic, group, async (event: DomainEvent) => {
      seen.push(event.id);
      if (seen.length === count) done();
    });
    return { seen, all, subscription };
  };

  it('replays what a group had not handled when the process went away, then nothing twice', async () => {
    const first = open();
    // The consumer group exists (it subscribed once), then the process stops consuming: accepted, not drained.
    await (await first.bus.subscribe(TOPIC, 'analytics', async () => undefined)).close();
    const published: string[] = [];
    for (let i = 0; i < 25; i++)
      published.push(
        (await first.bus.publish(TOPIC, { type: 'report.accepted', key: `k${i % 3}`, payload: { i } })).id,
      );
    await first.bus.publish(OTHER, { type: 'x', payload: {} });
    expect(first.journal.pendingCount(TOPIC, 'analytics')).toBe(25);
    await first.bus.close(); // the in-memory queue is gone, as after a crash

    const second = open();
    const replay = await collect(second.bus, TOPIC, 'analytics', 25);
    await replay.all;
    expect([...replay.seen].sort()).toEqual([...published].sort());
    // Same-key order holds on replay.
    expect(replay.seen.filter((id) => published.indexOf(id) % 3 === 0)).toEqual(
      published.filter((_, i) => i % 3 === 0),
    );
    await replay.subscription.close();
    expect(second.journal.pendingCount(TOPIC, 'analytics')).toBe(0);
    await second.bus.close();

    // A second restart finds nothing left to replay.
    const third = open();
    expect(third.journal.register(TOPIC, 'analytics')).toEqual([]);
    await third.bus.close();
  });

  it('keeps an event until every group known on its topic handled it', async () => {
    const first = open();
    await (await first.bus.subscribe(TOPIC, 'a', async () => undefined)).close();
    await (await first.bus.subscribe(TOPIC, 'b', async () => undefined)).close();
    await first.bus.close();

    const second = open();
    const a = await collect(second.bus, TOPIC, 'a', 1);
    await second.bus.publish(TOPIC, { type: 'report.accepted', payload: {} });
    await a.all;
    await a.subscription.close();
    // b has not come back yet: the event waits for it.
    expect(second.journal.pendingCount(TOPIC, 'b')).toBe(1);
    await second.bus.close();

    const third = open();
    const b = await collect(third.bus, TOPIC, 'b', 1);
    await b.all;
    await b.subscription.close();
    expect(third.journal.pendingCount(TOPIC, 'b')).toBe(0);
    expect(third.journal.pendingCount(TOPIC, 'a')).toBe(0);
    await third.bus.close();
  });
});
