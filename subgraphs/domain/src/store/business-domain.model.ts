import { index, modelOptions, prop } from '@typegoose/typegoose';

export const BusinessDomainStatus = {
  PENDING_VERIFICATION: 'PENDING_VERIFICATION',
  VERIFIED: 'VERIFIED',
} as const;
export type BusinessDomainStatus = (typeof BusinessDomainStatus)[keyof typeof BusinessDomainStatus];

export const VerificationMethod = { FILE: 'FILE', WHITELIST: 'WHITELIST' } as const;
export type VerificationMethod = (typeof VerificationMethod)[keyof typeof VerificationMethod];

/** A web-view (business) domain of a mini-program and its ownership proof. */
@modelOptions({ schemaOptions: { collection: 'domain_business_domains', timestamps: true } })
@index({ appId: 1, domain: 1 }, { unique: true })
export class BusinessDomainModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  appId!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  /** Punycode, lower case. */
  @prop({ type: String, required: true, maxlength: 253 })
  domain!: string;

  @prop({ type: String, required: true, enum: Object.values(BusinessDomainStatus) })
  status!: BusinessDomainStatus;

  @prop({ type: String, required: true })
  fileName!: string;

  @prop({ type: String, required: true })
  fileContent!: string;

  @prop({ type: String, enum: Object.values(VerificationMethod) })
  verificationMethod?: VerificationMethod;

  @prop({ type: Date })
  verifiedAt?: Date;

  @prop({ type: Date })
  lastCheckedAt?: Date;

  /** A VerificationFailure of the last failed check. */
  @prop({ type: String })
  failureReason?: string;

  @prop({ type: String, maxlength: 500 })
  failureDetail?: string;

  @prop({ type: String, required: true })
  addedBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
