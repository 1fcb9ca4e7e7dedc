import { index, modelOptions, prop } from '@typegoose/typegoose';

/** A custom event a mini-program's owner declared (FinClip / mPaaS: undeclared custom events are not stored). */
@modelOptions({ schemaOptions: { collection: 'analytics_custom_events', timestamps: true } })
@index({ appId: 1, name: 1 }, { unique: true })
export class CustomEventDeclarationModel {
  /** `${appId}:${name}`. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  appId!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  /** The identifier the SDK sends as `custom.name`. */
  @prop({ type: String, required: true, minlength: 1, maxlength: 64 })
  name!: string;

  @prop({ type: String, required: true, trim: true, minlength: 1, maxlength: 60 })
  displayName!: string;

  /** The declared attributes as JSON text (`[{ name, type, displayName }]`), read whole with the declaration. */
  @prop({ type: String, required: true })
  attributesJson!: string;

  @prop({ type: String, required: true })
  updatedBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
