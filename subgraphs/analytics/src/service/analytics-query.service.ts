import { BadUserInputError, Permission, type Principal } from '@grove/platform';
import type { MiniProgramAccess } from '@grove/contracts';
import type { AnalyticsStore, DailyMetrics, Dimension } from '../store/analytics-store.port';
import { emptyMetrics } from './daily-rollup';
import { addDays, DAY_PATTERN, daysBetween } from './reporting-day';

/** At most this many days in one query (a year and a day). */
export const MAX_QUERY_DAYS = 366;
/** At most this many days in an hourly series (168 buckets). */
export const MAX_HOURLY_DAYS = 7;
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

export interface MetricsView {
  newUsers: number;
  /** Distinct devices over the whole period (not a sum of days). */
  activeUsers: number;
  launches: number;
  pageViews: number;
  totalStayMs: number;
  averageStayMs: number;
  bounces: number;
  bounceRate: number;
  jsErrors: number;
  crashes: number;
  crashRate: number;
}

export function toView(m: DailyMetrics): MetricsView {
  const per = (n: number) => (m.launches > 0 ? n / m.launches : 0);
  return {
    newUsers: m.newUsers,
    activeUsers: m.activeUsers,
    launches: m.launches,
    pageViews: m.pageViews,
    totalStayMs: m.stayMs,
    averageStayMs: per(m.stayMs),
    bounces: m.bounces,
    bounceRate: per(m.bounces),
    jsErrors: m.jsErrors,
    crashes: m.crashes,
    crashRate: per(m.crashes),
  };
}

function add(into: DailyMetrics, row: DailyMetrics): void {
  into.launches += row.launches;
  into.pageViews += row.pageViews;
  into.stayMs += row.stayMs;
  into.bounces += row.bounces;
  into.jsErrors += row.jsErrors;
  into.crashes += row.crashes;
  into.newUsers += row.newUsers;
}

export type Granularity = 'hour' | 'day' | 'week' | 'month';

/** Consecutive days grouped into calendar weeks (Monday first) or months, each clipped to the range. */
export function bucketsOf(
  days: readonly string[],
  granularity: Granularity,
): Array<{ from: string; to: string; days: string[] }> {
  const keyOf = (day: string): string => {
    if (granularity === 'day') return day;
    if (granularity === 'month') return day.slice(0, 7);
    if (granularity !== 'week')
      throw new BadUserInputError('granularity is day, week or month', { fields: ['granularity'] });
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    return addDays(day, -weekday);
  };
  const buckets: Array<{ from: string; to: string; days: string[] }> = [];
  let key: string | undefined;
  for (const day of days) {
    const k = keyOf(day);
    if (k !== key) buckets.push({ from: day, to: day, days: [] });
    key = k;
    const bucket = buckets[buckets.length - 1]!;
    bucket.to = day;
    bucket.days.push(day);
  }
  return buckets;
}

export interface SeriesView {
  appId: string;
  from: string;
  to: string;
  timeZone: string;
  granularity: Granularity;
  /** Buckets in order: `day` is the first day of the bucket, `until` its last (both within the range); `hour` for hours. */
  days: Array<{ day: string; until: string; hour?: number; metrics: MetricsView }>;
  total: MetricsView;
}

export interface BreakdownView {
  appId: string;
  dimension: Dimension;
  from: string;
  to: string;
  timeZone: string;
  rows: Array<{ value: string; metrics: MetricsView }>;
}

/** The statistics console's reads: members of the owning organization (miniprogram:read) and reviewing operators. */
export class AnalyticsQueryService {
  constructor(
    private readonly store: AnalyticsStore,
    private readonly access: MiniProgramAccess,
    private readonly timeZone: string,
  ) {}

