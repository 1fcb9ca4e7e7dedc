import { gzipSync } from 'node:zlib';
import { signRuntimeRequest } from '@grove/sdk-runtime';

/**
 * A simulated fleet for the analytics pipeline, and the statistics it must produce, computed from the model (the
 * sessions the generator decided), not by re-running the server's rules: devices on two platforms and two versions,
 * several launches each over the last ~2 days, short trips to the background that are not launches, errors, crashes,
 * clocks that are off, events sent in shuffled batches, some batches sent twice, some held back (late), and junk the
 * cleaner must drop (impossible and too-old timestamps).
 */
const TZ = 'Asia/Shanghai';
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export const shanghaiDay = (ms: number) => dayFormat.format(new Date(ms));

export interface Expected {
  launches: number;
  pageViews: number;
  stayMs: number;
  bounces: number;
  jsErrors: number;
  crashes: number;
  newUsers: number;
  activeUsers: number;
}
const zero = (): Expected => ({
  launches: 0,
  pageViews: 0,
  stayMs: 0,
  bounces: 0,
  jsErrors: 0,
  crashes: 0,
  newUsers: 0,
  activeUsers: 0,
});

interface Batch {
  deviceClockNow: () => number;
  events: Array<Record<string, unknown>>;
}

/** One cohort of a release plan on one day, as the fleet model counts it (what the statistics must answer). */
export interface CohortExpected {
  /** Devices of the fleet with an event that day. */
  active: Set<string>;
  launches: number;
  pageViews: number;
  stayMs: number;
  jsErrors: number;
  crashes: number;
  launchesByPlatform: Map<string, number>;
}
const cohortZero = (): CohortExpected => ({
  active: new Set(),
  launches: 0,
  pageViews: 0,
  stayMs: 0,
  jsErrors: 0,
  crashes: 0,
  launchesByPlatform: new Map(),
});

/** One page path's numbers over the whole fleet (every fleet day is inside the queried range). */
export interface PageExpected {
  views: number;
  visitors: Set<string>;
  stayMs: number;
  entries: number;
  exits: number;
}

/**
 * FinClip's launch buckets, written out here rather than imported so the test does not share the server's table:
 * stay in whole seconds (upper bounds inclusive), depth in pages.
 */
const STAY_BUCKETS: Array<[number, string]> = [
  [2, '0-2s'],
  [5, '3-5s'],
  [10, '6-10s'],
  [30, '11-30s'],
  [60, '31-60s'],
  [180, '1-3min'],
  [600, '3-10min'],
  [1800, '10-30min'],
  [Infinity, '>30min'],
];
const DEPTH_BUCKETS: Array<[number, string]> = [
  [0, '0'],
  [1, '1'],
  [2, '2'],
  [3, '3'],
  [4, '4'],
  [5, '5'],
  [10, '6-10'],
  [20, '11-20'],
  [Infinity, '>20'],
];
const bucketFor = (table: Array<[number, string]>, value: number) => table.find(([max]) => value <= max)![1];

export interface Fleet {
  batches: Batch[];
  /** Events the cleaner must drop (impossible / too old). */
  junk: Batch[];
  byDay: Map<string, Expected>;
  byPlatform: Map<string, { launches: number; devices: Set<string> }>;
  devices: number;
  events: number;
  /** With `gray`: the plan's cohorts on `gray.day`, gray devices being the ones the runtime served the gray version. */
  cohorts: { gray: CohortExpected; released: CohortExpected };
  /** Per page path: views, visitors, page stay (page_hide durations), entries and exits of launches. */
  pages: Map<string, PageExpected>;
  /** Launches per stay bucket and per depth bucket. */
  distributions: { stay: Map<string, number>; depth: Map<string, number> };
  /** Each device's reporting days with an event, and its first one: what retention counts. */
  activeDays: Map<string, Set<string>>;
  firstDays: Map<string, string>;
}

/**
 * The retention table the fleet implies, cohort day × offset: of the devices new (or active) on the cohort day, how
 * many were active `offset` days later; null for a day after `today`.
 */
