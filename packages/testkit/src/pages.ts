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
