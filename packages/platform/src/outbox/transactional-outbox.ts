import { ScopedAsyncStorage } from '../runtime/scoped-async-storage';
import { BadUserInputError } from '../errors';
import type { Logger } from '../logging/logger';
import type { DocumentCollection, DocumentStore, DocumentTransaction } from '../documents/documents.port';
import type { DomainEvent, EventBus, NewEvent } from '../events/event-bus.port';
import { checkTopic, parseEvent, prepareEvent } from '../events/event-envelope';
import { OutboxEntryModel, OutboxStatus } from './outbox-entry.model';
import {
  currentOperation,
  OPERATION_LOG_TOPIC,
  OPERATION_RECORDED,
  operationRecord,
  type OperationState,
  type RecordedChange,
} from '../operation-log/operation-log';

export interface TransactionalOutboxOptions {
  documents: DocumentStore;
  bus: EventBus;
  /** The service whose entries this outbox writes and relays (its replicas share them), e.g. the subgraph name. */
  source: string;
  logger?: Logger;
  /**
   * How long an entry stays with the process that committed it (or claimed it) before another relay may
   * publish it: longer than a healthy publish takes, short enough to recover a crash promptly. Default 30 s.
   */
  leaseMs?: number;
  /** Sweep for entries left by a crash or a failed publish this often. Default 5 s. */
  intervalMs?: number;
  /** Published entries are deleted after this long. Default 24 h. */
  retentionMs?: number;
  /** Retry delays after failed publishes: 1 s, 2 s, 4 s … capped here. Default 60 s. */
  maxBackoffMs?: number;
  /** Entries claimed per sweep round. Default 100. */
  batchSize?: number;
  /** Injected clock (ms since the epoch). */
  now?: () => number;
}

interface PendingEntry {
  id: string;
  topic: string;
  event: string;
  key?: string;
}

/** The entries one unit of work enqueued, dispatched when its outermost transaction commits. */
interface Scope {
  entries: PendingEntry[];
  /** The events of this unit (for the operation log line of the mutation it belongs to). */
  changes: RecordedChange[];
}

const DEFAULTS = {
  leaseMs: 30_000,
  intervalMs: 5_000,
  retentionMs: 24 * 3600_000,
  maxBackoffMs: 60_000,
  batchSize: 100,
};
const FIRST_RETRY_MS = 1_000;

/** Drivers whose `transaction()` is a real unit of work; on the others the outbox narrows the gap but cannot close it. */
const TRANSACTIONAL_DRIVERS = new Set(['sqlite', 'embedded', 'postgres']);

/**
 * Transactional outbox: `enqueue` stores the event in `platform_outbox` inside the caller's transaction, so the
 * event exists exactly when the state change does. When the outermost `transaction` commits, the entries are
 * published at once (no polling in the normal path) and marked published in the background; entries whose
 * publish failed, or that a crashed process left behind, are published by the periodic sweep of any replica once
 * their lease ends. Delivery is at-least-once under the entry's event id, which consumers deduplicate.
 */
export class TransactionalOutbox {
  private readonly scopes = new ScopedAsyncStorage<Scope>();
  private readonly options: Required<Omit<TransactionalOutboxOptions, 'logger'>> & { logger?: Logger };
  private readonly transactional: boolean;
  /** Same-key publishes of this process, in commit order. */
  private readonly keyChains = new Map<string, Promise<void>>();
  private readonly toMark = new Set<string>();
  private marking?: Promise<void>;
  private sweeping?: Promise<number>;
  private timer?: NodeJS.Timeout;
  private lastPrune = Number.NEGATIVE_INFINITY;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(options: TransactionalOutboxOptions) {
    if (typeof options.source !== 'string' || options.source.length === 0)
      throw new BadUserInputError('The outbox source must be a non-empty string');
    this.options = { ...DEFAULTS, now: Date.now, ...stripUndefined(options) } as typeof this.options;
    for (const name of ['leaseMs', 'intervalMs', 'retentionMs', 'maxBackoffMs', 'batchSize'] as const) {
      const value = this.options[name];
      if (!Number.isSafeInteger(value) || value < 1)
        throw new BadUserInputError(`Outbox ${name} must be a positive integer`, { [name]: value });
    }
    this.transactional = TRANSACTIONAL_DRIVERS.has(options.documents.driver);
  }

  private get entries(): DocumentCollection<OutboxEntryModel> {
    return this.options.documents.collection(OutboxEntryModel);
  }

