import { modelOptions, prop } from '@typegoose/typegoose';

/**
 * Local projection of app-manage's host apps (fed by its `app-manage.host-app` events): which organization
 * owns a host app, so overrides can be authorized without reading app-manage's collections.
 */
@modelOptions({ schemaOptions: { collection: 'sdk_host_app_ownership', timestamps: true } })
export class HostAppOwnershipModel {
  /** The host app id. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
