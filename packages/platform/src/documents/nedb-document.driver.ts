import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Datastore from '@seald-io/nedb';
import { getDotValue, modify } from './nedb-model';
import { mongoose } from '@typegoose/typegoose';
import { Mutex } from 'async-mutex';
import type { Logger } from 'pino';
import { BadUserInputError, UnavailableError } from '../errors/platform-errors';
import { newId } from '../ids';
import type {
  BaseDocument,
  DocumentCollection,
  DocumentStore,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  ModelClass,
  NewDocument,
  Update,
  UpdateResult,
} from './documents.port';
import {
  assertFilter,
  assertFindOptions,
  assertId,
  assertUpdate,
  cloneFilter,
  equalityFields,
} from './document-grammar';
import { duplicateKeyError, toValidationError } from './document-errors';
import { getModelMetadata, type IndexSpec, type ModelMetadata } from './model-metadata';
import { toNedbQuery } from './nedb-query.translator';

export interface NedbDocumentStoreOptions {
  /** Files go to `<dataDir>/documents/<collection>.db`. Required unless `inMemory`. */
  dataDir?: string;
  /** Keep everything in memory (tests); nothing is written to disk. */
  inMemory?: boolean;
  /** How often each datafile is compacted (nedb appends every write). Default 10 minutes; nedb's minimum is 5 s. */
  compactionIntervalMs?: number;
  logger?: Logger;
}

type Stored = Record<string, unknown> & { _id: string };

const DEFAULT_COMPACTION_MS = 10 * 60 * 1000;

/**
 * Embedded document store: one nedb datafile per collection. Indexes (unique, sparse, compound, TTL) and
 * validation come from the typegoose class. Single-process only: writes to a collection are serialised by
 * an in-process mutex, which is what makes conditional updates atomic.
 */
export class NedbDocumentStore implements DocumentStore {
  readonly driver = 'nedb' as const;
  private readonly collections = new Map<string, NedbDocumentCollection<any>>();
  private readonly owners = new Map<string, ModelClass>();
  // A private mongoose instance only compiles models for offline validation; it never connects.
  private readonly validation = new mongoose.Mongoose();
  private closed = false;

  constructor(private readonly options: NedbDocumentStoreOptions) {
    if (!options.inMemory && !options.dataDir)
      throw new Error('NedbDocumentStore needs dataDir unless inMemory is set');
  }

  collection<T extends BaseDocument>(model: ModelClass<T>): DocumentCollection<T> {
    this.assertOpen();
    const meta = getModelMetadata(model);
    const owner = this.owners.get(meta.collectionName);
    if (owner && owner !== model) {
      throw new Error(
        `Collection '${meta.collectionName}' is declared by both ${owner.name} and ${model.name}`,
      );
    }
    let collection = this.collections.get(meta.collectionName);
    if (!collection) {
      const validator = this.validation.model(meta.collectionName, meta.schema, meta.collectionName);
      collection = new NedbDocumentCollection<T>(meta, validator, this.options, () => this.assertOpen());
      this.collections.set(meta.collectionName, collection);
      this.owners.set(meta.collectionName, model);
    }
    return collection as NedbDocumentCollection<T>;
  }

  transaction<R>(): Promise<R> {
    return Promise.reject(
      new Error('The nedb documents driver has no transactions; use DOCUMENTS_DRIVER=sqlite or postgres'),
    );
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.collections.values()].map((c) => c.close()));
    this.collections.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new UnavailableError('The document store is closed');
  }
}

class NedbDocumentCollection<T extends BaseDocument> implements DocumentCollection<T> {
  readonly name: string;
  private readonly db: Datastore<Stored>;
  private readonly lock = new Mutex();
  private readonly ready: Promise<void>;
  private readonly uniqueIndexes: IndexSpec[];

  constructor(
    private readonly meta: ModelMetadata,
    private readonly validator: mongoose.Model<any>,
    private readonly options: NedbDocumentStoreOptions,
    private readonly assertOpen: () => void,
  ) {
    this.name = meta.collectionName;
    this.uniqueIndexes = meta.indexes.filter((i) => i.unique);
    this.db = new Datastore<Stored>(
      options.inMemory
        ? { inMemoryOnly: true }
        : { filename: join(options.dataDir as string, 'documents', `${meta.collectionName}.db`) },
    );
    this.ready = this.open();
    // Failures surface on the first operation; this only keeps them from being reported as unhandled.
    this.ready.catch((error: unknown) =>
      options.logger?.error({ err: error, collection: this.name }, 'opening collection failed'),
    );
  }

