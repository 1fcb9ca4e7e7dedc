export * from './event-bus.port';
export { DeadLetterHeader } from './event-envelope';
export { EVENT_JOURNAL_FILE, EventJournal, type JournalEntry } from './event-journal';
export { MemoryEventBus, type MemoryEventBusOptions } from './memory-event-bus.driver';
// The Kafka class is reached through createEventBus so kafkajs loads only when selected.
export type { KafkaEventBus, KafkaEventBusOptions } from './kafka-event-bus.driver';
export type {
  EventBusClock,
  RedisStreamsEventBus,
  RedisStreamsEventBusOptions,
} from './redis-streams-event-bus.driver';
export { createEventBus, eventBusOptionsFromConfig, type EventBusOptions } from './event-bus.factory';
export { idempotentHandler } from './idempotent-handler';
