import { describe, expect, it } from 'vitest';
import type { AnalyticsMetricsFieldsFragment } from '../../../../schema/generated/graphql';
import {
  breakdownBars,
  bucketLabel,
  formatPercent,
  formatSeconds,
  heatColor,
  isEmptyTotal,
  seriesFacts,
  seriesGroupOf,
  seriesOf,
  statisticsCsvName,
} from './statistics-series';

function metrics(over: Partial<AnalyticsMetricsFieldsFragment> = {}): AnalyticsMetricsFieldsFragment {
  return {
    newUsers: 0,
    activeUsers: 0,
    launches: 0,
    pageViews: 0,
    totalStayMs: 0,
    averageStayMs: 0,
    bounces: 0,
    bounceRate: 0,
    jsErrors: 0,
    crashes: 0,
    crashRate: 0,
    ...over,
  };
}

describe('statistics series', () => {
  const buckets = [
    {
      day: '2026-03-02',
      until: '2026-03-08',
      metrics: metrics({ activeUsers: 5, newUsers: 2, averageStayMs: 12_345 }),
    },
    {
      day: '2026-03-09',
      until: '2026-03-15',
      metrics: metrics({ activeUsers: 9, newUsers: 1, averageStayMs: 800 }),
    },
    { day: '2026-03-16', until: '2026-03-18', metrics: metrics({ activeUsers: 9, newUsers: 0 }) },
  ];

  it('labels buckets by granularity: the day, the week as first – last day, the month', () => {
    expect(bucketLabel(buckets[0]!, 'DAY')).toBe('2026-03-02');
    expect(bucketLabel(buckets[0]!, 'WEEK')).toBe('2026-03-02 – 2026-03-08');
    expect(bucketLabel({ day: '2026-03-16', until: '2026-03-16' }, 'WEEK')).toBe('2026-03-16'); // clipped to one day
    expect(bucketLabel({ day: '2026-03-01', until: '2026-03-31' }, 'MONTH')).toBe('2026-03');
  });

  it('shapes one series per metric of a group, stay in seconds', () => {
    expect(seriesOf(buckets, 'users')).toEqual([
      { metric: 'activeUsers', values: [5, 9, 9] },
      { metric: 'newUsers', values: [2, 1, 0] },
    ]);
    expect(seriesOf(buckets, 'stay')).toEqual([{ metric: 'averageStayMs', values: [12.3, 0.8, 0] }]);
    expect(seriesGroupOf('visits')).toBe('visits');
    expect(seriesGroupOf('constructor')).toBe('users'); // not an own key
  });

  it('states the facts of a series for its text alternative: highest (first such), lowest', () => {
    expect(seriesFacts(['a', 'b', 'c'], [5, 9, 9])).toEqual({ sum: 23, max: 9, maxLabel: 'b', min: 5 });
    expect(seriesFacts([], [])).toEqual({ sum: 0, max: 0, maxLabel: '', min: 0 });
  });

  it('calls a period empty when no device reported anything', () => {
    expect(isEmptyTotal(undefined)).toBe(true);
    expect(isEmptyTotal(metrics())).toBe(true);
    expect(isEmptyTotal(metrics({ launches: 1 }))).toBe(false);
  });

  it('draws the ten most active values of a breakdown and sums the rest as one bar', () => {
    const rows = Array.from({ length: 13 }, (_, i) => ({ value: `v${i}`, metrics: { activeUsers: 13 - i } }));
    const bars = breakdownBars(rows);
    expect(bars).toHaveLength(11);
    expect(bars[0]).toEqual({ label: 'v0', value: 13, other: false });
    expect(bars[10]).toEqual({ label: '', value: 3 + 2 + 1, other: true });
    expect(breakdownBars(rows.slice(0, 3))).toHaveLength(3);
  });

  it('colours retention cells in five steps, white text only on the darkest', () => {
    expect(heatColor(null)).toEqual({});
    expect(heatColor(0)).toEqual({ background: '#f5f5f5' });
    expect(heatColor(0.1).background).toBe('#e6f0ff');
    expect(heatColor(0.75)).toEqual({ background: '#5c94e6', color: undefined });
    expect(heatColor(1)).toEqual({ background: '#1f5fbf', color: '#ffffff' });
    expect(heatColor(1.5)).toEqual(heatColor(1));
  });

  it('formats percentages and seconds in each language, and names CSV files safely', () => {
    expect(formatPercent(0.1234, 'en')).toBe('12.34%');
    expect(formatSeconds(12.5, 'en')).toBe('12.5 sec');
    expect(formatSeconds(12.5, 'zh-CN')).toBe('12.5秒');
    expect(statisticsCsvName('mp 1/x', 'trend-day', '2026-03-01', '2026-03-07')).toBe(
      'grove-mp-1-x-trend-day-2026-03-01-2026-03-07.csv',
    );
  });
});
