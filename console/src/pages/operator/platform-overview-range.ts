/**
 * The overview's period: days as YYYY-MM-DD (the server reads them in the installation's reporting time zone), last 30
 * days by default, at most 366 days (the server's limit, checked here first so a bad range is never sent).
 */
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar day as YYYY-MM-DD (not toISOString: that is the UTC day, a day off east of Greenwich at night). */
export function toDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return toDay(new Date(y, m - 1, d + days, 12)); // noon: a DST change at midnight cannot move the day
}

/** Days from `from` to `to`, both included (0 or less when `from` is after `to`). */
export function daysBetween(from: string, to: string): number {
  const ms = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000) + 1;
}

function validDay(day: string | undefined): day is string {
  if (!day || !DAY_RE.test(day)) return false;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

export type RangeProblem = 'order' | 'tooLong';

/**
 * The period the URL asks for (`?from=…&to=…`), or the last 30 days ending today; a missing or malformed day falls
 * back to the default, and a range the server would refuse is reported instead of sent.
 */
export function overviewRange(
  params: { from?: string; to?: string },
  now: Date,
): { from: string; to: string; problem?: RangeProblem } {
  const to = validDay(params.to) ? params.to : toDay(now);
  const from = validDay(params.from) ? params.from : addDays(to, -(DEFAULT_DAYS - 1));
  const length = daysBetween(from, to);
  if (length < 1) return { from, to, problem: 'order' };
  if (length > MAX_DAYS) return { from, to, problem: 'tooLong' };
  return { from, to };
}
