import { Pool } from 'pg';
import { operationLogRowToEntry, type OperationLogRow } from './operation-log-rows';
import {
  actorIds,
  type OperationLogEntry,
  type OperationLogFilter,
  type OperationLogPosition,
  type OperationLogStore,
} from './operation-log-store.port';

export interface PostgresOperationLogStoreOptions {
  url: string;
  /** Default `public`; tests use one schema per run. */
  schema?: string;
  maxConnections?: number;
}

const COLUMNS = [
  'id',
  'at',
  'action',
  'subgraph',
  'actor_kind',
  'actor_id',
  'organization_id',
  'target_type',
  'target_id',
  'summary',
  'changes',
  'request_id',
  'client_ip',
  'atomic',
];

/** Standard profile: one table with the same indexes as the SQLite file; ids are the primary key (ADR 0013). */
export class PostgresOperationLogStore implements OperationLogStore {
  readonly driver = 'postgres' as const;
  private readonly pool: Pool;
  private readonly schema: string;

  constructor(options: PostgresOperationLogStoreOptions) {
    this.schema = options.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.schema))
      throw new Error(`Invalid PostgreSQL schema name ${this.schema}`);
    this.pool = new Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 3,
      connectionTimeoutMillis: 5000,
    });
  }

  private get table(): string {
    return `"${this.schema}".operation_log`;
  }

  async init(): Promise<void> {
    const c = await this.pool.connect();
    try {
      // Several services may start together: serialize the DDL on an advisory lock.
      await c.query('BEGIN');
      await c.query("SELECT pg_advisory_xact_lock(hashtext('grove-operation-log-schema'))");
      await c.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
        id TEXT PRIMARY KEY, at BIGINT NOT NULL, action TEXT NOT NULL, subgraph TEXT NOT NULL, actor_kind TEXT NOT NULL,
        actor_id TEXT, organization_id TEXT, target_type TEXT, target_id TEXT, summary TEXT NOT NULL, changes TEXT NOT NULL,
        request_id TEXT NOT NULL, client_ip TEXT, atomic BOOLEAN NOT NULL)`);
      await c.query(`CREATE INDEX IF NOT EXISTS operation_log_at ON ${this.table} (at DESC, id DESC)`);
      await c.query(
        `CREATE INDEX IF NOT EXISTS operation_log_org_at ON ${this.table} (organization_id, at DESC, id DESC)`,
      );
      await c.query(
        `CREATE INDEX IF NOT EXISTS operation_log_actor_at ON ${this.table} (actor_id, at DESC, id DESC)`,
      );
      await c.query(
        `CREATE INDEX IF NOT EXISTS operation_log_target_at ON ${this.table} (target_id, at DESC, id DESC)`,
      );
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      c.release();
    }
  }

  async append(entries: OperationLogEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const params: unknown[] = [];
    const tuples = entries.map((e) => {
      const values = [
        e.id,
        e.at,
        e.action,
        e.subgraph,
        e.actorKind,
        e.actorId,
        e.organizationId,
        e.targetType,
        e.targetId,
        e.summary,
        JSON.stringify(e.changes),
        e.requestId,
        e.clientIp,
        e.atomic,
      ];
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const result = await this.pool.query(
      `INSERT INTO ${this.table} (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`,
      params,
    );
    return result.rowCount ?? 0;
  }

  async list(
    filter: OperationLogFilter,
    limit: number,
    after?: OperationLogPosition,
  ): Promise<OperationLogEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.actor !== undefined) where.push(`actor_id = ANY(${p(actorIds(filter.actor))}::text[])`);
    if (filter.action !== undefined) where.push(`action = ${p(filter.action)}`);
    if (filter.targetId !== undefined) where.push(`target_id = ${p(filter.targetId)}`);
    if (filter.targetType !== undefined) where.push(`target_type = ${p(filter.targetType)}`);
    if (filter.organizationIds !== undefined) {
      if (filter.organizationIds.length === 0) return [];
      where.push(`organization_id = ANY(${p(filter.organizationIds)}::text[])`);
    }
    if (filter.from !== undefined) where.push(`at >= ${p(filter.from)}`);
    if (filter.to !== undefined) where.push(`at < ${p(filter.to)}`);
    if (after) where.push(`(at, id) < (${p(after.at)}::bigint, ${p(after.id)}::text)`);
    const { rows } = await this.pool.query<OperationLogRow>(
      `SELECT * FROM ${this.table} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ${p(limit)}`,
      params,
    );
    return rows.map(operationLogRowToEntry);
  }

  async prune(before: number): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE at < $1`, [before]);
    return result.rowCount ?? 0;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
