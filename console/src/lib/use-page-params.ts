import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PAGE_SIZES, readPageParams } from './page-params';

export { PAGE_SIZES };

/**
 * A list's page, size and filters live in the URL (`?page=2&size=20&search=shop`): each view has a link that opens it
 * again, and the server does the paging (skip/take) and filtering.
 */
export function usePageParams<F extends string>(filterNames: readonly F[], defaultSize = 20) {
  const [params, setParams] = useSearchParams();
  const { page, size, filters: read } = readPageParams(params, filterNames, defaultSize);
  // The same object while the URL stays the same (queries take the filters as variables).
  const filters = useMemo(() => read, [params]);
  const update = useCallback(
    (next: Partial<Record<F | 'page' | 'size', string | number | undefined>>) => {
      setParams(
        (current) => {
          const merged = new URLSearchParams(current);
          for (const [key, value] of Object.entries(next)) {
            if (value === undefined || value === '') merged.delete(key);
            else merged.set(key, String(value));
          }
          // A new filter starts at the first page.
          if (Object.keys(next).some((key) => key !== 'page' && key !== 'size')) merged.delete('page');
          return merged;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return { page, size, skip: (page - 1) * size, filters, update };
}
