/** One stored line of the operation log (ADR 0013): the `operation.recorded` payload under its event id. */
export interface OperationLogEntry {
  /** The event id: the store keeps each once, so redeliveries are no-ops. */
  id: string;
  /** Commit time, ms since the epoch. */
  at: number;
  action: string;
  subgraph: string;
  actorKind: string;
  actorId: string | null;
  organizationId: string | null;
  targetType: string | null;
  targetId: string | null;
  summary: string;
  changes: string[];
  requestId: string;
  clientIp: string | null;
  atomic: boolean;
}

/** What a query may narrow by; every field is ANDed. */
export interface OperationLogFilter {
  /** Exact `kind:id` (`user:…`), or a bare id matching any kind. */
  actor?: string;
  action?: string;
  targetId?: string;
  targetType?: string;
  /** One organization, or several (an admin of several organizations reading all of them). */
  organizationIds?: string[];
  /** Inclusive lower bound, ms. */
  from?: number;
  /** Exclusive upper bound, ms. */
  to?: number;
}

/** Position after which a page starts (newest first: time desc, then id desc). */
export interface OperationLogPosition {
  at: number;
  id: string;
}

/** Operation log storage: SQLite (embedded) or PostgreSQL (standard); same behaviour, one contract test. */
export interface OperationLogStore {
  readonly driver: 'sqlite' | 'postgres';
  init(): Promise<void>;
  /** Stores the entries not stored yet (by id); answers how many were new. */
  append(entries: OperationLogEntry[]): Promise<number>;
  /** Up to `limit` entries matching `filter`, newest first (at desc, id desc), strictly after `after`. */
  list(filter: OperationLogFilter, limit: number, after?: OperationLogPosition): Promise<OperationLogEntry[]>;
  /** Deletes entries older than `before` (ms); answers how many. */
  prune(before: number): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The actor ids a filter's `actor` stands for. */
export function actorIds(actor: string): string[] {
  return actor.includes(':') ? [actor] : ['user', 'apiClient', 'hostApp'].map((kind) => `${kind}:${actor}`);
}
