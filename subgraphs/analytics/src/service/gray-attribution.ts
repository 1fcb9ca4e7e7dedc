import type { CleanEvent, ExposureRow } from '../store/analytics-store.port';
import { sessionsOf } from './daily-rollup';

export type Cohort = 'gray' | 'released';
export const COHORTS: readonly Cohort[] = ['gray', 'released'];

/** Terminal and region breakdowns of a plan's statistics. */
export type GrayDimension = 'region' | 'platform' | 'model' | 'os';
export const GRAY_DIMENSIONS: readonly GrayDimension[] = ['region', 'platform', 'model', 'os'];
export const UNKNOWN_VALUE = 'unknown';

/** Additive counts of one cohort (and day or dimension value); distinct devices are counted by the caller's sets. */
export interface CohortCounts {
  /** Devices the runtime served this cohort's version (exposure record); null in breakdowns (exposures carry no terminal). */
  devicesExposed: number | null;
  activeUsers: number;
  launches: number;
  pageViews: number;
  stayMs: number;
  jsErrors: number;
  crashes: number;
}

export interface PlanCohorts {
  /** day → device → cohort. */
  byDay: Map<string, Map<string, Cohort>>;
}

/**
 * Who was in which cohort, per reporting day, from the runtime's exposure record (ADR 0012) — never from what the
 * client reports about itself. On a day, a device is in the plan's gray cohort when the runtime served it the plan's
 * gray version under the plan; otherwise in the released cohort when the runtime served it the released version while
 * judging it against the plan (the plan was live and the device was outside its rule or percentage). Trial versions,
 * other plans and days without an exposure attribute nothing.
 */
export function cohortsOf(
  planId: string,
  grayVersionId: string,
  exposures: readonly ExposureRow[],
): PlanCohorts {
  const byDay = new Map<string, Map<string, Cohort>>();
  for (const x of exposures) {
    if (x.planId !== planId) continue;
    let cohort: Cohort | undefined;
    if (x.versionSource === 'gray' && x.versionId === grayVersionId) cohort = 'gray';
    else if (x.versionSource === 'release') cohort = 'released';
    if (!cohort) continue;
    let devices = byDay.get(x.day);
    if (!devices) byDay.set(x.day, (devices = new Map()));
    // Gray wins: a device served the gray version that day ran it.
    if (devices.get(x.deviceId) !== 'gray') devices.set(x.deviceId, cohort);
  }
  return { byDay };
}

function dimensionValue(dimension: GrayDimension, e: CleanEvent): string {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : UNKNOWN_VALUE);
  if (dimension === 'region') return e.province ?? UNKNOWN_VALUE;
  if (dimension === 'platform') return e.platform;
  if (dimension === 'model') return text(e.attrs.deviceModel);
  return e.attrs.osVersion === undefined ? e.platform : `${e.platform} ${text(e.attrs.osVersion)}`;
}

export interface PlanStatisticsCounts {
  total: Record<Cohort, CohortCounts>;
  days: Array<{ day: string } & Record<Cohort, CohortCounts>>;
  breakdowns: Array<{
    dimension: GrayDimension;
    rows: Array<{ value: string } & Record<Cohort, CohortCounts>>;
  }>;
}

const emptyCounts = (devicesExposed: number | null): CohortCounts => ({
  devicesExposed,
  activeUsers: 0,
  launches: 0,
  pageViews: 0,
  stayMs: 0,
  jsErrors: 0,
  crashes: 0,
});

/**
 * A plan's gray-against-released counts over `days`, from the app's raw events (by device, then device clock; the
 * day before and after included so launches crossing midnight are whole) and the cohorts. Launches and stay
 * belong to the day (and cohort, and terminal) a launch started; page views, errors and crashes to each event's; active
 * users are distinct devices with an event in the cohort, over the period. Pure: the same input, the same counts.
 */
