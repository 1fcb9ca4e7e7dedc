/**
 * The operation log's pages by cursor: the server gives each page a `nextCursor` and nothing to go back with, so the
 * cursors that opened the pages before this one are kept as a stack in the URL (`?after=c1&after=c2`). "Next" pushes
 * the page's nextCursor, "previous" pops, a new filter empties the stack; a link opens the same page again.
 */
export function pushCursor(stack: readonly string[], nextCursor: string): string[] {
  return [...stack, nextCursor];
}

export function popCursor(stack: readonly string[]): string[] {
  return stack.slice(0, -1);
}

/** What to send as `after` for the page the stack names (undefined: the first page), and its 1-based number. */
export function cursorPage(stack: readonly string[]): { after: string | undefined; page: number } {
  return { after: stack[stack.length - 1], page: stack.length + 1 };
}
