import { index, modelOptions, prop } from '@typegoose/typegoose';

export const VersionStatus = {
  DEVELOPMENT: 'DEVELOPMENT',
  SUBMITTED: 'SUBMITTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  PUBLISHED: 'PUBLISHED',
  GRAY: 'GRAY',
  DELISTED: 'DELISTED',
} as const;
export type VersionStatus = (typeof VersionStatus)[keyof typeof VersionStatus];

export const PackageFormat = { W3C: 'w3c', WECHAT: 'wechat' } as const;
export type PackageFormat = (typeof PackageFormat)[keyof typeof PackageFormat];

/**
 * One uploaded package of a mini-program and its review/release state. `publishedSlot` and `graySlot` hold the
 * app id only while the version is PUBLISHED / GRAY: their unique sparse indexes make the database itself refuse
 * a second published (or gray) version of the same mini-program, whatever the interleaving of writers.
 * `nameSlot` (`<appId>/<versionName>`) is held the same way by every version that is not REJECTED, so a rejected
 * version gives its name back to the next upload (the fixed build) while it stays listed with its reason.
 */
@modelOptions({ schemaOptions: { collection: 'app_mini_program_versions', timestamps: true } })
@index({ appId: 1, versionName: 1 })
@index({ nameSlot: 1 }, { unique: true, sparse: true })
@index({ appId: 1, createdAt: -1 })
@index({ status: 1, submittedAt: 1 })
// Client-chosen orders (orderBy: VERSION_NAME, STATUS) of an app's versions and of the review queue.
@index({ appId: 1, status: 1 })
@index({ status: 1, versionName: 1 })
@index({ publishedSlot: 1 }, { unique: true, sparse: true })
@index({ graySlot: 1 }, { unique: true, sparse: true })
export class VersionModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  appId!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true, maxlength: 32 })
  versionName!: string;

  @prop({ type: Number })
  versionCode?: number;

  @prop({ type: String, maxlength: 2000 })
  releaseNotes?: string;

  @prop({
    type: String,
    required: true,
    enum: Object.values(VersionStatus),
    default: VersionStatus.DEVELOPMENT,
  })
  status!: VersionStatus;

  // ---- package
  @prop({ type: String, required: true })
  packageKey!: string;

  @prop({ type: String, required: true, match: /^[0-9a-f]{64}$/ })
  packageSha256!: string;

  @prop({ type: Number, required: true, min: 0 })
  packageSize!: number;

  @prop({ type: String, required: true, enum: Object.values(PackageFormat) })
  packageFormat!: PackageFormat;

  @prop({ type: Number, required: true, min: 0 })
  packageFiles!: number;

  @prop({ type: Number, required: true, min: 0 })
  packageUncompressedBytes!: number;

  @prop({ type: () => [String], default: [] })
  pages!: string[];

  @prop({ type: Number })
  minPlatformCode?: number;

  @prop({ type: String, required: true })
  uploadedBy!: string;

  // ---- review
  @prop({ type: String })
  submittedBy?: string;

  @prop({ type: Date })
  submittedAt?: Date;

  @prop({ type: String })
  reviewedBy?: string;

  @prop({ type: Date })
  reviewedAt?: Date;

  @prop({ type: String, maxlength: 500 })
  rejectionReason?: string;

  /** `<appId>/<versionName>` while the version is not REJECTED (see the class comment). */
  @prop({ type: String })
  nameSlot?: string;

  // ---- release
  @prop({ type: String })
  publishedSlot?: string;

  @prop({ type: String })
  graySlot?: string;

  @prop({ type: Date })
  publishedAt?: Date;

  @prop({ type: String })
  publishedBy?: string;

  /** The version this one replaced when it was last published normally; rollback returns to it. */
  @prop({ type: String })
  previousPublishedVersionId?: string;

  /** The rule-engine's release plan that gray-releases (or published) this version; it owns rules and cohorts. */
  @prop({ type: String, maxlength: 100 })
  releasePlanId?: string;

  /** Share of matching devices the release plan serves this version to, mirrored from the plan's events. */
  @prop({ type: Number, min: 0, max: 100 })
  grayPercentage?: number;

  @prop({ type: String, maxlength: 100 })
  grayRuleId?: string;

  @prop({ type: Date })
  grayStartedAt?: Date;

  @prop({ type: Date })
  delistedAt?: Date;

  @prop({ type: String })
  delistedBy?: string;

  @prop({ type: String, maxlength: 500 })
  delistReason?: string;

  /** True when an operator delisted it (governance), false for the owner's own delisting. */
  @prop({ type: Boolean })
  forcedDelist?: boolean;

  createdAt!: Date;
  updatedAt!: Date;
}
