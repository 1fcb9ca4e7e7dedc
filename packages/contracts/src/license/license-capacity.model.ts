import { index, modelOptions, prop } from '@typegoose/typegoose';

/**
 * The gate of one license limit (`_id` is the limit name): `used` only moves by conditional `$inc`, so N
 * concurrent claims cannot pass `used < max` together on any driver (ADR 0005). `version` and `changedAt`
 * let reconciliation correct `used` only while nobody is between two steps of a claim or release.
 */
@modelOptions({ schemaOptions: { collection: 'license_counters', timestamps: true } })
export class LicenseCounterModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: Number, required: true, min: 0 })
  used!: number;

  @prop({ type: Number, required: true, min: 0 })
  version!: number;

  @prop({ type: Date, required: true })
  changedAt!: Date;

  createdAt!: Date;
  updatedAt!: Date;
}

/**
 * Who holds a unit of a limit (`_id` = `<limit>:<holder>`; holder = the mini-program, host app, plan or
 * organization id). Makes release idempotent (only the one who deletes the hold decrements) and lets
 * reconciliation compare holders with the owning service's data by identity.
 */
@modelOptions({ schemaOptions: { collection: 'license_holds', timestamps: true } })
@index({ limit: 1, createdAt: 1 })
export class LicenseHoldModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  limit!: string;

  @prop({ type: String, required: true })
  holder!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
