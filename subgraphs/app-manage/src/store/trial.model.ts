import { index, modelOptions, prop } from '@typegoose/typegoose';

/** A tester of a mini-program's trial version, named by the user id the host app sends (`userId` / `x-user-id`). */
@modelOptions({ schemaOptions: { collection: 'app_trial_members', timestamps: true } })
@index({ appId: 1, userId: 1 }, { unique: true })
export class TrialMemberModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  appId!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  /** The host app's user id, as the SDK sends it (at most 128 characters, like every device field). */
  @prop({ type: String, required: true, maxlength: 128 })
  userId!: string;

  @prop({ type: String, maxlength: 64 })
  label?: string;

  @prop({ type: String, required: true })
  addedBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}

/** The version a mini-program's testers get (one per mini-program: the document id is the app id). */
@modelOptions({ schemaOptions: { collection: 'app_trial_versions', timestamps: true } })
export class TrialVersionModel {
  /** The app id. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true })
  versionId!: string;

  @prop({ type: String, required: true })
  setBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
