import { index, modelOptions, prop } from '@typegoose/typegoose';

export const OrganizationStatus = { PENDING: 'PENDING', APPROVED: 'APPROVED', REJECTED: 'REJECTED' } as const;
export type OrganizationStatus = (typeof OrganizationStatus)[keyof typeof OrganizationStatus];

export const AmendmentStatus = { PENDING: 'PENDING', REJECTED: 'REJECTED' } as const;
export type AmendmentStatus = (typeof AmendmentStatus)[keyof typeof AmendmentStatus];

/** An institution (机构). Created by an application, reviewed by operators; `frozen` applies to APPROVED ones. */
@modelOptions({ schemaOptions: { collection: 'account_organizations', timestamps: true } })
@index({ creditCode: 1 }, { unique: true })
@index({ status: 1, createdAt: -1 })
// Client-chosen orders of the operators' list (orderBy), with and without a status.
@index({ createdAt: -1 })
@index({ name: 1 })
@index({ submittedAt: -1 })
@index({ status: 1, name: 1 })
@index({ status: 1, submittedAt: -1 })
export class OrganizationModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true, trim: true, minlength: 2, maxlength: 100 })
  name!: string;

  /** Unified social credit code (统一社会信用代码), validated with its check digit. */
  @prop({ type: String, required: true, match: /^[0-9A-HJ-NPQRTUWXY]{18}$/ })
  creditCode!: string;

  @prop({ type: String, required: true, trim: true, maxlength: 80 })
  contactName!: string;

  @prop({ type: String, required: true, match: /^\+[1-9]\d{6,14}$/ })
  contactPhone!: string;

  @prop({ type: String, lowercase: true, trim: true, maxlength: 254 })
  contactEmail?: string;

  /** Reference to the uploaded business licence (object-store key or netdisk id). */
  @prop({ type: String, required: true, maxlength: 500 })
  licenceDocumentRef!: string;

  @prop({
    type: String,
    required: true,
    enum: Object.values(OrganizationStatus),
    default: OrganizationStatus.PENDING,
  })
  status!: OrganizationStatus;

  @prop({ type: Boolean, required: true, default: false })
  frozen!: boolean;

  @prop({ type: String, maxlength: 500 })
  frozenReason?: string;

  @prop({ type: String, maxlength: 500 })
  rejectionReason?: string;

  @prop({ type: String })
  reviewedBy?: string;

  @prop({ type: Date })
  reviewedAt?: Date;

  @prop({ type: String, required: true })
  applicantId!: string;

  @prop({ type: Date, required: true })
  submittedAt!: Date;

  /**
   * A change of name, credit code or licence asked by an APPROVED organization, waiting for review; the approved
   * details stay in force meanwhile. Flat fields (not a sub-document) so every documents driver can guard on them.
   * `amendmentId` changes with every submission, so a review applies to exactly the amendment it read.
   */
  @prop({ type: String })
  amendmentId?: string;

  @prop({ type: String, enum: Object.values(AmendmentStatus) })
  amendmentStatus?: AmendmentStatus;

  @prop({ type: String, trim: true, maxlength: 100 })
  amendmentName?: string;

  @prop({ type: String, match: /^[0-9A-HJ-NPQRTUWXY]{18}$/ })
  amendmentCreditCode?: string;

  @prop({ type: String, maxlength: 500 })
  amendmentLicenceDocumentRef?: string;

  @prop({ type: String })
  amendmentSubmittedBy?: string;

  @prop({ type: Date })
  amendmentSubmittedAt?: Date;

  @prop({ type: String, maxlength: 500 })
  amendmentRejectionReason?: string;

  @prop({ type: Date })
  amendmentReviewedAt?: Date;

  /** Guard counter so concurrent demotions/removals can never leave an organization without an owner. */
  @prop({ type: Number, required: true, min: 0, default: 1 })
  ownerCount!: number;

  createdAt!: Date;
  updatedAt!: Date;
}
