/** Event bus port: at-least-once delivery per consumer group, retries with backoff, dead-letter topic. */
export interface DomainEvent<T = unknown> {
  /** Unique id; consumers use it for idempotency. */
  id: string;
  type: string;
  /** ISO timestamp. */
  occurredAt: string;
  /** Partition / ordering key (e.g. the aggregate id). */
  key?: string;
  payload: T;
  headers?: Record<string, string>;
}

export type NewEvent<T = unknown> = Omit<DomainEvent<T>, 'id' | 'occurredAt'> &
  Partial<Pick<DomainEvent<T>, 'id' | 'occurredAt'>>;

export type EventHandler<T = unknown> = (event: DomainEvent<T>) => Promise<void>;

export interface SubscribeOptions {
  /** Attempts before the event goes to `<topic>.dlq`. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt. Default 100 ms. */
  backoffMs?: number;
  /** Cap for the backoff. Default 10 s. */
  maxBackoffMs?: number;
}

export interface Subscription {
  close(): Promise<void>;
}

export interface EventBus {
  readonly driver: 'memory' | 'redis' | 'kafka';
  publish<T>(topic: string, event: NewEvent<T>): Promise<DomainEvent<T>>;
  subscribe<T>(
    topic: string,
    group: string,
    handler: EventHandler<T>,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
