import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { ReplyError } from 'ioredis';
import { BadUserInputError, PlatformError, UnavailableError } from '../errors';
import type { Logger } from '../logging/logger';
import {
  closeRedisConnection,
  createRedisConnection,
  duplicateRedisConnection,
  type RedisClient,
} from '../cache/redis-connection';
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

/** Time source for retry backoff; tests inject one that records delays instead of waiting. */
export interface EventBusClock {
  /** Resolves after `ms`; rejects when `signal` aborts (subscription or bus closing). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface RedisStreamsEventBusOptions {
  /** A connection to use (not closed by the bus unless ownsClient); otherwise redisUrl / redisClusterNodes. */
  client?: RedisClient;
  redisUrl?: string;
  redisClusterNodes?: string[];
  /** Prepended to every key. Default 'grove:'. */
  keyPrefix?: string;
  /** Whether close() closes `client`. Default: true when the bus opened the connection itself. */
  ownsClient?: boolean;
  logger?: Logger;
  /** Longest blocking read of a subscriber. Default 2 s. */
  blockMs?: number;
  /** A pending entry idle this long belongs to a dead consumer and is claimed by another one. Default 60 s. */
  claimIdleMs?: number;
  /** Attempts before dead-lettering when a subscriber sets no maxAttempts. Default 5. */
  maxDeliveries?: number;
  /** Approximate bound on entries per stream (MAXLEN ~); 0 disables. Default 100 000. */
  maxLen?: number;
  /** Approximate bound on entry age (MINID ~), in ms; 0 disables. Default 7 days. */
  maxAgeMs?: number;
  /** Entries a subscriber reads (or claims) per call. Default 1, so a group's work spreads evenly. */
  readCount?: number;
  clock?: EventBusClock;
}

const DEFAULTS = {
  keyPrefix: 'grove:',
  blockMs: 2_000,
  claimIdleMs: 60_000,
  maxDeliveries: 5,
  maxLen: 100_000,
  maxAgeMs: 7 * 24 * 3600 * 1000,
  readCount: 1,
};
/** How often a subscriber whose next entry waits behind an earlier same-key entry looks again. */
const GATE_POLL_MS = 20;
/** Extra entries a subscriber reads ahead while everything it holds waits for older same-key entries. */
const GATE_LOOKAHEAD = 64;
/** Older pending entries examined by the per-key order check. */
const GATE_SCAN_LIMIT = 10_000;
/** Consumers with nothing pending and idle this long are removed from their group. */
const PRUNE_IDLE_MS = 3_600_000;
const PRUNE_INTERVAL_MS = 300_000;

const realClock: EventBusClock = { sleep: (ms, signal) => delay(ms, undefined, { signal }) };

// Fields of a stream entry: e = the serialized DomainEvent, k = its key (read by GATE_SCRIPT).
// MINID is derived from the new entry's id, so age trimming follows the server's clock.
const PUBLISH_SCRIPT = `
local args = {KEYS[1]}
if tonumber(ARGV[1]) > 0 then
  table.insert(args, 'MAXLEN'); table.insert(args, '~'); table.insert(args, ARGV[1])
end
table.insert(args, '*'); table.insert(args, 'e'); table.insert(args, ARGV[3])
if ARGV[4] ~= '' then table.insert(args, 'k'); table.insert(args, ARGV[4]) end
local id = redis.call('XADD', unpack(args))
local age = tonumber(ARGV[2])
local ms = tonumber(string.match(id, '^(%d+)'))
if age > 0 and ms > age then
  redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%d', ms - age))
end
return id
`;

