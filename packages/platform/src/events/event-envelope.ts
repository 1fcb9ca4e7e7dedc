import { BadUserInputError } from '../errors';
import { newId } from '../ids';
import type { DomainEvent, NewEvent, SubscribeOptions } from './event-bus.port';

/** Kafka's legal topic names; the memory driver enforces the same so code moves between drivers. */
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Headers added to an event when it is moved to `<topic>.dlq`. */
export const DeadLetterHeader = {
  ORIGINAL_TOPIC: 'x-dlq-original-topic',
  GROUP: 'x-dlq-group',
  ERROR: 'x-dlq-error',
  ERROR_NAME: 'x-dlq-error-name',
  ATTEMPTS: 'x-dlq-attempts',
  FAILED_AT: 'x-dlq-failed-at',
} as const;

export interface ResolvedSubscribeOptions {
  maxAttempts: number;
  backoffMs: number;
  maxBackoffMs: number;
}

export function checkTopic(topic: string): void {
  if (typeof topic !== 'string' || !TOPIC_NAME.test(topic) || topic === '.' || topic === '..') {
    throw new BadUserInputError(
      'Topic names use letters, digits, ".", "_" and "-" (at most 249 characters)',
      { topic: String(topic) },
    );
  }
}

export function checkGroup(group: string): void {
  if (typeof group !== 'string' || !TOPIC_NAME.test(group)) {
    throw new BadUserInputError('Consumer group names use letters, digits, ".", "_" and "-"', {
      group: String(group),
    });
  }
}

/**
 * Completes a new event (id, occurredAt) and serializes it once. The returned event is the parsed
 * serialization, so publishers see exactly what every consumer will receive (dates become strings,
 * undefined fields vanish) on both drivers.
 */
export function prepareEvent<T>(input: NewEvent<T>): { event: DomainEvent<T>; serialized: string } {
  if (!input || typeof input !== 'object') throw new BadUserInputError('Event must be an object');
  if (typeof input.type !== 'string' || input.type.length === 0)
    throw new BadUserInputError('Event type must be a non-empty string');
  if (input.payload === undefined)
    throw new BadUserInputError('Event payload is required (use null for none)');
  if (input.key !== undefined && (typeof input.key !== 'string' || input.key.length === 0)) {
    throw new BadUserInputError('Event key must be a non-empty string when given');
  }
  if (input.id !== undefined && (typeof input.id !== 'string' || input.id.length === 0)) {
    throw new BadUserInputError('Event id must be a non-empty string when given');
  }
  if (
    input.occurredAt !== undefined &&
    (typeof input.occurredAt !== 'string' || Number.isNaN(Date.parse(input.occurredAt)))
  ) {
    throw new BadUserInputError('Event occurredAt must be an ISO timestamp');
  }
  if (input.headers !== undefined) {
    const ok =
      typeof input.headers === 'object' &&
      input.headers !== null &&
      Object.values(input.headers).every((v) => typeof v === 'string');
    if (!ok) throw new BadUserInputError('Event headers must map names to strings');
  }
  const event: DomainEvent<T> = {
    id: input.id ?? newId(),
    type: input.type,
    occurredAt: input.occurredAt ?? new Date().toISOString(),
    ...(input.key !== undefined ? { key: input.key } : {}),
    payload: input.payload,
    ...(input.headers !== undefined ? { headers: { ...input.headers } } : {}),
  };
  let serialized: string;
  try {
    serialized = JSON.stringify(event);
  } catch {
    throw new BadUserInputError('Event payload must be JSON-serializable');
  }
  return { event: JSON.parse(serialized) as DomainEvent<T>, serialized };
}

/** Parses a serialized event coming off the wire; throws on anything that is not a DomainEvent. */
export function parseEvent<T = unknown>(raw: string): DomainEvent<T> {
  const value: unknown = JSON.parse(raw);
  const event = value as Partial<DomainEvent<T>> | null;
  if (
    !event ||
    typeof event !== 'object' ||
    typeof event.id !== 'string' ||
    typeof event.type !== 'string' ||
    typeof event.occurredAt !== 'string'
  ) {
    throw new Error('Message is not a domain event');
  }
  return event as DomainEvent<T>;
}

export function resolveSubscribeOptions(options: SubscribeOptions = {}): ResolvedSubscribeOptions {
  const resolved = {
    maxAttempts: options.maxAttempts ?? 5,
    backoffMs: options.backoffMs ?? 100,
    maxBackoffMs: options.maxBackoffMs ?? 10_000,
  };
  if (!Number.isSafeInteger(resolved.maxAttempts) || resolved.maxAttempts < 1)
    throw new BadUserInputError('maxAttempts must be a positive integer');
  if (!(resolved.backoffMs >= 0) || !(resolved.maxBackoffMs >= 0))
    throw new BadUserInputError('Backoff delays must be non-negative');
  return resolved;
}

/** Delay before retry number `attempt` (1-based count of failures so far): backoffMs, 2x, 4x ... capped. */
export function backoffDelay(attempt: number, options: ResolvedSubscribeOptions): number {
  return Math.min(options.backoffMs * 2 ** (attempt - 1), options.maxBackoffMs);
}

export function deadLetterHeaders(
  headers: Record<string, string> | undefined,
  context: { topic: string; group: string; error: unknown; attempts: number },
): Record<string, string> {
  const error = context.error instanceof Error ? context.error : new Error(String(context.error));
  return {
    ...(headers ?? {}),
    [DeadLetterHeader.ORIGINAL_TOPIC]: context.topic,
    [DeadLetterHeader.GROUP]: context.group,
    [DeadLetterHeader.ERROR]: error.message.slice(0, 1_000),
    [DeadLetterHeader.ERROR_NAME]: error.name,
    [DeadLetterHeader.ATTEMPTS]: String(context.attempts),
    [DeadLetterHeader.FAILED_AT]: new Date().toISOString(),
  };
}

/** Runs a handler so that a synchronous throw becomes a rejection like an async one. */
export async function invokeHandler<T>(
  handler: (event: DomainEvent<T>) => Promise<void>,
  event: DomainEvent<T>,
): Promise<void> {
  await handler(event);
}
