import { index, modelOptions, prop } from '@typegoose/typegoose';
import { readProcessEnv } from '../config/config-loader';

/** The PostgreSQL server the SQL driver tests use (each run in a schema of its own). */
const env = readProcessEnv();
export const TEST_POSTGRES_URL =
  env.POSTGRES_URL ?? env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Test models for the documents contract suite: every index kind and validator the drivers must honour. */

export const ITEM_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED'] as const;

@modelOptions({ schemaOptions: { _id: false } })
export class ContractItemMeta {
  @prop({ type: String })
  owner?: string;

  @prop({ type: Number })
  views?: number;
}

@modelOptions({ schemaOptions: { collection: 'contract-items', timestamps: true } })
@index({ orgId: 1, slug: 1 }, { unique: true })
export class ContractItem {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true, match: /^[a-z0-9-]+$/ })
  slug!: string;

  @prop({ type: String, required: true, enum: ITEM_STATUSES, default: 'DRAFT' })
  status!: (typeof ITEM_STATUSES)[number];

  @prop({ type: Number, min: 0, max: 100, default: 0 })
  score!: number;

  @prop({ type: () => [String], default: [] })
  tags!: string[];

  /** Optional but unique when present (sparse unique index). */
  @prop({ type: String, unique: true, sparse: true })
  code?: string;

  @prop({ type: Date })
  publishedAt?: Date;

  @prop({ type: () => ContractItemMeta })
  meta?: ContractItemMeta;

  @prop({ type: String })
  note?: string | null;

  createdAt?: Date;
  updatedAt?: Date;
}

/** TTL: a session disappears one second after `lastSeenAt`. */
@modelOptions({ schemaOptions: { collection: 'contract-sessions' } })
export class ContractSession {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  userId!: string;

  @prop({ type: Date, required: true, expires: 1 })
  lastSeenAt!: Date;
}

/** No `collection` option and no `_id` declared: exercises the default name and the String `_id`. */
export class AuditLogEntry {
  @prop({ type: String, required: true })
  action!: string;
}
