import { index, modelOptions, prop } from '@typegoose/typegoose';

export const OutboxStatus = { PENDING: 'PENDING', PUBLISHED: 'PUBLISHED' } as const;
export type OutboxStatus = (typeof OutboxStatus)[keyof typeof OutboxStatus];

/**
 * An event written in the same transaction as the state change it announces (docs/events.md, "Transactional
 * outbox"). `_id` is the event id, so an entry is published under the same id however often it is retried.
 */
@modelOptions({ schemaOptions: { collection: 'platform_outbox' } })
// The relay's sweep: due pending entries of one source.
@index({ source: 1, status: 1, availableAt: 1 })
// Pruning: published entries of one source older than the retention.
@index({ source: 1, status: 1, publishedAt: 1 })
export class OutboxEntryModel {
  @prop({ type: String, required: true })
  _id!: string;

  /** The service that wrote it (its replicas share the entries). */
  @prop({ type: String, required: true })
  source!: string;

  @prop({ type: String, required: true })
  topic!: string;

  /** The complete event as JSON (what consumers receive). */
  @prop({ type: String, required: true })
  event!: string;

  @prop({ type: String, required: true, enum: Object.values(OutboxStatus) })
  status!: OutboxStatus;

  /** A pending entry is left alone until then: leased by the process publishing it, or waiting for a retry. */
  @prop({ type: Date, required: true })
  availableAt!: Date;

  @prop({ type: Number, required: true, default: 0 })
  attempts!: number;

  @prop({ type: Date, required: true })
  createdAt!: Date;

  @prop({ type: Date })
  publishedAt?: Date;

  @prop({ type: String })
  lastError?: string;
}
