import { describe, expect, it } from 'vitest';
import { cursorPage, popCursor, pushCursor } from './operation-log-cursor';

describe('operation log cursor stack', () => {
  it('starts at the first page with no cursor', () => {
    expect(cursorPage([])).toEqual({ after: undefined, page: 1 });
  });

  it('pushes the next cursor going forward and pops it going back', () => {
    const second = pushCursor([], 'c1');
    const third = pushCursor(second, 'c2');
    expect(cursorPage(third)).toEqual({ after: 'c2', page: 3 });
    expect(cursorPage(popCursor(third))).toEqual({ after: 'c1', page: 2 });
    expect(cursorPage(popCursor(popCursor(third)))).toEqual({ after: undefined, page: 1 });
    expect(popCursor([])).toEqual([]);
  });

  it('never changes the stack it was given (the URL keeps the old one for the back button)', () => {
    const stack = ['c1'];
    pushCursor(stack, 'c2');
    popCursor(stack);
    expect(stack).toEqual(['c1']);
  });
});
