import type { SortDirection } from '../../../schema/generated/graphql';

/**
 * Server-side sorting of a list (issue 11 item 4): the sorted column lives in the URL (`?sort=name&dir=asc`), so a
 * sorted view has a link; the page maps it to the list's `orderBy` ({ field, direction }) and the server sorts
 * (ties by id). `columns` maps each sortable column key (as in the URL) to the list's order field; anything else in
 * the URL is ignored, so a hand-edited link falls back to the list's default order.
 */
export type SortColumns<F extends string> = Readonly<Record<string, F>>;

export interface ListSort {
  column: string;
  dir: 'asc' | 'desc';
}

export type AntSortOrder = 'ascend' | 'descend' | null;

/** The sort the URL asks for, when it names a sortable column and a direction. */
export function sortFromParams<F extends string>(
  params: URLSearchParams,
  columns: SortColumns<F>,
): ListSort | undefined {
  const column = params.get('sort') ?? '';
  const dir = params.get('dir');
  if (!Object.prototype.hasOwnProperty.call(columns, column)) return undefined;
  return { column, dir: dir === 'desc' ? 'desc' : 'asc' };
}

/** The list's `orderBy` for a sort (undefined: the list's default order). */
export function orderByOf<F extends string>(
  sort: ListSort | undefined,
  columns: SortColumns<F>,
): { field: F; direction: SortDirection } | undefined {
  if (!sort) return undefined;
  const field = columns[sort.column];
  return field ? { field, direction: sort.dir === 'desc' ? 'DESC' : 'ASC' } : undefined;
}

/** What antd's Table reports when a header is clicked (its `sorter` argument) → the URL's sort (undefined: cleared). */
export function sortFromTable(
  sorter: { columnKey?: unknown; order?: AntSortOrder | undefined } | ReadonlyArray<unknown> | undefined,
): ListSort | undefined {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  const { columnKey, order } = (one ?? {}) as { columnKey?: unknown; order?: AntSortOrder };
  if (!order || (typeof columnKey !== 'string' && typeof columnKey !== 'number')) return undefined;
  return { column: String(columnKey), dir: order === 'descend' ? 'desc' : 'asc' };
}

/** The URL parameters of a sort (both removed when it is cleared). */
export function sortParams(sort: ListSort | undefined): { sort?: string; dir?: string } {
  return sort ? { sort: sort.column, dir: sort.dir } : { sort: undefined, dir: undefined };
}

/** A column's controlled `sortOrder` for antd. */
export function sortOrderOf(sort: ListSort | undefined, column: string): AntSortOrder {
  return sort?.column === column ? (sort.dir === 'desc' ? 'descend' : 'ascend') : null;
}
