import { setTimeout as delay } from 'node:timers/promises';
import {
  Kafka,
  logLevel,
  type Admin,
  type Consumer,
  type EachMessagePayload,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import { BadUserInputError, PlatformError, UnavailableError } from '../errors';
import type { Logger } from '../logging/logger';
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

export interface KafkaEventBusOptions {
  brokers: string[];
  /** Default 'grove'. */
  clientId?: string;
  logger?: Logger;
  /** Partitions for topics this bus creates. Default 3. */
  numPartitions?: number;
  /** Replication for topics this bus creates; -1 uses the broker default. */
  replicationFactor?: number;
  /**
   * Where a consumer group with no committed offset starts. Default true (earliest), so events
   * published before a new group first joined are not skipped.
   */
  fromBeginning?: boolean;
  /** How long subscribe() waits for the group join before returning anyway. Default 30 s. */
  joinTimeoutMs?: number;
  /** Connection/request retries before an operation fails with UNAVAILABLE. Default 5 (kafkajs default). */
  retries?: number;
}

/**
 * Kafka driver: idempotent producer (acks=all, one in-flight request), one consumer per
 * (topic, group) subscription, JSON DomainEvent values keyed by event.key, retries in-process with
 * backoff, then a dead-letter publish and an explicit offset commit.
 */
export class KafkaEventBus implements EventBus {
  readonly driver = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly options: Required<Omit<KafkaEventBusOptions, 'logger' | 'clientId' | 'retries'>>;
  private readonly logger?: Logger;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly topics = new Map<string, Promise<void>>();
  private readonly consumers = new Set<{ consumer: Consumer; abort: AbortController }>();
  private closed = false;

  constructor(options: KafkaEventBusOptions) {
    if (!options.brokers?.length)
      throw new BadUserInputError('The event bus needs at least one broker address');
    this.logger = options.logger;
    this.options = {
      brokers: options.brokers,
      numPartitions: options.numPartitions ?? 3,
      replicationFactor: options.replicationFactor ?? -1,
      fromBeginning: options.fromBeginning ?? true,
      joinTimeoutMs: options.joinTimeoutMs ?? 30_000,
    };
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'grove',
      brokers: options.brokers,
      logLevel: this.logger ? logLevel.WARN : logLevel.NOTHING,
      logCreator: () => (entry: LogEntry) => this.log(entry),
      ...(options.retries !== undefined ? { retry: { retries: options.retries } } : {}),
    });
  }

  async publish<T>(topic: string, event: NewEvent<T>): Promise<DomainEvent<T>> {
    this.assertOpen();
    checkTopic(topic);
    const prepared = prepareEvent(event);
    await this.send(topic, prepared.event, prepared.serialized);
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
    const resolved = resolveSubscribeOptions(options);
    await Promise.all([this.ensureTopic(topic), this.ensureTopic(deadLetterTopic(topic))]);

    // One Kafka group per (topic, group): kafkajs assigns every subscribed topic to every member of a
    // group, so sharing a group id across topics would hand partitions to consumers not reading them.
    const consumer = this.kafka.consumer({ groupId: `${group}.${topic}`, allowAutoTopicCreation: false });
    const entry = { consumer, abort: new AbortController() };
    this.consumers.add(entry);
    try {
      const joined = new Promise<void>((resolve) => {
        const off = consumer.on(consumer.events.GROUP_JOIN, () => {
          off();
          resolve();
        });
      });
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: this.options.fromBeginning });
      await consumer.run({
        autoCommit: false,
        eachMessage: (payload) =>
          this.handleMessage(
            consumer,
            entry.abort.signal,
            group,
            handler as EventHandler<unknown>,
            resolved,
            payload,
          ),
      });
      const timedOut = await Promise.race([
        joined.then(() => false),
        delay(this.options.joinTimeoutMs, true, { ref: false }),
      ]);
      if (timedOut)
        this.logger?.warn({ topic, group }, 'event consumer has not joined its group yet; it keeps trying');
    } catch (error) {
      this.consumers.delete(entry);
      await consumer.disconnect().catch(() => undefined);
      throw toEventBusError(error);
    }
    let active = true;
    return {
      close: async () => {
        if (!active) return;
        active = false;
        entry.abort.abort();
        this.consumers.delete(entry);
        // kafkajs waits for the running eachMessage before leaving the group.
        await consumer
          .disconnect()
          .catch((error: unknown) =>
            this.logger?.warn({ err: errorMessage(error) }, 'event consumer disconnect failed'),
          );
      },
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
    try {
      const admin = await this.getAdmin();
      await admin.describeCluster();
    } catch (error) {
      throw toEventBusError(error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const consumers = [...this.consumers];
    this.consumers.clear();
    for (const { abort } of consumers) abort.abort();
    await Promise.allSettled(consumers.map(({ consumer }) => consumer.disconnect()));
    const [producer, admin] = await Promise.allSettled([this.producer, this.admin]);
    if (producer.status === 'fulfilled' && producer.value)
      await producer.value.disconnect().catch(() => undefined);
    if (admin.status === 'fulfilled' && admin.value) await admin.value.disconnect().catch(() => undefined);
  }

  private async handleMessage(
    consumer: Consumer,
    signal: AbortSignal,
    group: string,
    handler: EventHandler<unknown>,
    options: ResolvedSubscribeOptions,
    { topic, partition, message, heartbeat }: EachMessagePayload,
  ): Promise<void> {
    const raw = message.value?.toString('utf8') ?? '';
    const commit = () =>
      consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
    let event: DomainEvent<unknown>;
    try {
      event = parseEvent(raw);
    } catch (error) {
      // A message that is not an event can never succeed: park it in the DLQ as-is.
      this.logger?.error(
        { topic, partition, offset: message.offset },
        'unreadable event moved to dead-letter topic',
      );
      const producer = await this.getProducer();
      await producer.send({
        topic: deadLetterTopic(topic),
        acks: -1,
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: deadLetterHeaders(undefined, { topic, group, error, attempts: 1 }),
          },
        ],
      });
      await commit();
      return;
    }

    let lastError: unknown;
    for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
      if (attempt > 1) await this.wait(backoffDelay(attempt - 1, options), heartbeat, signal);
      try {
        await invokeHandler(handler, attempt === 1 ? event : parseEvent(raw));
        await commit();
        return;
      } catch (error) {
        lastError = error;
        this.logger?.warn(
          { topic, group, eventId: event.id, attempt, err: errorMessage(error) },
          'event handler failed',
        );
      }
    }
    const headers = deadLetterHeaders(event.headers, {
      topic,
      group,
      error: lastError,
      attempts: options.maxAttempts,
    });
    const dead = prepareEvent({ ...event, headers });
    this.logger?.error(
      { topic, group, eventId: event.id, deadLetterTopic: deadLetterTopic(topic) },
      'event moved to dead-letter topic',
    );
    // If this send fails, eachMessage throws, nothing is committed and the event is redelivered.
    await this.send(deadLetterTopic(topic), dead.event, dead.serialized);
    await commit();
  }

  /** Backoff that keeps the group session alive and stops (without committing) when closed. */
  private async wait(ms: number, heartbeat: () => Promise<void>, signal: AbortSignal): Promise<void> {
    let left = ms;
    while (left > 0) {
      const step = Math.min(left, 1_000);
      await delay(step, undefined, { signal });
      left -= step;
      await heartbeat();
    }
  }

  private async send(topic: string, event: DomainEvent<unknown>, serialized: string): Promise<void> {
    try {
      await this.ensureTopic(topic);
      const producer = await this.getProducer();
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: event.key ?? null, value: serialized, headers: event.headers }],
      });
    } catch (error) {
      throw toEventBusError(error);
    }
  }

  private ensureTopic(topic: string): Promise<void> {
    let pending = this.topics.get(topic);
    if (!pending) {
      pending = (async () => {
        const admin = await this.getAdmin();
        // Returns false when the topic already exists.
        await admin.createTopics({
          waitForLeaders: true,
          topics: [
            {
              topic,
              numPartitions: this.options.numPartitions,
              replicationFactor: this.options.replicationFactor,
            },
          ],
        });
      })();
      pending.catch(() => this.topics.delete(topic));
      this.topics.set(topic, pending);
    }
    return pending.catch((error: unknown) => {
      throw toEventBusError(error);
    });
  }

  private getProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Bounded (kafkajs would retry forever for idempotent producers) so publish fails with
        // UNAVAILABLE instead of hanging when the cluster is down.
        retry: { retries: 8, maxRetryTime: 30_000 },
      });
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }

  private getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }

  private log({ namespace, level, log }: LogEntry): void {
    if (!this.logger) return;
    const { message, timestamp: _t, ...extra } = log;
    const fields = { ...extra, kafkaNamespace: namespace };
    if (level === logLevel.ERROR) this.logger.error(fields, message);
    else if (level === logLevel.WARN) this.logger.warn(fields, message);
    else this.logger.debug(fields, message);
  }

  private assertOpen(): void {
    if (this.closed) throw new UnavailableError('Event bus unavailable');
  }
}

/** Broker failures become UNAVAILABLE with a neutral message; the original stays on `cause` for logs. */
function toEventBusError(error: unknown): Error {
  if (error instanceof PlatformError) return error;
  const mapped = new UnavailableError('Event bus unavailable');
  mapped.cause = error;
  return mapped;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
