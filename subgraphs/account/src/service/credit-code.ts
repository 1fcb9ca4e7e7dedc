/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from the 31-character set
 * 0-9 A-H J-N P Q R T U W X Y (no I, O, S, V, Z); the last one is a check character:
 * c18 = 31 - (Σ value(ci) · 3^(i-1) mod 31) mod 31, over i = 1..17, with 31 written as 0.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const MODULUS = CREDIT_CODE_CHARSET.length; // 31
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % MODULUS;
  return w;
}); // 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters, or null when they use characters outside the set. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(MODULUS - (sum % MODULUS)) % MODULUS];
}

/** Upper-cases and strips spaces; does not validate. */
export function normaliseCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** Shape (registration authority, category, 6-digit region code, 9-char org code, check) plus check character. */
export function isValidCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

/**
 * What is wrong with a (normalised) code, in words a person can act on — which position holds which character —
 * or null when it is valid. A wrong check character most often means a typo elsewhere, so it says both.
 */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `must have 18 characters, not ${code.length}`;
  for (let i = 0; i < 18; i++) {
    const ch = code[i];
    const position = i + 1;
    if (i >= 2 && i < 8 && !/\d/.test(ch))
      return `character ${position} ('${ch}') must be a digit: positions 3-8 are the region code`;
    if (!CREDIT_CODE_CHARSET.includes(ch)) {
      const hint = 'IOSVZ'.includes(ch)
        ? ` (I, O, S, V and Z are never used; did you mean ${({ I: '1', O: '0', S: '5', V: 'U', Z: '2' } as Record<string, string>)[ch]}?)`
        : '';
      return `character ${position} ('${ch}') is not allowed${hint}`;
    }
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) {
    return `the check character (18th) is '${code[17]}' but the first 17 characters give '${expected}': one of them is probably mistyped`;
  }
  return null;
}
