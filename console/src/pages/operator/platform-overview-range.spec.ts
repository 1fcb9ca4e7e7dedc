import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, overviewRange, toDay } from './platform-overview-range';

describe('platform overview period', () => {
  const now = new Date(2026, 2, 15, 23, 30); // 15 March 2026, late evening local time

  it('defaults to the last 30 days ending today (local calendar day)', () => {
    expect(overviewRange({}, now)).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    expect(daysBetween('2026-02-14', '2026-03-15')).toBe(30);
  });

  it('keeps the days the URL names and counts back 30 days from a given end', () => {
    expect(overviewRange({ from: '2026-01-01', to: '2026-01-31' }, now)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(overviewRange({ to: '2026-01-31' }, now)).toEqual({ from: '2026-01-02', to: '2026-01-31' });
  });

  it('falls back to the default for malformed or impossible days', () => {
    expect(overviewRange({ from: 'yesterday', to: '2026-02-30' }, now)).toEqual({
      from: '2026-02-14',
      to: '2026-03-15',
    });
  });

  it('reports a reversed or over-long range instead of sending it', () => {
    expect(overviewRange({ from: '2026-03-16', to: '2026-03-15' }, now).problem).toBe('order');
    expect(overviewRange({ from: '2025-03-14', to: '2026-03-15' }, now).problem).toBe('tooLong');
    expect(overviewRange({ from: '2025-03-15', to: '2026-03-15' }, now).problem).toBeUndefined(); // 366 days
  });

  it('moves across month and year ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(toDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
