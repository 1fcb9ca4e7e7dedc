import { buildSchema, getName, mongoose } from '@typegoose/typegoose';
import type { ModelClass } from './documents.port';

/** One index declared by a typegoose class (`@prop({ unique, sparse, expires })` or `@index(...)`). */
export interface IndexSpec {
  /** Field paths in declaration order; more than one means a compound index. */
  fields: string[];
  unique: boolean;
  sparse: boolean;
  /** TTL: documents expire this many seconds after the date in the (single) indexed field. */
  expireAfterSeconds?: number;
}

/** Names of the timestamp fields mongoose maintains when `schemaOptions.timestamps` is set. */
export interface TimestampFields {
  createdAt?: string;
  updatedAt?: string;
}

export interface ModelMetadata {
  /** Model name (typegoose `getName`: the class name unless `customName` is set). */
  modelName: string;
  collectionName: string;
  schema: mongoose.Schema;
  indexes: IndexSpec[];
  timestamps: TimestampFields;
}

const COLLECTION_NAME = /^[a-z0-9][a-z0-9_-]*$/i;
const pluralize = mongoose.pluralize() ?? ((word: string) => `${word}s`);
const cache = new WeakMap<ModelClass, ModelMetadata>();

/**
 * Default collection name when a class does not set `schemaOptions.collection`: the class name in kebab-case
 * with its last word pluralised by mongoose's own rules ('MiniProgram' -> 'mini-programs',
 * 'AuditLogEntry' -> 'audit-log-entries', 'HTTPSession' -> 'http-sessions'; a last word ending in a digit
 * stays as it is, like mongoose's own default).
 */
export function defaultCollectionName(className: string): string {
  const kebab = className
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  const words = kebab.split('-');
  words[words.length - 1] = pluralize(words[words.length - 1]);
  return words.join('-');
}

/**
 * Collection name, mongoose schema, indexes and timestamp fields of a typegoose class, computed once per
 * class. Both drivers read everything from here so they apply the same rules. Documents carry no `__v`
 * (state changes use conditional updates, not version numbers) and `_id` is always a String.
 */
export function getModelMetadata(model: ModelClass): ModelMetadata {
  const cached = cache.get(model);
  if (cached) return cached;

  const schema = buildSchema(model as any, {
    schemaOptions: { versionKey: false },
  }) as unknown as mongoose.Schema;
  const idPath = schema.path('_id') as (mongoose.SchemaType & { instance?: string }) | undefined;
  if (!idPath || idPath.instance !== 'String') {
    // Ids are ULID strings on every driver; a class that did not declare `@prop() _id!: string` gets one.
    schema.add({ _id: { type: String } });
  }

  const collectionName =
    (schema.get('collection') as string | undefined) ?? defaultCollectionName(model.name);
  if (!COLLECTION_NAME.test(collectionName)) {
    throw new Error(
      `Invalid collection name '${collectionName}' for model ${model.name}: use letters, digits, '-' and '_'`,
    );
  }

  const metadata: ModelMetadata = {
    modelName: getName(model as any),
    collectionName,
    schema,
    indexes: schema.indexes().map(([fields, options]) => toIndexSpec(model.name, fields, options ?? {})),
    timestamps: timestampFields(schema),
  };
  cache.set(model, metadata);
  return metadata;
}

function toIndexSpec(
  modelName: string,
  fields: Record<string, unknown>,
  options: Record<string, unknown>,
): IndexSpec {
  const names = Object.keys(fields);
  for (const name of names) {
    const direction = fields[name];
    if (direction !== 1 && direction !== -1) {
      // text/2dsphere/hashed indexes have no embedded equivalent; refuse rather than silently diverge.
      throw new Error(`Unsupported index type ${String(direction)} on ${modelName}.${name}`);
    }
  }
  const spec: IndexSpec = { fields: names, unique: options.unique === true, sparse: options.sparse === true };
  const ttl = options.expireAfterSeconds ?? options.expires;
  if (ttl !== undefined) {
    if (typeof ttl !== 'number' || names.length !== 1) {
      throw new Error(`TTL index on ${modelName}.${names.join(',')} needs one field and numeric seconds`);
    }
    spec.expireAfterSeconds = ttl;
  }
  return spec;
}

function timestampFields(schema: mongoose.Schema): TimestampFields {
  const option = schema.get('timestamps') as
    boolean | { createdAt?: string | boolean; updatedAt?: string | boolean } | undefined;
  if (!option) return {};
  if (option === true) return { createdAt: 'createdAt', updatedAt: 'updatedAt' };
  const pick = (value: string | boolean | undefined, fallback: string) =>
    value === false ? undefined : typeof value === 'string' ? value : fallback;
  return { createdAt: pick(option.createdAt, 'createdAt'), updatedAt: pick(option.updatedAt, 'updatedAt') };
}
