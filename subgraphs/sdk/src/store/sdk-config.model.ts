import { GLOBAL_SDK_CONFIG_SCOPE } from '@grove/contracts';
import { index, modelOptions, prop } from '@typegoose/typegoose';

/** Scope of the global defaults; overrides use the host app id as their scope. */
export const GLOBAL_SCOPE = GLOBAL_SDK_CONFIG_SCOPE;

/**
 * The current revision of one config scope. `version` moves only through a conditional update guarded by
 * the version that was read, so two writers can never both produce the same next version.
 */
@modelOptions({ schemaOptions: { collection: 'sdk_config_heads', timestamps: true } })
export class SdkConfigHeadModel {
  /** GLOBAL_SCOPE or a host app id. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: Number, required: true, min: 1 })
  version!: number;

  /**
   * The document as canonical JSON: a string because `extra` keys are free-form (a dot or `$` in a field
   * name is not storable in MongoDB or nedb).
   */
  @prop({ type: String, required: true })
  configJson!: string;

  @prop({ type: String, required: true })
  etag!: string;

  @prop({ type: String, required: true })
  updatedBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}

/** Immutable history: one row per version of a scope, written after the head moved to it. */
@modelOptions({ schemaOptions: { collection: 'sdk_config_versions', timestamps: true } })
@index({ scope: 1, version: 1 }, { unique: true })
export class SdkConfigVersionModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  scope!: string;

  @prop({ type: Number, required: true, min: 1 })
  version!: number;

  @prop({ type: String, required: true })
  configJson!: string;

  @prop({ type: String, required: true })
  etag!: string;

  @prop({ type: String, required: true })
  createdBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
