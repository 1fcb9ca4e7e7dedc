import { index, modelOptions, prop } from '@typegoose/typegoose';

export const SdkBuildStatus = {
  SUBMITTED: 'SUBMITTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type SdkBuildStatus = (typeof SdkBuildStatus)[keyof typeof SdkBuildStatus];

/** An SDK build an organization submitted for operator review. */
@modelOptions({ schemaOptions: { collection: 'sdk_build_reviews', timestamps: true } })
@index({ orgId: 1, createdAt: -1 })
@index({ status: 1, createdAt: 1 })
// Client-chosen orders (orderBy) of an organization's builds and of the review queue.
@index({ orgId: 1, version: 1 })
@index({ orgId: 1, platform: 1 })
@index({ orgId: 1, status: 1 })
@index({ status: 1, version: 1 })
@index({ status: 1, platform: 1 })
export class SdkBuildReviewModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true })
  platform!: string;

  @prop({ type: String, required: true })
  version!: string;

  @prop({ type: String, required: true })
  artifactKey!: string;

  @prop({ type: String, required: true })
  artifactSha256!: string;

  @prop({ type: Number, required: true, min: 0 })
  artifactSize!: number;

  @prop({ type: String, maxlength: 2000 })
  notes?: string;

  @prop({ type: String, required: true, enum: Object.values(SdkBuildStatus) })
  status!: SdkBuildStatus;

  @prop({ type: String, required: true })
  submittedBy!: string;

  @prop({ type: String })
  reviewedBy?: string;

  @prop({ type: Date })
  reviewedAt?: Date;

  @prop({ type: String, maxlength: 500 })
  rejectionReason?: string;

  createdAt!: Date;
  updatedAt!: Date;
}
