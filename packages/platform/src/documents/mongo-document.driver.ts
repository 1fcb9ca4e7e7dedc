import { mongoose } from '@typegoose/typegoose';
import type { Logger } from 'pino';
import { UnavailableError } from '../errors/platform-errors';
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
import { assertFilter, assertFindOptions, assertId, assertUpdate, equalityFields } from './document-grammar';
import { duplicateKeyError, toValidationError } from './document-errors';
import { getModelMetadata } from './model-metadata';

export interface MongoDocumentStoreOptions {
  url: string;
  /** How long an operation waits for a reachable server before failing with UnavailableError. Default 5 s. */
  serverSelectionTimeoutMS?: number;
  logger?: Logger;
}

const TO_OBJECT = {
  versionKey: false,
  flattenMaps: true,
  depopulate: true,
  virtuals: false,
  getters: false,
} as const;

/**
 * MongoDB document store: models are compiled from the typegoose classes on a dedicated connection.
 * The schema comes from typegoose `buildSchema` and is compiled with `connection.model()` rather than
 * `getModelForClass`, whose global name cache would hand back a model bound to another connection.
 */
export class MongoDocumentStore implements DocumentStore {
  readonly driver = 'mongodb' as const;
  private readonly connection: mongoose.Connection;
  private connecting?: Promise<void>;
  private closed = false;
  private readonly collections = new Map<string, MongoDocumentCollection<any>>();

  constructor(private readonly options: MongoDocumentStoreOptions) {
    // Opened lazily by the first operation, so a store can be built while the database is still down.
    this.connection = mongoose.createConnection();
    this.connection.on('error', (err: unknown) =>
      options.logger?.error({ err }, 'document database connection error'),
    );
  }

  /** Once connected the driver reconnects by itself; a failed first connection is retried on the next call. */
  private connect(): Promise<void> {
    if (this.closed) return Promise.reject(new UnavailableError('The document store is closed'));
    if (this.connection.readyState === mongoose.ConnectionStates.connected) return Promise.resolve();
    this.connecting ??= this.connection
      .openUri(this.options.url, {
        serverSelectionTimeoutMS: this.options.serverSelectionTimeoutMS ?? 5000,
        autoIndex: false, // indexes are created explicitly, once, on first use of each collection
        autoCreate: false,
      })
      .then(
        () => undefined,
        (error: unknown) => {
          this.connecting = undefined;
          throw error;
        },
      );
    return this.connecting;
  }

  collection<T extends BaseDocument>(model: ModelClass<T>): DocumentCollection<T> {
    const meta = getModelMetadata(model);
    let collection = this.collections.get(meta.collectionName);
    if (!collection) {
      const compiled = this.connection.model(meta.modelName, meta.schema, meta.collectionName);
      collection = new MongoDocumentCollection<T>(
        meta.collectionName,
        compiled,
        () => this.connect(),
        this.options.logger,
      );
      this.collections.set(meta.collectionName, collection);
    }
    return collection as MongoDocumentCollection<T>;
  }

  transaction<R>(): Promise<R> {
    return Promise.reject(
      new Error('The mongodb documents driver has no transactions; use DOCUMENTS_DRIVER=sqlite or postgres'),
    );
  }

