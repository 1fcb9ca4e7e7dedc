import { index, modelOptions, prop } from '@typegoose/typegoose';

export const LinkStatus = { PENDING: 'PENDING', ACTIVE: 'ACTIVE', REJECTED: 'REJECTED' } as const;
export type LinkStatus = (typeof LinkStatus)[keyof typeof LinkStatus];

/**
 * A mini-program linked to a host app. Same-organization links are ACTIVE at once; a link to another
 * organization's mini-program is a PENDING request that the owning organization approves or rejects.
 */
@modelOptions({ schemaOptions: { collection: 'app_host_app_links', timestamps: true } })
@index({ hostAppId: 1, appId: 1 }, { unique: true })
@index({ appOrgId: 1, status: 1 })
@index({ hostOrgId: 1, status: 1 })
export class LinkModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  hostAppId!: string;

  @prop({ type: String, required: true })
  hostOrgId!: string;

  @prop({ type: String, required: true })
  appId!: string;

  @prop({ type: String, required: true })
  appOrgId!: string;

  @prop({ type: String, required: true, enum: Object.values(LinkStatus) })
  status!: LinkStatus;

  @prop({ type: String, required: true })
  requestedBy!: string;

  @prop({ type: String })
  decidedBy?: string;

  @prop({ type: Date })
  decidedAt?: Date;

  @prop({ type: String, maxlength: 500 })
  rejectionReason?: string;

  createdAt!: Date;
  updatedAt!: Date;
}
