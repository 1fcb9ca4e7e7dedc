import { index, modelOptions, prop } from '@typegoose/typegoose';

/**
 * A package stored (or being stored) in the object store whose version is not committed yet. Written before the
 * object, removed in the unit of work that commits the version (or when the upload gives up): one left behind means
 * the process died in between, and the sweeper deletes the orphan object.
 */
@modelOptions({ schemaOptions: { collection: 'app_package_uploads', timestamps: true } })
@index({ createdAt: 1 })
export class PackageUploadModel {
  /** The object key. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  appId!: string;

  @prop({ type: String, required: true })
  versionId!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
