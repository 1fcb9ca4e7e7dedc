import type { MiniProgramStatus } from '../../../../schema/generated/graphql';
import { orderByOf, sortFromParams, type SortColumns } from '../../lib/list-order';
import { readPageParams } from '../../lib/page-params';

export const MINI_PROGRAM_FILTERS = ['org', 'search', 'status'] as const;
/** Sortable columns (URL `?sort=`) → the server's order fields. */
export const MINI_PROGRAM_SORT_COLUMNS: SortColumns<'NAME' | 'STATUS' | 'UPDATED_AT'> = {
  name: 'NAME',
  status: 'STATUS',
  updatedAt: 'UPDATED_AT',
};

/**
 * The variables of the mini-program list's query (`ConsoleMiniPrograms`) for a URL's parameters and the organization
 * shown (the `org` parameter, else the caller's first): the page and the boot prefetch (boot/boot-prefetch.ts) build
 * them here, so the prefetched answer is the one the page asks for.
 */
export function miniProgramListVariables(params: URLSearchParams, firstOrgId: string | undefined) {
  const { skip, size, filters } = readPageParams(params, MINI_PROGRAM_FILTERS);
  return {
    orgId: filters.org ?? firstOrgId,
    search: filters.search,
    status: filters.status as MiniProgramStatus | undefined,
    orderBy: orderByOf(sortFromParams(params, MINI_PROGRAM_SORT_COLUMNS), MINI_PROGRAM_SORT_COLUMNS),
    skip,
    take: size,
  };
}
