import type { ReportEventType } from '@grove/contracts';

/** One cleaned raw event as stored: the columns rollups read, the rest of the envelope in `attrs`. */
export interface CleanEvent {
  appId: string;
  eventId: string;
  /** Reporting day of `eventTs` (the partition). */
  day: string;
  type: ReportEventType;
  deviceId: string;
  launchId: string;
  /** Device clock; orders a device's events. */
  clientTs: number;
  /** The instant the event is counted at: clientTs, or receivedAt when the device clock is off. */
  eventTs: number;
  receivedAt: number;
  platform: string;
  versionId: string | null;
  versionSource: string | null;
  releasePlanId: string | null;
  hostAppId: string;
  orgId: string;
  province: string | null;
  city: string | null;
  durationMs: number | null;
  pagePath: string | null;
  /** userId, OS, model, network, SDK / base library / host app versions, referrer, error, custom. */
  attrs: Record<string, unknown>;
}

/** Breakdown dimensions; '' is the whole mini-program. */
export const DIMENSIONS = [
  '',
  'platform',
  'version',
  'version_source',
  'os_version',
  'device_model',
  'network',
  'sdk_version',
  'region',
  'host_app',
  'hour',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** Dimensions of the device rows: the breakdowns, and 'page' (visitors of a page path, for distinct counts over a range). */
export type DeviceDimension = Dimension | 'page';

/** Additive metrics of one (app, day, dimension value); distinct users are kept apart (`DailyDevice`). */
export interface DailyMetrics {
  launches: number;
  pageViews: number;
  stayMs: number;
  bounces: number;
  jsErrors: number;
  crashes: number;
  newUsers: number;
  activeUsers: number;
}

export interface DailyRow extends DailyMetrics {
  day: string;
  dimension: Dimension;
  value: string;
}

/** A device active on a day under a dimension value: range queries count distinct devices over these. */
export interface DailyDevice {
  dimension: DeviceDimension;
  value: string;
  deviceId: string;
  isNew: boolean;
}

/** Additive per-page numbers of one (app, day); visitors are device rows under dimension 'page'. */
export interface DailyPageRow {
  pagePath: string;
  /** page_show events on the day. */
  views: number;
  /** Sum of the durations page_hide events report on the day. */
  stayMs: number;
  /** Launches started on the day whose first page this was. */
  entries: number;
  /** Launches started on the day whose last page this was. */
  exits: number;
}

export type DistributionKind = 'stay' | 'depth';

/** Launches started on a day per bucket of a distribution (stay per launch, pages per launch). */
export interface DailyBucketRow {
  kind: DistributionKind;
  bucket: string;
  launches: number;
}

/** The tables of one day that are not breakdown metrics; replaced with the rest of the day. */
export interface DayTables {
  pages: DailyPageRow[];
  buckets: DailyBucketRow[];
}

/**
 * The retention offsets the rollups keep cells for (FinClip's columns: day 1 to 7, 14 and 30 after the cohort day);
 * `retention` answers these only.
 */
export const RETENTION_OFFSETS = [1, 2, 3, 4, 5, 6, 7, 14, 30] as const;

/** Retained devices of one cohort day `offset` days later, as counted from the device rows. */
export interface RetentionCell {
  cohortDay: string;
  offset: number;
  /** Devices active on the cohort day and again `offset` days later. */
  active: number;
  /** Of those, the devices that were new on the cohort day. */
  fresh: number;
}

/** One bounded slice of a day's raw events: whole devices, by device id (`deviceChunk`). */
export interface DeviceChunk {
  /** The slice's events, by device, then device clock, then event id; a device is never split between slices. */
  events: CleanEvent[];
  /** Of the slice's devices, those whose first event for the app is on the `firstDay` asked for. */
  newDevices: string[];
  /** The last device id of the slice (pass it as `after` for the next one); null: nothing was left. */
  last: string | null;
}

/**
 * A day's rollups being replaced step by step, so a day never has to fit in memory: device rows are staged as they
 * come; nothing is visible until `commit` swaps the whole day in one transaction, together with the retention cells
 * the day touches (cohort day = this day, and cohort days `offset` days before it) and the day's rollup version.
 */
export interface DayWriter {
  addDevices(devices: DailyDevice[]): Promise<void>;
  commit(rows: DailyRow[], tables: DayTables): Promise<void>;
  /** Drops what was staged; the day's previous rollups stay as they were. */
  abort(): Promise<void>;
}

/** A (mini-program, day) whose rollups were computed by an older rollup version (or before versions were kept). */
export interface StaleDay {
  appId: string;
  day: string;
  /** 0: rolled up before versions were kept. */
  version: number;
}

export interface PlatformDay {
  day: string;
  launches: number;
  /** Distinct devices of the day across every mini-program. */
  activeDevices: number;
}

export interface AppendResult {
  inserted: number;
  /** Events whose (appId, eventId) was stored before: retries and redeliveries. */
  duplicates: number;
}

/** One exposure as stored: at most one row per (app, day, device, plan, version) — the first decision of the day. */
export interface ExposureRow {
  appId: string;
  /** Reporting day of `servedAt`. */
  day: string;
  deviceId: string;
  /** '' when no plan was live. */
  planId: string;
  versionId: string;
  versionSource: 'release' | 'gray' | 'trial';
  ruleId: string | null;
  hostAppId: string;
  orgId: string;
  servedAt: number;
}

/**
 * Raw analytics events (append-only, by reporting day) and their daily rollups. One contract suite runs over every
 * driver (analytics.store.contract.test.ts); the rollup arithmetic is not here, so every driver counts alike.
 */
export interface AnalyticsStore {
  readonly driver: 'sqlite' | 'postgres';
  init(): Promise<void>;
  /** Stores the events not stored before (by appId + eventId), atomically with the devices' first-seen days. */
  append(events: CleanEvent[]): Promise<AppendResult>;
  /** The app's events on these days, by device, then device clock, then event id. */
  events(appId: string, days: string[]): Promise<CleanEvent[]>;
  /**
   * The app's events on these days of the devices after `after` (null: from the first), at most about
   * `maxEvents` × days.length events but always whole devices; the rollup pages through a day with it. Only events
   * on `firstDay` carry their `attrs` (others come with `{}`: the rollup reads only their type, clock, duration and
   * page there).
   */
  deviceChunk(
    appId: string,
    days: string[],
    firstDay: string,
    after: string | null,
    maxEvents: number,
  ): Promise<DeviceChunk>;
  appsWithEvents(days: string[]): Promise<string[]>;
  /** Devices whose first event for the app is on `day`. */
  newDevices(appId: string, day: string): Promise<string[]>;
  /** Starts replacing one day's rollups (see DayWriter); `version` is recorded with the day at commit. */
  beginDay(appId: string, day: string, version: number): Promise<DayWriter>;
  /** Days rolled up by a version older than `version`, latest first, at most `limit`. */
  staleDays(version: number, limit: number): Promise<StaleDay[]>;
  /**
   * Recomputes from the stored device rows the retention cells a day touches and records `version` for it: for days
   * whose raw events are gone (pruned), whose other rollups cannot be rebuilt.
   */
  refreshRetention(appId: string, day: string, version: number): Promise<void>;
  /** Replaces the day's rollup rows and device rows at once (beginDay, addDevices, commit; version 0). */
  writeDay(
    appId: string,
    day: string,
    rows: DailyRow[],
    devices: DailyDevice[],
    tables?: DayTables,
  ): Promise<void>;
  daily(appId: string, from: string, to: string, dimension: Dimension): Promise<DailyRow[]>;
  /** Distinct devices over the range per dimension value. */
  distinctDevices(
    appId: string,
    from: string,
    to: string,
    dimension: DeviceDimension,
  ): Promise<Array<{ value: string; active: number }>>;
  /**
   * The '' rows of these mini-programs over the range summed, with activeUsers the devices distinct across all of
   * them and over the range (a device in two of them is one); newUsers is the sum of each one's new devices.
   */
  totals(appIds: readonly string[], from: string, to: string): Promise<DailyMetrics>;
  /** Per page path, the day rows of the range summed (by path). */
  pages(appId: string, from: string, to: string): Promise<DailyPageRow[]>;
  /** Per kind and bucket, launches of the range summed. */
  buckets(appId: string, from: string, to: string): Promise<DailyBucketRow[]>;
  /**
   * For each cohort day of the range and each offset, the devices of the cohort day (dimension '') active again
   * `offset` days later, and how many of them were new on the cohort day; cells with no device are left out. Read
   * from the cells each day's commit keeps (offsets of RETENTION_OFFSETS only).
   */
  retention(appId: string, from: string, to: string, offsets: readonly number[]): Promise<RetentionCell[]>;
  /** Every mini-program together, per day of the range that has rollups: launches and distinct devices (platform overview). */
  platformDaily(from: string, to: string): Promise<PlatformDay[]>;
  /** Distinct devices over the range across every mini-program (not a sum of days or of mini-programs). */
  platformDistinctDevices(from: string, to: string): Promise<number>;
  /** Stores the exposures not stored before (by app, day, device, plan, version); redeliveries change nothing (ADR 0012). */
  appendExposures(rows: ExposureRow[]): Promise<AppendResult>;
  /** The app's exposures on these days, by day, then device. */
  exposures(appId: string, days: string[]): Promise<ExposureRow[]>;
  /** Deletes raw events, exposures (and their idempotency keys) on days before `day`; answers how many days of raw events went. */
  pruneBefore(day: string): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
