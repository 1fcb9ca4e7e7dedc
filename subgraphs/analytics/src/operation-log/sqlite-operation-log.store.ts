import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { operationLogRowToEntry, type OperationLogRow } from './operation-log-rows';
import {
  actorIds,
  type OperationLogEntry,
  type OperationLogFilter,
  type OperationLogPosition,
  type OperationLogStore,
} from './operation-log-store.port';

/** Embedded profile: DATA_DIR/operation-log.sqlite, beside the raw analytics file (ADR 0013). */
export class SqliteOperationLogStore implements OperationLogStore {
  readonly driver = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
  }

  async init(): Promise<void> {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS operation_log (
        id TEXT PRIMARY KEY, at INTEGER NOT NULL, action TEXT NOT NULL, subgraph TEXT NOT NULL, actor_kind TEXT NOT NULL,
        actor_id TEXT, organization_id TEXT, target_type TEXT, target_id TEXT, summary TEXT NOT NULL, changes TEXT NOT NULL,
        request_id TEXT NOT NULL, client_ip TEXT, atomic INTEGER NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS operation_log_at ON operation_log (at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS operation_log_org_at ON operation_log (organization_id, at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS operation_log_actor_at ON operation_log (actor_id, at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS operation_log_target_at ON operation_log (target_id, at DESC, id DESC);
    `);
  }

  async append(entries: OperationLogEntry[]): Promise<number> {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO operation_log VALUES (${Array(14).fill('?').join(', ')})`,
    );
    return this.db.transaction(() => {
      let inserted = 0;
      for (const e of entries) {
        const result = insert.run(
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
          e.atomic ? 1 : 0,
        );
        inserted += result.changes;
      }
      return inserted;
    })();
  }

  async list(
    filter: OperationLogFilter,
    limit: number,
    after?: OperationLogPosition,
  ): Promise<OperationLogEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.actor !== undefined) {
      const ids = actorIds(filter.actor);
      where.push(`actor_id IN (${ids.map(() => '?').join(', ')})`);
      params.push(...ids);
    }
    for (const [column, value] of [
      ['action', filter.action],
      ['target_id', filter.targetId],
      ['target_type', filter.targetType],
    ] as const) {
      if (value !== undefined) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    }
    if (filter.organizationIds !== undefined) {
      if (filter.organizationIds.length === 0) return [];
      where.push(`organization_id IN (${filter.organizationIds.map(() => '?').join(', ')})`);
      params.push(...filter.organizationIds);
    }
    if (filter.from !== undefined) {
      where.push('at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('at < ?');
      params.push(filter.to);
    }
    if (after) {
      where.push('(at < ? OR (at = ? AND id < ?))');
      params.push(after.at, after.at, after.id);
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM operation_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`,
      )
      .all(...params, limit) as OperationLogRow[];
    return rows.map(operationLogRowToEntry);
  }

  async prune(before: number): Promise<number> {
    return this.db.prepare('DELETE FROM operation_log WHERE at < ?').run(before).changes;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
