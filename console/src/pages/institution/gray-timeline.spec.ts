import { describe, expect, it } from 'vitest';
import type { ReleasePlanStatisticsFieldsFragment } from '../../../../schema/generated/graphql';
import { grayTimelineSeries, markKind, reportingDay, showsPercentage, timelineMarks } from './gray-timeline';

type Day = ReleasePlanStatisticsFieldsFragment['days'][number];

function cohort(errorRate: number, activeUsers: number) {
  return {
    devicesExposed: null,
    activeUsers,
    launches: 0,
    pageViews: 0,
    jsErrors: 0,
    crashes: 0,
    totalStayMs: 0,
    averageStayMs: 0,
    errorRate,
    crashRate: 0,
  };
}

function day(date: string, gray: number, released: number): Day {
  return {
    day: date,
    comparison: {
      gray: cohort(gray, 10),
      released: cohort(released, 90),
      errorRateDelta: gray - released,
      crashRateDelta: 0,
      averageStayMsDelta: 0,
    },
  };
}

const days = [day('2026-03-01', 0.1, 0.02), day('2026-03-02', 0.2, 0.01), day('2026-03-03', 0.05, 0.01)];
const mark = (type: string, percentage: number, at: string) => ({ type, state: 'GRAY', percentage, at });

describe('gray release timeline', () => {
  it('gives the gray and released line of a metric, a value per day', () => {
    expect(grayTimelineSeries(days, 'errorRate')).toEqual({
      gray: [0.1, 0.2, 0.05],
      released: [0.02, 0.01, 0.01],
    });
    expect(grayTimelineSeries(days, 'activeUsers')).toEqual({ gray: [10, 10, 10], released: [90, 90, 90] });
  });

  it('places a change on its reporting day (the installation time zone, not UTC)', () => {
    // 17:00 UTC on 1 March is already 2 March in Shanghai.
    expect(reportingDay('2026-03-01T17:00:00Z', 'Asia/Shanghai')).toBe('2026-03-02');
    expect(reportingDay('2026-03-01T17:00:00Z', 'UTC')).toBe('2026-03-01');
  });

  it('marks percentage changes on the days shown, one mark per day, what changed in order', () => {
    const label = (m: { type: string; percentage: number }) =>
      showsPercentage(m.type) ? `${m.percentage}%` : markKind(m.type);
    const marks = [
      mark('release-plan.started', 10, '2026-02-28T01:00:00Z'), // before the days shown
      mark('release-plan.raised', 20, '2026-03-01T02:00:00Z'),
      mark('release-plan.raised', 50, '2026-03-02T01:00:00Z'),
      mark('release-plan.completing', 100, '2026-03-02T03:00:00Z'),
      mark('release-plan.completed', 100, '2026-03-02T03:00:01Z'),
    ];
    expect(timelineMarks(marks, days, 'Asia/Shanghai', label)).toEqual([
      { category: '2026-03-01', label: '20%' },
      { category: '2026-03-02', label: '50% → completing → completed' },
    ]);
    expect(timelineMarks([], days, 'UTC', label)).toEqual([]);
  });

  it('tells starts and raises (a percentage) from other changes', () => {
    expect(showsPercentage('release-plan.started')).toBe(true);
    expect(showsPercentage('release-plan.raised')).toBe(true);
    expect(showsPercentage('release-plan.reverted')).toBe(false);
    expect(markKind('release-plan.paused')).toBe('paused');
  });
});
