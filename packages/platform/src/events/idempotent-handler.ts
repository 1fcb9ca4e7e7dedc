import { BadUserInputError } from '../errors';
import type { KeyValueStore } from '../cache/cache.port';
import type { EventHandler } from './event-bus.port';

const SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000;

/**
 * Makes an at-least-once handler effectively-once per consumer group: an event whose id this group
 * already processed successfully is skipped. The mark is written only after the handler succeeds,
 * so a failed attempt is retried; two concurrent duplicate deliveries may both run, which the bus
 * avoids for one (topic, group) by handling same-key events one at a time.
 */
export function idempotentHandler<T>(
  kv: KeyValueStore,
  group: string,
  handler: EventHandler<T>,
  ttlMs = SEVEN_DAYS_MS,
): EventHandler<T> {
  if (typeof group !== 'string' || group.length === 0)
    throw new BadUserInputError('Consumer group must be a non-empty string');
  return async (event) => {
    const mark = `events:processed:${group}:${event.id}`;
    if ((await kv.get(mark)) !== null) return;
    await handler(event);
    await kv.set(mark, '1', { ttlMs });
  };
}
