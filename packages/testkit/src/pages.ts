/**
 * Reads a cursor-paginated list to its end, `take` items a page, passing the last item's cursor as `after`
 * (docs/query-limits.md). Fails when a page is larger than asked or a full page has no cursor, so a list that
 * ignores `take` or `after` cannot pass a test that pages through it.
 */
export async function readAllPages<T extends object>(
  read: (page: { take: number; after?: string }) => Promise<T[]>,
  take: number,
  maxPages = 1000,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let after: string | undefined;
  for (let pages = 1; pages <= maxPages; pages++) {
    const page = await read({ take, after });
    if (page.length > take) throw new Error(`page ${pages} has ${page.length} items, more than take=${take}`);
    items.push(...page);
    if (page.length < take) return { items, pages };
    const cursor = (page[page.length - 1] as { cursor?: unknown }).cursor;
    if (typeof cursor !== 'string' || !cursor)
      throw new Error(`page ${pages} is full but its last item has no cursor`);
    after = cursor;
  }
  throw new Error(`more than ${maxPages} pages: does the list ignore after?`);
}

export type TestSortDirection = 'ASC' | 'DESC';
type SortValue = string | number | boolean | Date;

export interface OrderCheck {
  order: string;
  /** Ids in the order the list should return them (the sort value, then the id, both in the direction). */
  expected: string[];
  /** Ids as read page by page with readAllPages. */
  actual: string[];
}

/**
 * Reads a list to its end in every order it offers (each field, both directions), `take` items a page, and returns
 * for each order the ids it returned beside the ids it should have returned: `all` sorted by the field's value then
 * the id, in the direction (strings in code-unit order, as the SQL drivers' binary collation). Also returns the
 * error a cursor of one order gets under another (`mismatch`), which lists must refuse.
 */
export async function readEveryOrder<T extends object>(options: {
  all: readonly T[];
  id: (item: T) => string;
  fields: Record<string, (item: T) => SortValue>;
  read: (
    orderBy: { field: string; direction: TestSortDirection },
    page: { take: number; after?: string },
  ) => Promise<T[]>;
  take: number;
}): Promise<{ orders: OrderCheck[]; mismatch: unknown }> {
  const orders: OrderCheck[] = [];
  const fieldNames = Object.keys(options.fields);
  let firstCursor: string | undefined;
  for (const field of fieldNames) {
    for (const direction of ['ASC', 'DESC'] as const) {
      const valueOf = options.fields[field]!;
      const sign = direction === 'ASC' ? 1 : -1;
      const expected = [...options.all]
        .sort(
          (a, b) =>
            sign * (compareValues(valueOf(a), valueOf(b)) || compareValues(options.id(a), options.id(b))),
        )
        .map(options.id);
      const { items } = await readAllPages((page) => options.read({ field, direction }, page), options.take);
      firstCursor ??= (items[0] as { cursor?: string } | undefined)?.cursor;
      orders.push({ order: `${field} ${direction}`, expected, actual: items.map(options.id) });
    }
  }
  let mismatch: unknown = 'accepted';
  const other = fieldNames[1] ?? fieldNames[0]!;
  try {
    await options.read(
      { field: other, direction: fieldNames[1] ? 'ASC' : 'DESC' },
      { take: options.take, after: firstCursor },
    );
  } catch (error) {
    mismatch = error;
  }
  return { orders, mismatch };
}

function compareValues(a: SortValue, b: SortValue): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}
