import { creditCodeCheckCharacter, isValidCreditCode, normaliseCreditCode } from './credit-code';
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
  });

  it('normalises case and spaces before validation', () => {
    expect(isValidCreditCode(normaliseCreditCode(' 91350100m000 100y43 '))).toBe(true);
  });
});
