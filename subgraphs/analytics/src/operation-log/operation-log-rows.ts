import type { OperationLogEntry } from './operation-log-store.port';

/** A stored row of either driver (PostgreSQL answers BIGINT as text and booleans as booleans). */
export interface OperationLogRow {
  id: string;
  at: number | string;
  action: string;
  subgraph: string;
  actor_kind: string;
  actor_id: string | null;
  organization_id: string | null;
  target_type: string | null;
  target_id: string | null;
  summary: string;
  changes: string;
  request_id: string;
  client_ip: string | null;
  atomic: number | boolean;
}

export function operationLogRowToEntry(row: OperationLogRow): OperationLogEntry {
  return {
    id: row.id,
    at: Number(row.at),
    action: row.action,
    subgraph: row.subgraph,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    organizationId: row.organization_id,
    targetType: row.target_type,
    targetId: row.target_id,
    summary: row.summary,
    changes: JSON.parse(row.changes) as string[],
    requestId: row.request_id,
    clientIp: row.client_ip,
    atomic: row.atomic === 1 || row.atomic === true,
  };
}
