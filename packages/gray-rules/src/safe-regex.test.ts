import { RE2JS } from 're2js';
import { MAX_REGEX_PROGRAM_SIZE, checkRegex, compileRegex, regexProblem } from './safe-regex';

describe('regexProblem', () => {
  it.each([
    '^user-\\d+$',
    '^(ios|android)$',
    '^[a-z]{1,10}$',
    '^v?\\d+\\.\\d+$',
    '(beta)?-cn$',
    '[(]+',
    '\\)+',
    // Catastrophic on a backtracking engine, linear on RE2: accepted now.
    '(a+)+$',
    '(a|aa)+$',
    '(a|a)*$',
    '^(\\w+\\s?)*$',
    '(?:ab){2,}',
    'a*a*a*a*b',
    '(?i)^iphone',
    '\\p{Han}+',
    '\\x{1F600}',
  ])('accepts %p', (pattern) => expect(regexProblem(pattern)).toBeNull());

  it.each([
    ['', /empty/],
    ['a'.repeat(257), /longer than/],
    ['[', /invalid regular expression \(RE2 syntax\): missing closing \]/],
    ['(a)\\1', /invalid regular expression.*backreferences are not supported/],
    ['(?<x>a)\\k<x>', /backreferences are not supported/],
    ['(?=a)b', /lookahead and lookbehind are not supported/],
    ['(?<!a)b', /lookahead and lookbehind are not supported/],
    ['\\u{1F600}', /write a code point as \\x\{HHHH\}/],
    ['(a{100}){100}', /invalid repeat count/],
    ['a{1001}', /invalid repeat count/],
    ['a{1000}', /too complex: it compiles to 1002 instructions/],
    ['.{0,300}', /too complex/],
  ])('refuses %p', (pattern, message) => {
    expect(regexProblem(pattern)).toMatch(message);
  });

  it('compiles with RE2JS, within the program size limit', () => {
    const check = checkRegex('^(\\w+\\s?)*$');
    expect(check.regex).toBeInstanceOf(RE2JS);
    expect(check.regex!.programSize()).toBeLessThanOrEqual(MAX_REGEX_PROGRAM_SIZE);
    expect(compileRegex('(a|aa)+$')).toBeInstanceOf(RE2JS);
  });

  it('matches code points, unanchored unless the pattern anchors', () => {
    expect(compileRegex('^\\x{1F600}$').test('\u{1F600}')).toBe(true);
    expect(compileRegex('^.$').test('\u{1F600}')).toBe(true);
    expect(compileRegex('Pro').test('iPhone15 Pro Max')).toBe(true);
    expect(compileRegex('^Pro').test('iPhone15 Pro Max')).toBe(false);
  });
});
