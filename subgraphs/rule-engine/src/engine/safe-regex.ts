import safeRegex from 'safe-regex2';

/**
 * Rule regexes run on every runtime request, on a backtracking engine, so we only accept patterns
 * whose worst case is small and polynomial:
 * - safe-regex2: no nested quantifiers (star height <= 1) and at most MAX_QUANTIFIERS quantifiers;
 * - no quantified groups other than `(...)?` (`(a|a)*` is exponential without nesting);
 * - no backreferences;
 * - values longer than MAX_REGEX_INPUT_LENGTH never match, so the worst case is bounded by
 *   MAX_REGEX_INPUT_LENGTH ^ MAX_QUANTIFIERS steps.
 */
export const MAX_REGEX_LENGTH = 256;
export const MAX_REGEX_INPUT_LENGTH = 128;
export const MAX_QUANTIFIERS = 3;

/** Why a pattern is refused, or null when it is acceptable. */
export function regexProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'regular expression must not be empty';
  if (pattern.length > MAX_REGEX_LENGTH)
    return `regular expression is longer than ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `invalid regular expression: ${(error as Error).message}`;
  }
  const structural = structuralProblem(pattern);
  if (structural) return structural;
  if (!safeRegex(pattern, { limit: MAX_QUANTIFIERS })) {
    return `regular expression is unsafe (nested quantifiers or more than ${MAX_QUANTIFIERS} quantifiers)`;
  }
  return null;
}

/** Compiles a pattern already accepted by regexProblem(). */
export function compileRegex(pattern: string): RegExp {
  return new RegExp(pattern, 'u');
}

// Walks the source once, skipping escapes and character classes, to find quantified groups and backreferences.
function structuralProblem(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k'))
        return 'backreferences are not allowed in rule regular expressions';
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ')' && /[*+{]/.test(pattern[i + 1] ?? '')) {
      return 'repeated groups are not allowed in rule regular expressions (only "(...)?")';
    }
  }
  return null;
}
