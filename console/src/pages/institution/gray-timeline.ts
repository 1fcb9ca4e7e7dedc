import type { ReleasePlanStatisticsFieldsFragment } from '../../../../schema/generated/graphql';

/** What the gray chart compares over time, gray against released. */
export const GRAY_TIMELINE_METRICS = ['errorRate', 'crashRate', 'activeUsers'] as const;
export type GrayTimelineMetric = (typeof GRAY_TIMELINE_METRICS)[number];

type Days = ReleasePlanStatisticsFieldsFragment['days'];
type Marks = ReleasePlanStatisticsFieldsFragment['marks'];

/** The two lines of a metric: one value per day of the plan's statistics (the server sends every day). */
export function grayTimelineSeries(days: Days, metric: GrayTimelineMetric) {
  return {
    gray: days.map((d) => d.comparison.gray[metric]),
    released: days.map((d) => d.comparison.released[metric]),
  };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The reporting day (YYYY-MM-DD in the installation's time zone) of an instant: where a mark goes on the timeline. */
export function reportingDay(at: string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(at));
}

/** The short name of a mark's type (`release-plan.raised` → `raised`). */
export function markKind(type: string): string {
  return type.replace(/^release-plan\./, '');
}

/**
 * The plan's changes as marks on the days of the chart: a start or a raise says the new percentage, any other change
 * its kind (through `describe`); changes of one day share one mark, oldest first; changes outside the days are left out.
 */
export function timelineMarks(
  marks: Marks,
  days: Days,
  timeZone: string,
  describe: (mark: Marks[number]) => string,
): Array<{ category: string; label: string }> {
  const shown = new Set(days.map((d) => d.day));
  const byDay = new Map<string, string[]>();
  for (const mark of marks) {
    const day = reportingDay(mark.at, timeZone);
    if (!shown.has(day)) continue;
    const labels = byDay.get(day) ?? [];
    const label = describe(mark);
    if (labels[labels.length - 1] !== label) labels.push(label);
    byDay.set(day, labels);
  }
  return [...byDay].map(([category, labels]) => ({ category, label: labels.join(' → ') }));
}

/** True when a mark's label is its percentage (a start or a raise), else its kind. */
export function showsPercentage(type: string): boolean {
  const kind = markKind(type);
  return kind === 'started' || kind === 'raised';
}
