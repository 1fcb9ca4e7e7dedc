import { MAX_REGEX_INPUT_LENGTH, compileRegex, regexProblem } from './safe-regex';

describe('regexProblem', () => {
  it.each([
    '^user-\\d+$',
    '^(ios|android)$',
    '^[a-z]{1,10}$',
    '^v?\\d+\\.\\d+$',
    '(beta)?-cn$',
    '[(]+',
    '\\)+',
  ])('accepts %p', (pattern) => expect(regexProblem(pattern)).toBeNull());

  it.each([
    ['', /empty/],
    ['a'.repeat(257), /longer than/],
    ['[', /invalid regular expression/],
    ['(a+)+$', /repeated groups/],
    ['(a|a)*$', /repeated groups/],
    ['(?:ab){2,}', /repeated groups/],
    ['(a)\\1', /backreferences/],
    ['(?<x>a)\\k<x>', /backreferences/],
    ['a*a*a*a*b', /unsafe/],
  ])('refuses %p', (pattern, message) => {
    expect(regexProblem(pattern)).toMatch(message);
  });

  it('compiles accepted patterns with unicode semantics', () => {
    expect(compileRegex('^\\u{1F600}$').test('\u{1F600}')).toBe(true);
    expect(MAX_REGEX_INPUT_LENGTH).toBeGreaterThan(0);
  });
});
