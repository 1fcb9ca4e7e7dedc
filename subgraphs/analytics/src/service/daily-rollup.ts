import {
  DIMENSIONS,
  type CleanEvent,
  type DailyDevice,
  type DailyBucketRow,
  type DailyMetrics,
  type DailyPageRow,
  type DailyRow,
  type Dimension,
} from '../store/analytics-store.port';
import { bucketKey } from './distributions';
import { hourOf } from './reporting-day';

export const UNKNOWN_VERSION = 'unknown';
/** The value of a dimension the device did not report. */
export const UNKNOWN = 'unknown';

export function emptyMetrics(): DailyMetrics {
  return {
    launches: 0,
    pageViews: 0,
    stayMs: 0,
    bounces: 0,
    jsErrors: 0,
    crashes: 0,
    newUsers: 0,
    activeUsers: 0,
  };
}

const attr = (e: CleanEvent, name: string): string => {
  const value = e.attrs[name];
  return typeof value === 'string' && value.length > 0 ? value : UNKNOWN;
};

/**
 * The value an event counts under in each breakdown (the launch's first event for launches, bounces and stay);
 * `hour` is the hour of the reporting day (`00`–`23`) the event counts at.
 */
export function valueOf(dimension: Dimension, e: CleanEvent, timeZone: string): string {
  switch (dimension) {
    case 'hour':
      return hourOf(e.eventTs, timeZone);
    case '':
      return '';
    case 'platform':
      return e.platform;
    case 'version':
      return e.versionId ?? UNKNOWN_VERSION;
    case 'version_source':
      return e.versionSource ?? UNKNOWN;
    // OS versions mean nothing across platforms: "IOS 17.4", "ANDROID 14".
    case 'os_version':
      return `${e.platform} ${attr(e, 'osVersion')}`;
    case 'device_model':
      return attr(e, 'deviceModel');
    case 'network':
      return attr(e, 'network');
    case 'sdk_version':
      return attr(e, 'sdkVersion');
    // Province from the offline IP database; the client IP itself is not stored.
    case 'region':
      return e.province ?? UNKNOWN;
    case 'host_app':
      return e.hostAppId;
  }
}

interface Session {
  start: CleanEvent;
  pages: number;
  stayMs: number;
  /** Page paths of the launch's first and last page_show ('unknown' without a path). */
  entry?: string;
  exit?: string;
}

/**
 * FinClip's session rule over one device's events in device-clock order: an `app_launch` starts a launch; so does
 * coming back to the foreground (`app_show`) after an `app_exit` or after at least `sessionGapMs` in the background;
 * so does any event with no launch before it in the window. A short trip to the background stays in the launch.
 */
export function sessionsOf(deviceEvents: readonly CleanEvent[], sessionGapMs: number): Session[] {
  const sessions: Session[] = [];
  let current: Session | undefined;
  let prev: CleanEvent | undefined;
  for (const e of deviceEvents) {
    const starts =
      e.type === 'app_launch' ||
      !current ||
      prev?.type === 'app_exit' ||
      (e.type === 'app_show' && prev?.type === 'app_hide' && e.clientTs - prev.clientTs >= sessionGapMs);
    if (starts) sessions.push((current = { start: e, pages: 0, stayMs: 0 }));
    if (e.type === 'page_show') {
      current!.pages++;
      current!.exit = e.pagePath ?? UNKNOWN;
      current!.entry ??= current!.exit;
    }
    if (e.type === 'app_hide' || e.type === 'app_exit') current!.stayMs += e.durationMs ?? 0;
    prev = e;
  }
  return sessions;
}

/**
 * One reporting day of one mini-program, from its raw events of the day before, the day and the day after (so that
 * launches crossing midnight are whole): launches, bounces, stay, entry / exit pages and the stay and depth
 * distributions belong to the day a launch started; page views, page stay, errors and active users to the day of each
 * event. In the `hour` breakdown a new device is new in the hour of its first event of the day only. Pure: the same
 * events always give the same rows.
 */
