import { index, modelOptions, prop } from '@typegoose/typegoose';
import { OrgRole } from '@grove/platform';

export const InvitationStatus = { PENDING: 'PENDING', ACCEPTED: 'ACCEPTED' } as const;
export type InvitationStatus = (typeof InvitationStatus)[keyof typeof InvitationStatus];

/** A one-time invitation into an organization; only the sha256 of its token is stored. */
@modelOptions({ schemaOptions: { collection: 'account_invitations', timestamps: true } })
@index({ tokenHash: 1 }, { unique: true })
@index({ orgId: 1, status: 1 })
export class InvitationModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, lowercase: true, trim: true })
  email?: string;

  @prop({ type: String })
  phone?: string;

  @prop({ type: String, required: true, enum: Object.values(OrgRole) })
  role!: OrgRole;

  @prop({ type: String, required: true })
  tokenHash!: string;

  @prop({ type: String, required: true })
  invitedBy!: string;

  @prop({ type: Date, required: true })
  expiresAt!: Date;

  @prop({
    type: String,
    required: true,
    enum: Object.values(InvitationStatus),
    default: InvitationStatus.PENDING,
  })
  status!: InvitationStatus;

  @prop({ type: String })
  acceptedBy?: string;

  createdAt!: Date;
  updatedAt!: Date;
}
