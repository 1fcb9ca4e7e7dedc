/**
 * The documents port. Domain stores are written once on top of it using the MongoDB filter/update
 * grammar both drivers share: equality, $eq/$ne, $in/$nin, $gt/$gte/$lt/$lte, $exists, $regex,
 * $and/$or, dotted paths; updates $set/$unset/$inc/$push/$pull/$addToSet; sort/skip/limit.
 * Ids are strings (ULIDs). Collections are declared by typegoose classes (fields, validation, indexes).
 */
export type Filter = Record<string, unknown>;

export interface Update {
  $set?: Record<string, unknown>;
  $unset?: Record<string, unknown>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  $pull?: Record<string, unknown>;
  $addToSet?: Record<string, unknown>;
}

export type SortSpec = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
}

export interface FindOneAndUpdateOptions {
  /** Default 'after'. */
  returnDocument?: 'before' | 'after';
  upsert?: boolean;
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedId?: string;
}

export interface BaseDocument {
  _id: string;
}

/**
 * What insertOne accepts: the fields the store fills in may be omitted -- `_id` (newId()) and the
 * `createdAt`/`updatedAt` timestamps of models with `schemaOptions.timestamps`.
 */
export type NewDocument<T extends BaseDocument> = Omit<T, '_id' | 'createdAt' | 'updatedAt'> & {
  _id?: string;
} & Partial<Pick<T, Extract<keyof T, 'createdAt' | 'updatedAt'>>>;

/**
 * DOCUMENTS_DRIVER: `sqlite` is the embedded engine (`embedded` is its alias); `nedb` is the previous
 * embedded driver, deprecated (kept one release so an old data directory can still be opened as it was).
 */
export type DocumentsDriver = 'sqlite' | 'embedded' | 'nedb' | 'postgres' | 'mongodb';

export interface DocumentCollection<T extends BaseDocument> {
  readonly name: string;
  /**
   * Validates against the model (defaults and casting applied, unknown fields dropped) and returns the stored
   * document; unique index violations throw ConflictError, validation BadUserInputError.
   */
  insertOne(doc: NewDocument<T>): Promise<T>;
  findById(id: string): Promise<T | null>;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter?: Filter): Promise<number>;
  updateOne(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  /** Atomic conditional update: the only way state transitions are written. */
  findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null>;
  /** Resolve to the number of deleted documents. */
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
}

/** A typegoose model class; the collection name comes from `@modelOptions({ schemaOptions: { collection } })`. */
export type ModelClass<T = unknown> = new (...args: any[]) => T;

/** The collections of one unit of work (see DocumentStore.transaction). */
export interface DocumentTransaction {
  collection<T extends BaseDocument>(model: ModelClass<T>): DocumentCollection<T>;
}

export interface DocumentStore {
  readonly driver: DocumentsDriver;
  collection<T extends BaseDocument>(model: ModelClass<T>): DocumentCollection<T>;
  /**
   * Runs `work` as one unit of work: its writes commit together when it resolves and roll back when it
   * throws. Collections of this store used inside `work` (from `tx` or from `collection()`) take part.
   * The sqlite and postgres drivers support it; nedb and mongodb throw.
   */
  transaction<R>(work: (tx: DocumentTransaction) => Promise<R>): Promise<R>;
  /** Throws UnavailableError when the backend cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
