import { isDeepStrictEqual } from 'node:util';
import type { mongoose } from '@typegoose/typegoose';
import { BadUserInputError, ConflictError } from '../errors/platform-errors';
import { newId } from '../ids';
import type {
  BaseDocument,
  DocumentCollection,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
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
import type { IndexSpec, ModelMetadata } from './model-metadata';
import { modify } from './nedb-model';
import {
  describeFields,
  ParamList,
  SqlTranslator,
  toJsonValue,
  type FieldInfo,
  type SqlDialect,
} from './sql-query.translator';

/** What a SQL driver gives the shared collection: statements on the current connection or transaction. */
export interface SqlExecutor {
  all<R = Record<string, unknown>>(sql: string, params: unknown[]): Promise<R[]>;
  /**
   * Resolves to the number of affected rows. `mayConflict`: the statement can break a unique index (an insert, or an
   * update of a collection with unique indexes), so a transaction must survive its failure (PostgreSQL: a savepoint).
   */
  run(sql: string, params: unknown[], mayConflict?: boolean): Promise<number>;
}

export interface SqlBackend {
  readonly dialect: SqlDialect;
  /** The ambient transaction's executor, else the store's. */
  executor(): SqlExecutor;
  /** Runs work atomically; inside a transaction it becomes a savepoint. */
  atomically<R>(work: () => Promise<R>): Promise<R>;
  /** Creates the table and indexes once (idempotent). */
  ensureTable(table: SqlTable): Promise<void>;
  /** The unique index a driver error names (index name, or '' for the primary key), else undefined. */
  uniqueViolation(error: unknown): string | undefined;
  /** Driver errors other than unique violations, as platform errors. */
  translateError(error: unknown): unknown;
  assertOpen(): void;
  /**
   * Present when the driver can tell (SQLite): a value that changes whenever writes are rolled back or another
   * connection commits to the database. Collections then keep the counts they computed until their own next
   * write or a change of this value (see `SqlDocumentCollection.countCast`). Absent (PostgreSQL): every count
   * is computed.
   */
  changeEpoch?(): string;
  /** The driver keeps `SqlTable.countsTable` (documents per value of each of `countedFields`). */
  readonly fieldCounts?: boolean;
}

export interface SqlIndex {
  name: string;
  spec: IndexSpec;
  ddl: string;
}

/** A collection's table, its indexes (DDL in the dialect) and TTL. */
export class SqlTable {
  readonly qualified: string;
  readonly translator: SqlTranslator;
  readonly indexes: SqlIndex[];
  readonly ttl?: { field: string; seconds: number };
  readonly fields: Map<string, FieldInfo>;
  /**
   * String fields that lead an index (compound or not unique), e.g. `orgId`: on backends with `fieldCounts`
   * the number of documents per value is kept in `countsTable` by triggers, so `count({ orgId })` is one
   * lookup instead of a scan of the organization's index range. None on TTL collections (expired documents
   * would still be counted).
   */
  readonly countedFields: string[];
  readonly countsTable: string;

  constructor(
    readonly meta: ModelMetadata,
    readonly dialect: SqlDialect,
    schemaName?: string,
  ) {
    const table = dialect.quoteIdent(meta.collectionName);
    this.qualified = schemaName ? `${dialect.quoteIdent(schemaName)}.${table}` : table;
    this.fields = describeFields(meta.schema);
    this.translator = new SqlTranslator(dialect, this.fields);
    const directions = new Map(
      meta.schema
        .indexes()
        .map(([fields]) => [Object.keys(fields).join(','), fields as Record<string, unknown>]),
    );
    this.indexes = meta.indexes
      .filter((spec) => !(spec.fields.length === 1 && spec.fields[0] === '_id'))
      .map((spec) => {
        const columns = this.translator.indexColumns(spec, directions.get(spec.fields.join(',')) ?? {});
        const name = indexName(meta.collectionName, spec, columns.join(','));
        const partial = spec.sparse ? ` WHERE ${this.translator.sparsePredicate(spec)}` : '';
        // MongoDB (and nedb) index a missing field as null, so a non-sparse unique index admits one such document.
        const nulls = spec.unique && !spec.sparse && dialect.name === 'postgres' ? ' NULLS NOT DISTINCT' : '';
        const ddl = `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${dialect.quoteIdent(name)} ON ${this.qualified} (${columns.join(', ')})${nulls}${partial}`;
        return { name, spec, ddl };
      });
    const ttl = meta.indexes.find((i) => i.expireAfterSeconds !== undefined);
    if (ttl) this.ttl = { field: ttl.fields[0], seconds: ttl.expireAfterSeconds as number };
    const leading = meta.indexes
      .filter((spec) => spec.fields.length > 1 || !spec.unique)
      .map((spec) => spec.fields[0])
      .filter((field) => field !== '_id' && !field.includes('.'))
      .filter((field) => {
        const info = this.translator.field(field);
        return info.kind === 'string' && !info.arrays.some(Boolean);
      });
    this.countedFields = this.ttl ? [] : [...new Set(leading)].sort();
    const countsName = `${meta.collectionName}__counts`;
    this.countsTable = schemaName
      ? `${dialect.quoteIdent(schemaName)}.${dialect.quoteIdent(countsName)}`
      : dialect.quoteIdent(countsName);
  }

  createTable(): string {
    return createTableSql(this.dialect, this.qualified);
  }

  /** Documents past their TTL are invisible at once and deleted by the driver's sweeper. */
  notExpired(params: ParamList, now = new Date()): string {
    if (!this.ttl) return '';
    const cutoff = new Date(now.getTime() - this.ttl.seconds * 1000);
    const expression = this.translator.valueOf(this.ttl.field);
    return ` AND NOT COALESCE(${expression} < ${this.dialect.bind('date', params.add(cutoff.toISOString()))}, FALSE)`;
  }

  expiredDelete(params: ParamList, now = new Date()): string | undefined {
    if (!this.ttl) return undefined;
    const cutoff = new Date(now.getTime() - this.ttl.seconds * 1000);
    return `DELETE FROM ${this.qualified} WHERE ${this.translator.valueOf(this.ttl.field)} < ${params.add(cutoff.toISOString())}`;
  }
}

/** `id` (the document's `_id`), `doc` (the rest, as JSON) and `rev` (bumped by every write, for compare-and-set). */
export function createTableSql(dialect: SqlDialect, qualified: string): string {
  const id = dialect.name === 'postgres' ? 'id text COLLATE "C" PRIMARY KEY' : 'id TEXT PRIMARY KEY NOT NULL';
  return `CREATE TABLE IF NOT EXISTS ${qualified} (${id}, doc ${dialect.jsonColumnType} NOT NULL, rev ${dialect.name === 'postgres' ? 'bigint' : 'INTEGER'} NOT NULL DEFAULT 1)`;
}

/** Stable, short (PostgreSQL allows 63 bytes), and new when the definition changes. */
function indexName(collection: string, spec: IndexSpec, definition: string): string {
  let hash = 5381;
  const text = `${definition}|${spec.unique}|${spec.sparse}`;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  const base = `${collection}__${spec.fields.join('_')}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 48);
  return `${base}__${hash.toString(36)}`;
}

interface Row {
  id: string;
  doc: string | Record<string, unknown>;
  rev: number | string;
}

type Stored = Record<string, unknown> & { _id: string };

/** Counts kept per collection (single-writer backends only), least recently used evicted first. */
const COUNT_MEMO_SIZE = 200;
/**
 * From this offset on, a page of a sorted find on a single-writer backend is read from the end nearer to it:
 * with the (memoized) total, `skip` rows from the start are `total - skip - limit` rows from the end, read in
 * the reversed order through the same index. Below it the offset scan is cheaper than a count.
 */
const REVERSE_SCAN_FROM_SKIP = 1_000;

/**
 * The documents port over SQL, shared by the PostgreSQL and SQLite drivers. Updates are applied in
 * JavaScript (nedb's MongoDB-compatible update engine) and validated by the model, then written with one
 * compare-and-set statement: `UPDATE … WHERE id = ? AND rev = ? AND <filter>`. A lost race re-reads and
 * re-evaluates the filter, so a state transition's guard holds when the write happens.
 */
export class SqlDocumentCollection<T extends BaseDocument> implements DocumentCollection<T> {
  readonly name: string;
  private ready?: Promise<void>;
  /** Schema paths of type Date, revived from their ISO strings on read. */
  private readonly dates: string[][];
  /** Bumped before and after every write statement of this collection (the count memo's version). */
  private writes = 0;
  private readonly counts = new Map<string, { version: string; total: Promise<number> }>();

  constructor(
    private readonly table: SqlTable,
    private readonly validator: mongoose.Model<any>,
    private readonly backend: SqlBackend,
  ) {
    this.name = table.meta.collectionName;
    this.dates = [...table.fields.entries()]
      .filter(([, info]) => info.kind === 'date')
      .map(([path]) => path.split('.'));
  }

  async insertOne(doc: NewDocument<T>): Promise<T> {
    if (doc._id !== undefined) assertId(doc._id);
    await this.begin();
    const candidate: Stored = { ...(doc as Record<string, unknown>), _id: doc._id ?? newId() };
    this.stampCreated(candidate, new Date());
    const stored = await this.validate(candidate);
    await this.insert(stored);
    return stored as unknown as T;
  }

  async findById(id: string): Promise<T | null> {
    assertId(id);
    return this.findOne({ _id: id });
  }

  async findOne(filter: Filter): Promise<T | null> {
    const [doc] = await this.find(filter, { limit: 1 });
    return doc ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const where = this.cast(filter);
    assertFindOptions(options);
    await this.begin();
    const { skip, limit } = options;
    const version = this.countVersion();
    if (skip !== undefined && skip >= REVERSE_SCAN_FROM_SKIP && limit && version !== undefined) {
      // A page past the middle (the last pages of a long list): count (memoized, and a list asks for the
      // total anyway), then skip from the other end in the reversed order.
      const total = await this.countCast(where);
      if (skip >= total && this.countVersion() === version) return [];
      const size = Math.min(limit, total - skip);
      const fromEnd = total - skip - size;
      if (skip < total && fromEnd < skip) {
        const rows = await this.page(where, options.sort, size, fromEnd, true);
        // Unless this collection was written between the count and the page (the total may be off then).
        if (this.countVersion() === version) return rows.reverse();
      }
    }
    return this.page(where, options.sort, limit, skip, false);
  }

  private async page(
    where: Filter,
    sort: FindOptions['sort'],
    limit: number | undefined,
    skip: number | undefined,
    reverse: boolean,
  ): Promise<T[]> {
    const params = new ParamList(this.table.dialect);
    const clause = this.table.translator.where(where, params) + this.table.notExpired(params);
    const order = this.table.translator.orderBy(sort, reverse);
    const page = this.table.dialect.limitOffset(limit, skip, params);
    const rows = await this.exec((x) =>
      x.all<Row>(`SELECT id, doc FROM ${this.table.qualified} WHERE ${clause}${order}${page}`, params.values),
    );
    return rows.map((row) => this.decode(row) as unknown as T);
  }

  async count(filter: Filter = {}): Promise<number> {
    const where = this.cast(filter);
    await this.begin();
    return this.countCast(where);
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    const result = await this.updateFirst(filter, update, options.upsert === true);
    if (result.upserted) return { matchedCount: 0, modifiedCount: 0, upsertedId: result.upserted._id };
    if (!result.before) return { matchedCount: 0, modifiedCount: 0 };
    return { matchedCount: 1, modifiedCount: result.after ? 1 : 0 };
  }

  async findOneAndUpdate(
    filter: Filter,
    update: Update,
    options: FindOneAndUpdateOptions = {},
  ): Promise<T | null> {
    const result = await this.updateFirst(filter, update, options.upsert === true);
    const returnBefore = options.returnDocument === 'before';
    if (result.upserted) return returnBefore ? null : (result.upserted as unknown as T);
    if (!result.before) return null;
    return (returnBefore || !result.after ? result.before : result.after) as unknown as T;
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    const where = this.cast(filter);
    assertUpdate(update);
    await this.begin();
    // All or nothing: every result is validated, and a unique violation part-way rolls back the rest.
    return this.backend.atomically(async () => {
      const params = new ParamList(this.table.dialect);
      const clause = this.table.translator.where(where, params) + this.table.notExpired(params);
      const lock = this.table.dialect.name === 'postgres' ? ' FOR UPDATE' : '';
      const rows = await this.exec((x) =>
        x.all<Row>(
          `SELECT id, doc, rev FROM ${this.table.qualified} WHERE ${clause} ORDER BY id${lock}`,
          params.values,
        ),
      );
      let modified = 0;
      for (const row of rows) {
        const after = await this.applyUpdate(this.decode(row), update);
        if (!after) continue;
        await this.write(after, row.rev);
        modified++;
      }
      return { matchedCount: rows.length, modifiedCount: modified };
    });
  }

  async deleteOne(filter: Filter): Promise<number> {
    const where = this.cast(filter);
    await this.begin();
    const params = new ParamList(this.table.dialect);
    const clause = this.table.translator.where(where, params) + this.table.notExpired(params);
    return this.runWrite(
      `DELETE FROM ${this.table.qualified} WHERE id IN (SELECT id FROM ${this.table.qualified} WHERE ${clause} LIMIT 1)`,
      params.values,
    );
  }

  async deleteMany(filter: Filter): Promise<number> {
    const where = this.cast(filter);
    await this.begin();
    const params = new ParamList(this.table.dialect);
    const clause = this.table.translator.where(where, params) + this.table.notExpired(params);
    return this.runWrite(`DELETE FROM ${this.table.qualified} WHERE ${clause}`, params.values);
  }

  /** Deletes documents past their TTL; the driver's sweeper calls it. */
  async sweepExpired(): Promise<number> {
    const params = new ParamList(this.table.dialect);
    const sql = this.table.expiredDelete(params);
    if (!sql) return 0;
    await this.begin();
    return this.runWrite(sql, params.values);
  }

  private async updateFirst(
    filter: Filter,
    update: Update,
    upsert: boolean,
  ): Promise<{ before?: Stored; after?: Stored | null; upserted?: Stored }> {
    const where = this.cast(filter);
    assertUpdate(update);
    await this.begin();
    for (let attempt = 0; ; attempt++) {
      const params = new ParamList(this.table.dialect);
      const clause = this.table.translator.where(where, params) + this.table.notExpired(params);
      const [row] = await this.exec((x) =>
        x.all<Row>(`SELECT id, doc, rev FROM ${this.table.qualified} WHERE ${clause} LIMIT 1`, params.values),
      );
      if (!row) {
        if (!upsert) return {};
        try {
          return { upserted: await this.upsert(filter, update) };
        } catch (error) {
          // Another writer inserted the same document first: update it instead (once).
          if (error instanceof ConflictError && attempt === 0) continue;
          throw error;
        }
      }
      const before = this.decode(row);
      const after = await this.applyUpdate(before, update);
      if (!after) return { before, after: null };
      if (await this.write(after, row.rev, where)) return { before, after };
      // Lost the race: someone wrote this document since we read it; re-read and re-check the filter.
    }
  }

  /**
   * COUNT over the filter's index range: O(matching documents). On a single-writer backend the result is
   * kept until this collection's next write (or a rollback), keyed by statement and parameters, and a count
   * in flight is shared: a list's page and total, or repeated lists between writes, count once.
   */
  private countCast(where: Filter): Promise<number> {
    const params = new ParamList(this.table.dialect);
    const keys = Object.keys(where);
    const counted =
      keys.length === 1 &&
      typeof where[keys[0]] === 'string' &&
      this.backend.fieldCounts &&
      this.table.countedFields.includes(keys[0]);
    const sql = counted
      ? `SELECT COALESCE((SELECT n FROM ${this.table.countsTable} WHERE field = ${params.add(keys[0])} AND value = ${params.add(where[keys[0]])}), 0) AS n`
      : `SELECT COUNT(*) AS n FROM ${this.table.qualified} WHERE ${this.table.translator.where(where, params) + this.table.notExpired(params)}`;
    const compute = async () => {
      const [row] = await this.exec((x) => x.all<{ n: number | string }>(sql, params.values));
      return Number(row.n);
    };
    // The version is taken before the statement runs: a write that lands in between makes it stale at once.
    const version = this.countVersion();
    if (version === undefined) return compute();
    const key = `${sql}\u0000${JSON.stringify(params.values)}`;
    const memo = this.counts.get(key);
    this.counts.delete(key);
    if (memo && memo.version === version) {
      this.counts.set(key, memo); // most recently used last
      return memo.total;
    }
    const total = compute();
    this.counts.set(key, { version, total });
    if (this.counts.size > COUNT_MEMO_SIZE) this.counts.delete(this.counts.keys().next().value as string);
    total.catch(() => {
      if (this.counts.get(key)?.total === total) this.counts.delete(key);
    });
    return total;
  }

  /** Changes with every write to this collection and every rollback; undefined when counts are not kept. */
  private countVersion(): string | undefined {
    const epoch = this.backend.changeEpoch?.();
    return epoch === undefined ? undefined : `${epoch}:${this.writes}`;
  }

  /** Every write statement of this collection; bumps the count memo's version before and after. */
  private async runWrite(sql: string, params: unknown[], mayConflict = false): Promise<number> {
    this.writes++;
    try {
      return await this.exec((x) => x.run(sql, params, mayConflict));
    } finally {
      this.writes++;
    }
  }

  /** Compare-and-set on `rev` (and the filter, so the guard is part of the write). */
  private async write(next: Stored, rev: number | string, where?: Filter): Promise<boolean> {
    const params = new ParamList(this.table.dialect);
    const { dialect } = this.table;
    const doc = dialect.jsonParam(params.add(this.serialise(next)));
    const id = params.add(next._id);
    const expected = params.add(Number(rev));
    const guard = where ? ` AND ${this.table.translator.where(where, params)}` : '';
    const sql = `UPDATE ${this.table.qualified} SET doc = ${doc}, rev = rev + 1 WHERE id = ${id} AND rev = ${expected}${guard}`;
    const changed = await this.runWrite(
      sql,
      params.values,
      this.table.indexes.some((index) => index.spec.unique),
    );
    return changed === 1;
  }

  private async insert(stored: Stored): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const params = new ParamList(this.table.dialect);
      const sql = `INSERT INTO ${this.table.qualified} (id, doc) VALUES (${params.add(stored._id)}, ${this.table.dialect.jsonParam(params.add(this.serialise(stored)))})`;
      try {
        await this.runWrite(sql, params.values, true);
        return;
      } catch (error) {
        // The holder of the key may be a document past its TTL that the sweeper has not removed yet.
        if (!(error instanceof ConflictError) || !this.table.ttl || attempt > 0) throw error;
        if ((await this.sweepExpired()) === 0) throw error;
      }
    }
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
    await this.insert(stored);
    return stored;
  }

  private async applyUpdate(current: Stored, update: Update): Promise<Stored | null> {
    const modified = this.modify(current, update);
    if (isDeepStrictEqual(modified, current)) return null;
    const { updatedAt } = this.table.meta.timestamps;
    if (updatedAt && !touches(update, updatedAt)) modified[updatedAt] = new Date();
    return this.validate(modified);
  }

  private modify(current: Stored, update: Update): Stored {
    try {
      return modify(current, update);
    } catch (error) {
      throw new BadUserInputError(`Cannot apply the update to ${this.name}: ${(error as Error).message}`);
    }
  }

  private stampCreated(doc: Record<string, unknown>, now: Date): void {
    const { createdAt, updatedAt } = this.table.meta.timestamps;
    if (createdAt && doc[createdAt] == null) doc[createdAt] = now;
    if (updatedAt) doc[updatedAt] = now;
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

  /** Validates the grammar and casts values with the model's schema (same casting as the MongoDB driver). */
  private cast(filter: Filter): Filter {
    assertFilter(filter);
    try {
      return this.validator.find().cast(this.validator, cloneFilter(filter)) as Filter;
    } catch (error) {
      throw toValidationError(this.name, error);
    }
  }

  private serialise(doc: Stored): string {
    const { _id: _ignored, ...rest } = doc;
    return JSON.stringify(toJsonValue(rest));
  }

  private decode(row: Row): Stored {
    const body = typeof row.doc === 'string' ? (JSON.parse(row.doc) as Record<string, unknown>) : row.doc;
    const doc: Stored = { _id: row.id, ...body };
    for (const path of this.dates) revive(doc, path, 0);
    return doc;
  }

  private async begin(): Promise<void> {
    this.backend.assertOpen();
    this.ready ??= this.backend.ensureTable(this.table).catch((error: unknown) => {
      this.ready = undefined; // retried by the next operation
      throw this.backend.translateError(error);
    });
    await this.ready;
  }

  /** Runs a statement on the current executor, mapping unique violations to ConflictError. */
  private async exec<R>(statement: (executor: SqlExecutor) => Promise<R>): Promise<R> {
    try {
      return await statement(this.backend.executor());
    } catch (error) {
      const index = this.backend.uniqueViolation(error);
      if (index === undefined) throw this.backend.translateError(error);
      if (index === '') throw duplicateKeyError(this.name, ['_id']);
      const spec = this.table.indexes.find((i) => i.name === index)?.spec;
      throw duplicateKeyError(this.name, spec?.fields ?? []);
    }
  }
}

/** JSON has no dates: turn the ISO strings at the schema's Date paths back into Dates. */
function revive(value: unknown, path: string[], depth: number): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const element of value) revive(element, path, depth);
    return;
  }
  const holder = value as Record<string, unknown>;
  const key = path[depth];
  const child = holder[key];
  if (child === undefined || child === null) return;
  if (depth === path.length - 1) {
    if (typeof child === 'string') holder[key] = new Date(child);
    else if (Array.isArray(child)) holder[key] = child.map((c) => (typeof c === 'string' ? new Date(c) : c));
    return;
  }
  revive(child, path, depth + 1);
}

function touches(update: Update, path: string): boolean {
  return Object.values(update).some((fields) => fields && Object.prototype.hasOwnProperty.call(fields, path));
}
