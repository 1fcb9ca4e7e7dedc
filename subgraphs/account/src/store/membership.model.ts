import { index, modelOptions, prop } from '@typegoose/typegoose';
import { OrgRole } from '@grove/platform';

@modelOptions({ schemaOptions: { collection: 'account_memberships', timestamps: true } })
@index({ orgId: 1, userId: 1 }, { unique: true })
@index({ userId: 1 })
@index({ orgId: 1, createdAt: 1 })
@index({ orgId: 1, role: 1 })
export class MembershipModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true })
  userId!: string;

  @prop({ type: String, required: true, enum: Object.values(OrgRole) })
  role!: OrgRole;

  createdAt!: Date;
  updatedAt!: Date;
}
