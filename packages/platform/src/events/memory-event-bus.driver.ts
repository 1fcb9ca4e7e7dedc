import { setTimeout as delay } from 'node:timers/promises';
import { BadUserInputError, UnavailableError } from '../errors';
import type { Logger } from '../logging/logger';
import type { EventJournal } from './event-journal';
import {
  deadLetterTopic,
  type DomainEvent,
  type EventBus,
  type EventHandler,
  type NewEvent,
  type SubscribeOptions,
  type Subscription,
} from './event-bus.port';
import {
  backoffDelay,
  checkGroup,
  checkTopic,
  deadLetterHeaders,
  invokeHandler,
  parseEvent,
  prepareEvent,
  resolveSubscribeOptions,
  type ResolvedSubscribeOptions,
} from './event-envelope';

export interface MemoryEventBusOptions {
  logger?: Logger;
  /** Topics whose events survive a crash in `journal` until each group handled them. */
  durableTopics?: readonly string[];
  journal?: EventJournal;
}

interface Delivery {
  id: string;
  key?: string;
  serialized: string;
  /** Journal sequence of an event on a durable topic: acknowledged once handled. */
  seq?: number;
}

interface Worker {
  handler: EventHandler<unknown>;
  options: ResolvedSubscribeOptions;
  busy: boolean;
  closed: boolean;
  abort: AbortController;
  current?: Promise<void>;
}

interface Group {
  topic: string;
  name: string;
  queue: Delivery[];
  workers: Worker[];
  /** Keys with an event in flight: events sharing a key are handled one at a time, in order. */
  busyKeys: Set<string>;
  next: number;
  scheduled: boolean;
}

/**
 * In-process bus with Kafka's delivery shape: each consumer group gets every event published after
 * it first subscribed; subscribers in one group share the work; same-key events stay in order.
 * Nothing survives a restart, except on the `durableTopics`, which a journal on disk keeps until every group handled
 * them (replayed when the group subscribes again after a restart).
 */
export class MemoryEventBus implements EventBus {
  readonly driver = 'memory' as const;
  private readonly topics = new Map<string, Map<string, Group>>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly logger?: Logger;
  private readonly journal?: EventJournal;
  private readonly durableTopics: ReadonlySet<string>;
  private closed = false;

  constructor(options: MemoryEventBusOptions = {}) {
    this.logger = options.logger;
    this.journal = options.journal;
    this.durableTopics = new Set(options.journal ? (options.durableTopics ?? []) : []);
  }

  async publish<T>(topic: string, event: NewEvent<T>): Promise<DomainEvent<T>> {
    this.assertOpen();
    checkTopic(topic);
    const prepared = prepareEvent(event);
    // Written before publish returns: a crash after it replays the event instead of losing it.
    const seq = this.durableTopics.has(topic) ? this.journal?.write(topic, prepared.serialized) : undefined;
    this.enqueue(topic, prepared.event, prepared.serialized, seq);
    return prepared.event;
  }

