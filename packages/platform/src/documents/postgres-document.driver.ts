import { ScopedAsyncStorage } from '../runtime/scoped-async-storage';
import { mongoose } from '@typegoose/typegoose';
import { Pool, type PoolClient } from 'pg';
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
  SqlDocumentCollection,
  SqlTable,
  type SqlBackend,
  type SqlExecutor,
} from './sql-document.collection';
import { postgresDialect } from './sql-query.translator';

export interface PostgresDocumentStoreOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** Schema holding one table per collection; created when missing. Default `public`. */
  schema?: string;
  /** Pool size. Default 10. */
  maxConnections?: number;
  /** How often documents past their TTL are deleted (they are invisible at once). Default 60 s. */
  ttlSweepIntervalMs?: number;
  logger?: Logger;
}

interface Session {
  client: PoolClient;
  executor: SqlExecutor;
  savepoints: number;
  done: boolean;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/**
 * PostgreSQL document store: one table per collection `(id text, doc jsonb, rev bigint)`, model indexes as
 * expression indexes over `doc`. Tables and indexes are created on first use of a collection, under an
 * advisory lock so services starting together do not race on `CREATE … IF NOT EXISTS`. Transactions
 * follow the caller through AsyncLocalStorage, so domain stores join a unit of work without changes.
 */
export class PostgresDocumentStore implements DocumentStore {
  readonly driver = 'postgres' as const;
  private readonly pool: Pool;
  private readonly schema: string;
  private readonly sessions = new ScopedAsyncStorage<Session>();
  private readonly collections = new Map<string, SqlDocumentCollection<any>>();
  private readonly owners = new Map<string, ModelClass>();
  private readonly validation = new mongoose.Mongoose();
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;
  private readonly backend: SqlBackend;
  private readonly poolExecutor: SqlExecutor;

  constructor(private readonly options: PostgresDocumentStoreOptions) {
    this.schema = options.schema ?? 'public';
    this.pool = new Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 5000,
    });
    this.pool.on('error', (err) =>
      options.logger?.error({ err }, 'idle document database connection failed'),
    );
    this.poolExecutor = executorOf((sql, params) => this.pool.query(sql, params));
    this.backend = {
      dialect: postgresDialect,
      executor: () => {
        const session = this.sessions.getStore();
        return session && !session.done ? session.executor : this.poolExecutor;
      },
      atomically: (work) => this.transaction(() => work()),
      ensureTable: (table) => this.ensureTable(table),
      uniqueViolation: (error) => {
        const err = error as { code?: string; constraint?: string };
        if (err?.code !== '23505') return undefined;
        return err.constraint?.endsWith('_pkey') ? '' : (err.constraint ?? 'unknown');
      },
      translateError: (error) => translateError(error),
      assertOpen: () => this.assertOpen(),
    };
    this.sweeper = setInterval(() => void this.sweep(), options.ttlSweepIntervalMs ?? 60_000);
    this.sweeper.unref();
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
      collection = new SqlDocumentCollection<T>(
        new SqlTable(meta, postgresDialect, this.schema),
        validator,
        this.backend,
      );
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
      // Nested: a savepoint, so the inner unit can fail without aborting the outer one.
      const name = `sp_${++current.savepoints}`;
      await current.client.query(`SAVEPOINT ${name}`);
      try {
        const result = await work(tx);
        await current.client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await current.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    }
    const client = await this.pool.connect().catch((error: unknown) => {
      throw translateError(error);
    });
    const session: Session = {
      client,
      executor: transactionExecutor(client, () => ++session.savepoints),
      savepoints: 0,
      done: false,
    };
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await this.sessions.run(session, () => work(tx));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw translateError(error);
    } finally {
      session.done = true;
      client.release(broken);
    }
  }

  async ping(): Promise<void> {
    this.assertOpen();
    try {
      await this.pool.query('SELECT 1');
    } catch (error) {
      throw translateError(error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    await this.pool.end();
  }

  private async ensureTable(table: SqlTable): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // One lock per schema: concurrent CREATE … IF NOT EXISTS can still collide in the catalog without it.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`grove-documents:${this.schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${postgresDialect.quoteIdent(this.schema)}`);
      await client.query(table.createTable());
      for (const index of table.indexes) await client.query(index.ddl);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
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

  private assertOpen(): void {
    if (this.closed) throw new UnavailableError('The document store is closed');
  }
}

function executorOf(
  query: (sql: string, params: unknown[]) => Promise<{ rows: any[]; rowCount: number | null }>,
): SqlExecutor {
  return {
    all: async (sql, params) => (await query(sql, params)).rows,
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
  };
}

/**
 * Statements inside a transaction. A write that can break a unique index runs under a savepoint: PostgreSQL aborts
 * the whole transaction at a failed statement, so a unique violation the work catches (a CONFLICT it answers
 * otherwise) would make every later statement fail, where SQLite carries on. Reads, deletes and updates of
 * collections without unique indexes run as they are (two round trips fewer).
 */
function transactionExecutor(client: PoolClient, nextSavepoint: () => number): SqlExecutor {
  const query = (sql: string, params: unknown[]) => client.query(sql, params);
  const plain = executorOf(query);
  return {
    all: plain.all,
    run: async (sql, params, mayConflict) => {
      if (!mayConflict) return plain.run(sql, params);
      const name = `sw_${nextSavepoint()}`;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const result = await query(sql, params);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result.rowCount ?? 0;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
        throw error;
      }
    },
  };
}

/** Connection failures become UnavailableError; the message never names the backend. */
function translateError(error: unknown): unknown {
  const err = error as { code?: string; message?: string } | null;
  if (err && typeof err === 'object') {
    const lost =
      /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end/i.test(
        err.message ?? '',
      );
    if (lost || (err.code !== undefined && UNAVAILABLE_CODES.has(err.code)))
      return new UnavailableError('The document database is unavailable');
  }
  return error;
}
