import type { PlatformOverviewQuery } from '../../../../schema/generated/graphql';

export type PlatformDayRow = PlatformOverviewQuery['platformOverview']['days'][number];
export type DayMetric = Exclude<keyof PlatformDayRow, 'day' | '__typename'>;

/** The chart's three views: what was used, what was added, and how big the platform is. */
export const SERIES_GROUPS = {
  activity: ['launches', 'activeDevices'],
  growth: ['organizationsApproved', 'miniProgramsCreated', 'hostAppsCreated'],
  totals: ['organizations', 'miniPrograms', 'miniProgramsOnline', 'hostApps'],
} as const satisfies Record<string, readonly DayMetric[]>;
export type SeriesGroup = keyof typeof SERIES_GROUPS;

export function seriesGroup(value: string | undefined): SeriesGroup {
  return value && Object.hasOwn(SERIES_GROUPS, value) ? (value as SeriesGroup) : 'activity';
}

/** One series per metric of the group, a value per day (the server sends every day, zeros included). */
export function seriesOf(days: readonly PlatformDayRow[], group: SeriesGroup) {
  return SERIES_GROUPS[group].map((metric) => ({ metric, values: days.map((d) => d[metric]) }));
}

/** Per series: the sum over the days and the day with the highest value (the first such day), for the text alternative. */
export function seriesFacts(days: readonly PlatformDayRow[], values: readonly number[]) {
  let max = 0;
  let maxDay = days[0]?.day ?? '';
  values.forEach((value, i) => {
    if (value > max) {
      max = value;
      maxDay = days[i]!.day;
    }
  });
  return { sum: values.reduce((a, b) => a + b, 0), max, maxDay };
}

/** True when nothing in the period is worth a chart (every value of every metric is zero). */
export function isEmptyPeriod(days: readonly PlatformDayRow[]): boolean {
  return days.every((d) =>
    (Object.values(SERIES_GROUPS).flat() as DayMetric[]).every((metric) => d[metric] === 0),
  );
}
