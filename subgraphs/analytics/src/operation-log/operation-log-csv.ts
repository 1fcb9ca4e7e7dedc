import { renderCsv, type CsvColumn } from '../csv/table-csv';
import type { OperationLogEntry } from './operation-log-store.port';

/** The operation log as CSV through the renderer every table uses (formula-escaped; csv/table-csv.ts). */
export function operationLogCsv(entries: readonly OperationLogEntry[], header = true): string {
  return renderCsv(COLUMNS, entries, header);
}

const COLUMNS: CsvColumn<OperationLogEntry>[] = [
  { header: 'time', value: (e) => new Date(e.at).toISOString() },
  { header: 'actor_kind', value: (e) => e.actorKind },
  { header: 'actor', value: (e) => e.actorId },
  { header: 'organization', value: (e) => e.organizationId },
  { header: 'action', value: (e) => e.action },
  { header: 'target_type', value: (e) => e.targetType },
  { header: 'target', value: (e) => e.targetId },
  { header: 'summary', value: (e) => e.summary },
  { header: 'changes', value: (e) => e.changes.join(' ') },
  { header: 'request_id', value: (e) => e.requestId },
  { header: 'client_ip', value: (e) => e.clientIp },
  { header: 'atomic', value: (e) => e.atomic },
  { header: 'id', value: (e) => e.id },
];

/** The header row, in column order. */
export const OPERATION_LOG_CSV_COLUMNS: readonly string[] = COLUMNS.map((c) => c.header);
