import { index, modelOptions, prop } from '@typegoose/typegoose';

/** An SDK release published by the operator for one platform. */
@modelOptions({ schemaOptions: { collection: 'sdk_versions', timestamps: true } })
@index({ platform: 1, version: 1 }, { unique: true })
export class SdkVersionModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  platform!: string;

  /** Semver, normalized. */
  @prop({ type: String, required: true })
  version!: string;

  @prop({ type: String, maxlength: 2000 })
  releaseNotes?: string;

  @prop({ type: String, required: true })
  artifactKey!: string;

  @prop({ type: String, required: true })
  artifactSha256!: string;

  @prop({ type: Number, required: true, min: 0 })
  artifactSize!: number;

  @prop({ type: Boolean, required: true, default: true })
  enabled!: boolean;

  @prop({ type: String, required: true })
  createdBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
