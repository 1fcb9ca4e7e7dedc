import { OPERATION_LOG_TOPIC, operationLogEvents, parseContractEvent } from '@grove/contracts';
import {
  BadUserInputError,
  ForbiddenError,
  hasOperatorPermission,
  orgPermissionsOf,
  Permission,
  requireUser,
  type EventBus,
  type Logger,
  type Principal,
  type Subscription,
} from '@grove/platform';
import { operationLogCsv } from './operation-log-csv';
import type {
  OperationLogEntry,
  OperationLogFilter,
  OperationLogPosition,
  OperationLogStore,
} from './operation-log-store.port';

/** Consumer group of the analytics subgraph on `operations.log`. */
export const OPERATION_LOG_GROUP = 'analytics-operation-log';
export const OPERATION_LOG_PAGE = { defaultTake: 50, maxTake: 200 };
/** CSV chunks: a chunk of the longest lines (1 000-character summaries) stays well under MAX_RESPONSE_BYTES (4 MB). */
export const OPERATION_LOG_CSV_PAGE = { defaultTake: 1_000, maxTake: 2_000 };
const CURSOR_NAME = 'operationLog';
const MAX_FILTER_TEXT = 256;

export interface OperationLogSettings {
  /** Lines older than this many days are deleted. */
  retentionDays: number;
  /** How often the retention runs (0: never on a timer). */
  pruneIntervalMs: number;
}

/** What a caller may filter by (GraphQL `OperationLogFilter`). */
export interface OperationLogQuery {
  actor?: string | null;
  action?: string | null;
  target?: string | null;
  targetType?: string | null;
  organizationId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface OperationLogPage {
  items: Array<OperationLogEntry & { cursor: string }>;
  /** The cursor of the last item when more may follow, else null. */
  nextCursor: string | null;
}

export interface OperationLogCsvChunk {
  csv: string;
  rows: number;
  nextCursor: string | null;
}

/**
 * The operation log (issue 9 §5, ADR 0013): stores every `operation.recorded` line once (by event id), answers
 * filtered, cursor-paged reads and CSV chunks, and deletes lines older than the retention. Operators holding
 * operation-log:read:any read everything; owners and admins of an organization (org:operation-log:read) read that
 * organization's lines; everyone else is refused.
 */
export class OperationLogService {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: OperationLogStore,
    private readonly settings: OperationLogSettings,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  consume(events: EventBus): Promise<Subscription> {
    return events.subscribe(OPERATION_LOG_TOPIC, OPERATION_LOG_GROUP, async (event) => {
      const parsed = parseContractEvent(operationLogEvents, event);
      if (!parsed.ok) {
        // A line that does not match its contract is kept out of the log and said loudly; it cannot be fixed by a retry.
        this.logger.error(
          { eventId: event.id, reason: parsed.reason },
          'operation log line does not match its contract; skipped',
        );
        return;
      }
      const line = parsed.payload;
      await this.store.append([{ id: event.id, ...line, at: Date.parse(line.at) }]);
    });
  }

