import { index, modelOptions, prop } from '@typegoose/typegoose';

/** A base library (基础库): the JS framework the SDK loads to run mini-programs, one ZIP per version. */
@modelOptions({ schemaOptions: { collection: 'sdk_base_libraries', timestamps: true } })
@index({ version: 1 }, { unique: true })
export class BaseLibraryModel {
  @prop({ type: String, required: true })
  _id!: string;

  /** Semver, normalized (`semver.valid`). */
  @prop({ type: String, required: true })
  version!: string;

  @prop({ type: () => [String], default: [] })
  platforms!: string[];

  /** Oldest SDK version (semver) that can run this base library. */
  @prop({ type: String, required: true })
  minSdkVersion!: string;

  @prop({ type: String, maxlength: 2000 })
  releaseNotes?: string;

  @prop({ type: String, required: true })
  packageKey!: string;

  @prop({ type: String, required: true })
  packageSha256!: string;

  @prop({ type: Number, required: true, min: 0 })
  packageSize!: number;

  @prop({ type: Number, required: true, min: 0 })
  packageFiles!: number;

  @prop({ type: Boolean, required: true, default: true })
  enabled!: boolean;

  @prop({ type: String, required: true })
  createdBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