export function expectedRetention(
  fleet: Fleet,
  cohort: 'new' | 'active',
  cohortDays: readonly string[],
  offsets: readonly number[],
  today: string,
): Array<{ cohortDay: string; cohortSize: number; retained: Array<number | null> }> {
  const plus = (day: string, n: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return cohortDays.map((cohortDay) => {
    const members = [...fleet.activeDays].filter(([device, days]) =>
      cohort === 'new' ? fleet.firstDays.get(device) === cohortDay : days.has(cohortDay),
    );
    return {
      cohortDay,
      cohortSize: members.length,
      retained: offsets.map((n) =>
        plus(cohortDay, n) > today ? null : members.filter(([, days]) => days.has(plus(cohortDay, n))).length,
      ),
    };
  });
}

export interface GrayOptions {
  /** Fleet devices the runtime served the gray version (observed over HTTP); the others got the released one. */
  devices: ReadonlySet<string>;
  /** The reporting day of the exposures: only that day's events are attributed. */
  day: string;
  /** Probability of a JS error after each page, gray devices only (the fleet's base is 0.15). */
  errorRate: number;
}

/** Mulberry32: a seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateFleet(options: {
  appId: string;
  devices: number;
  now: number;
  seed?: number;
  gray?: GrayOptions;
}): Fleet {
  const random = rng(options.seed ?? 42);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const { appId, now } = options;
  const byDay = new Map<string, Expected>();
  const day = (d: string) => byDay.get(d) ?? (byDay.set(d, zero()), byDay.get(d)!);
  const activeByDay = new Map<string, Set<string>>();
  const byPlatform = new Map<string, { launches: number; devices: Set<string> }>();
  const batches: Batch[] = [];
  let eventCount = 0;
  let seq = 0;
  const cohorts = { gray: cohortZero(), released: cohortZero() };
  const pageTable = new Map<string, PageExpected>();
  const pageOf = (path: string) =>
    pageTable.get(path) ??
    pageTable.set(path, { views: 0, visitors: new Set(), stayMs: 0, entries: 0, exits: 0 }).get(path)!;
  const distributions = { stay: new Map<string, number>(), depth: new Map<string, number>() };
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const activeDays = new Map<string, Set<string>>();
  const firstDays = new Map<string, string>();

  for (let d = 0; d < options.devices; d++) {
    const deviceId = `device-${String(d).padStart(6, '0')}`;
    const platform = d % 3 === 0 ? 'IOS' : 'ANDROID';
    const versionId = d % 4 === 0 ? 'v2' : 'v1';
    // One device in ten has a clock that is hours off: its events count at received-at (the report time).
    const offset = d % 10 === 7 ? (d % 20 === 7 ? 2 : -5) * 3600_000 : 0;
    const bucketOf = (ts: number) => shanghaiDay(offset === 0 ? ts : now);
    const isGray = options.gray?.devices.has(deviceId) ?? false;
    /** The device's cohort when `ts` falls on the exposure day (nothing is attributed on other days). */
    const cohortAt = (ts: number) =>
      options.gray && bucketOf(ts) === options.gray.day ? cohorts[isGray ? 'gray' : 'released'] : undefined;
    const events: Array<Record<string, unknown>> = [];
    let firstDay: string | undefined;
    const touch = (ts: number) => {
      const dd = bucketOf(ts);
      if (!activeByDay.has(dd)) activeByDay.set(dd, new Set());
      activeByDay.get(dd)!.add(deviceId);
      if (!activeDays.has(deviceId)) activeDays.set(deviceId, new Set());
      activeDays.get(deviceId)!.add(dd);
      if (!firstDay || dd < firstDay) firstDay = dd;
    };
    const emit = (type: string, ts: number, extra: Record<string, unknown> = {}) => {
      events.push({
        eventId: `ev-${String(d).padStart(6, '0')}-${seq++}`,
        type,
        appId,
        versionId,
        versionSource: 'release',
        deviceId,
        launchId: `launch-${d}-${seq}`,
        platform,
        clientTs: ts + offset,
        sdkVersion: '2.1.0',
        ...extra,
      });
      touch(ts);
      cohortAt(ts)?.active.add(deviceId);
      eventCount++;
    };

    const sessions = int(1, 4);
    let t = now - int(40, 48) * 3600_000; // within the late window (3 days) and never in the future
    let lastEnd: 'exit' | 'hide' | undefined;
    for (let s = 0; s < sessions; s++) {
      const start = t;
      emit(
        lastEnd === undefined || (lastEnd === 'exit' && random() < 0.5) ? 'app_launch' : 'app_show',
        start,
      );
      const launchDay = bucketOf(start);
      let fg = start;
      let stay = 0;
      const pages = int(1, 4);
      pageOf('pages/p0/index').entries++;
      pageOf(`pages/p${pages - 1}/index`).exits++;
      let ts = start + 1000;
      for (let p = 0; p < pages; p++) {
        const pagePath = `pages/p${p}/index`;
        emit('page_show', ts, { pagePath });
        day(bucketOf(ts)).pageViews++;
        if (cohortAt(ts)) cohortAt(ts)!.pageViews++;
        pageOf(pagePath).views++;
        pageOf(pagePath).visitors.add(deviceId);
        // The SDK reports how long the page was shown when it hides it; a second later the next thing happens.
        const pageStay = int(2, 60) * 1000;
        ts += pageStay;
        emit('page_hide', ts, { pagePath, durationMs: pageStay });
        pageOf(pagePath).stayMs += pageStay;
        ts += 1000;
        if (random() < (isGray ? options.gray!.errorRate : 0.15)) {
          emit('js_error', ts, { error: { message: 'TypeError: x is undefined', kind: 'js' } });
          day(bucketOf(ts)).jsErrors++;
          if (cohortAt(ts)) cohortAt(ts)!.jsErrors++;
          ts += 1000;
        }
        if (random() < 0.2) {
          // A short trip to the background (under 30 s): the same launch.
          emit('app_hide', ts, { durationMs: ts - fg });
          stay += ts - fg;
          ts += int(1, 25) * 1000;
          emit('app_show', ts);
          fg = ts;
          ts += 1000;
        }
      }
      if (random() < 0.05) {
        emit('crash', ts, { error: { message: 'SIGSEGV', kind: 'native' } });
        day(bucketOf(ts)).crashes++;
        if (cohortAt(ts)) cohortAt(ts)!.crashes++;
        ts += 1000;
      }
      const exit = random() < 0.5;
      emit(exit ? 'app_exit' : 'app_hide', ts, { durationMs: ts - fg });
      stay += ts - fg;
      lastEnd = exit ? 'exit' : 'hide';
      const e = day(launchDay);
      e.launches++;
      e.stayMs += stay;
      if (pages === 1) e.bounces++;
      count(distributions.stay, bucketFor(STAY_BUCKETS, Math.floor(stay / 1000)));
      count(distributions.depth, bucketFor(DEPTH_BUCKETS, pages));
      const c = cohortAt(start);
      if (c) {
        c.launches++;
        c.stayMs += stay;
        c.launchesByPlatform.set(platform, (c.launchesByPlatform.get(platform) ?? 0) + 1);
      }
      const perPlatform =
        byPlatform.get(platform) ??
        (byPlatform.set(platform, { launches: 0, devices: new Set() }), byPlatform.get(platform)!);
      perPlatform.launches++;
      perPlatform.devices.add(deviceId);
      t = ts + int(40, 300) * 60_000; // next launch after 40 min to 5 h in the background
      if (t > now - 60_000) break;
    }
    day(firstDay!).newUsers++;
    firstDays.set(deviceId, firstDay!);

    // Out of order: the device sends its events shuffled, in batches of at most 50.
    for (let i = events.length - 1; i > 0; i--) {
      const j = int(0, i);
      [events[i], events[j]] = [events[j], events[i]];
    }
    for (let i = 0; i < events.length; i += 50)
      batches.push({ deviceClockNow: () => Date.now() + offset, events: events.slice(i, i + 50) });
  }
  for (const [d, set] of activeByDay) day(d).activeUsers = set.size;

  const junkEvent = (n: number, clientTs: number) => ({
    eventId: `junk-${n}-xxxx`,
    type: 'app_launch',
    appId,
    deviceId: 'junk-device',
    launchId: 'junk-launch',
    platform: 'IOS',
    clientTs,
  });
  const junk: Batch[] = [
    {
      deviceClockNow: () => Date.now(),
      events: [junkEvent(1, 5_000), junkEvent(2, now - 6 * 86_400_000), junkEvent(3, now + 86_400_000)],
    },
  ];
  return {
    batches,
    junk,
    byDay,
    byPlatform,
    devices: options.devices,
    events: eventCount,
    cohorts,
    pages: pageTable,
    distributions,
    activeDays,
    firstDays,
  };
}