  /** Runs the retention now and then every pruneIntervalMs. */
  start(): void {
    if (this.timer || this.settings.pruneIntervalMs <= 0) return;
    this.timer = setInterval(
      () =>
        void this.prune().catch((err: unknown) =>
          this.logger.warn({ err }, 'operation log retention failed'),
        ),
      this.settings.pruneIntervalMs,
    );
    this.timer.unref();
    void this.prune().catch((err: unknown) => this.logger.warn({ err }, 'operation log retention failed'));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Deletes lines older than the retention; answers how many. */
  prune(): Promise<number> {
    return this.store.prune(this.now() - this.settings.retentionDays * 24 * 3600_000);
  }

  async list(
    principal: Principal,
    query: OperationLogQuery | null | undefined,
    take: number | null | undefined,
    after: string | null | undefined,
  ): Promise<OperationLogPage> {
    const limit = pageSize(take, OPERATION_LOG_PAGE);
    const entries = await this.read(principal, query, limit, after);
    const items = entries.map((entry) => ({ ...entry, cursor: encodeCursor(entry) }));
    return { items, nextCursor: items.length === limit ? items[items.length - 1].cursor : null };
  }

  /** One CSV chunk (header row included in the first only); pass nextCursor as `after` for the next. */
  async exportCsv(
    principal: Principal,
    query: OperationLogQuery | null | undefined,
    take: number | null | undefined,
    after: string | null | undefined,
  ): Promise<OperationLogCsvChunk> {
    const limit = pageSize(take, OPERATION_LOG_CSV_PAGE);
    const entries = await this.read(principal, query, limit, after);
    return {
      csv: operationLogCsv(entries, !after),
      rows: entries.length,
      nextCursor: entries.length === limit ? encodeCursor(entries[entries.length - 1]) : null,
    };
  }

  private async read(
    principal: Principal,
    query: OperationLogQuery | null | undefined,
    limit: number,
    after: string | null | undefined,
  ): Promise<OperationLogEntry[]> {
    const filter = this.authorize(principal, checkQuery(query ?? {}));
    const position = after === undefined || after === null ? undefined : decodeCursor(after);
    return this.store.list(filter, limit, position);
  }

  /** The filter narrowed to what the caller may read; refuses what it may not. */
  private authorize(
    principal: Principal,
    filter: OperationLogFilter & { organizationId?: string },
  ): OperationLogFilter {
    const user = requireUser(principal);
    const { organizationId, ...rest } = filter;
    if (hasOperatorPermission(user, Permission.OPERATION_LOG_READ_ANY))
      return organizationId !== undefined ? { ...rest, organizationIds: [organizationId] } : rest;
    const readable = user.memberships
      .filter((m) => orgPermissionsOf(m.role).includes(Permission.ORG_OPERATION_LOG_READ))
      .map((m) => m.orgId);
    if (organizationId !== undefined) {
      // Another organization's id answers like an unknown one.
      if (!readable.includes(organizationId))
        throw new ForbiddenError(
          `Missing permission ${Permission.ORG_OPERATION_LOG_READ} for this organization`,
        );
      return { ...rest, organizationIds: [organizationId] };
    }
    if (readable.length === 0)
      throw new ForbiddenError(`Missing permission ${Permission.ORG_OPERATION_LOG_READ}`);
    return { ...rest, organizationIds: readable };
  }
}

function checkQuery(query: OperationLogQuery): OperationLogFilter & { organizationId?: string } {
  const text = (field: keyof OperationLogQuery): string | undefined => {
    const value = query[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_FILTER_TEXT) {
      throw new BadUserInputError(`filter.${field} must be 1–${MAX_FILTER_TEXT} characters`, {
        field: `filter.${field}`,
      });
    }
    return value;
  };
  const time = (field: 'from' | 'to'): number | undefined => {
    const value = query[field];
    if (value === undefined || value === null) return undefined;
    const ms = value instanceof Date ? value.getTime() : Number.NaN;
    if (!Number.isFinite(ms))
      throw new BadUserInputError(`filter.${field} must be a date-time`, { field: `filter.${field}` });
    return ms;
  };
  const from = time('from');
  const to = time('to');
  if (from !== undefined && to !== undefined && from >= to)
    throw new BadUserInputError('filter.from must be before filter.to', {
      field: 'filter.from',
      reason: 'EMPTY_RANGE',
    });
  const filter: OperationLogFilter & { organizationId?: string } = {};
  const set = <K extends keyof typeof filter>(key: K, value: (typeof filter)[K] | undefined) => {
    if (value !== undefined) filter[key] = value;
  };
  set('actor', text('actor'));
  set('action', text('action'));
  set('targetId', text('target'));
  set('targetType', text('targetType'));
  set('organizationId', text('organizationId'));
  set('from', from);
  set('to', to);
  return filter;
}

function pageSize(take: number | null | undefined, size: { defaultTake: number; maxTake: number }): number {
  if (take === undefined || take === null) return size.defaultTake;
  if (!Number.isInteger(take) || take < 1 || take > size.maxTake)
    throw new BadUserInputError(`take must be an integer from 1 to ${size.maxTake}`, {
      field: 'take',
      maxTake: size.maxTake,
    });
  return take;
}

/** Opaque to clients: base64url JSON of the list's name and the entry's (time, id). */
function encodeCursor(entry: OperationLogPosition): string {
  return Buffer.from(JSON.stringify([CURSOR_NAME, entry.at, entry.id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): OperationLogPosition {
  const invalid = () =>
    new BadUserInputError('after is not a cursor of this list', { field: 'after', reason: 'INVALID_CURSOR' });
  if (typeof cursor !== 'string' || cursor.length > 512) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== CURSOR_NAME ||
    !Number.isSafeInteger(parsed[1]) ||
    typeof parsed[2] !== 'string'
  )
    throw invalid();
  return { at: parsed[1] as number, id: parsed[2] };
}
