import type { AnalyticsGranularity, TopPagesSort } from '../../../../schema/generated/graphql';
import { addDays, daysBetween, toDay } from '../operator/platform-overview-range';

/**
 * The statistics page's period: days as YYYY-MM-DD (the server reads them in the installation's reporting time zone),
 * the last 7 days by default, at most 366 (the analytics subgraph's limit for series and breakdowns), checked here so
 * a range the server would refuse is never sent. Retention takes at most 92 cohort days: the last 92 of the period.
 */
export const DEFAULT_DAYS = 7;
export const MAX_DAYS = 366;
export const MAX_RETENTION_DAYS = 92;
export const PRESETS = [7, 30] as const;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export const GRANULARITIES = ['DAY', 'WEEK', 'MONTH'] as const satisfies readonly AnalyticsGranularity[];
export type StatisticsGranularity = (typeof GRANULARITIES)[number];

function validDay(day: string | undefined): day is string {
  if (!day || !DAY_RE.test(day)) return false;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

export type StatisticsRangeProblem = 'order' | 'tooLong';

export interface StatisticsRange {
  from: string;
  to: string;
  days: number;
  problem?: StatisticsRangeProblem;
  /** The cohort days the retention table reads: the whole period, or its last 92 days. */
  retentionFrom: string;
  /** True when the period is longer than a retention table may be (the table shows its last 92 days). */
  retentionClipped: boolean;
}

/** The period the URL asks for (`?from=…&to=…`), or the last 7 days ending today; a malformed day falls back. */
export function statisticsRange(params: { from?: string; to?: string }, now: Date): StatisticsRange {
  const to = validDay(params.to) ? params.to : toDay(now);
  const from = validDay(params.from) ? params.from : addDays(to, -(DEFAULT_DAYS - 1));
  const days = daysBetween(from, to);
  const retentionClipped = days > MAX_RETENTION_DAYS;
  const retentionFrom = retentionClipped ? addDays(to, -(MAX_RETENTION_DAYS - 1)) : from;
  const base = { from, to, days, retentionFrom, retentionClipped };
  if (days < 1) return { ...base, problem: 'order' };
  if (days > MAX_DAYS) return { ...base, problem: 'tooLong' };
  return base;
}

/** The preset a period is, if it is one (it ends today and spans 7 or 30 days), for the pressed button. */
export function presetOf(range: Pick<StatisticsRange, 'from' | 'to'>, now: Date): number | undefined {
  if (range.to !== toDay(now)) return undefined;
  const days = daysBetween(range.from, range.to);
  return PRESETS.find((preset) => preset === days);
}

export function presetRange(days: number, now: Date): { from: string; to: string } {
  const to = toDay(now);
  return { from: addDays(to, -(days - 1)), to };
}

export function granularityOf(value: string | null | undefined): StatisticsGranularity {
  return GRANULARITIES.find((g) => g === value) ?? 'DAY';
}

/** The top-pages orders the analytics subgraph documents: the largest first, page paths A to Z. */
export const TOP_PAGES_SORTS = [
  'VIEWS',
  'VISITORS',
  'TOTAL_STAY',
  'AVERAGE_STAY',
  'ENTRIES',
  'EXITS',
  'PAGE_PATH',
] as const satisfies readonly TopPagesSort[];

export function topPagesSortOf(value: string | null | undefined): TopPagesSort {
  return TOP_PAGES_SORTS.find((s) => s === value) ?? 'VIEWS';
}

/** The column of the top-pages table each server order belongs to (the table's sorter keys). */
export const TOP_PAGES_SORT_COLUMN: Record<TopPagesSort, string> = {
  VIEWS: 'views',
  VISITORS: 'visitors',
  TOTAL_STAY: 'totalStayMs',
  AVERAGE_STAY: 'averageStayMs',
  ENTRIES: 'entries',
  EXITS: 'exits',
  PAGE_PATH: 'pagePath',
};

/** The server order of a column of the top-pages table (undefined: the column does not sort). */
export function topPagesSortForColumn(column: string): TopPagesSort | undefined {
  return TOP_PAGES_SORTS.find((sort) => TOP_PAGES_SORT_COLUMN[sort] === column);
}