// Per-key order across the consumers of a group: an entry may run only when no older entry with
// the same key is still pending (delivered, not acknowledged) anywhere in the group. Every entry
// older than one a consumer holds has already been delivered, so the PEL is the complete picture.
// ARGV: group, then (id, key) pairs in ascending id order. Returns 1 (blocked) or 0 per pair.
const GATE_SCRIPT = `
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local function older(a, b)
  local am, as = parse(a)
  local bm, bs = parse(b)
  return am < bm or (am == bm and as < bs)
end
local newest = ARGV[#ARGV - 1]
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '(' .. newest, ${GATE_SCAN_LIMIT})
local held = {}
for _, p in ipairs(pending) do
  local entry = redis.call('XRANGE', KEYS[1], p[1], p[1])[1]
  if entry then
    local fields = entry[2]
    for i = 1, #fields, 2 do
      if fields[i] == 'k' then table.insert(held, {p[1], fields[i + 1]}) end
    end
  end
end
local result = {}
for i = 2, #ARGV, 2 do
  local blocked = 0
  for _, h in ipairs(held) do
    if h[2] == ARGV[i + 1] and older(h[1], ARGV[i]) then blocked = 1; break end
  end
  table.insert(result, blocked)
end
return result
`;

// Claims entries idle longer than ARGV[3] (a dead consumer's) and returns each with its delivery
// count and recorded handler failures, which decide whether it is retried or dead-lettered.
// KEYS: stream, failures hash. ARGV: group, consumer, min idle, cursor, count, max age ms.
const CLAIM_SCRIPT = `
local r = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
local out = {}
for _, e in ipairs(r[2]) do
  if e then
    local p = redis.call('XPENDING', KEYS[1], ARGV[1], e[1], e[1], 1)[1]
    local failures = redis.call('HGET', KEYS[2], e[1]) or '0'
    table.insert(out, {e[1], e[2], p and p[4] or 1, tonumber(failures)})
  end
end
local deleted = r[3] or {}
for _, id in ipairs(deleted) do redis.call('HDEL', KEYS[2], id) end
local age = tonumber(ARGV[6])
local now = tonumber(redis.call('TIME')[1]) * 1000
if age > 0 and now > age then
  redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%d', now - age))
end
return {r[1], out, #deleted}
`;

// Resets the idle time of entries this consumer still owns so they are not claimed while it works
// on them; returns the ids it no longer owns (claimed elsewhere, acknowledged or trimmed).
const TOUCH_SCRIPT = `
local lost = {}
for i = 3, #ARGV do
  local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)[1]
  if p and p[2] == ARGV[2] then
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
  else
    table.insert(lost, ARGV[i])
  end
end
return lost
`;

// Acknowledges an entry and, after a successful handler, remembers the event id for the group
// (idempotency window: ARGV[4] ms and at most ARGV[5] ids). KEYS: stream, failures hash, done set.
const ACK_SCRIPT = `
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('HDEL', KEYS[2], ARGV[2])
if ARGV[3] ~= '' then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local window = tonumber(ARGV[4])
  redis.call('ZADD', KEYS[3], now, ARGV[3])
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. string.format('%d', now - window))
  local extra = redis.call('ZCARD', KEYS[3]) - tonumber(ARGV[5])
  if extra > 0 then redis.call('ZREMRANGEBYRANK', KEYS[3], 0, extra - 1) end
  redis.call('PEXPIRE', KEYS[3], window)
end
return 1
`;

const SCRIPTS = {
  groveEventsPublish: { numberOfKeys: 1, lua: PUBLISH_SCRIPT },
  groveEventsGate: { numberOfKeys: 1, lua: GATE_SCRIPT },
  groveEventsClaim: { numberOfKeys: 2, lua: CLAIM_SCRIPT },
  groveEventsTouch: { numberOfKeys: 1, lua: TOUCH_SCRIPT },
  groveEventsAck: { numberOfKeys: 3, lua: ACK_SCRIPT },
} as const;
type ScriptName = keyof typeof SCRIPTS;
type ScriptCall = (...args: (string | number)[]) => Promise<unknown>;

interface Entry {
  /** Stream entry id. */
  id: string;
  /** The serialized event; undefined when the entry has no `e` field. */
  raw?: string;
  key?: string;
  /** Deliveries so far including this one (XREADGROUP/XAUTOCLAIM each count one). */
  deliveries: number;
  /** Handler failures recorded by any consumer. */
  failures: number;
}

interface ResolvedOptions {
  keyPrefix: string;
  blockMs: number;
  claimIdleMs: number;
  maxDeliveries: number;
  maxLen: number;
  maxAgeMs: number;
  readCount: number;
}

