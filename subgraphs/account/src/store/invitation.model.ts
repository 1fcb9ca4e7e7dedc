import { index, modelOptions, prop } from '@typegoose/typegoose';
import { OrgRole } from '@grove/platform';

/**
 * EXPIRED is never stored: it is a PENDING invitation whose `expiresAt` has passed, as the reader's clock sees it
 * (so an invitation expires on time without a sweeper, and revoking or accepting one races with nothing).
 */
export const InvitationStatus = {
  PENDING: 'PENDING',
  ACCEPTED: 'ACCEPTED',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
} as const;
export type InvitationStatus = (typeof InvitationStatus)[keyof typeof InvitationStatus];
export type StoredInvitationStatus = Exclude<InvitationStatus, 'EXPIRED'>;
const STORED_STATUSES: StoredInvitationStatus[] = [
  InvitationStatus.PENDING,
  InvitationStatus.ACCEPTED,
  InvitationStatus.REVOKED,
];

/** A one-time invitation into an organization; only the sha256 of its token is stored. */
@modelOptions({ schemaOptions: { collection: 'account_invitations', timestamps: true } })
@index({ tokenHash: 1 }, { unique: true })
@index({ orgId: 1, status: 1 })
@index({ orgId: 1, createdAt: -1 })
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
    enum: STORED_STATUSES,
    default: InvitationStatus.PENDING,
  })
  status!: StoredInvitationStatus;

  @prop({ type: String })
  acceptedBy?: string;

  @prop({ type: String })
  revokedBy?: string;

  @prop({ type: Date })
  revokedAt?: Date;

  createdAt!: Date;
  updatedAt!: Date;
}