/** The fleet's device ids and platforms (the generator's, before it runs): what the runtime is asked about. */
export function fleetDevices(devices: number): Array<{ deviceId: string; platform: string }> {
  return Array.from({ length: devices }, (_, d) => ({
    deviceId: `device-${String(d).padStart(6, '0')}`,
    platform: d % 3 === 0 ? 'IOS' : 'ANDROID',
  }));
}

/** The version the runtime serves a device (signed applet-info, as an SDK asks at launch); `url` is the router's. */
export async function servedVersion(
  url: string,
  keys: { sdkKey: string; sdkSecret: string },
  appId: string,
  query: { deviceId: string; platform: string },
): Promise<string> {
  const path = `/runtime/v1/applets/${appId}`;
  const headers = signRuntimeRequest({ sdkKey: keys.sdkKey, secret: keys.sdkSecret, path, query });
  const response = await fetch(new URL(`${path}?${new URLSearchParams(query)}`, url), { headers });
  const envelope = (await response.json()) as { errcode: string; data?: { version: { id: string } } };
  if (envelope.errcode !== 'OK') throw new Error(`applet info refused: ${JSON.stringify(envelope)}`);
  return envelope.data!.version.id;
}

/** Sends one batch through the signed report endpoint like an SDK (gzip), answering the receipt; `url` is the router's. */
export async function sendBatch(
  url: string,
  keys: { sdkKey: string; sdkSecret: string },
  batch: Batch,
): Promise<{ accepted: number; rejected: number }> {
  const path = '/runtime/v1/reports';
  const headers = signRuntimeRequest({ sdkKey: keys.sdkKey, secret: keys.sdkSecret, method: 'POST', path });
  const body = gzipSync(
    JSON.stringify({ schemaVersion: 1, sentAt: batch.deviceClockNow(), events: batch.events }),
  );
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body,
  });
  const envelope = (await response.json()) as {
    errcode: string;
    error: string;
    data: { accepted: number; rejected: number };
  };
  if (response.status !== 202)
    throw new Error(`report refused (${response.status}): ${JSON.stringify(envelope)}`);
  return envelope.data;
}
