import { modelOptions, prop } from '@typegoose/typegoose';

/** The four service-domain lists of one mini-program; `version` guards each whole-list replacement. */
@modelOptions({ schemaOptions: { collection: 'domain_service_domains', timestamps: true } })
export class ServiceDomainsModel {
  /** The app id. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: () => [String], default: [] })
  request!: string[];

  @prop({ type: () => [String], default: [] })
  socket!: string[];

  @prop({ type: () => [String], default: [] })
  upload!: string[];

  @prop({ type: () => [String], default: [] })
  download!: string[];

  @prop({ type: Number, required: true, min: 1 })
  version!: number;

  @prop({ type: String, required: true })
  updatedBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
