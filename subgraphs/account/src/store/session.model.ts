import { index, modelOptions, prop } from '@typegoose/typegoose';

/** A refresh-token family: one per device login. Revoking it ends every token of the family. */
@modelOptions({ schemaOptions: { collection: 'account_sessions', timestamps: true } })
@index({ userId: 1, revoked: 1 })
export class SessionModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  userId!: string;

  @prop({ type: String, maxlength: 200 })
  deviceId?: string;

  @prop({ type: String, maxlength: 200 })
  deviceName?: string;

  @prop({ type: String, maxlength: 500 })
  userAgent?: string;

  @prop({ type: String, maxlength: 100 })
  clientIp?: string;

  @prop({ type: Date, required: true })
  lastUsedAt!: Date;

  /** Sliding: each rotation extends it by the refresh-token TTL. */
  @prop({ type: Date, required: true })
  expiresAt!: Date;

  @prop({ type: Boolean, required: true, default: false })
  revoked!: boolean;

  @prop({ type: Date })
  revokedAt?: Date;

  @prop({
    type: String,
    enum: [
      'LOGOUT',
      'USER',
      'OPERATOR',
      'REUSE_DETECTED',
      'NEW_LOGIN_ON_DEVICE',
      'ACCOUNT_DISABLED',
      'PASSWORD_CHANGED',
    ],
  })
  revokedReason?: string;

  createdAt!: Date;
  updatedAt!: Date;
}

/** One refresh token, keyed by the sha256 of its value. `used` flips once, by conditional update. */
@modelOptions({ schemaOptions: { collection: 'account_refresh_tokens', timestamps: true } })
@index({ sessionId: 1 })
@index({ expiresAt: 1 }, { expireAfterSeconds: 0 })
export class RefreshTokenModel {
  /** sha256(token), base64url */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  sessionId!: string;

  @prop({ type: String, required: true })
  userId!: string;

  @prop({ type: Boolean, required: true, default: false })
  used!: boolean;

  @prop({ type: Date })
  usedAt?: Date;

  @prop({ type: Date, required: true })
  expiresAt!: Date;

  createdAt!: Date;
  updatedAt!: Date;
}
