import { describe, expect, it } from 'vitest';
import {
  addUtcDays,
  checkHotWords,
  checkSynonymGroup,
  checkSynonymGroups,
  clickThrough,
  moveItem,
  parseTerms,
  searchStatisticsRange,
} from './search-settings';

describe('hot words', () => {
  it('takes up to 20 distinct words of up to 20 characters (a CJK character is one)', () => {
    expect(checkHotWords(['社保', '公积金', 'tax']).ok).toBe(true);
    expect(checkHotWords(['社'.repeat(20)]).ok).toBe(true);
    expect(checkHotWords(['社'.repeat(21)]).problems).toEqual(['tooLong']);
    expect(checkHotWords(['社保', ' 社保 ', '']).problems).toEqual([undefined, 'duplicate', 'empty']);
    const many = checkHotWords(Array.from({ length: 21 }, (_, i) => `w${i}`));
    expect([many.tooMany, many.ok]).toEqual([true, false]);
  });

  it('moves a word up or down without changing the list it came from', () => {
    const words = ['a', 'b', 'c'];
    expect(moveItem(words, 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(words, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(words, 0, -1)).toEqual(['a', 'b', 'c']); // clamped
    expect(moveItem(words, 5, 0)).toEqual(['a', 'b', 'c']);
    expect(words).toEqual(['a', 'b', 'c']);
  });
});

describe('synonym groups', () => {
  it('splits a group as typed on commas of either width, 、 and semicolons', () => {
    expect(parseTerms('社保, 社会保险，社会保障、 shebao ; ')).toEqual([
      '社保',
      '社会保险',
      '社会保障',
      'shebao',
    ]);
    expect(parseTerms(' , ')).toEqual([]);
  });

  it('takes 2 to 8 distinct terms of up to 20 characters per group, at most 200 groups', () => {
    expect(checkSynonymGroup(['社保', '社会保险'])).toBeUndefined();
    expect(checkSynonymGroup(['社保'])).toBe('tooFew');
    expect(checkSynonymGroup(Array.from({ length: 9 }, (_, i) => `t${i}`))).toBe('tooManyTerms');
    expect(checkSynonymGroup(['社保', 'x'.repeat(21)])).toBe('tooLong');
    expect(checkSynonymGroup(['社保', '社保'])).toBe('duplicate');
    expect(checkSynonymGroups([['a', 'b'], ['c']]).problems).toEqual([undefined, 'tooFew']);
    const many = checkSynonymGroups(Array.from({ length: 201 }, () => ['a', 'b']));
    expect([many.tooMany, many.ok]).toEqual([true, false]);
  });
});

describe('search statistics period', () => {
  // 23:30 UTC on 15 March: already the 16th east of Greenwich, the search log counts the UTC day.
  const now = new Date(Date.UTC(2026, 2, 15, 23, 30));

  it('defaults to the last 7 UTC days, keeps valid days from the URL', () => {
    expect(searchStatisticsRange({}, now)).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(searchStatisticsRange({ from: '2026-02-01', to: '2026-02-28' }, now)).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(searchStatisticsRange({ from: '2026-02-30' }, now).from).toBe('2026-03-09');
    expect(addUtcDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reports a reversed or over-92-day period instead of sending it', () => {
    expect(searchStatisticsRange({ from: '2026-03-16', to: '2026-03-15' }, now).problem).toBe('order');
    expect(searchStatisticsRange({ from: '2025-12-14', to: '2026-03-15' }, now).problem).toBeUndefined(); // 92
    expect(searchStatisticsRange({ from: '2025-12-13', to: '2026-03-15' }, now).problem).toBe('tooLong');
  });

  it('computes a query’s click-through, 0 without searches', () => {
    expect(clickThrough({ searches: 4, clicks: 1 })).toBe(0.25);
    expect(clickThrough({ searches: 0, clicks: 0 })).toBe(0);
  });
});
