import { BadUserInputError } from '../errors';
import { decodeCursor, pageSize, type KeysetOrder, type PageSize } from './pagination';

/**
 * Client-chosen orders of a list (`orderBy: { field, direction }`, docs/query-limits.md "Orders"). Each list names
 * the fields it sorts by (a GraphQL enum per list) and the document path each one reads; the page is then read by
 * `keysetPage` in that order with the id as tie-breaker, and each item's cursor carries the order it was read in,
 * so a cursor read in one order is refused (`CURSOR_ORDER_MISMATCH`) by a page asked in another.
 *
 * The GraphQL enum is registered by each subgraph (`registerEnumType(SortDirection, SORT_DIRECTION_ENUM)`): the
 * platform kit does not load type-graphql (the SDK runtime imports it too).
 */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export const SORT_DIRECTION_ENUM = {
  name: 'SortDirection',
  description:
    'ASC: smallest, oldest, A to Z first; DESC: largest, newest, Z to A first. Equal values are ordered by id in the same direction, so pages never repeat or skip an item.',
} as const;

/** What a client sends as `orderBy`. */
export interface OrderInput<F extends string = string> {
  field: F;
  direction: SortDirection;
}

/** The orders one list offers. */
export interface ListOrders<F extends string> {
  /** The list's name inside its cursors (a cursor of another list is INVALID_CURSOR). */
  list: string;
  /**
   * The document path each field sorts by. Every document must have it (a required property): a keyset position
   * is never null.
   */
  fields: Readonly<Record<F, string>>;
  /** The order when the client sends none. */
  default: OrderInput<F>;
}

export const ORDER_BY_ARG_DESCRIPTION =
  'Sort field and direction (ties broken by id); a cursor from one order is refused under another (CURSOR_ORDER_MISMATCH)';

/** The keyset order of `input` (the list's default when absent); bad input is BAD_USER_INPUT on `orderBy`. */
export function listOrder<F extends string>(
  orders: ListOrders<F>,
  input?: { field?: unknown; direction?: unknown } | null,
): KeysetOrder {
  const field = input?.field ?? orders.default.field;
  const direction = input?.direction ?? orders.default.direction;
  if (typeof field !== 'string' || !Object.prototype.hasOwnProperty.call(orders.fields, field))
    throw new BadUserInputError(`orderBy.field must be one of ${Object.keys(orders.fields).join(', ')}`, {
      field: 'orderBy',
    });
  if (direction !== SortDirection.ASC && direction !== SortDirection.DESC)
    throw new BadUserInputError('orderBy.direction must be ASC or DESC', { field: 'orderBy' });
  return {
    name: `${orders.list}/${field}/${direction}`,
    list: orders.list,
    field: orders.fields[field as F],
    direction: direction === SortDirection.ASC ? 1 : -1,
  };
}

/**
 * A keyset page of a list read whole and ordered in memory (short lists: SDK versions, base libraries), in `order`
 * with `compare` for its sort values and the id as tie-breaker; `after` (a cursor of that order) then `skip`.
 */
export function keysetSlice<T extends { id: string }>(
  items: readonly T[],
  order: KeysetOrder,
  args: { take?: unknown; skip?: unknown; after?: unknown },
  size: PageSize,
  value: (item: T) => unknown,
  compare: (a: unknown, b: unknown) => number,
): T[] {
  const take = pageSize(args.take, size);
  const skip = args.skip ?? 0;
  if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0)
    throw new BadUserInputError('skip must be a non-negative integer', { field: 'skip' });
  const byOrder = (a: { value: unknown; id: string }, b: { value: unknown; id: string }) => {
    const c = compare(a.value, b.value);
    const tie = c !== 0 ? c : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return tie * order.direction;
  };
  let sorted = [...items].sort((a, b) =>
    byOrder({ value: value(a), id: a.id }, { value: value(b), id: b.id }),
  );
  if (args.after !== undefined && args.after !== null) {
    const position = decodeCursor(order, args.after);
    sorted = sorted.filter((item) => byOrder({ value: value(item), id: item.id }, position) > 0);
  }
  return sorted.slice(skip, skip + take);
}
