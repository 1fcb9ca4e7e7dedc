import type { ReportEventType } from '@grove/contracts';
import { addDays } from '../service/reporting-day';
import {
  RETENTION_OFFSETS,
  type CleanEvent,
  type DailyMetrics,
  type PlatformDay,
} from './analytics-store.port';

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

/** The raw event columns, in table order (both drivers). */
export const RAW_COLUMNS = [
  'day',
  'app_id',
  'event_id',
  'type',
  'device_id',
  'launch_id',
  'client_ts',
  'event_ts',
  'received_at',
  'platform',
  'version_id',
  'version_source',
  'release_plan_id',
  'host_app_id',
  'org_id',
  'province',
  'city',
  'duration_ms',
  'page_path',
  'attrs',
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
    // '{}': the attributes a chunk leaves out on the window's other days (no parse for them).
    attrs:
      typeof r.attrs !== 'string'
        ? r.attrs
        : r.attrs === '{}'
          ? {}
          : (JSON.parse(r.attrs) as Record<string, unknown>),
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

/** Retention offsets reach the SQL as parameters, but are checked anyway: the offsets the rollups keep cells for. */
export function checkOffsets(offsets: readonly number[]): readonly number[] {
  for (const n of offsets)
    if (!(RETENTION_OFFSETS as readonly number[]).includes(n))
      throw new Error(`Invalid retention offset ${n}: the rollups keep ${RETENTION_OFFSETS.join(', ')}`);
  return offsets;
}

/**
 * The retention cells a day's device rows take part in: the day as the later day of earlier cohorts (cohort
 * day − offset), and as the cohort of later days. A recomputed day (late events) rewrites exactly these.
 */
export function touchedCells(day: string): Array<{ cohortDay: string; offset: number; laterDay: string }> {
  return RETENTION_OFFSETS.flatMap((offset) => [
    { cohortDay: addDays(day, -offset), offset, laterDay: day },
    { cohortDay: day, offset, laterDay: addDays(day, offset) },
  ]);
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
