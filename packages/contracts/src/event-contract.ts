import type { DomainEvent, EventHandler, Logger, NewEvent } from '@grove/platform';
import { z } from 'zod';

/**
 * Envelope header carrying the payload's schema version. In the envelope rather than the payload so that a
 * consumer can decide before parsing, and so payloads stay exactly what the producer meant to say.
 */
export const SCHEMA_VERSION_HEADER = 'schema-version';

/** Events published before the contracts existed carry no header: they are version 1. */
const UNVERSIONED = 1;

/** One event type: the payload schema of its current version. */
export interface EventSchema<P extends z.ZodType = z.ZodType> {
  version: number;
  payload: P;
}

/** A topic and every event type published on it. */
export interface TopicContract<E extends Record<string, EventSchema> = Record<string, EventSchema>> {
  topic: string;
  events: E;
}

export type EventTypeOf<C extends TopicContract> = Extract<keyof C['events'], string>;
export type PayloadOf<C extends TopicContract, T extends EventTypeOf<C>> = z.output<
  C['events'][T]['payload']
>;

export function eventSchema<P extends z.ZodType>(payload: P, version = 1): EventSchema<P> {
  return { version, payload };
}

export function defineTopic<const E extends Record<string, EventSchema>>(
  topic: string,
  events: E,
): TopicContract<E> {
  return { topic, events };
}

export function eventTypes<C extends TopicContract>(contract: C): EventTypeOf<C>[] {
  return Object.keys(contract.events) as EventTypeOf<C>[];
}

export function isEventType<C extends TopicContract>(contract: C, type: string): type is EventTypeOf<C> {
  return Object.prototype.hasOwnProperty.call(contract.events, type);
}

/** The envelope headers a producer adds to an event of `type`: its schema version. */
export function schemaHeaders<C extends TopicContract>(
  contract: C,
  type: EventTypeOf<C>,
): Record<string, string> {
  return { [SCHEMA_VERSION_HEADER]: String((contract.events[type] as EventSchema).version) };
}

/** What a producer hands to `EventBus.publish`: the envelope stamped with the schema version of `type`. */
export function contractEvent<C extends TopicContract, T extends EventTypeOf<C>>(
  contract: C,
  type: T,
  key: string,
  payload: PayloadOf<C, T>,
): NewEvent<PayloadOf<C, T>> {
  return { type, key, payload, headers: schemaHeaders(contract, type) };
}

export type ParsedEvent<C extends TopicContract> = {
  [T in EventTypeOf<C>]: { ok: true; type: T; payload: PayloadOf<C, T>; event: DomainEvent<unknown> };
}[EventTypeOf<C>];

export type EventParseResult<C extends TopicContract> =
  | ParsedEvent<C>
  /** `foreign`: a type this contract does not list (ignore it); `invalid`: a listed type that does not parse. */
  | { ok: false; reason: 'foreign' | 'invalid'; detail: string; event: DomainEvent<unknown> };

/**
 * Checks a received event against its contract: a type the contract lists, a schema version the consumer knows,
 * a payload the schema accepts. Unknown fields are dropped (additions are compatible and do not bump the version).
 */
export function parseContractEvent<C extends TopicContract>(
  contract: C,
  event: DomainEvent<unknown>,
): EventParseResult<C> {
  if (!isEventType(contract, event.type))
    return { ok: false, reason: 'foreign', detail: `not a ${contract.topic} event type`, event };
  const schema = contract.events[event.type] as EventSchema;
  const header = event.headers?.[SCHEMA_VERSION_HEADER];
  const version = header === undefined ? UNVERSIONED : Number(header);
  if (version !== schema.version) {
    return {
      ok: false,
      reason: 'invalid',
      detail: `schema version ${header} of ${event.type}; this consumer knows ${schema.version}`,
      event,
    };
  }
  const parsed = schema.payload.safeParse(event.payload);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: z.prettifyError(parsed.error), event };
  return { ok: true, type: event.type, payload: parsed.data, event } as ParsedEvent<C>;
}

/**
 * Wraps a consumer's handler: events of types the contract does not list are ignored, events that fail the
 * contract (unknown schema version, bad payload) are logged at warn and skipped. Not dead-lettered: a retry cannot
 * make a payload valid, and the log line names the event id to replay once the consumer knows the new version.
 */
export function contractHandler<C extends TopicContract>(
  contract: C,
  logger: Logger,
  handler: (event: ParsedEvent<C>) => Promise<void>,
): EventHandler<unknown> {
  return async (event) => {
    const parsed = parseContractEvent(contract, event);
    if (parsed.ok) return handler(parsed);
    if (parsed.reason === 'invalid') {
      logger.warn(
        { topic: contract.topic, eventId: event.id, type: event.type, detail: parsed.detail },
        'event does not match its contract; skipped',
      );
    }
  };
}