  /**
   * Day, week (Monday to Sunday, clipped to the range) or month buckets: additive metrics are sums of the days,
   * activeUsers is distinct within each bucket and over the whole period.
   */
  async series(
    p: Principal,
    appId: string,
    from: string,
    to: string,
    granularity: Granularity = 'day',
  ): Promise<SeriesView> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    const days = checkRange(from, to);
    if (granularity === 'hour') return this.hourly(app.appId, from, to, days);
    const rows = new Map((await this.store.daily(app.appId, from, to, '')).map((r) => [r.day, r]));
    const total = emptyMetrics();
    const series: SeriesView['days'] = [];
    for (const bucket of bucketsOf(days, granularity)) {
      const m = emptyMetrics();
      for (const day of bucket.days) {
        const row = rows.get(day);
        if (row) add(m, row);
      }
      add(total, m);
      m.activeUsers =
        bucket.days.length === 1
          ? (rows.get(bucket.from)?.activeUsers ?? 0)
          : ((await this.store.distinctDevices(app.appId, bucket.from, bucket.to, ''))[0]?.active ?? 0);
      series.push({ day: bucket.from, until: bucket.to, metrics: toView(m) });
    }
    total.activeUsers = (await this.store.distinctDevices(app.appId, from, to, ''))[0]?.active ?? 0;
    return {
      appId: app.appId,
      from,
      to,
      timeZone: this.timeZone,
      granularity,
      days: series,
      total: toView(total),
    };
  }

  /** 24 buckets per day from the `hour` rollup rows: activeUsers distinct within each hour and over the period. */
  private async hourly(appId: string, from: string, to: string, days: string[]): Promise<SeriesView> {
    if (days.length > MAX_HOURLY_DAYS)
      throw new BadUserInputError(`At most ${MAX_HOURLY_DAYS} days per hourly series`, {
        fields: ['from', 'to', 'granularity'],
        reason: 'HOURLY_RANGE_TOO_LONG',
        maxDays: MAX_HOURLY_DAYS,
      });
    const rows = new Map(
      (await this.store.daily(appId, from, to, 'hour')).map((r) => [`${r.day} ${r.value}`, r]),
    );
    const total = emptyMetrics();
    const series: SeriesView['days'] = [];
    for (const day of days)
      for (const hour of HOURS) {
        const m = emptyMetrics();
        const row = rows.get(`${day} ${hour}`);
        if (row) {
          add(m, row);
          m.activeUsers = row.activeUsers;
        }
        add(total, m);
        series.push({ day, until: day, hour: Number(hour), metrics: toView(m) });
      }
    total.activeUsers = (await this.store.distinctDevices(appId, from, to, ''))[0]?.active ?? 0;
    return {
      appId,
      from,
      to,
      timeZone: this.timeZone,
      granularity: 'hour',
      days: series,
      total: toView(total),
    };
  }

  async breakdown(
    p: Principal,
    appId: string,
    dimension: Exclude<Dimension, '' | 'hour'>,
    from: string,
    to: string,
  ): Promise<BreakdownView> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    checkRange(from, to);
    const byValue = new Map<string, DailyMetrics>();
    for (const row of await this.store.daily(app.appId, from, to, dimension)) {
      let m = byValue.get(row.value);
      if (!m) byValue.set(row.value, (m = emptyMetrics()));
      add(m, row);
    }
    for (const { value, active } of await this.store.distinctDevices(app.appId, from, to, dimension)) {
      const m = byValue.get(value);
      if (m) m.activeUsers = active;
    }
    const rows = [...byValue]
      .map(([value, m]) => ({ value, metrics: toView(m) }))
      .sort((a, b) => b.metrics.activeUsers - a.metrics.activeUsers || (a.value < b.value ? -1 : 1));
    return { appId: app.appId, dimension, from, to, timeZone: this.timeZone, rows };
  }
}

/** The days of a query range, checked: YYYY-MM-DD, from <= to, at most MAX_QUERY_DAYS. */
export function checkRange(from: string, to: string): string[] {
  if (
    !DAY_PATTERN.test(from) ||
    !DAY_PATTERN.test(to) ||
    Number.isNaN(Date.parse(from)) ||
    Number.isNaN(Date.parse(to))
  ) {
    throw new BadUserInputError('from and to are days as YYYY-MM-DD', { fields: ['from', 'to'] });
  }
  if (from > to) throw new BadUserInputError('from must not be after to', { fields: ['from', 'to'] });
  const days = daysBetween(from, to);
  if (days.length > MAX_QUERY_DAYS)
    throw new BadUserInputError(`At most ${MAX_QUERY_DAYS} days per query`, { fields: ['from', 'to'] });
  return days;
}
