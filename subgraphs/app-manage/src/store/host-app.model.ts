import { index, modelOptions, prop } from '@typegoose/typegoose';

/**
 * A host app (应用) that embeds the SDK. The SDK secret is stored only as AES-256-GCM ciphertext because the
 * runtime must recompute HMAC signatures with it; it is returned in clear only when created or rotated.
 */
@modelOptions({ schemaOptions: { collection: 'app_host_apps', timestamps: true } })
@index({ sdkKey: 1 }, { unique: true })
@index({ orgId: 1, name: 1 }, { unique: true })
@index({ orgId: 1, createdAt: -1 })
export class HostAppModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true, trim: true, minlength: 1, maxlength: 60 })
  name!: string;

  @prop({ type: () => [String], default: [] })
  iosBundleIds!: string[];

  @prop({ type: () => [String], default: [] })
  androidPackageNames!: string[];

  @prop({ type: () => [String], default: [] })
  harmonyBundleNames!: string[];

  @prop({ type: String, required: true })
  sdkKey!: string;

  /** `v1.<iv>.<ciphertext>.<tag>` (base64url), bound to the host app id and secretVersion. */
  @prop({ type: String, required: true })
  secretCiphertext!: string;

  /** Incremented on every rotation; part of the ciphertext's associated data. */
  @prop({ type: Number, required: true, min: 1 })
  secretVersion!: number;

  /** Last 4 characters, so people can tell secrets apart without seeing them. */
  @prop({ type: String, required: true, maxlength: 8 })
  secretHint!: string;

  @prop({ type: Date, required: true })
  secretRotatedAt!: Date;

  @prop({ type: Boolean, required: true, default: true })
  enabled!: boolean;

  @prop({ type: String, required: true })
  createdBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
