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
 * One reporting day of one mini-program, built one device at a time so a day never has to fit in memory: feed each
 * device's raw events of the day before, the day and the day after (so that launches crossing midnight are whole), in
 * device-clock order, to `addDevice`; it answers that device's device rows at once (stage them), and `finish` answers
 * the day's metric rows, pages and distributions. What it keeps between devices is one accumulator per dimension
 * value, page path and bucket — bounded by the cardinality of the breakdowns, not by the number of events or devices.
 *
 * Launches, bounces, stay, entry / exit pages and the stay and depth distributions belong to the day a launch
 * started; page views, page stay, errors and active users to the day of each event. In the `hour` breakdown a new
 * device is new in the hour of its first event of the day only. Pure: the same events always give the same rows, in
 * whatever order the devices come.
 */
export class DayRollup {
  private readonly metrics = new Map<string, DailyMetrics>();
  private readonly pages = new Map<string, DailyPageRow>();
  private readonly buckets = new Map<string, DailyBucketRow>();

  constructor(
    readonly day: string,
    private readonly sessionGapMs: number,
    private readonly timeZone: string,
  ) {}

  private bucket(k: string): DailyMetrics {
    let m = this.metrics.get(k);
    if (!m) this.metrics.set(k, (m = emptyMetrics()));
    return m;
  }

  private page(pagePath: string): DailyPageRow {
    let p = this.pages.get(pagePath);
    if (!p) this.pages.set(pagePath, (p = { pagePath, views: 0, stayMs: 0, entries: 0, exits: 0 }));
    return p;
  }

  private launchBucket(kind: DailyBucketRow['kind'], value: number): void {
    const bucket = bucketKey(kind, value);
    const k = `${kind}\u0000${bucket}`;
    let row = this.buckets.get(k);
    if (!row) this.buckets.set(k, (row = { kind, bucket, launches: 0 }));
    row.launches++;
  }

  /** One device's events (all of them, in device-clock order); `isNew`: its first day for the app is this day. */
  addDevice(deviceEvents: readonly CleanEvent[], isNew: boolean): DailyDevice[] {
    const { day, timeZone } = this;
    for (const s of sessionsOf(deviceEvents, this.sessionGapMs)) {
      if (s.start.day !== day) continue;
      for (const dimension of DIMENSIONS) {
        const m = this.bucket(key(dimension, valueOf(dimension, s.start, timeZone)));
        m.launches++;
        m.stayMs += s.stayMs;
        if (s.pages === 1) m.bounces++;
      }
      if (s.entry !== undefined) this.page(s.entry).entries++;
      if (s.exit !== undefined) this.page(s.exit).exits++;
      this.launchBucket('stay', s.stayMs);
      this.launchBucket('depth', s.pages);
    }
    let first: CleanEvent | undefined;
    const active = new Set<string>();
    const visited = new Set<string>();
    for (const e of deviceEvents) {
      if (e.day !== day) continue;
      if (!first || e.eventTs < first.eventTs) first = e;
      if (e.type === 'page_show' || e.type === 'page_hide') {
        const path = e.pagePath ?? UNKNOWN;
        if (e.type === 'page_show') {
          this.page(path).views++;
          visited.add(path);
        } else this.page(path).stayMs += e.durationMs ?? 0;
      }
      for (const dimension of DIMENSIONS) {
        const k = key(dimension, valueOf(dimension, e, timeZone));
        const m = this.bucket(k);
        if (e.type === 'page_show') m.pageViews++;
        if (e.type === 'js_error') m.jsErrors++;
        if (e.type === 'crash') m.crashes++;
        active.add(k);
      }
    }
    if (!first) return [];
    const deviceId = first.deviceId;
    const firstHour = hourOf(first.eventTs, timeZone);
    const devices: DailyDevice[] = [];
    for (const k of active) {
      const [dimension, value] = k.split('\u0000') as [Dimension, string];
      const m = this.metrics.get(k)!;
      m.activeUsers++;
      const counted = isNew && (dimension !== 'hour' || firstHour === value);
      if (counted) m.newUsers++;
      devices.push({ dimension, value, deviceId, isNew: counted });
    }
    for (const pagePath of visited) devices.push({ dimension: 'page', value: pagePath, deviceId, isNew });
    return devices;
  }

  /** The day's metric rows (one per dimension value seen), pages and distribution buckets. */
  finish(): { rows: DailyRow[]; pages: DailyPageRow[]; buckets: DailyBucketRow[] } {
    const rows: DailyRow[] = [];
    for (const [k, m] of this.metrics) {
      const [dimension, value] = k.split('\u0000') as [Dimension, string];
      rows.push({ day: this.day, dimension, value, ...m });
    }
    return { rows, pages: [...this.pages.values()], buckets: [...this.buckets.values()] };
  }
}

const key = (dimension: Dimension, value: string) => `${dimension}\u0000${value}`;

/**
 * Calls `each` with every device's run of events (events grouped by device, in device-clock order within a device).
 */
export function forEachDevice(
  events: readonly CleanEvent[],
  each: (deviceEvents: readonly CleanEvent[]) => void,
): void {
  let from = 0;
  while (from < events.length) {
    let to = from;
    while (to < events.length && events[to].deviceId === events[from].deviceId) to++;
    each(events.slice(from, to));
    from = to;
  }
}

/** One day from all of its events at once (tests, small days): the same arithmetic as the streamed rollup. */
export function computeDay(
  day: string,
  events: readonly CleanEvent[],
  newDevices: ReadonlySet<string>,
  sessionGapMs: number,
  timeZone: string,
): { rows: DailyRow[]; devices: DailyDevice[]; pages: DailyPageRow[]; buckets: DailyBucketRow[] } {
  const rollup = new DayRollup(day, sessionGapMs, timeZone);
  const devices: DailyDevice[] = [];
  forEachDevice(events, (deviceEvents) =>
    devices.push(...rollup.addDevice(deviceEvents, newDevices.has(deviceEvents[0].deviceId))),
  );
  return { ...rollup.finish(), devices };
}
