import { describe, expect, it } from 'vitest';
import {
  isEmptyPeriod,
  seriesFacts,
  seriesGroup,
  seriesOf,
  type PlatformDayRow,
} from './platform-overview-series';

const day = (d: string, launches: number, activeDevices = 0): PlatformDayRow => ({
  day: d,
  launches,
  activeDevices,
  organizations: 1,
  organizationsFrozen: 0,
  miniPrograms: 0,
  miniProgramsOnline: 0,
  hostApps: 0,
  organizationsApproved: 0,
  miniProgramsCreated: 0,
  hostAppsCreated: 0,
});

describe('platform overview series', () => {
  const days = [day('2026-03-01', 5, 2), day('2026-03-02', 9, 4), day('2026-03-03', 9, 1)];

  it('reads the group from the URL, activity by default', () => {
    expect(seriesGroup('growth')).toBe('growth');
    expect(seriesGroup('constructor')).toBe('activity');
    expect(seriesGroup(undefined)).toBe('activity');
  });

  it('gives one series per metric with a value per day', () => {
    expect(seriesOf(days, 'activity')).toEqual([
      { metric: 'launches', values: [5, 9, 9] },
      { metric: 'activeDevices', values: [2, 4, 1] },
    ]);
  });

  it('sums a series and names its first highest day for the text alternative', () => {
    expect(seriesFacts(days, [5, 9, 9])).toEqual({ sum: 23, max: 9, maxDay: '2026-03-02' });
    expect(seriesFacts(days, [0, 0, 0])).toEqual({ sum: 0, max: 0, maxDay: '2026-03-01' });
  });

  it('calls a period empty only when every value is zero', () => {
    expect(isEmptyPeriod(days)).toBe(false);
    expect(isEmptyPeriod([{ ...day('2026-03-01', 0), organizations: 0 }])).toBe(true);
  });
});