  async ping(): Promise<void> {
    await guard('documents', async () => {
      await this.connect();
      await this.connection.db!.admin().ping();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connection.close();
  }
}

class MongoDocumentCollection<T extends BaseDocument> implements DocumentCollection<T> {
  private indexes?: Promise<unknown>;

  constructor(
    readonly name: string,
    private readonly model: mongoose.Model<any>,
    private readonly connect: () => Promise<void>,
    private readonly logger?: Logger,
  ) {}

  async insertOne(doc: NewDocument<T>): Promise<T> {
    if (doc._id !== undefined) assertId(doc._id);
    return this.run(async () => {
      const created = await this.model.create({ ...doc, _id: doc._id ?? newId() });
      return created.toObject(TO_OBJECT) as T;
    });
  }

  async findById(id: string): Promise<T | null> {
    assertId(id);
    return this.run(() => this.model.findById(id).lean<T>().exec());
  }

  async findOne(filter: Filter): Promise<T | null> {
    assertFilter(filter);
    return this.run(() => this.model.findOne(filter).lean<T>().exec());
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    assertFilter(filter);
    assertFindOptions(options);
    return this.run(() => {
      const query = this.model.find(filter);
      if (options.sort) query.sort(options.sort);
      if (options.skip) query.skip(options.skip);
      if (options.limit) query.limit(options.limit);
      return query.lean<T[]>().exec();
    });
  }

  async count(filter: Filter = {}): Promise<number> {
    assertFilter(filter);
    return this.run(() => this.model.countDocuments(filter).exec());
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    assertFilter(filter);
    assertUpdate(update);
    return this.run(async () => {
      const result = await this.model
        .updateOne(filter, withInsertId(filter, update, options.upsert), {
          runValidators: true,
          upsert: options.upsert === true,
        })
        .exec();
      return {
        matchedCount: result.matchedCount,
        modifiedCount: result.modifiedCount,
        ...(result.upsertedId != null ? { upsertedId: String(result.upsertedId) } : {}),
      };
    });
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    assertFilter(filter);
    assertUpdate(update);
    return this.run(async () => {
      const result = await this.model.updateMany(filter, update, { runValidators: true }).exec();
      return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount };
    });
  }

  async findOneAndUpdate(
    filter: Filter,
    update: Update,
    options: FindOneAndUpdateOptions = {},
  ): Promise<T | null> {
    assertFilter(filter);
    assertUpdate(update);
    return this.run(() =>
      this.model
        .findOneAndUpdate(filter, withInsertId(filter, update, options.upsert), {
          returnDocument: options.returnDocument ?? 'after',
          upsert: options.upsert === true,
          runValidators: true,
        })
        .lean<T>()
        .exec(),
    );
  }

  async deleteOne(filter: Filter): Promise<number> {
    assertFilter(filter);
    return this.run(async () => (await this.model.deleteOne(filter).exec()).deletedCount);
  }

  async deleteMany(filter: Filter): Promise<number> {
    assertFilter(filter);
    return this.run(async () => (await this.model.deleteMany(filter).exec()).deletedCount);
  }

  /** Waits for the connection and this collection's indexes, then maps driver errors to platform errors. */
  private run<R>(operation: () => Promise<R>): Promise<R> {
    return guard(this.name, async () => {
      await this.connect();
      this.indexes ??= this.model.createIndexes().catch((error: unknown) => {
        this.indexes = undefined; // retry on the next call
        this.logger?.error({ err: error, collection: this.name }, 'creating indexes failed');
        throw error;
      });
      await this.indexes;
      return operation();
    });
  }
}

/** Upserts must not let the server invent an ObjectId: seed a string id unless the filter fixes `_id`. */
function withInsertId(filter: Filter, update: Update, upsert?: boolean): Record<string, unknown> {
  if (!upsert || equalityFields(filter)._id !== undefined) return { ...update };
  return { ...update, $setOnInsert: { _id: newId() } };
}

const UNAVAILABLE = new Set([
  'MongooseServerSelectionError',
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClosedError',
  'MongoExpiredSessionError',
]);

async function guard<R>(collection: string, operation: () => Promise<R>): Promise<R> {
  try {
    return await operation();
  } catch (error) {
    const err = error as {
      name?: string;
      code?: number;
      keyPattern?: Record<string, unknown>;
      keyValue?: Record<string, unknown>;
    };
    if (err?.code === 11000) {
      throw duplicateKeyError(collection, Object.keys(err.keyPattern ?? err.keyValue ?? {}));
    }
    if (err?.name && UNAVAILABLE.has(err.name)) {
      throw new UnavailableError('The document database is unavailable');
    }
    throw toValidationError(collection, error);
  }
}
