import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Cursor paging for the lists the server pages by cursor (members, host apps, link requests): the cursors of the pages
 * before this one live in the URL (`?after=c1&after=c2`), so a page has a link and "previous" needs no second query.
 */
export function nextTrail(trail: readonly string[], lastCursor: string): string[] {
  return [...trail, lastCursor];
}

export function previousTrail(trail: readonly string[]): string[] {
  return trail.slice(0, -1);
}

/** The page asks for one row more than it shows: that row only says whether there is a next page. */
export function pageOf<T extends { cursor?: string | null }>(
  rows: readonly T[] | null | undefined,
  take: number,
): { rows: T[]; hasNext: boolean; lastCursor: string | null } {
  const shown = (rows ?? []).slice(0, take);
  const hasNext = (rows?.length ?? 0) > take;
  return { rows: shown, hasNext, lastCursor: hasNext ? (shown[shown.length - 1]?.cursor ?? null) : null };
}

export function useCursorTrail(param = 'after') {
  const [params, setParams] = useSearchParams();
  const trail = params.getAll(param);
  const go = useCallback(
    (next: string[]) =>
      setParams((current) => {
        const merged = new URLSearchParams(current);
        merged.delete(param);
        for (const cursor of next) merged.append(param, cursor);
        return merged;
      }),
    [param, setParams],
  );
  return {
    after: trail[trail.length - 1],
    page: trail.length + 1,
    next: (lastCursor: string) => go(nextTrail(trail, lastCursor)),
    previous: () => go(previousTrail(trail)),
    first: () => go([]),
  };
}
