import { BadUserInputError } from '../errors';
import type { Filter } from '../documents';

/**
 * Cursor (keyset) pagination for lists that grow without bound (docs/query-limits.md). A list is read in one
 * stable order: its sort field, then `_id` in the same direction as the tie-breaker, so items with equal sort
 * values never swap or repeat between pages. The cursor of an item is opaque to clients (base64url JSON of the
 * order it belongs to and the item's position); `after: <cursor of the last item>` asks for the next page, which
 * is an index range from that position however deep the client pages (no offset scan).
 */
export interface KeysetOrder {
  /** Names the order inside the cursor, so a cursor of one list is refused by another. */
  name: string;
  field: string;
  direction: 1 | -1;
  /**
   * The list this order belongs to, when it offers several (`listOrder`): a cursor of another order of the same list
   * is refused with `reason: CURSOR_ORDER_MISMATCH` instead of INVALID_CURSOR.
   */
  list?: string;
}

/** What a list query was asked for: `take` and `after` as sent (validated by keysetPage). */
export interface PageRequest {
  take?: unknown;
  after?: unknown;
}

export interface PageSize {
  /** Page size when the caller sends none. */
  defaultTake: number;
  /** Largest page size accepted (documented per list in docs/query-limits.md). */
  maxTake: number;
}

export interface KeysetPage {
  take: number;
  filter: Filter;
  sort: Record<string, 1 | -1>;
}

/** Schema descriptions shared by every cursor-paginated list. */
export const CURSOR_FIELD_DESCRIPTION =
  'Opaque position of this item in the list that returned it: pass it as `after` to read the next page';
export const AFTER_ARG_DESCRIPTION =
  'The `cursor` of the last item of the previous page (omit for the first page)';
export const takeArgDescription = (maxTake: number) => `Page size, 1 to ${maxTake}`;

type CursorValue = string | number | boolean | null | { d: string };

/** Validates `take` (an integer from 1 to maxTake; the default when absent). */
export function pageSize(take: unknown, size: PageSize): number {
  if (take === undefined || take === null) return size.defaultTake;
  if (typeof take !== 'number' || !Number.isInteger(take) || take < 1 || take > size.maxTake) {
    throw new BadUserInputError(`take must be an integer from 1 to ${size.maxTake}`, {
      field: 'take',
      maxTake: size.maxTake,
    });
  }
  return take;
}

/**
 * An offset page of a list that is read whole and ordered in memory (short lists: SDK versions, base libraries), where
 * an offset costs nothing more than the read itself.
 */
export function offsetPage<T>(
  items: readonly T[],
  args: { take?: unknown; skip?: unknown },
  size: PageSize,
): T[] {
  const take = pageSize(args.take, size);
  const skip = args.skip ?? 0;
  if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0)
    throw new BadUserInputError('skip must be a non-negative integer', { field: 'skip' });
  return items.slice(skip, skip + take);
}

/** The filter (ANDed with the list's own) and sort of one page after `after` (undefined: the first page). */
export function keysetPage(
  order: KeysetOrder,
  args: PageRequest,
  size: PageSize,
  filter: Filter,
): KeysetPage {
  const take = pageSize(args.take, size);
  const sort =
    order.field === '_id'
      ? { _id: order.direction }
      : { [order.field]: order.direction, _id: order.direction };
  if (args.after === undefined || args.after === null) return { take, filter, sort };
  const { value, id } = decodeCursor(order, args.after);
  const beyond = order.direction === 1 ? '$gt' : '$lt';
  const position: Filter =
    order.field === '_id'
      ? { _id: { [beyond]: id } }
      : { $or: [{ [order.field]: { [beyond]: value } }, { [order.field]: value, _id: { [beyond]: id } }] };
  return { take, filter: Object.keys(filter).length ? { $and: [filter, position] } : position, sort };
}

/** The opaque cursor of a document in `order`. */
export function encodeCursor<T extends { _id: string }>(order: KeysetOrder, document: T): string {
  const raw = order.field
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], document);
  return cursorAt(order, raw, document._id);
}

/** The opaque cursor of the item with this sort value and id in `order` (lists ordered in memory). */
export function cursorAt(order: KeysetOrder, raw: unknown, id: string): string {
  const value: CursorValue = raw instanceof Date ? { d: raw.toISOString() } : ((raw ?? null) as CursorValue);
  return Buffer.from(JSON.stringify([order.name, value, id]), 'utf8').toString('base64url');
}

/** The position a cursor of `order` names; BAD_USER_INPUT (INVALID_CURSOR, CURSOR_ORDER_MISMATCH) otherwise. */
export function decodeCursor(order: KeysetOrder, cursor: unknown): { value: unknown; id: string } {
  const invalid = () =>
    new BadUserInputError('after is not a cursor of this list', { field: 'after', reason: 'INVALID_CURSOR' });
  if (typeof cursor !== 'string' || cursor.length > 512) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[2] !== 'string') throw invalid();
  if (parsed[0] !== order.name) {
    if (order.list && typeof parsed[0] === 'string' && parsed[0].startsWith(`${order.list}/`))
      throw new BadUserInputError(
        'after is a cursor of another order of this list: read the first page of this order again',
        { field: 'after', reason: 'CURSOR_ORDER_MISMATCH' },
      );
    throw invalid();
  }
  const raw = parsed[1] as unknown;
  if (raw && typeof raw === 'object') {
    const date =
      typeof (raw as { d?: unknown }).d === 'string' ? new Date((raw as { d: string }).d) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw invalid();
    return { value: date, id: parsed[2] };
  }
  if (raw !== null && !['string', 'number', 'boolean'].includes(typeof raw)) throw invalid();
  return { value: raw, id: parsed[2] };
}