/**
 * Redis Streams driver: one stream per topic, one consumer group per subscriber group (created from
 * id 0, so a new group catches up on what the stream retains), one consumer per subscription.
 * At-least-once: an entry is acknowledged after its handler succeeds or after it is dead-lettered;
 * entries left pending by a crashed consumer are claimed by the others after claimIdleMs.
 */
export class RedisStreamsEventBus implements EventBus {
  readonly driver = 'redis' as const;
  readonly keyPrefix: string;
  private readonly client: RedisClient;
  private readonly ownsClient: boolean;
  private readonly logger?: Logger;
  private readonly options: ResolvedOptions;
  private readonly clock: EventBusClock;
  /** Unique per bus instance, so two processes (or two buses in one) never share a consumer name. */
  private readonly consumerBase = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  private consumerSeq = 0;
  private readonly groups = new Map<string, Promise<void>>();
  private readonly consumers = new Set<StreamConsumer>();
  private closed = false;

  constructor(options: RedisStreamsEventBusOptions) {
    this.logger = options.logger;
    if (options.client) {
      this.client = options.client;
      this.ownsClient = options.ownsClient ?? false;
    } else {
      if (!options.redisUrl && !options.redisClusterNodes?.length)
        throw new BadUserInputError('The redis event bus needs a Redis URL or cluster nodes');
      this.client = createRedisConnection({
        redisUrl: options.redisUrl,
        redisClusterNodes: options.redisClusterNodes,
        logger: options.logger,
        connectionName: 'grove-events',
      });
      this.ownsClient = options.ownsClient ?? true;
    }
    this.options = {
      keyPrefix: options.keyPrefix ?? DEFAULTS.keyPrefix,
      blockMs: positive(options.blockMs ?? DEFAULTS.blockMs, 'blockMs'),
      claimIdleMs: positive(options.claimIdleMs ?? DEFAULTS.claimIdleMs, 'claimIdleMs'),
      maxDeliveries: positive(options.maxDeliveries ?? DEFAULTS.maxDeliveries, 'maxDeliveries'),
      maxLen: nonNegative(options.maxLen ?? DEFAULTS.maxLen, 'maxLen'),
      maxAgeMs: nonNegative(options.maxAgeMs ?? DEFAULTS.maxAgeMs, 'maxAgeMs'),
      readCount: positive(options.readCount ?? DEFAULTS.readCount, 'readCount'),
    };
    this.keyPrefix = this.options.keyPrefix;
    this.clock = options.clock ?? realClock;
    const commands = this.client as unknown as Record<string, unknown>;
    for (const [name, definition] of Object.entries(SCRIPTS)) {
      if (typeof commands[name] !== 'function') this.client.defineCommand(name, definition);
    }
  }

