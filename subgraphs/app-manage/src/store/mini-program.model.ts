import { index, modelOptions, prop } from '@typegoose/typegoose';

/** A page of the mini-program its owner declared searchable: found by its title and text, opened at its path. */
export class SearchablePageModel {
  @prop({ type: String, required: true, maxlength: 200 })
  path!: string;

  @prop({ type: String, required: true, maxlength: 40 })
  title!: string;

  @prop({ type: String, maxlength: 200 })
  text?: string;
}

export const MiniProgramStatus = { ACTIVE: 'ACTIVE', FROZEN: 'FROZEN' } as const;
export type MiniProgramStatus = (typeof MiniProgramStatus)[keyof typeof MiniProgramStatus];

/** A mini-program (小程序) owned by an organization. `_id` is the public app id. */
@modelOptions({ schemaOptions: { collection: 'app_mini_programs', timestamps: true } })
@index({ orgId: 1, name: 1 }, { unique: true })
@index({ orgId: 1, createdAt: -1 })
// Lists filtered by status (an organization's, or every organization's for operators) page and count by index.
@index({ orgId: 1, status: 1, createdAt: -1 })
@index({ status: 1, createdAt: -1 })
@index({ createdAt: -1 })
// Client-chosen orders (orderBy: NAME, UPDATED_AT, STATUS), an organization's and every organization's.
@index({ orgId: 1, updatedAt: -1 })
@index({ orgId: 1, status: 1, name: 1 })
@index({ name: 1 })
@index({ updatedAt: -1 })
@index({ status: 1, name: 1 })
@index({ packageAppIdSlot: 1 }, { unique: true, sparse: true })
export class MiniProgramModel {
  /** App id: 'mp' + 16 hex characters, never reused. */
  @prop({ type: String, required: true, match: /^mp[0-9a-f]{16}$/ })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true, trim: true, minlength: 1, maxlength: 40 })
  name!: string;

  @prop({ type: String, maxlength: 500 })
  description?: string;

  @prop({ type: String, maxlength: 40 })
  category?: string;

  @prop({ type: () => [String], default: [] })
  tags!: string[];

  /** Search aliases the owner set (other names people type: 社保 for 社会保险查询); indexed below the name. */
  @prop({ type: () => [String], default: [] })
  searchAliases!: string[];

  /** Pages declared searchable by the owner (issue 10): a hit can open the mini-program at one of them. */
  @prop({ type: () => [SearchablePageModel], _id: false, default: [] })
  searchablePages!: SearchablePageModel[];

  /** False when the owner switched "can be found by search" off; absent (older records) means on. */
  @prop({ type: Boolean })
  searchable?: boolean;

  /** Object-store key of the logo image, set only by the logo upload. */
  @prop({ type: String, maxlength: 300 })
  logoKey?: string;

  @prop({
    type: String,
    required: true,
    enum: Object.values(MiniProgramStatus),
    default: MiniProgramStatus.ACTIVE,
  })
  status!: MiniProgramStatus;

  @prop({ type: String, maxlength: 500 })
  frozenReason?: string;

  @prop({ type: String, required: true })
  createdBy!: string;

  /** The W3C MiniApp manifest `app_id` (the developer's reverse-domain id), bound by the first package that carries one. */
  @prop({ type: String, maxlength: 128 })
  packageAppId?: string;

  /**
   * `<orgId>/<packageAppId>` while bound: its unique sparse index keeps one package app_id per organization
   * (a sparse compound index would still index `orgId` alone, so the pair lives in one field).
   */
  @prop({ type: String, maxlength: 200 })
  packageAppIdSlot?: string;

  /**
   * When a version of it was first approved. From then on it may have been released (gray, published, a release
   * plan) and cannot be deleted: its versions are delisted instead. Set before the approval itself is written.
   */
  @prop({ type: Date })
  firstApprovedAt?: Date;

  /** Set while its deletion runs: it reads as gone to every caller, and approvals of its versions are refused. */
  @prop({ type: Date })
  deletingAt?: Date;

  createdAt!: Date;
  updatedAt!: Date;
}
