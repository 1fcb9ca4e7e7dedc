import { index, modelOptions, prop } from '@typegoose/typegoose';

/**
 * One uploaded license. The history is append-only; the newest installation whose signature still
 * verifies is the one in force. `document` is the signed text as uploaded and is re-verified on every
 * read, so editing a stored license (e.g. raising a limit in the database) voids it.
 */
@modelOptions({ schemaOptions: { collection: 'license_installations', timestamps: true } })
@index({ createdAt: -1 })
export class LicenseInstallationModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true, maxlength: 128 })
  licenseId!: string;

  @prop({ type: String, required: true, maxlength: 256 })
  licensee!: string;

  @prop({ type: String, required: true, maxlength: 16 * 1024 })
  document!: string;

  /** User id of the operator admin who installed it. */
  @prop({ type: String, required: true })
  installedBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
