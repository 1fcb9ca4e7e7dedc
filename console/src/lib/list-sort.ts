import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  orderByOf,
  sortFromParams,
  sortFromTable,
  sortOrderOf,
  sortParams,
  type ListSort,
  type SortColumns,
} from './list-order';

// The URL ↔ order mapping is pure (list-order.ts: the boot script uses it without React); the hook is here.
export * from './list-order';

/**
 * The sort of a page's table, read from and written to the URL. A new sort starts at the first page: it drops
 * `page` and the cursor trail (`after`), since a cursor of one order is refused under another.
 */
export function useListSort<F extends string>(columns: SortColumns<F>) {
  const [params, setParams] = useSearchParams();
  const sort = useMemo(() => sortFromParams(params, columns), [params, columns]);
  const orderBy = useMemo(() => orderByOf(sort, columns), [sort, columns]);
  const setSort = useCallback(
    (next: ListSort | undefined) =>
      setParams((current) => {
        const merged = new URLSearchParams(current);
        for (const [key, value] of Object.entries(sortParams(next))) {
          if (value === undefined) merged.delete(key);
          else merged.set(key, value);
        }
        merged.delete('page');
        merged.delete('after');
        return merged;
      }),
    [setParams],
  );
  /** Spread into a column: makes it sortable on the server, its arrow following the URL. */
  const sortable = useCallback(
    (column: string) => ({ key: column, sorter: true, sortOrder: sortOrderOf(sort, column) }),
    [sort],
  );
  /** Pass the third argument of the Table's onChange here; returns whether the sort changed. */
  const onSorterChange = useCallback(
    (sorter: Parameters<typeof sortFromTable>[0]) => {
      const next = sortFromTable(sorter);
      if (next?.column === sort?.column && next?.dir === sort?.dir) return false;
      setSort(next);
      return true;
    },
    [sort, setSort],
  );
  return { sort, orderBy, sortable, onSorterChange };
}
