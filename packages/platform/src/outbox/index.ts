export { TransactionalOutbox, type TransactionalOutboxOptions } from './transactional-outbox';
export { OutboxEntryModel, OutboxStatus } from './outbox-entry.model';
