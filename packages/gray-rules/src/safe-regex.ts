import { RE2JS } from 're2js';

/**
 * Rule regexes run on every runtime request, so they are compiled by RE2JS (a port of RE2): no backtracking, and a
 * test takes time linear in the input length times the compiled program size. Both factors are bounded here:
 * - patterns are at most MAX_REGEX_LENGTH characters and compile to at most MAX_REGEX_PROGRAM_SIZE instructions
 *   (counted repetition inflates programs: `a{1000}` is 7 characters but 1002 instructions);
 * - values longer than MAX_REGEX_INPUT_LENGTH never match (the rule compiler skips them).
 * The syntax is RE2's (no backreferences, no lookaround); docs/gray-rules.md lists it.
 */
export const MAX_REGEX_LENGTH = 256;
export const MAX_REGEX_INPUT_LENGTH = 128;
export const MAX_REGEX_PROGRAM_SIZE = 300;

export type RuleRegex = RE2JS;

export type RegexCheck = { regex: RuleRegex; problem: null } | { regex: null; problem: string };

/** Compiles a pattern, or says why it is refused. */
export function checkRegex(pattern: string): RegexCheck {
  const refuse = (problem: string): RegexCheck => ({ regex: null, problem });
  if (pattern.length === 0) return refuse('regular expression must not be empty');
  if (pattern.length > MAX_REGEX_LENGTH)
    return refuse(`regular expression is longer than ${MAX_REGEX_LENGTH} characters`);
  let regex: RuleRegex;
  try {
    regex = RE2JS.compile(pattern);
  } catch (error) {
    const reason = String((error as Error).message ?? error).replace(/^error parsing regexp: /, '');
    return refuse(`invalid regular expression (RE2 syntax): ${reason}${hintFor(pattern)}`);
  }
  if (regex.programSize() > MAX_REGEX_PROGRAM_SIZE) {
    return refuse(
      `regular expression is too complex: it compiles to ${regex.programSize()} instructions, at most ${MAX_REGEX_PROGRAM_SIZE} are allowed (large counted repetitions such as {1,500} cost the most)`,
    );
  }
  return { regex, problem: null };
}

/** Why a pattern is refused, or null when it is acceptable. */
export function regexProblem(pattern: string): string | null {
  return checkRegex(pattern).problem;
}

/** Compiles a pattern already accepted by checkRegex(). */
export function compileRegex(pattern: string): RuleRegex {
  return RE2JS.compile(pattern);
}

/**
 * Unanchored search, like RegExp.test(), but without RE2JS's lazy DFA: test() uses the DFA, which keeps up to 8 MB
 * of states per regex between calls and, on patterns whose state sets explode (`(a|b)*a(a|b){40}$`), spent ~100 ns
 * per instruction and character here (p99 12 ms for one 128-character test). find() needs the match position, so
 * it runs the one-pass, bit-state or Pike VM engines: linear, at most ~10 ns per instruction and character
 * measured, nothing kept between calls.
 */
export function searchRegex(regex: RuleRegex, value: string): boolean {
  return regex.matcher(value).find();
}

// Points authors used to JavaScript regexes at the RE2 equivalent.
function hintFor(pattern: string): string {
  if (/\\[1-9]|\\k</.test(pattern)) return ' (backreferences are not supported)';
  if (/\(\?<?[=!]/.test(pattern)) return ' (lookahead and lookbehind are not supported)';
  if (/\\u/.test(pattern)) return ' (write a code point as \\x{HHHH})';
  return '';
}
