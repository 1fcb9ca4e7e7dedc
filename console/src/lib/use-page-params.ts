import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/**
 * A list's page, size and filters live in the URL (`?page=2&size=20&search=shop`): each view has a link that opens it
 * again, and the server does the paging (skip/take) and filtering.
 */
export function usePageParams<F extends string>(filterNames: readonly F[], defaultSize = 20) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const sizeParam = Number.parseInt(params.get('size') ?? '', 10);
  const size = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : defaultSize;
  const filters = useMemo(
    () =>
      Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? undefined])) as Record<
        F,
        string | undefined
      >,
    [params],
  );
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
