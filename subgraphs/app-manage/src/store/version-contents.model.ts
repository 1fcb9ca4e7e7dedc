import { modelOptions, prop } from '@typegoose/typegoose';

/**
 * What reviewers see of a version's package without unpacking it: the file list and the manifest text, recorded at
 * upload (one document per version, read only when asked for, so version listings stay small).
 */
@modelOptions({ schemaOptions: { collection: 'app_version_contents', timestamps: true } })
export class VersionContentsModel {
  /** The version id. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  appId!: string;

  /** `[[path, size], …]` as JSON, in archive order; at most the validator's entry cap. */
  @prop({ type: String, required: true })
  filesJson!: string;

  /** `manifest.json` or `app.json`. */
  @prop({ type: String, required: true })
  manifestFile!: string;

  /** The manifest text, when it is at most MAX_STORED_MANIFEST_BYTES; else absent. */
  @prop({ type: String })
  manifestText?: string;

  createdAt!: Date;
  updatedAt!: Date;
}
