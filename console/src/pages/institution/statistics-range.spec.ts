import { describe, expect, it } from 'vitest';
import {
  granularityOf,
  presetOf,
  presetRange,
  statisticsRange,
  topPagesSortForColumn,
  topPagesSortOf,
  TOP_PAGES_SORTS,
  TOP_PAGES_SORT_COLUMN,
} from './statistics-range';

describe('statistics period', () => {
  const now = new Date(2026, 2, 15, 23, 30); // 15 March 2026, late evening local time

  it('defaults to the last 7 days ending today (local calendar day)', () => {
    expect(statisticsRange({}, now)).toEqual({
      from: '2026-03-09',
      to: '2026-03-15',
      days: 7,
      retentionFrom: '2026-03-09',
      retentionClipped: false,
    });
  });

  it('keeps the days the URL names, falls back on malformed ones', () => {
    const range = statisticsRange({ from: '2026-01-01', to: '2026-01-31' }, now);
    expect([range.from, range.to, range.days]).toEqual(['2026-01-01', '2026-01-31', 31]);
    const fallback = statisticsRange({ from: 'last week', to: '2026-02-30' }, now);
    expect([fallback.from, fallback.to]).toEqual(['2026-03-09', '2026-03-15']);
  });

  it('reports a reversed or over-long period instead of sending it', () => {
    expect(statisticsRange({ from: '2026-03-16', to: '2026-03-15' }, now).problem).toBe('order');
    expect(statisticsRange({ from: '2025-03-14', to: '2026-03-15' }, now).problem).toBe('tooLong');
    expect(statisticsRange({ from: '2025-03-15', to: '2026-03-15' }, now).problem).toBeUndefined(); // 366
  });

  it('gives retention the last 92 days of a longer period (its server limit)', () => {
    const at92 = statisticsRange({ from: '2025-12-14', to: '2026-03-15' }, now);
    expect([at92.days, at92.retentionFrom, at92.retentionClipped]).toEqual([92, '2025-12-14', false]);
    const longer = statisticsRange({ from: '2025-06-01', to: '2026-03-15' }, now);
    expect([longer.retentionFrom, longer.retentionClipped]).toEqual(['2025-12-14', true]);
  });

  it('knows the 7 and 30 day presets when they end today', () => {
    expect(presetRange(30, now)).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    expect(presetOf(presetRange(7, now), now)).toBe(7);
    expect(presetOf(presetRange(30, now), now)).toBe(30);
    expect(presetOf({ from: '2026-03-01', to: '2026-03-07' }, now)).toBeUndefined(); // 7 days, not ending today
    expect(presetOf({ from: '2026-03-05', to: '2026-03-15' }, now)).toBeUndefined();
  });

  it('reads the granularity, day by default', () => {
    expect(granularityOf('WEEK')).toBe('WEEK');
    expect(granularityOf('MONTH')).toBe('MONTH');
    expect(granularityOf('HOUR')).toBe('DAY'); // not offered on this page
    expect(granularityOf(null)).toBe('DAY');
  });
});

describe('top pages order', () => {
  it('maps each documented server order to one column and back', () => {
    for (const sort of TOP_PAGES_SORTS) expect(topPagesSortForColumn(TOP_PAGES_SORT_COLUMN[sort])).toBe(sort);
    expect(new Set(Object.values(TOP_PAGES_SORT_COLUMN)).size).toBe(TOP_PAGES_SORTS.length);
    expect(topPagesSortForColumn('exitRate')).toBeUndefined(); // the API does not sort by it
  });

  it('reads the order from the URL, views by default', () => {
    expect(topPagesSortOf('AVERAGE_STAY')).toBe('AVERAGE_STAY');
    expect(topPagesSortOf('views')).toBe('VIEWS');
    expect(topPagesSortOf(undefined)).toBe('VIEWS');
  });
});