export function planStatistics(
  days: readonly string[],
  events: readonly CleanEvent[],
  cohorts: PlanCohorts,
  sessionGapMs: number,
): PlanStatisticsCounts {
  const inRange = new Set(days);
  const cohortOn = (day: string, deviceId: string) =>
    inRange.has(day) ? cohorts.byDay.get(day)?.get(deviceId) : undefined;

  const total = { gray: emptyCounts(0), released: emptyCounts(0) };
  const exposed = { gray: new Set<string>(), released: new Set<string>() };
  const active = { gray: new Set<string>(), released: new Set<string>() };
  const perDay = new Map<string, Record<Cohort, CohortCounts>>();
  const dayActive = new Map<string, Record<Cohort, Set<string>>>();
  for (const day of days) {
    const devices = cohorts.byDay.get(day) ?? new Map<string, Cohort>();
    const counts = { gray: emptyCounts(0), released: emptyCounts(0) };
    for (const [deviceId, cohort] of devices) {
      counts[cohort].devicesExposed!++;
      exposed[cohort].add(deviceId);
    }
    perDay.set(day, counts);
    dayActive.set(day, { gray: new Set(), released: new Set() });
  }
  total.gray.devicesExposed = exposed.gray.size;
  total.released.devicesExposed = exposed.released.size;

  const breakdown = new Map<GrayDimension, Map<string, Record<Cohort, CohortCounts>>>(
    GRAY_DIMENSIONS.map((d) => [d, new Map()]),
  );
  const breakdownActive = new Map<string, Set<string>>();
  const cell = (dimension: GrayDimension, value: string, cohort: Cohort) => {
    const rows = breakdown.get(dimension)!;
    let row = rows.get(value);
    if (!row) rows.set(value, (row = { gray: emptyCounts(null), released: emptyCounts(null) }));
    return row[cohort];
  };

  let from = 0;
  while (from < events.length) {
    let to = from;
    while (to < events.length && events[to].deviceId === events[from].deviceId) to++;
    const deviceEvents = events.slice(from, to);
    const deviceId = deviceEvents[0].deviceId;
    for (const s of sessionsOf(deviceEvents, sessionGapMs)) {
      const cohort = cohortOn(s.start.day, deviceId);
      if (!cohort) continue;
      for (const counts of [
        total[cohort],
        perDay.get(s.start.day)![cohort],
        ...GRAY_DIMENSIONS.map((d) => cell(d, dimensionValue(d, s.start), cohort)),
      ]) {
        counts.launches++;
        counts.stayMs += s.stayMs;
      }
    }
    for (const e of deviceEvents) {
      const cohort = cohortOn(e.day, deviceId);
      if (!cohort) continue;
      active[cohort].add(deviceId);
      dayActive.get(e.day)![cohort].add(deviceId);
      const targets = [total[cohort], perDay.get(e.day)![cohort]];
      for (const d of GRAY_DIMENSIONS) {
        const value = dimensionValue(d, e);
        targets.push(cell(d, value, cohort));
        const key = `${d}\u0000${value}\u0000${cohort}`;
        let set = breakdownActive.get(key);
        if (!set) breakdownActive.set(key, (set = new Set()));
        set.add(deviceId);
      }
      for (const counts of targets) {
        if (e.type === 'page_show') counts.pageViews++;
        if (e.type === 'js_error') counts.jsErrors++;
        if (e.type === 'crash') counts.crashes++;
      }
    }
    from = to;
  }

  total.gray.activeUsers = active.gray.size;
  total.released.activeUsers = active.released.size;
  const dayRows = days.map((day) => {
    const counts = perDay.get(day)!;
    const set = dayActive.get(day)!;
    counts.gray.activeUsers = set.gray.size;
    counts.released.activeUsers = set.released.size;
    return { day, ...counts };
  });
  const breakdowns = GRAY_DIMENSIONS.map((dimension) => ({
    dimension,
    rows: [...breakdown.get(dimension)!]
      .map(([value, row]) => {
        for (const cohort of COHORTS)
          row[cohort].activeUsers =
            breakdownActive.get(`${dimension}\u0000${value}\u0000${cohort}`)?.size ?? 0;
        return { value, ...row };
      })
      .sort(
        (a, b) =>
          b.gray.activeUsers + b.released.activeUsers - (a.gray.activeUsers + a.released.activeUsers) ||
          (a.value < b.value ? -1 : 1),
      ),
  }));
  return { total, days: dayRows, breakdowns };
}