  async subscribe<T>(
    topic: string,
    group: string,
    handler: EventHandler<T>,
    options?: SubscribeOptions,
  ): Promise<Subscription> {
    this.assertOpen();
    checkTopic(topic);
    checkGroup(group);
    if (typeof handler !== 'function') throw new BadUserInputError('Event handler must be a function');
    const worker: Worker = {
      handler: handler as EventHandler<unknown>,
      options: resolveSubscribeOptions(options),
      busy: false,
      closed: false,
      abort: new AbortController(),
    };
    const known = this.topics.get(topic)?.has(group) ?? false;
    const state = this.group(topic, group);
    if (!known && this.durableTopics.has(topic) && this.journal) {
      // First subscriber of the group in this process: what it left unhandled before a crash comes first.
      for (const entry of this.journal.register(topic, group)) {
        const { id, key } = parseEvent(entry.serialized);
        state.queue.push({ id, key, serialized: entry.serialized, seq: entry.seq });
      }
    }
    state.workers.push(worker);
    this.schedule(state);
    return {
      close: async () => {
        if (worker.closed) return;
        worker.closed = true;
        worker.abort.abort();
        state.workers = state.workers.filter((w) => w !== worker);
        await worker.current;
        // Anything this worker handed back goes to the remaining subscribers.
        this.schedule(state);
      },
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  /** Stops accepting events, cancels pending retry waits and waits for running handlers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const groups of this.topics.values()) {
      for (const group of groups.values()) for (const worker of group.workers) worker.abort.abort();
    }
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.topics.clear();
    this.journal?.close();
  }

  private enqueue(topic: string, event: DomainEvent<unknown>, serialized: string, seq?: number): void {
    for (const group of this.topics.get(topic)?.values() ?? []) {
      group.queue.push({ id: event.id, key: event.key, serialized, seq });
      this.schedule(group);
    }
  }

  private group(topic: string, name: string): Group {
    let groups = this.topics.get(topic);
    if (!groups) this.topics.set(topic, (groups = new Map()));
    let group = groups.get(name);
    if (!group) {
      group = { topic, name, queue: [], workers: [], busyKeys: new Set(), next: 0, scheduled: false };
      groups.set(name, group);
    }
    return group;
  }

  /** Dispatch happens on a later tick, so publish() never runs handlers itself. */
  private schedule(group: Group): void {
    if (group.scheduled || this.closed) return;
    group.scheduled = true;
    setImmediate(() => {
      group.scheduled = false;
      this.pump(group);
    });
  }

  private pump(group: Group): void {
    while (!this.closed) {
      const worker = this.nextIdleWorker(group);
      if (!worker) return;
      const index = group.queue.findIndex((d) => d.key === undefined || !group.busyKeys.has(d.key));
      if (index < 0) return;
      const [delivery] = group.queue.splice(index, 1);
      if (delivery.key !== undefined) group.busyKeys.add(delivery.key);
      worker.busy = true;
      const run = this.deliver(group, worker, delivery).finally(() => {
        if (delivery.key !== undefined) group.busyKeys.delete(delivery.key);
        worker.busy = false;
        worker.current = undefined;
        this.inFlight.delete(run);
        this.schedule(group);
      });
      worker.current = run;
      this.inFlight.add(run);
    }
  }

  /** Round-robin over idle subscribers so a group's work is spread across them. */
  private nextIdleWorker(group: Group): Worker | undefined {
    const count = group.workers.length;
    for (let i = 0; i < count; i++) {
      const worker = group.workers[(group.next + i) % count];
      if (!worker.busy && !worker.closed) {
        group.next = (group.next + i + 1) % count;
        return worker;
      }
    }
    return undefined;
  }

  private async deliver(group: Group, worker: Worker, delivery: Delivery): Promise<void> {
    const { maxAttempts } = worker.options;
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        try {
          await delay(backoffDelay(attempt - 1, worker.options), undefined, { signal: worker.abort.signal });
        } catch {
          // Subscriber or bus closed while waiting: hand the event back (at-least-once).
          group.queue.unshift(delivery);
          return;
        }
      }
      // Each attempt gets a fresh copy, so a handler that mutates the event cannot affect a retry.
      const event = parseEvent(delivery.serialized);
      try {
        await invokeHandler(worker.handler, event);
        this.acknowledge(group, delivery);
        return;
      } catch (error) {
        lastError = error;
        this.logger?.warn(
          { topic: group.topic, group: group.name, eventId: delivery.id, attempt, err: errorMessage(error) },
          'event handler failed',
        );
      }
    }
    const event = parseEvent(delivery.serialized);
    const dlq = deadLetterTopic(group.topic);
    const headers = deadLetterHeaders(event.headers, {
      topic: group.topic,
      group: group.name,
      error: lastError,
      attempts: maxAttempts,
    });
    const prepared = prepareEvent({ ...event, headers });
    this.logger?.error(
      { topic: group.topic, group: group.name, eventId: delivery.id, deadLetterTopic: dlq },
      'event moved to dead-letter topic',
    );
    // Enqueued directly (not via publish) so a bus that is closing still records the failure.
    this.enqueue(dlq, prepared.event, prepared.serialized);
    this.acknowledge(group, delivery);
  }

  private acknowledge(group: Group, delivery: Delivery): void {
    if (delivery.seq === undefined || !this.journal) return;
    try {
      this.journal.acknowledge(group.name, delivery.seq);
    } catch (error) {
      // A closed journal (bus closing): the event stays pending and is replayed, at-least-once.
      this.logger?.warn(
        { topic: group.topic, group: group.name, eventId: delivery.id, err: errorMessage(error) },
        'event journal acknowledgement failed',
      );
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new UnavailableError('Event bus unavailable');
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
