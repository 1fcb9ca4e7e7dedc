import { index, modelOptions, prop } from '@typegoose/typegoose';

/** Operator-managed business domains that need no verification file. */
@modelOptions({ schemaOptions: { collection: 'domain_whitelist', timestamps: true } })
// orderBy: CREATED_AT (DOMAIN is the primary key's order).
@index({ createdAt: 1 })
export class WhitelistDomainModel {
  /** The domain itself (punycode, lower case). */
  @prop({ type: String, required: true, maxlength: 253 })
  _id!: string;

  @prop({ type: String, maxlength: 200 })
  note?: string;

  @prop({ type: String, required: true })
  addedBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