export function computeDay(
  day: string,
  events: readonly CleanEvent[],
  newDevices: ReadonlySet<string>,
  sessionGapMs: number,
  timeZone: string,
): { rows: DailyRow[]; devices: DailyDevice[]; pages: DailyPageRow[]; buckets: DailyBucketRow[] } {
  const metrics = new Map<string, DailyMetrics>();
  const active = new Map<string, Set<string>>();
  const key = (dimension: Dimension, value: string) => `${dimension}\u0000${value}`;
  const bucket = (dimension: Dimension, value: string) => {
    let m = metrics.get(key(dimension, value));
    if (!m) metrics.set(key(dimension, value), (m = emptyMetrics()));
    return m;
  };

  const pages = new Map<string, DailyPageRow>();
  const page = (pagePath: string) =>
    pages.get(pagePath) ??
    pages.set(pagePath, { pagePath, views: 0, stayMs: 0, entries: 0, exits: 0 }).get(pagePath)!;
  const visitors = new Map<string, Set<string>>();
  const buckets = new Map<string, DailyBucketRow>();
  const launchBucket = (kind: DailyBucketRow['kind'], value: number) => {
    const k = `${kind}\u0000${bucketKey(kind, value)}`;
    const row =
      buckets.get(k) ?? buckets.set(k, { kind, bucket: bucketKey(kind, value), launches: 0 }).get(k)!;
    row.launches++;
  };
  /** The hour of each device's first event of the day: where it counts as new in the hour breakdown. */
  const firstHour = new Map<string, string>();

  let from = 0;
  while (from < events.length) {
    let to = from;
    while (to < events.length && events[to].deviceId === events[from].deviceId) to++;
    const deviceEvents = events.slice(from, to);
    for (const s of sessionsOf(deviceEvents, sessionGapMs)) {
      if (s.start.day !== day) continue;
      for (const dimension of DIMENSIONS) {
        const m = bucket(dimension, valueOf(dimension, s.start, timeZone));
        m.launches++;
        m.stayMs += s.stayMs;
        if (s.pages === 1) m.bounces++;
      }
      if (s.entry !== undefined) page(s.entry).entries++;
      if (s.exit !== undefined) page(s.exit).exits++;
      launchBucket('stay', s.stayMs);
      launchBucket('depth', s.pages);
    }
    let first: CleanEvent | undefined;
    for (const e of deviceEvents) {
      if (e.day !== day) continue;
      if (!first || e.eventTs < first.eventTs) first = e;
      if (e.type === 'page_show' || e.type === 'page_hide') {
        const path = e.pagePath ?? UNKNOWN;
        if (e.type === 'page_show') {
          page(path).views++;
          const set = visitors.get(path) ?? visitors.set(path, new Set()).get(path)!;
          set.add(e.deviceId);
        } else page(path).stayMs += e.durationMs ?? 0;
      }
      for (const dimension of DIMENSIONS) {
        const value = valueOf(dimension, e, timeZone);
        const m = bucket(dimension, value);
        if (e.type === 'page_show') m.pageViews++;
        if (e.type === 'js_error') m.jsErrors++;
        if (e.type === 'crash') m.crashes++;
        let set = active.get(key(dimension, value));
        if (!set) active.set(key(dimension, value), (set = new Set()));
        set.add(e.deviceId);
      }
    }
    if (first) firstHour.set(first.deviceId, hourOf(first.eventTs, timeZone));
    from = to;
  }

  const rows: DailyRow[] = [];
  const devices: DailyDevice[] = [];
  for (const [k, m] of metrics) {
    const [dimension, value] = k.split('\u0000') as [Dimension, string];
    const set = active.get(k) ?? new Set<string>();
    m.activeUsers = set.size;
    for (const deviceId of set) {
      const isNew = newDevices.has(deviceId) && (dimension !== 'hour' || firstHour.get(deviceId) === value);
      if (isNew) m.newUsers++;
      devices.push({ dimension, value, deviceId, isNew });
    }
    rows.push({ day, dimension, value, ...m });
  }
  for (const [pagePath, set] of visitors)
    for (const deviceId of set)
      devices.push({ dimension: 'page', value: pagePath, deviceId, isNew: newDevices.has(deviceId) });
  return { rows, devices, pages: [...pages.values()], buckets: [...buckets.values()] };
}
