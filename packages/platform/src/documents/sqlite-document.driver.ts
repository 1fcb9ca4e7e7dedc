import { ScopedAsyncStorage } from '../runtime/scoped-async-storage';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mongoose } from '@typegoose/typegoose';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { UnavailableError } from '../errors/platform-errors';
import type {
  BaseDocument,
  DocumentCollection,
  DocumentStore,
  DocumentTransaction,
  ModelClass,
} from './documents.port';
import { getModelMetadata } from './model-metadata';
import {
  createTableSql,
  SqlDocumentCollection,
  SqlTable,
  type SqlBackend,
  type SqlExecutor,
} from './sql-document.collection';
import { sqliteDialect } from './sql-query.translator';

export interface SqliteDocumentStoreOptions {
  /** The database is `<dataDir>/documents.sqlite`. Required unless `inMemory`. */
  dataDir?: string;
  /** Keep everything in memory (tests); nothing is written to disk. */
  inMemory?: boolean;
  /** On first start (new database file), import the nedb datafiles under `<dataDir>/documents`. Default true. */
  importNedb?: boolean;
  /** How often documents past their TTL are deleted (they are invisible at once). Default 60 s. */
  ttlSweepIntervalMs?: number;
  /** How often `PRAGMA optimize` refreshes the planner's statistics where they are stale. Default 1 h. */
  optimizeIntervalMs?: number;
  logger?: Logger;
}

interface Session {
  done: boolean;
  savepoints: number;
}

const STATEMENT_CACHE = 500;
/** Rows ANALYZE samples per index: approximate statistics, bounded cost on big tables. */
const ANALYSIS_LIMIT = 1000;

