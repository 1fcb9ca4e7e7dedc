import { describe, expect, it } from 'vitest';
import { comparisonRows, formatGrayMetric } from './gray-statistics';

const cohort = (over: Partial<Record<string, number | null>>) => ({
  devicesExposed: 10,
  activeUsers: 8,
  launches: 100,
  pageViews: 300,
  jsErrors: 2,
  crashes: 1,
  totalStayMs: 600000,
  averageStayMs: 6000,
  errorRate: 0.02,
  crashRate: 0.01,
  ...over,
});

describe('gray vs released statistics', () => {
  it('puts the server deltas beside rates and stay time, and says which way is worse', () => {
    const rows = comparisonRows({
      gray: cohort({ errorRate: 0.05, averageStayMs: 5000 }),
      released: cohort({ devicesExposed: null }),
      errorRateDelta: 0.03,
      crashRateDelta: 0,
      averageStayMsDelta: -1000,
    } as never);
    const byMetric = Object.fromEntries(rows.map((r) => [r.metric, r]));
    expect(byMetric.errorRate).toMatchObject({ gray: 0.05, released: 0.02, delta: 0.03, worse: true });
    expect(byMetric.crashRate).toMatchObject({ delta: 0, worse: false });
    expect(byMetric.averageStayMs).toMatchObject({ delta: -1000, worse: true });
    expect(byMetric.launches).toMatchObject({ delta: null, worse: false });
    expect(byMetric.devicesExposed).toMatchObject({ gray: 10, released: null });
  });

  it('formats rates as percentages, stays in seconds, counts as numbers, in the chosen language', () => {
    expect(formatGrayMetric('errorRate', 0.0123, 'en')).toBe('1.23%');
    expect(formatGrayMetric('errorRate', 0.03, 'en', true)).toBe('+3%');
    expect(formatGrayMetric('averageStayMs', -1500, 'en', true)).toBe('-1.5 sec');
    expect(formatGrayMetric('launches', 12345, 'zh-CN')).toBe('12,345');
    expect(formatGrayMetric('launches', null, 'en')).toBe('—');
  });
});
