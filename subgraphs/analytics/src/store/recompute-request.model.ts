import { index, modelOptions, prop } from '@typegoose/typegoose';

export const RecomputeRequestStatus = { REQUESTED: 'REQUESTED', DONE: 'DONE', FAILED: 'FAILED' } as const;
export type RecomputeRequestStatus = (typeof RecomputeRequestStatus)[keyof typeof RecomputeRequestStatus];

/**
 * An operator's request to recompute the daily rollups of a range (`recomputeAnalytics`): the change that mutation
 * makes in the documents store, committed with its operation log line before the recompute runs (ADR 0013). The
 * rollups live in the analytics store, which shares no transaction with the documents.
 */
@modelOptions({ schemaOptions: { collection: 'analytics_recompute_requests' } })
@index({ status: 1, requestedAt: 1 })
export class RecomputeRequestModel {
  @prop({ type: String, required: true })
  _id!: string;

  /** First and last day (YYYY-MM-DD, reporting time zone), inclusive. */
  @prop({ type: String, required: true })
  from!: string;

  @prop({ type: String, required: true })
  to!: string;

  @prop({ type: Number, required: true })
  days!: number;

  /** The operator's user id. */
  @prop({ type: String, required: true })
  requestedBy!: string;

  @prop({ type: Date, required: true })
  requestedAt!: Date;

  @prop({ type: String, required: true, enum: Object.values(RecomputeRequestStatus) })
  status!: RecomputeRequestStatus;

  /** (mini-program, day) pairs written, once DONE. */
  @prop({ type: Number })
  written?: number;

  /** Why it FAILED (the error message, at most 1 000 characters). */
  @prop({ type: String })
  error?: string;

  @prop({ type: Date })
  finishedAt?: Date;
}