/**
 * Embedded document store on SQLite (better-sqlite3): one table per collection in one file, model indexes
 * as expression indexes, so a page costs an index range scan whatever the collection's size. better-sqlite3
 * is synchronous, so each statement is atomic in this process (the only writer of the file); a transaction
 * spans awaits, so while one is open every other caller's statement waits for it (a gate), and callers
 * inside it (found through AsyncLocalStorage) run directly.
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly driver = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly sessions = new ScopedAsyncStorage<Session>();
  private readonly collections = new Map<string, SqlDocumentCollection<any>>();
  private readonly owners = new Map<string, ModelClass>();
  private readonly validation = new mongoose.Mongoose();
  private readonly regexps = new Map<string, RegExp>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly optimizer: NodeJS.Timeout;
  /** Bumped by every rollback: collections drop the counts they kept (see SqlBackend.changeEpoch). */
  private rollbacks = 0;
  private readonly dataVersion: Database.Statement;
  private readonly backend: SqlBackend;
  private readonly direct: SqlExecutor;
  private readonly gated: SqlExecutor;
  /** Settles when the open transaction ends. */
  private active?: Promise<void>;
  private closed = false;

  constructor(private readonly options: SqliteDocumentStoreOptions) {
    if (!options.inMemory && !options.dataDir)
      throw new Error('SqliteDocumentStore needs dataDir unless inMemory is set');
    const file = options.inMemory ? ':memory:' : join(options.dataDir as string, 'documents.sqlite');
    const isNew = options.inMemory || !existsSync(file);
    if (!options.inMemory) mkdirSync(options.dataDir as string, { recursive: true });
    this.db = new Database(file);
    if (!options.inMemory) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
    this.db.function('grove_regexp', { deterministic: true }, (pattern, flags, value) =>
      typeof value === 'string' && this.regexp(String(pattern), String(flags)).test(value) ? 1 : 0,
    );
    if (isNew && !options.inMemory && options.importNedb !== false)
      this.importNedb(join(options.dataDir as string, 'documents'));
    // Statistics for the planner where they are missing or stale (SQLite's advice for long-lived connections).
    this.db.pragma('optimize = 0x10002');
    this.dataVersion = this.db.prepare('PRAGMA data_version').pluck();

    this.direct = {
      all: async (sql, params) => this.statement(sql).all(...bindable(params)) as never,
      run: async (sql, params) => this.statement(sql).run(...bindable(params)).changes,
    };
    this.gated = {
      all: async (sql, params) => {
        while (this.active) await this.gate();
        this.assertOpen();
        return this.statement(sql).all(...bindable(params)) as never;
      },
      run: async (sql, params) => {
        while (this.active) await this.gate();
        this.assertOpen();
        return this.statement(sql).run(...bindable(params)).changes;
      },
    };
    this.backend = {
      dialect: sqliteDialect,
      executor: () => (this.inTransaction() ? this.direct : this.gated),
      atomically: (work) => this.transaction(() => work()),
      ensureTable: async (table) => {
        if (!this.inTransaction()) {
          while (this.active) await this.gate();
        }
        this.db.transaction(() => {
          this.db.exec(table.createTable());
          const existing = new Set(
            (
              this.db
                .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`)
                .all(table.meta.collectionName) as Array<{ name: string }>
            ).map((row) => row.name),
          );
          const created = table.indexes.filter((index) => !existing.has(index.name));
          for (const index of created) this.db.exec(index.ddl);
          this.ensureFieldCounts(table);
          // New indexes over existing rows (an import, a changed model): give the planner their statistics now.
          if (created.length > 0 && this.db.prepare(`SELECT 1 FROM ${table.qualified} LIMIT 1`).get())
            this.db.exec(`ANALYZE ${table.qualified}`);
        })();
      },
      uniqueViolation: (error) => {
        const err = error as { code?: string; message?: string };
        if (err?.code !== 'SQLITE_CONSTRAINT_UNIQUE' && err?.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY')
          return undefined;
        return /index '([^']+)'/.exec(err.message ?? '')?.[1] ?? '';
      },
      translateError: (error) => error,
      assertOpen: () => this.assertOpen(),
      // data_version changes when another connection (another process) commits to the file.
      changeEpoch: () => `${this.rollbacks}:${String(this.dataVersion.get())}`,
      fieldCounts: true,
    };
    this.sweeper = setInterval(() => void this.sweep(), options.ttlSweepIntervalMs ?? 60_000);
    this.sweeper.unref();
    this.optimizer = setInterval(() => void this.optimize(), options.optimizeIntervalMs ?? 3600_000);
    this.optimizer.unref();
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
      collection = new SqlDocumentCollection<T>(new SqlTable(meta, sqliteDialect), validator, this.backend);
      this.collections.set(meta.collectionName, collection);
      this.owners.set(meta.collectionName, model);
    }
    return collection as SqlDocumentCollection<T>;
  }

  async transaction<R>(work: (tx: DocumentTransaction) => Promise<R>): Promise<R> {
    this.assertOpen();
    const tx: DocumentTransaction = { collection: (model) => this.collection(model) };
    const current = this.sessions.getStore();
    if (current && !current.done) {
      const name = `sp_${++current.savepoints}`;
      this.db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await work(tx);
        this.db.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        this.rollbacks++;
        this.db.exec(`ROLLBACK TO ${name}`);
        this.db.exec(`RELEASE ${name}`);
        throw error;
      }
    }
    // Re-checked after every wait, synchronously before BEGIN: several callers may have waited for one commit.
    while (this.active) await this.gate();
    this.assertOpen();
    let release!: () => void;
    this.active = new Promise((resolve) => (release = resolve));
    const session: Session = { done: false, savepoints: 0 };
    try {
      this.db.exec('BEGIN IMMEDIATE');
      const result = await this.sessions.run(session, () => work(tx));
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.rollbacks++;
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      session.done = true;
      this.active = undefined;
      release();
    }
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    clearInterval(this.optimizer);
    await this.active;
    this.statements.clear();
    try {
      this.db.pragma('optimize');
    } catch (err) {
      this.options.logger?.warn({ err }, 'PRAGMA optimize failed');
    }
    this.db.close();
  }

  private inTransaction(): boolean {
    const session = this.sessions.getStore();
    return session !== undefined && !session.done;
  }

  /**
   * Waits for the open transaction to end. Another caller may begin one before the waiter resumes, so callers
   * loop (`while (this.active) await this.gate()`) and then run their statement without awaiting in between.
   */
  private async gate(): Promise<void> {
    await this.active;
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Most recently used last, so the oldest is evicted first.
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE)
        this.statements.delete(this.statements.keys().next().value as string);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  private regexp(pattern: string, flags: string): RegExp {
    const key = `${flags}/${pattern}`;
    let regexp = this.regexps.get(key);
    if (!regexp) {
      regexp = new RegExp(pattern, flags);
      if (this.regexps.size >= STATEMENT_CACHE) this.regexps.clear();
      this.regexps.set(key, regexp);
    }
    return regexp;
  }

  /**
   * Documents per value of each counted field (`SqlTable.countedFields`, e.g. `orgId`), kept by triggers in
   * the same transaction as every write, so `count({ orgId })` is one lookup. The triggers' name carries a
   * hash of the field list: a changed list drops the old triggers and counts again from the table (also the
   * first time, e.g. over imported rows). Runs inside ensureTable's transaction.
   */
  private ensureFieldCounts(table: SqlTable): void {
    const fields = table.countedFields;
    const name = table.meta.collectionName;
    const prefix = `${name}__counts__`;
    const hash = djb2(fields.join(','));
    const triggers = (
      this.db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`)
        .all(name) as Array<{ name: string }>
    )
      .map((row) => row.name)
      .filter((trigger) => trigger.startsWith(prefix));
    if (fields.length > 0 && triggers.includes(`${prefix}${hash}_insert`)) return;
    for (const trigger of triggers)
      this.db.exec(`DROP TRIGGER IF EXISTS ${sqliteDialect.quoteIdent(trigger)}`);
    if (fields.length === 0) {
      this.db.exec(`DROP TABLE IF EXISTS ${table.countsTable}`);
      return;
    }
    const counts = table.countsTable;
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${counts} (field TEXT NOT NULL, value NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (field, value)) WITHOUT ROWID`,
    );
    this.db.exec(`DELETE FROM ${counts}`);
    const at = (row: string, field: string) => `json_extract(${row}.doc, '$."${field}"')`;
    const literal = (field: string) => `'${field.replace(/'/g, "''")}'`;
    const add = (field: string, when = 'TRUE') =>
      `INSERT INTO ${counts} (field, value, n) SELECT ${literal(field)}, ${at('NEW', field)}, 1 WHERE ${at('NEW', field)} IS NOT NULL AND ${when} ON CONFLICT (field, value) DO UPDATE SET n = n + 1;`;
    const remove = (field: string, when = 'TRUE') =>
      `UPDATE ${counts} SET n = n - 1 WHERE field = ${literal(field)} AND value = ${at('OLD', field)} AND ${when}; ` +
      `DELETE FROM ${counts} WHERE field = ${literal(field)} AND value = ${at('OLD', field)} AND n <= 0;`;
    const changed = (field: string) => `${at('OLD', field)} IS NOT ${at('NEW', field)}`;
    const trigger = (suffix: string, event: string, body: string) =>
      this.db.exec(
        `CREATE TRIGGER ${sqliteDialect.quoteIdent(`${prefix}${hash}_${suffix}`)} AFTER ${event} ON ${table.qualified} BEGIN ${body} END`,
      );
    trigger('insert', 'INSERT', fields.map((f) => add(f)).join(' '));
    trigger('delete', 'DELETE', fields.map((f) => remove(f)).join(' '));
    trigger(
      'update',
      'UPDATE OF doc',
      fields.map((f) => `${remove(f, changed(f))} ${add(f, changed(f))}`).join(' '),
    );
    for (const field of fields) {
      this.db.exec(
        `INSERT INTO ${counts} (field, value, n) SELECT ${literal(field)}, v, COUNT(*) FROM (SELECT ${at(table.qualified, field)} AS v FROM ${table.qualified}) WHERE v IS NOT NULL GROUP BY v`,
      );
    }
  }

  /** Re-analyzes the tables whose statistics are stale (cheap when none are); waits for an open transaction. */
  private async optimize(): Promise<void> {
    try {
      while (this.active) await this.gate();
      this.assertOpen();
      this.db.pragma('optimize');
    } catch (err) {
      if (!this.closed) this.options.logger?.warn({ err }, 'PRAGMA optimize failed');
    }
  }

  private async sweep(): Promise<void> {
    for (const collection of this.collections.values()) {
      await collection
        .sweepExpired()
        .catch((err: unknown) =>
          this.options.logger?.warn({ err, collection: collection.name }, 'TTL sweep failed'),
        );
    }
  }

  /**
   * One-shot import of the nedb driver's datafiles (`<collection>.db`, one JSON line per write; the last
   * line of an id wins, `$$deleted` removes it, `{"$$date": ms}` is a date). Indexes are created when the
   * collection is first used.
   */
  private importNedb(dir: string): void {
    if (!existsSync(dir)) return;
    const files = readdirSync(dir).filter((name) => name.endsWith('.db'));
    if (files.length === 0) return;
    let total = 0;
    this.db.transaction(() => {
      for (const file of files) {
        const collection = file.slice(0, -'.db'.length);
        const docs = new Map<string, Record<string, unknown>>();
        for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
          if (!line.trim()) continue;
          const entry = JSON.parse(line, (_key, value: unknown) => fromNedbDate(value)) as Record<
            string,
            unknown
          >;
          if ('$$indexCreated' in entry || '$$indexRemoved' in entry) continue;
          const id = String(entry._id);
          if (entry.$$deleted === true) docs.delete(id);
          else docs.set(id, entry);
        }
        const table = sqliteDialect.quoteIdent(collection);
        this.db.exec(createTableSql(sqliteDialect, table));
        const insert = this.db.prepare(`INSERT OR REPLACE INTO ${table} (id, doc) VALUES (?, ?)`);
        for (const [id, { _id: _ignored, ...rest }] of docs) insert.run(id, JSON.stringify(rest));
        total += docs.size;
      }
    })();
    this.options.logger?.info(
      { files: files.length, documents: total, from: dir },
      'imported the nedb documents into SQLite',
    );
  }

  private assertOpen(): void {
    if (this.closed) throw new UnavailableError('The document store is closed');
  }
}

function djb2(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

function fromNedbDate(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && '$$date' in value) {
    return new Date((value as { $$date: number }).$$date).toISOString();
  }
  return value;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only. */
function bindable(params: unknown[]): unknown[] {
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}
