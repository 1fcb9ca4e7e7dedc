import { stringify } from 'csv-stringify/sync';
import type { OperationLogEntry } from './operation-log-store.port';

export const OPERATION_LOG_CSV_COLUMNS = [
  'time',
  'actor_kind',
  'actor',
  'organization',
  'action',
  'target_type',
  'target',
  'summary',
  'changes',
  'request_id',
  'client_ip',
  'atomic',
  'id',
] as const;

/**
 * RFC 4180 CSV of log entries with a header row (csv-stringify): fields with commas, quotes or line breaks are
 * quoted, quotes doubled, and a field starting with = + - @ tab or carriage return gets a leading `'` so that a
 * spreadsheet shows it as text instead of running it as a formula (CSV injection).
 */
export function operationLogCsv(entries: readonly OperationLogEntry[], header = true): string {
  const rows = entries.map((e) => [
    new Date(e.at).toISOString(),
    e.actorKind,
    e.actorId ?? '',
    e.organizationId ?? '',
    e.action,
    e.targetType ?? '',
    e.targetId ?? '',
    e.summary,
    e.changes.join(' '),
    e.requestId,
    e.clientIp ?? '',
    e.atomic ? 'true' : 'false',
    e.id,
  ]);
  return stringify(rows, {
    header,
    columns: [...OPERATION_LOG_CSV_COLUMNS],
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}