  private async open(): Promise<void> {
    await this.db.loadDatabaseAsync();
    for (const index of this.meta.indexes) {
      await this.db.ensureIndexAsync({
        fieldName: index.fields.length === 1 ? index.fields[0] : index.fields,
        unique: index.unique,
        sparse: index.sparse,
        ...(index.expireAfterSeconds !== undefined ? { expireAfterSeconds: index.expireAfterSeconds } : {}),
      });
    }
    if (!this.options.inMemory)
      this.db.setAutocompactionInterval(this.options.compactionIntervalMs ?? DEFAULT_COMPACTION_MS);
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.lock.runExclusive(async () => {
      this.db.stopAutocompaction();
      if (!this.options.inMemory) await this.db.compactDatafileAsync();
    });
  }

  async insertOne(doc: NewDocument<T>): Promise<T> {
    await this.begin();
    if (doc._id !== undefined) assertId(doc._id);
    return this.lock.runExclusive(async () => {
      const now = new Date();
      const candidate: Stored = { ...(doc as Record<string, unknown>), _id: doc._id ?? newId() };
      this.stampCreated(candidate, now);
      const stored = await this.validate(candidate);
      await this.write(stored, () => this.db.insertAsync(stored), true);
      return stored as unknown as T;
    });
  }

  async findById(id: string): Promise<T | null> {
    await this.begin();
    assertId(id);
    return (await this.db.findOneAsync({ _id: id })) as unknown as T | null;
  }

