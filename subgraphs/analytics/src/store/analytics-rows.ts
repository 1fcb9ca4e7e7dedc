import type { ReportEventType } from '@grove/contracts';
import type { CleanEvent, DailyMetrics, PlatformDay, RetentionCell } from './analytics-store.port';

/** Rollup metric columns, in DailyMetrics order. */
export const METRIC_COLUMNS = [
  'launches',
  'page_views',
  'stay_ms',
  'bounces',
  'js_errors',
  'crashes',
  'new_users',
  'active_users',
] as const;

/** A raw event row as both SQL drivers return it (PostgreSQL answers BIGINT as text). */
export interface RawRow {
  day: string | Date;
  app_id: string;
  event_id: string;
  type: string;
  device_id: string;
  launch_id: string;
  client_ts: number | string;
  event_ts: number | string;
  received_at: number | string;
  platform: string;
  version_id: string | null;
  version_source: string | null;
  release_plan_id: string | null;
  host_app_id: string;
  org_id: string;
  province: string | null;
  city: string | null;
  duration_ms: number | string | null;
  page_path: string | null;
  attrs: string | Record<string, unknown>;
}

export function rowToEvent(r: RawRow): CleanEvent {
  return {
    day: typeof r.day === 'string' ? r.day : r.day.toISOString().slice(0, 10),
    appId: r.app_id,
    eventId: r.event_id,
    type: r.type as ReportEventType,
    deviceId: r.device_id,
    launchId: r.launch_id,
    clientTs: Number(r.client_ts),
    eventTs: Number(r.event_ts),
    receivedAt: Number(r.received_at),
    platform: r.platform,
    versionId: r.version_id,
    versionSource: r.version_source,
    releasePlanId: r.release_plan_id,
    hostAppId: r.host_app_id,
    orgId: r.org_id,
    province: r.province,
    city: r.city,
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    pagePath: r.page_path,
    attrs: typeof r.attrs === 'string' ? (JSON.parse(r.attrs) as Record<string, unknown>) : r.attrs,
  };
}

/** Both per-day platform queries joined by day, in day order (a day with launches but no device rows cannot occur, but would count 0). */
export function mergePlatformDays(
  launches: Array<{ day: string; launches: number }>,
  devices: Array<{ day: string; devices: number }>,
): PlatformDay[] {
  const byDay = new Map<string, PlatformDay>();
  const at = (day: string) =>
    byDay.get(day) ?? byDay.set(day, { day, launches: 0, activeDevices: 0 }).get(day)!;
  for (const r of launches) at(r.day).launches = Number(r.launches);
  for (const r of devices) at(r.day).activeDevices = Number(r.devices);
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** Retention offsets reach the SQL as parameters, but are checked anyway: whole days from 1 to 366. */
export function checkOffsets(offsets: readonly number[]): readonly number[] {
  for (const n of offsets)
    if (!Number.isInteger(n) || n < 1 || n > 366) throw new Error(`Invalid retention offset ${n}`);
  return offsets;
}

export function emptyTotals(): DailyMetrics {
  return toTotals({}, 0);
}

/** Summed metric columns (numbers or PostgreSQL's numeric text) and a distinct device count as DailyMetrics. */
export function toTotals(
  sums: Record<string, number | string> | undefined,
  active: number | string,
): DailyMetrics {
  const n = (column: (typeof METRIC_COLUMNS)[number]) => Number(sums?.[column] ?? 0);
  return {
    launches: n('launches'),
    pageViews: n('page_views'),
    stayMs: n('stay_ms'),
    bounces: n('bounces'),
    jsErrors: n('js_errors'),
    crashes: n('crashes'),
    newUsers: n('new_users'),
    activeUsers: Number(active),
  };
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Retention cells from one pass over the '' device rows of [from, to + max offset] (a hash join in memory), the same
 * in both drivers: each device's days as a set, then each cohort row looked up on its later days. The SQL self-joins
 * were far slower on a month of rollups (SQLite: a primary-key probe per cohort device and offset; PostgreSQL: nested
 * loops for minutes), see bench:analytics:tables and the ADR 0010 addendum.
 */
export function retentionCells(
  rows: Iterable<[deviceId: string, day: string, isNew: number | boolean]>,
  from: string,
  to: string,
  offsets: readonly number[],
): RetentionCell[] {
  const daysOf = new Map<string, Set<number>>();
  const cohorts: Array<[string, number, boolean]> = [];
  for (const [deviceId, day, isNew] of rows) {
    const n = dayNumber(day);
    let set = daysOf.get(deviceId);
    if (!set) daysOf.set(deviceId, (set = new Set()));
    set.add(n);
    if (day >= from && day <= to) cohorts.push([deviceId, n, Boolean(isNew)]);
  }
  const cells = new Map<string, RetentionCell>();
  for (const [deviceId, n, isNew] of cohorts) {
    const days = daysOf.get(deviceId)!;
    for (const offset of offsets) {
      if (!days.has(n + offset)) continue;
      const cohortDay = new Date(n * DAY_MS).toISOString().slice(0, 10);
      const key = `${cohortDay}:${offset}`;
      const cell = cells.get(key) ?? cells.set(key, { cohortDay, offset, active: 0, fresh: 0 }).get(key)!;
      cell.active++;
      if (isNew) cell.fresh++;
    }
  }
  return [...cells.values()].sort((a, b) =>
    a.cohortDay < b.cohortDay ? -1 : a.cohortDay > b.cohortDay ? 1 : a.offset - b.offset,
  );
}