  /**
   * Runs `work` as one unit of work of the documents store; the events it enqueues are stored with its writes and
   * published after it commits. Nested calls join the outer unit (a savepoint): their events go out when the
   * outermost one commits, and are dropped with a nested unit that fails. On drivers without transactions (nedb,
   * mongodb) `work` runs as is and its entries are published when it resolves (removed when it throws).
   */
  async transaction<R>(work: (tx: DocumentTransaction) => Promise<R>): Promise<R> {
    const outer = this.scopes.getStore();
    const scope: Scope = { entries: [], changes: [] };
    // The outermost unit of a mutation whose line is not written yet writes it, with its writes (ADR 0013).
    const operation = outer ? undefined : currentOperation();
    const logging = operation !== undefined && !operation.logged;
    const unit = !logging
      ? work
      : async (tx: DocumentTransaction): Promise<R> => {
          const result = await work(tx);
          await this.recordOperation(operation, scope.changes, true);
          return result;
        };
    let result: R;
    try {
      if (!this.transactional) {
        result = await this.scopes
          .run(scope, () => unit({ collection: (model) => this.options.documents.collection(model) }))
          .catch(async (error: unknown) => {
            await this.entries
              .deleteMany({ _id: { $in: scope.entries.map((entry) => entry.id) } })
              .catch(() => undefined);
            throw error;
          });
      } else {
        result = await this.scopes.run(scope, () => this.options.documents.transaction(unit));
      }
    } catch (error) {
      // Rolled back: its line with it.
      if (logging) operation.logged = false;
      throw error;
    }
    if (outer) {
      outer.entries.push(...scope.entries);
      outer.changes.push(...scope.changes);
    } else await this.dispatch(scope.entries);
    return result;
  }

  /**
   * Writes the operation log line of `operation` (once per mutation): inside a unit of work from `transaction`,
   * or on its own with `atomic: false` after a mutation that committed no unit of work (buildSubgraph calls it).
   */
  async recordOperation(
    operation: OperationState,
    changes: readonly RecordedChange[] = [],
    atomic = false,
  ): Promise<void> {
    if (operation.logged) return;
    operation.logged = true;
    try {
      const payload = operationRecord(operation, changes, new Date(this.options.now()), atomic);
      await this.enqueue(OPERATION_LOG_TOPIC, {
        type: OPERATION_RECORDED,
        key: payload.organizationId ?? 'platform',
        payload,
        headers: { 'schema-version': '1' },
      });
    } catch (error) {
      operation.logged = false;
      throw error;
    }
  }

  /**
   * Stores an event for `topic`. Inside `transaction` it commits with the caller's writes; outside one it is
   * written on its own and published at once (no atomicity with other writes: use `transaction` for that).
   * Returns the event as consumers will receive it.
   */
  async enqueue<T>(topic: string, input: NewEvent<T>): Promise<DomainEvent<T>> {
    checkTopic(topic);
    const { event, serialized } = prepareEvent(input);
    const now = this.options.now();
    const entry: PendingEntry = {
      id: event.id,
      topic,
      event: serialized,
      ...(event.key !== undefined ? { key: event.key } : {}),
    };
    await this.entries.insertOne({
      _id: event.id,
      source: this.options.source,
      topic,
      event: serialized,
      status: OutboxStatus.PENDING,
      // Leased to this process: other relays leave it alone while it publishes after the commit.
      availableAt: new Date(now + this.options.leaseMs),
      attempts: 0,
      createdAt: new Date(now),
    });
    const scope = this.scopes.getStore();
    if (scope) {
      scope.entries.push(entry);
      if (topic !== OPERATION_LOG_TOPIC)
        scope.changes.push({
          type: event.type,
          ...(event.key !== undefined ? { key: event.key } : {}),
          payload: event.payload,
        });
    } else await this.dispatch([entry]);
    return event;
  }

  /** Sweeps at once (entries a crash left behind), then every `intervalMs` until closed. */
  async start(): Promise<void> {
    if (this.closed || this.timer) return;
    this.timer = setInterval(
      () =>
        void this.relayPending().catch((err: unknown) =>
          this.options.logger?.warn({ err }, 'outbox sweep failed'),
        ),
      this.options.intervalMs,
    );
    this.timer.unref();
    await this.relayPending().catch((err: unknown) =>
      this.options.logger?.warn({ err }, 'outbox sweep failed'),
    );
  }

  /**
   * One sweep: claims the due pending entries of this source (conditional update, so of several replicas one
   * wins each entry), publishes them in the order they were written, and prunes old published entries.
   * Resolves to the number published.
   */
  relayPending(): Promise<number> {
    if (this.closed) return Promise.resolve(0);
    this.sweeping ??= this.track(
      this.sweep().finally(() => {
        this.sweeping = undefined;
      }),
    );
    return this.sweeping;
  }

  /** Deletes published entries older than the retention; resolves to how many. */
  async prune(): Promise<number> {
    const now = this.options.now();
    this.lastPrune = now;
    return this.entries.deleteMany({
      source: this.options.source,
      status: OutboxStatus.PUBLISHED,
      publishedAt: { $lt: new Date(now - this.options.retentionMs) },
    });
  }

