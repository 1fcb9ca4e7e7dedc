import { describe, expect, it } from 'vitest';
import { nextTrail, pageOf, previousTrail } from './cursor-pages';

describe('cursor paging', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, cursor: `c${i}` }));

  it('shows take rows and reads the extra one as "there is a next page"', () => {
    const page = pageOf(rows(21), 20);
    expect(page.rows).toHaveLength(20);
    expect(page.hasNext).toBe(true);
    expect(page.lastCursor).toBe('c19');
  });

  it('has no next page when the server sent take rows or fewer', () => {
    expect(pageOf(rows(20), 20)).toMatchObject({ hasNext: false, lastCursor: null });
    expect(pageOf(null, 20)).toEqual({ rows: [], hasNext: false, lastCursor: null });
  });

  it('keeps the cursors of earlier pages so "previous" needs no query of its own', () => {
    const two = nextTrail(nextTrail([], 'c19'), 'c39');
    expect(two).toEqual(['c19', 'c39']);
    expect(previousTrail(two)).toEqual(['c19']);
    expect(previousTrail([])).toEqual([]);
  });
});
