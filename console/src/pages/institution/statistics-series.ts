import type {
  AnalyticsGranularity,
  AnalyticsMetricsFieldsFragment,
} from '../../../../schema/generated/graphql';

/** The metrics the series chart draws, in groups of one unit each (people, visits, seconds). */
export const SERIES_GROUPS = {
  users: ['activeUsers', 'newUsers'],
  visits: ['launches', 'pageViews'],
  stay: ['averageStayMs'],
} as const satisfies Record<string, ReadonlyArray<keyof AnalyticsMetricsFieldsFragment>>;
export type StatisticsSeriesGroup = keyof typeof SERIES_GROUPS;
export type SeriesMetric = (typeof SERIES_GROUPS)[StatisticsSeriesGroup][number];

export function seriesGroupOf(value: string | null | undefined): StatisticsSeriesGroup {
  return value && Object.hasOwn(SERIES_GROUPS, value) ? (value as StatisticsSeriesGroup) : 'users';
}

export interface SeriesBucket {
  day: string;
  until: string;
  metrics: AnalyticsMetricsFieldsFragment;
}

/**
 * A bucket's label on the axis and in the table: the day for days, the first and last day for weeks (clipped to the
 * range by the server), the month for months.
 */
export function bucketLabel(bucket: Pick<SeriesBucket, 'day' | 'until'>, granularity: AnalyticsGranularity) {
  if (granularity === 'MONTH') return bucket.day.slice(0, 7);
  if (granularity === 'WEEK' && bucket.until !== bucket.day) return `${bucket.day} – ${bucket.until}`;
  return bucket.day;
}

/** Stay is drawn in seconds (the API counts milliseconds); the rest as counted. */
export function chartValue(metric: SeriesMetric, metrics: AnalyticsMetricsFieldsFragment): number {
  const value = metrics[metric];
  return metric === 'averageStayMs' ? Math.round(value / 100) / 10 : value;
}

/** One series per metric of the group, a value per bucket (the server sends every bucket, zeros included). */
export function seriesOf(buckets: readonly SeriesBucket[], group: StatisticsSeriesGroup) {
  return SERIES_GROUPS[group].map((metric) => ({
    metric,
    values: buckets.map((b) => chartValue(metric, b.metrics)),
  }));
}

/** Per series: sum, highest value and its bucket (the first such), lowest value — the chart's text alternative. */
export function seriesFacts(labels: readonly string[], values: readonly number[]) {
  let max = values.length ? -Infinity : 0;
  let maxLabel = labels[0] ?? '';
  let min = values.length ? Infinity : 0;
  values.forEach((value, i) => {
    if (value > max) {
      max = value;
      maxLabel = labels[i]!;
    }
    if (value < min) min = value;
  });
  return { sum: values.reduce((a, b) => a + b, 0), max, maxLabel, min };
}

/** Nothing happened in the period: no device sent anything (every bucket and the total are zero). */
export function isEmptyTotal(total: AnalyticsMetricsFieldsFragment | undefined): boolean {
  return !total || (total.activeUsers === 0 && total.launches === 0 && total.pageViews === 0);
}

/** Bar chart rows of a breakdown: the `limit` most active values, the rest summed as one "other" bar. */
export function breakdownBars<R extends { value: string; metrics: { activeUsers: number } }>(
  rows: readonly R[],
  limit = 10,
): Array<{ label: string; value: number; other: boolean }> {
  const top = rows
    .slice(0, limit)
    .map((r) => ({ label: r.value, value: r.metrics.activeUsers, other: false }));
  const rest = rows.slice(limit);
  // Active users are distinct per value, so the "other" bar is a sum of values (a device in two counts twice).
  if (rest.length)
    top.push({ label: '', value: rest.reduce((sum, r) => sum + r.metrics.activeUsers, 0), other: true });
  return top;
}

/**
 * The background of a retention cell: the rate's share of a blue scale, light enough that the dark text stays legible
 * (contrast ≥ 4.5:1; on the darkest step the text turns white).
 */
export function heatColor(rate: number | null | undefined): { background?: string; color?: string } {
  if (rate === null || rate === undefined) return {};
  const clamped = Math.max(0, Math.min(1, rate));
  if (clamped === 0) return { background: '#f5f5f5' };
  const step = Math.min(5, Math.ceil(clamped * 5)); // 1..5
  const backgrounds = ['#e6f0ff', '#c7dcff', '#99bfff', '#5c94e6', '#1f5fbf'];
  return { background: backgrounds[step - 1], color: step === 5 ? '#ffffff' : undefined };
}

/** Offsets as the column titles say them: day 1 … day 7, day 14, day 30. */
export function offsetKey(offset: number): string {
  return `d${offset}`;
}

/** A file name for a table's CSV: the mini-program, the table and the period. */
export function statisticsCsvName(appId: string, table: string, from: string, to: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `grove-${safe(appId)}-${safe(table)}-${from}-${to}.csv`;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** A fraction as a percentage in the console's language (0.1234 → 12.34%). */
export function formatPercent(value: number, language: string): string {
  return formatter(
    `percent:${language}`,
    () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }),
  ).format(value);
}

/** Seconds in the console's language (12.5 → 12.5 sec / 12.5秒). */
export function formatSeconds(seconds: number, language: string): string {
  return formatter(
    `seconds:${language}`,
    () =>
      new Intl.NumberFormat(language, {
        style: 'unit',
        unit: 'second',
        unitDisplay: 'short',
        maximumFractionDigits: 1,
      }),
  ).format(seconds);
}