  /** Entries of this source not published yet (for readiness checks and tests). */
  pendingCount(): Promise<number> {
    return this.entries.count({ source: this.options.source, status: OutboxStatus.PENDING });
  }

  /** Stops the sweep and waits for running publishes and marks; what is left stays pending for the next relay. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.flushMarks();
  }

  private async sweep(): Promise<number> {
    let published = 0;
    for (;;) {
      const now = this.options.now();
      const due = await this.entries.find(
        { source: this.options.source, status: OutboxStatus.PENDING, availableAt: { $lte: new Date(now) } },
        { sort: { createdAt: 1, _id: 1 }, limit: this.options.batchSize },
      );
      let claimedAny = false;
      for (const candidate of due) {
        if (this.closed) return published;
        const claimed = await this.entries.findOneAndUpdate(
          { _id: candidate._id, status: OutboxStatus.PENDING, availableAt: { $lte: new Date(now) } },
          { $set: { availableAt: new Date(now + this.options.leaseMs) } },
        );
        if (!claimed) continue; // another replica has it
        claimedAny = true;
        const entry: PendingEntry = {
          id: claimed._id,
          topic: claimed.topic,
          event: claimed.event,
          key: parseEvent(claimed.event).key,
        };
        if (await this.publishOne(entry, claimed.attempts)) published++;
      }
      if (!claimedAny || due.length < this.options.batchSize) break;
    }
    await this.flushMarks();
    if (this.options.now() - this.lastPrune >= Math.min(this.options.retentionMs, 3600_000))
      await this.prune();
    return published;
  }

  /** After a commit: publishes each entry (same-key entries in commit order) and waits, as a direct publish would. */
  private async dispatch(entries: PendingEntry[]): Promise<void> {
    // Closed: the entries stay pending (leased) and the next relay publishes them.
    if (entries.length === 0 || this.closed) return;
    await Promise.all(entries.map((entry) => this.chained(entry)));
  }

  private chained(entry: PendingEntry): Promise<void> {
    const publish = async (): Promise<void> => {
      await this.publishOne(entry, 0);
    };
    if (entry.key === undefined) return this.track(publish());
    const key = entry.key;
    const previous = this.keyChains.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(publish);
    this.keyChains.set(key, next);
    void next.finally(() => {
      if (this.keyChains.get(key) === next) this.keyChains.delete(key);
    });
    return this.track(next);
  }

  /** Publishes under the stored event id; a failure is logged and left for the sweep after a backoff. */
  private async publishOne(entry: PendingEntry, attemptsBefore: number): Promise<boolean> {
    const event = parseEvent(entry.event);
    try {
      await this.options.bus.publish(entry.topic, event);
    } catch (error) {
      const attempts = attemptsBefore + 1;
      const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), this.options.maxBackoffMs);
      this.options.logger?.warn(
        { err: error, topic: entry.topic, eventId: entry.id, type: event.type, attempts },
        'publishing an outbox entry failed; it will be retried',
      );
      await this.entries
        .updateOne(
          { _id: entry.id, status: OutboxStatus.PENDING },
          {
            $set: { availableAt: new Date(this.options.now() + delay), lastError: errorMessage(error) },
            $inc: { attempts: 1 },
          },
        )
        .catch((err: unknown) =>
          this.options.logger?.warn({ err, eventId: entry.id }, 'recording an outbox failure failed'),
        );
      return false;
    }
    this.toMark.add(entry.id);
    this.scheduleMarks();
    return true;
  }

  /** Marks published entries in batches, off the caller's path. */
  private scheduleMarks(): void {
    if (this.marking) return;
    this.marking = this.track(
      new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.flushMarks())
        .finally(() => {
          this.marking = undefined;
          if (this.toMark.size > 0 && !this.closed) this.scheduleMarks();
        }),
    );
  }

  private async flushMarks(): Promise<void> {
    while (this.toMark.size > 0) {
      const ids = [...this.toMark].slice(0, 500);
      for (const id of ids) this.toMark.delete(id);
      try {
        await this.entries.updateMany(
          { _id: { $in: ids }, status: OutboxStatus.PENDING },
          {
            $set: { status: OutboxStatus.PUBLISHED, publishedAt: new Date(this.options.now()) },
            $unset: { lastError: '' },
          },
        );
      } catch (err) {
        // Unmarked entries are published again after their lease: a duplicate, which consumers skip by event id.
        this.options.logger?.warn({ err, count: ids.length }, 'marking outbox entries published failed');
        return;
      }
    }
  }

  private track<P extends Promise<unknown>>(promise: P): P {
    this.inFlight.add(promise);
    void promise.then(
      () => this.inFlight.delete(promise),
      () => this.inFlight.delete(promise),
    );
    return promise;
  }
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