  async publish<T>(topic: string, event: NewEvent<T>): Promise<DomainEvent<T>> {
    this.assertOpen();
    checkTopic(topic);
    const prepared = prepareEvent(event);
    await this.append(topic, prepared.event, prepared.serialized);
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
    const resolved = resolveSubscribeOptions({
      ...options,
      maxAttempts: options?.maxAttempts ?? this.options.maxDeliveries,
    });
    await this.ensureGroup(topic, group);
    this.assertOpen();
    const consumer = new StreamConsumer(this, {
      topic,
      group,
      name: `${this.consumerBase}-${++this.consumerSeq}`,
      handler: handler as EventHandler<unknown>,
      options: resolved,
    });
    this.consumers.add(consumer);
    consumer.start();
    return {
      close: async () => {
        this.consumers.delete(consumer);
        await consumer.close();
      },
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.run(() => this.client.ping());
  }

  /** Stops every subscription (each waits for its running handler), then closes the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.allSettled(consumers.map((c) => c.close()));
    if (this.ownsClient) await closeRedisConnection(this.client);
  }

  // ---- used by StreamConsumer ----

  get settings(): ResolvedOptions {
    return this.options;
  }

  get log(): Logger | undefined {
    return this.logger;
  }

  get retryClock(): EventBusClock {
    return this.clock;
  }

  get connection(): RedisClient {
    return this.client;
  }

  /** Topic names cannot contain braces, so `{topic}` is a cluster hash tag keeping a topic's keys on one slot. */
  streamKey(topic: string): string {
    return `${this.options.keyPrefix}events:{${topic}}`;
  }

  failuresKey(topic: string, group: string): string {
    return `${this.streamKey(topic)}:failures:${group}`;
  }

  doneKey(topic: string, group: string): string {
    return `${this.streamKey(topic)}:done:${group}`;
  }

  /** Appends without the open check, so a bus that is closing still records dead letters. */
  async append(topic: string, event: DomainEvent<unknown>, serialized: string): Promise<string> {
    const id = await this.run(() =>
      this.script('groveEventsPublish')(
        this.streamKey(topic),
        this.options.maxLen,
        this.options.maxAgeMs,
        serialized,
        event.key ?? '',
      ),
    );
    return String(id);
  }

  ensureGroup(topic: string, group: string, again = false): Promise<void> {
    const id = `${topic}\n${group}`;
    let pending = again ? undefined : this.groups.get(id);
    if (!pending) {
      pending = this.run(async () => {
        try {
          await this.client.xgroup('CREATE', this.streamKey(topic), group, '0', 'MKSTREAM');
        } catch (error) {
          if (!(error instanceof ReplyError && /BUSYGROUP/.test((error as Error).message))) throw error;
        }
      });
      pending.catch(() => this.groups.delete(id));
      this.groups.set(id, pending);
    }
    return pending;
  }

  script(name: ScriptName): ScriptCall {
    const command = (this.client as unknown as Record<string, ScriptCall>)[name];
    return command.bind(this.client);
  }

  async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toEventBusError(error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new UnavailableError('Event bus unavailable');
  }
}

interface ConsumerSpec {
  topic: string;
  group: string;
  name: string;
  handler: EventHandler<unknown>;
  options: ResolvedSubscribeOptions;
}

/**
 * One subscription: a single loop that claims abandoned entries, reads new ones on its own
 * connection (XREADGROUP BLOCK would stall every other command on a shared one) and handles them
 * one at a time, like a kafkajs consumer's eachMessage.
 */
class StreamConsumer {
  private readonly reader: RedisClient;
  private readonly stream: string;
  private readonly buffer: Entry[] = [];
  private current?: Entry;
  private stopped = false;
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  private touchTimer?: NodeJS.Timeout;
  private nextClaimAt = 0;
  private claimCursor = '0-0';
  private nextPruneAt = 0;
  private readonly claimIntervalMs: number;
  private closing?: Promise<void>;

  constructor(
    private readonly bus: RedisStreamsEventBus,
    private readonly spec: ConsumerSpec,
  ) {
    this.stream = bus.streamKey(spec.topic);
    this.reader = duplicateRedisConnection(bus.connection);
    this.reader.on('error', (error: Error) =>
      this.bus.log?.warn({ err: error.message }, 'event reader connection error'),
    );
    const { claimIdleMs } = bus.settings;
    this.claimIntervalMs = Math.max(10, Math.min(Math.floor(claimIdleMs / 2), 10_000));
  }

