export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** A list's page, size and filters as the URL gives them (no React: the boot prefetch reads them too). */
export function readPageParams<F extends string>(
  params: URLSearchParams,
  filterNames: readonly F[],
  defaultSize = 20,
) {
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const sizeParam = Number.parseInt(params.get('size') ?? '', 10);
  const size = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : defaultSize;
  const filters = Object.fromEntries(
    filterNames.map((name) => [name, params.get(name) ?? undefined]),
  ) as Record<F, string | undefined>;
  return { page, size, skip: (page - 1) * size, filters };
}