  async findOne(filter: Filter): Promise<T | null> {
    await this.begin();
    return (await this.db.findOneAsync(this.query(filter))) as unknown as T | null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    await this.begin();
    assertFindOptions(options);
    let cursor = this.db.findAsync(this.query(filter));
    if (options.sort && Object.keys(options.sort).length > 0) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor) as unknown as T[];
  }

  async count(filter: Filter = {}): Promise<number> {
    await this.begin();
    return (await this.db.countAsync(this.query(filter))) as unknown as number;
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    await this.begin();
    const query = this.query(filter);
    assertUpdate(update);
    return this.lock.runExclusive(async () => {
      const current = await this.db.findOneAsync(query);
      if (!current) {
        if (!options.upsert) return { matchedCount: 0, modifiedCount: 0 };
        const created = await this.upsert(filter, update);
        return { matchedCount: 0, modifiedCount: 0, upsertedId: created._id };
      }
      const next = await this.applyUpdate(current, update);
      if (next) await this.replace(next);
      return { matchedCount: 1, modifiedCount: next ? 1 : 0 };
    });
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    await this.begin();
    const query = this.query(filter);
    assertUpdate(update);
    return this.lock.runExclusive(async () => {
      const matched = await this.db.findAsync(query);
      // Every result is validated before anything is written.
      const changes: Array<{ before: Stored; after: Stored }> = [];
      for (const before of matched) {
        const after = await this.applyUpdate(before, update);
        if (after) changes.push({ before, after });
      }
      const done: Stored[] = [];
      try {
        for (const change of changes) {
          await this.replace(change.after);
          done.push(change.before);
        }
      } catch (error) {
        // A unique violation part-way through: put back what was already written.
        for (const before of done.reverse()) await this.db.updateAsync({ _id: before._id }, before, {});
        throw error;
      }
      return { matchedCount: matched.length, modifiedCount: changes.length };
    });
  }

  async findOneAndUpdate(
    filter: Filter,
    update: Update,
    options: FindOneAndUpdateOptions = {},
  ): Promise<T | null> {
    await this.begin();
    const query = this.query(filter);
    assertUpdate(update);
    const returnBefore = options.returnDocument === 'before';
    return this.lock.runExclusive(async () => {
      const current = await this.db.findOneAsync(query);
      if (!current) {
        if (!options.upsert) return null;
        const created = await this.upsert(filter, update);
        return returnBefore ? null : (created as unknown as T);
      }
      const next = await this.applyUpdate(current, update);
      if (next) await this.replace(next);
      return (returnBefore || !next ? current : next) as unknown as T;
    });
  }

  async deleteOne(filter: Filter): Promise<number> {
    await this.begin();
    const query = this.query(filter);
    return this.lock.runExclusive(() => this.db.removeAsync(query, { multi: false }));
  }

  async deleteMany(filter: Filter): Promise<number> {
    await this.begin();
    const query = this.query(filter);
    return this.lock.runExclusive(() => this.db.removeAsync(query, { multi: true }));
  }

  private async begin(): Promise<void> {
    this.assertOpen();
    await this.ready;
  }

  /** Validates, casts with the model's schema (same casting as the MongoDB driver) and translates. */
  private query(filter: Filter): Record<string, unknown> {
    assertFilter(filter);
    let cast: Filter;
    try {
      cast = this.validator.find().cast(this.validator, cloneFilter(filter)) as Filter;
    } catch (error) {
      throw toValidationError(this.name, error);
    }
    return toNedbQuery(cast);
  }

  /** The document as the model would store it: cast, defaults applied, unknown fields dropped, validated. */
  private async validate(candidate: Record<string, unknown>): Promise<Stored> {
    const doc = new this.validator(candidate);
    try {
      await doc.validate();
    } catch (error) {
      throw toValidationError(this.name, error);
    }
    return doc.toObject({
      versionKey: false,
      flattenMaps: true,
      depopulate: true,
      virtuals: false,
      getters: false,
    }) as Stored;
  }

  /** Applies the update with nedb's own engine; null when nothing changes. */
  private async applyUpdate(current: Stored, update: Update): Promise<Stored | null> {
    const modified = this.modify(current, update);
    if (isDeepStrictEqual(modified, current)) return null;
    const { updatedAt } = this.meta.timestamps;
    if (updatedAt && !touches(update, updatedAt)) modified[updatedAt] = new Date();
    return this.validate(modified);
  }

  /** MongoDB upsert semantics: the filter's equality fields seed the new document, then the update applies. */
  private async upsert(filter: Filter, update: Update): Promise<Stored> {
    const { _id, ...seed } = equalityFields(filter);
    if (_id !== undefined) assertId(_id);
    let candidate: Stored = { _id: (_id as string | undefined) ?? newId() };
    if (Object.keys(seed).length > 0) candidate = this.modify(candidate, { $set: seed });
    candidate = this.modify(candidate, update);
    this.stampCreated(candidate, new Date());
    const stored = await this.validate(candidate);
    await this.write(stored, () => this.db.insertAsync(stored), true);
    return stored;
  }

  private modify(current: Stored, update: Update): Stored {
    try {
      return modify(current, update);
    } catch (error) {
      throw new BadUserInputError(`Cannot apply the update to ${this.name}: ${(error as Error).message}`);
    }
  }

  private async replace(next: Stored): Promise<void> {
    await this.write(next, () => this.db.updateAsync({ _id: next._id }, next, {}), false);
  }

  private stampCreated(doc: Record<string, unknown>, now: Date): void {
    const { createdAt, updatedAt } = this.meta.timestamps;
    if (createdAt && doc[createdAt] == null) doc[createdAt] = now;
    if (updatedAt) doc[updatedAt] = now;
  }

  /** Runs a write, turning a unique violation into ConflictError naming the index's fields. */
  private async write(doc: Stored, run: () => Promise<unknown>, isInsert: boolean): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await run();
        return;
      } catch (error) {
        if ((error as { errorType?: string }).errorType !== 'uniqueViolated') throw error;
        const fields = await this.conflictingFields(doc, isInsert);
        // Not found means the holder was an expired TTL document, purged by the lookup: try once more.
        if (fields.length > 0 || attempt > 0) throw duplicateKeyError(this.name, fields);
      }
    }
  }

  private async conflictingFields(doc: Stored, isInsert: boolean): Promise<string[]> {
    if (isInsert && (await this.db.findOneAsync({ _id: doc._id }))) return ['_id'];
    for (const index of this.uniqueIndexes) {
      const values = index.fields.map((field) => getDotValue(doc, field));
      if (index.sparse && values.every((v) => v === undefined)) continue;
      const query: Record<string, unknown> = { _id: { $ne: doc._id } };
      index.fields.forEach((field, i) => {
        const value = values[i];
        query[field] =
          value === undefined ? { $exists: false } : Array.isArray(value) ? { $in: value } : value;
      });
      if (await this.db.findOneAsync(query)) return index.fields;
    }
    return [];
  }
}

function touches(update: Update, path: string): boolean {
  return Object.values(update).some((fields) => fields && Object.prototype.hasOwnProperty.call(fields, path));
}
