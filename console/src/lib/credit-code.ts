/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) checked as the applicant types, so the form
 * says what is wrong before anything is sent. The account subgraph checks it again (the server decides);
 * credit-code.test.ts holds this copy to the server's on the same codes. Problems are i18n keys with values,
 * not sentences: the page words them in the chosen language.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const MODULUS = CHARSET.length;
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % MODULUS;
  return w;
});
const LOOK_ALIKES: Record<string, string> = { I: '1', O: '0', S: '5', V: 'U', Z: '2' };

export type CreditCodeProblem =
  | { key: 'creditCode.length'; values: { length: number } }
  | { key: 'creditCode.regionDigit'; values: { position: number; char: string } }
  | { key: 'creditCode.notAllowed'; values: { position: number; char: string; suggestion?: string } }
  | { key: 'creditCode.checkCharacter'; values: { actual: string; expected: string } };

/** Upper-cases and strips spaces, as the server does before checking. */
export function normaliseCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters, or null when one is outside the character set. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(MODULUS - (sum % MODULUS)) % MODULUS]!;
}

/** What is wrong with the (normalised) code, or null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return { key: 'creditCode.length', values: { length: code.length } };
  for (let i = 0; i < 18; i++) {
    const char = code[i]!;
    if (i >= 2 && i < 8 && !/\d/.test(char))
      return { key: 'creditCode.regionDigit', values: { position: i + 1, char } };
    if (!CHARSET.includes(char))
      return {
        key: 'creditCode.notAllowed',
        values: { position: i + 1, char, suggestion: LOOK_ALIKES[char] },
      };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17))!;
  return expected === code[17]
    ? null
    : { key: 'creditCode.checkCharacter', values: { actual: code[17]!, expected } };
}
