import {
  creditCodeProblem as serverProblem,
  isValidCreditCode,
} from '../../../subgraphs/account/src/service/credit-code';
import { VALID_CREDIT_CODES } from '../../../subgraphs/account/src/service/credit-code.fixtures';
import { creditCodeCheckCharacter, creditCodeProblem, normaliseCreditCode } from './credit-code';

/** The console checks the code as the applicant types; the account subgraph decides. They must agree. */
describe('the console credit code check', () => {
  it('accepts the valid codes the server accepts', () => {
    for (const code of VALID_CREDIT_CODES)
      expect({ code, problem: creditCodeProblem(code) }).toEqual({ code, problem: null });
  });

  it('agrees with the server on every single-character change of valid codes', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let checked = 0;
    for (const code of VALID_CREDIT_CODES) {
      for (let i = 0; i < 18; i++) {
        for (const ch of alphabet) {
          const changed = code.slice(0, i) + ch + code.slice(i + 1);
          expect({ changed, valid: creditCodeProblem(changed) === null }).toEqual({
            changed,
            valid: isValidCreditCode(changed),
          });
          expect({ changed, problem: creditCodeProblem(changed) === null }).toEqual({
            changed,
            problem: serverProblem(changed) === null,
          });
          checked++;
        }
      }
    }
    expect(checked).toBe(VALID_CREDIT_CODES.length * 18 * alphabet.length);
  });

  it('says which position is wrong, and what the check character should be', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toEqual({
      key: 'creditCode.length',
      values: { length: 17 },
    });
    expect(creditCodeProblem('9135A100M000100Y43')).toEqual({
      key: 'creditCode.regionDigit',
      values: { position: 5, char: 'A' },
    });
    expect(creditCodeProblem('O1350100M000100Y43')).toEqual({
      key: 'creditCode.notAllowed',
      values: { position: 1, char: 'O', suggestion: '0' },
    });
    const first17 = '91350100M000100Y4';
    const wrong = creditCodeCheckCharacter(first17) === '0' ? '1' : '0';
    expect(creditCodeProblem(first17 + wrong)).toEqual({
      key: 'creditCode.checkCharacter',
      values: { actual: wrong, expected: '3' },
    });
  });

  it('normalises what people type (spaces, lower case) as the server does', () => {
    expect(normaliseCreditCode(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
  });
});
