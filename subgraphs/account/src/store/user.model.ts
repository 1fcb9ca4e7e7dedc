import { index, modelOptions, prop } from '@typegoose/typegoose';
import { OperatorRole } from '@grove/platform';

/** An account: institution user, operator, or both. Email and phone are stored normalised. */
@modelOptions({ schemaOptions: { collection: 'account_users', timestamps: true } })
@index({ email: 1 }, { unique: true, sparse: true })
@index({ phone: 1 }, { unique: true, sparse: true })
@index({ operatorRoles: 1 })
export class UserModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, lowercase: true, trim: true, maxlength: 254 })
  email?: string;

  @prop({ type: String, match: /^\+[1-9]\d{6,14}$/ })
  phone?: string;

  @prop({ type: String, required: true, trim: true, minlength: 1, maxlength: 80 })
  displayName!: string;

  /** `scrypt$<log2N>$<r>$<p>$<salt>$<hash>`; never leaves the store layer. */
  @prop({ type: String, required: true })
  passwordHash!: string;

  @prop({ type: () => [String], enum: Object.values(OperatorRole), default: [] })
  operatorRoles!: OperatorRole[];

  @prop({ type: Boolean, required: true, default: false })
  disabled!: boolean;

  @prop({ type: Date })
  lastLoginAt?: Date;

  @prop({ type: Date })
  passwordChangedAt?: Date;

  createdAt!: Date;
  updatedAt!: Date;
}