  start(): void {
    this.loop = this.run();
    const touchEvery = Math.max(10, Math.floor(this.bus.settings.claimIdleMs / 3));
    this.touchTimer = setInterval(() => void this.touch(), touchEvery);
    this.touchTimer.unref();
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    clearInterval(this.touchTimer);
    // Interrupts a blocking read; a running handler is not affected and the loop waits for it.
    this.reader.disconnect();
    await this.loop;
    await this.handBack().catch((error: unknown) =>
      this.bus.log?.warn(
        { topic: this.spec.topic, group: this.spec.group, err: errorMessage(error) },
        'event consumer hand-back failed',
      ),
    );
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.step();
        failures = 0;
      } catch (error) {
        if (this.stopped) break;
        failures++;
        if (/NOGROUP/.test(errorMessage(error))) {
          // The stream was deleted under us (operator or retention tooling): recreate the group.
          await this.bus.ensureGroup(this.spec.topic, this.spec.group, true).catch(() => undefined);
        }
        this.bus.log?.warn(
          { topic: this.spec.topic, group: this.spec.group, err: errorMessage(error) },
          'event consumer step failed; retrying',
        );
        await pause(Math.min(50 * 2 ** failures, 5_000), this.abort.signal);
      }
    }
  }

  private async step(): Promise<void> {
    const { readCount, blockMs } = this.bus.settings;
    if (Date.now() >= this.nextClaimAt) await this.claim();
    const next = await this.pickRunnable();
    if (next) {
      await this.handle(next);
      return;
    }
    if (this.stopped) return;
    const untilClaim = this.nextClaimAt - Date.now();
    const waitMs = Math.max(1, Math.min(this.buffer.length > 0 ? GATE_POLL_MS : blockMs, untilClaim));
    // Nothing held is runnable (or nothing is held): read on, a bounded way past readCount, so events
    // with other keys are not stuck behind a key that waits.
    const room = readCount + (this.buffer.length > 0 ? GATE_LOOKAHEAD : 0) - this.buffer.length;
    if (room <= 0) {
      await pause(waitMs, this.abort.signal);
      return;
    }
    const reply = (await this.bus.run(() =>
      this.reader.call(
        'XREADGROUP',
        'GROUP',
        this.spec.group,
        this.spec.name,
        'COUNT',
        Math.min(room, readCount),
        'BLOCK',
        waitMs,
        'STREAMS',
        this.stream,
        '>',
      ),
    )) as [string, [string, string[]][]][] | null;
    for (const [, entries] of reply ?? []) {
      for (const [id, fields] of entries)
        this.buffer.push({ id, ...readFields(fields), deliveries: 1, failures: 0 });
    }
  }

  /** XAUTOCLAIM of entries idle longer than claimIdleMs; a scan that has not finished continues next step. */
  private async claim(): Promise<void> {
    const { claimIdleMs, readCount, maxAgeMs } = this.bus.settings;
    const [cursor, claimed, deleted] = (await this.bus.run(() =>
      this.bus.script('groveEventsClaim')(
        this.stream,
        this.bus.failuresKey(this.spec.topic, this.spec.group),
        this.spec.group,
        this.spec.name,
        claimIdleMs,
        this.claimCursor,
        // At least one even with a full buffer: what it holds may wait behind a dead consumer's same-key entry.
        Math.max(1, readCount - this.buffer.length),
        maxAgeMs,
      ),
    )) as [string, [string, string[], number, number][], number];
    this.claimCursor = cursor;
    this.nextClaimAt = cursor === '0-0' ? Date.now() + this.claimIntervalMs : 0;
    if (deleted > 0) {
      this.bus.log?.warn(
        { topic: this.spec.topic, group: this.spec.group, count: deleted },
        'pending events were trimmed by retention before they were handled',
      );
    }
    for (const [id, fields, deliveries, failures] of claimed) {
      if (this.current?.id === id) continue;
      const existing = this.buffer.find((e) => e.id === id);
      if (existing) {
        existing.deliveries = deliveries;
        continue;
      }
      this.bus.log?.info(
        { topic: this.spec.topic, group: this.spec.group, entryId: id, deliveries },
        'claimed an event left pending by another consumer',
      );
      this.buffer.push({ id, ...readFields(fields), deliveries, failures });
    }
    this.buffer.sort((a, b) => compareIds(a.id, b.id));
    if (Date.now() >= this.nextPruneAt) {
      this.nextPruneAt = Date.now() + PRUNE_INTERVAL_MS;
      await this.pruneConsumers().catch(() => undefined);
    }
  }

  /** The first buffered entry no older same-key entry of the group is still pending for. */
  private async pickRunnable(): Promise<Entry | undefined> {
    if (this.buffer.length === 0) return undefined;
    const keyed: Entry[] = [];
    for (const entry of this.buffer) {
      if (entry.key === undefined) break;
      keyed.push(entry);
    }
    if (keyed.length > 0) {
      const args = keyed.flatMap((e) => [e.id, e.key as string]);
      const blocked = (await this.bus.run(() =>
        this.bus.script('groveEventsGate')(this.stream, this.spec.group, ...args),
      )) as number[];
      const runnable = keyed.find((_, i) => blocked[i] === 0);
      // By identity: the heartbeat may have dropped lost entries from the buffer meanwhile.
      if (runnable) return this.take(runnable);
    }
    return this.take(this.buffer.find((e) => e.key === undefined));
  }

  private take(entry: Entry | undefined): Entry | undefined {
    const index = entry ? this.buffer.indexOf(entry) : -1;
    return index >= 0 ? this.buffer.splice(index, 1)[0] : undefined;
  }

  private async handle(entry: Entry): Promise<void> {
    this.current = entry;
    try {
      await this.process(entry);
    } finally {
      this.current = undefined;
    }
  }

  private async process(entry: Entry): Promise<void> {
    const { topic, group, handler, options } = this.spec;
    let event: DomainEvent<unknown>;
    try {
      event = parseEvent(entry.raw ?? '');
    } catch (error) {
      await this.deadLetterUnreadable(entry, error);
      return;
    }
    const seen = await this.bus.run(() =>
      this.bus.connection.zscore(this.bus.doneKey(topic, group), event.id),
    );
    if (seen !== null) {
      this.bus.log?.debug(
        { topic, group, eventId: event.id },
        'event already handled by this group; skipped',
      );
      await this.ack(entry, '');
      return;
    }
    // Deliveries without an acknowledgement count as attempts too: a handler that crashes its
    // process never records a failure, but must not be retried forever.
    let attempts = Math.max(entry.failures, entry.deliveries - 1);
    let lastError: unknown =
      attempts > 0
        ? new Error(
            `Delivered ${entry.deliveries} times without an acknowledgement (consumer crashed or stalled)`,
          )
        : undefined;
    let localFailures = 0;
    while (attempts < options.maxAttempts) {
      if (localFailures > 0) {
        try {
          await this.bus.retryClock.sleep(backoffDelay(attempts, options), this.abort.signal);
        } catch {
          // Closing while waiting: the entry stays pending and is handed back (at-least-once).
          return;
        }
      }
      attempts++;
      try {
        await invokeHandler(handler, attempts === 1 ? event : parseEvent(entry.raw ?? ''));
      } catch (error) {
        lastError = error;
        localFailures++;
        this.bus.log?.warn(
          { topic, group, eventId: event.id, attempt: attempts, err: errorMessage(error) },
          'event handler failed',
        );
        await this.recordFailure(entry);
        continue;
      }
      await this.ack(entry, event.id);
      return;
    }
    const headers = deadLetterHeaders(event.headers, { topic, group, error: lastError, attempts });
    const dead = prepareEvent({ ...event, headers });
    this.bus.log?.error(
      { topic, group, eventId: event.id, deadLetterTopic: deadLetterTopic(topic) },
      'event moved to dead-letter topic',
    );
    // Appended before the acknowledgement: a crash in between dead-letters it twice (same event id).
    await this.bus.append(deadLetterTopic(topic), dead.event, dead.serialized);
    await this.ack(entry, '');
  }

  /** An entry that is not an event can never succeed: it goes to the dead-letter stream as-is. */
  private async deadLetterUnreadable(entry: Entry, error: unknown): Promise<void> {
    const { topic, group } = this.spec;
    this.bus.log?.error({ topic, group, entryId: entry.id }, 'unreadable event moved to dead-letter topic');
    const headers = deadLetterHeaders(undefined, { topic, group, error, attempts: 1 });
    await this.bus.run(() =>
      this.bus.connection.xadd(
        this.bus.streamKey(deadLetterTopic(topic)),
        '*',
        'e',
        entry.raw ?? '',
        'h',
        JSON.stringify(headers),
      ),
    );
    await this.ack(entry, '');
  }

  private async recordFailure(entry: Entry): Promise<void> {
    const key = this.bus.failuresKey(this.spec.topic, this.spec.group);
    const ttl = this.bus.settings.maxAgeMs || DEFAULTS.maxAgeMs;
    await this.bus.run(() => this.bus.connection.multi().hincrby(key, entry.id, 1).pexpire(key, ttl).exec());
  }

  private async ack(entry: Entry, eventId: string): Promise<void> {
    const { topic, group } = this.spec;
    const { maxAgeMs, maxLen } = this.bus.settings;
    await this.bus.run(() =>
      this.bus.script('groveEventsAck')(
        this.stream,
        this.bus.failuresKey(topic, group),
        this.bus.doneKey(topic, group),
        group,
        entry.id,
        eventId,
        maxAgeMs || DEFAULTS.maxAgeMs,
        maxLen || DEFAULTS.maxLen,
      ),
    );
  }

  /** Keeps entries this consumer holds from looking abandoned; forgets those it lost meanwhile. */
  private async touch(): Promise<void> {
    const ids = [...(this.current ? [this.current.id] : []), ...this.buffer.map((e) => e.id)];
    if (ids.length === 0 || this.stopped) return;
    try {
      const lost = (await this.bus.script('groveEventsTouch')(
        this.stream,
        this.spec.group,
        this.spec.name,
        ...ids,
      )) as string[];
      if (lost.length === 0) return;
      const gone = new Set(lost);
      for (let i = this.buffer.length - 1; i >= 0; i--)
        if (gone.has(this.buffer[i].id)) this.buffer.splice(i, 1);
    } catch (error) {
      this.bus.log?.debug(
        { topic: this.spec.topic, group: this.spec.group, err: errorMessage(error) },
        'event consumer heartbeat failed',
      );
    }
  }

  /**
   * On close, entries this consumer still owns (read ahead, or waiting for a retry) are marked idle
   * so the rest of the group claims them at once instead of after claimIdleMs; with none left the
   * consumer leaves the group.
   */
  private async handBack(): Promise<void> {
    const client = this.bus.connection;
    const { group, name } = this.spec;
    const pending = (await client.xpending(this.stream, group, '-', '+', 1_000, name)) as [
      string,
      string,
      number,
      number,
    ][];
    if (pending.length === 0) {
      await client.xgroup('DELCONSUMER', this.stream, group, name);
      return;
    }
    const ids = pending.map(([id]) => id);
    await client.call(
      'XCLAIM',
      this.stream,
      group,
      name,
      0,
      ...ids,
      'IDLE',
      this.bus.settings.claimIdleMs,
      'JUSTID',
    );
  }

  /** Removes consumers of crashed processes once their pending entries have been claimed. */
  private async pruneConsumers(): Promise<void> {
    const client = this.bus.connection;
    const rows = (await client.call('XINFO', 'CONSUMERS', this.stream, this.spec.group)) as (
      string | number
    )[][];
    for (const row of rows) {
      const info = new Map<string, string | number>();
      for (let i = 0; i < row.length; i += 2) info.set(String(row[i]), row[i + 1]);
      const consumer = String(info.get('name'));
      if (
        consumer !== this.spec.name &&
        Number(info.get('pending')) === 0 &&
        Number(info.get('idle')) > PRUNE_IDLE_MS
      ) {
        await client.xgroup('DELCONSUMER', this.stream, this.spec.group, consumer);
      }
    }
  }
}

function readFields(fields: string[]): { raw?: string; key?: string } {
  const out: { raw?: string; key?: string } = {};
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 'e') out.raw = fields[i + 1];
    else if (fields[i] === 'k') out.key = fields[i + 1];
  }
  return out;
}

function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  if (am !== bm) return am < bm ? -1 : 1;
  return as === bs ? 0 : as < bs ? -1 : 1;
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}

function positive(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new BadUserInputError(`${name} must be a positive integer`);
  return value;
}

function nonNegative(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new BadUserInputError(`${name} must be a non-negative integer`);
  return value;
}

/** Redis failures become UNAVAILABLE with a neutral message; the original stays on `cause` for logs. */
function toEventBusError(error: unknown): Error {
  if (error instanceof PlatformError) return error;
  const mapped = new UnavailableError('Event bus unavailable');
  mapped.cause = error;
  return mapped;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error && error.cause instanceof Error)
    return `${error.message}: ${error.cause.message}`;
  return error instanceof Error ? error.message : String(error);
}
