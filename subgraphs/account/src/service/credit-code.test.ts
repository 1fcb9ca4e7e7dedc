import {
  creditCodeCheckCharacter,
  creditCodeProblem,
  isValidCreditCode,
  normaliseCreditCode,
} from './credit-code';
import { VALID_CREDIT_CODES } from './credit-code.fixtures';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(VALID_CREDIT_CODES)('accepts the known-valid code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes the check character from the first 17', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('9135021359498494X')).toBe('Q');
  });

  it.each([
    ['wrong check character', '91350100M000100Y44'],
    ['one character changed', '91350100M000200Y43'],
    ['too short', '91350100M000100Y4'],
    ['too long', '91350100M000100Y433'],
    ['forbidden letter I', '91350100M0001I0Y43'],
    ['forbidden letter O', '9135010OM000100Y43'],
    ['letters in the region code', '9135A100M000100Y43'],
    ['lower case', '91350100m000100y43'],
  ])('rejects %s', (_why, code) => {
    expect(isValidCreditCode(code)).toBe(false);
    expect(creditCodeProblem(code)).not.toBeNull();
  });

  it.each([
    ['91350100M000100Y44', /check character \(18th\) is '4' but the first 17 characters give '3'/],
    ['91350100M000100Y4', /must have 18 characters, not 17/],
    [
      '91350100M0001I0Y43',
      /character 14 \('I'\) is not allowed \(I, O, S, V and Z are never used; did you mean 1\?\)/,
    ],
    ['9135A100M000100Y43', /character 5 \('A'\) must be a digit: positions 3-8 are the region code/],
  ])('says which character of %s is wrong', (code, message) => {
    expect(creditCodeProblem(code)).toMatch(message);
  });

  it.each(VALID_CREDIT_CODES)('finds no problem in the valid code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('normalises case and spaces before validation', () => {
    expect(isValidCreditCode(normaliseCreditCode(' 91350100m000 100y43 '))).toBe(true);
  });
});
