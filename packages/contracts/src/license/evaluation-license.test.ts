import { BadUserInputError } from '@grove/platform';
import { EVALUATION_LICENSE, EVALUATION_PUBLIC_KEY_PEM, loadEvaluationLicense } from './evaluation-license';
import { checkLimit } from './license.limits';
import { verifyLicense } from './license.signature';

describe('built-in evaluation license', () => {
  it('verifies against the committed evaluation public key', () => {
    expect(loadEvaluationLicense()).toEqual({
      licenseId: 'grove-evaluation-1',
      licensee: 'Grove evaluation (embedded mode)',
      issuedAt: EVALUATION_LICENSE.payload.issuedAt,
      expiresAt: null,
      limits: { miniPrograms: 20, hostApps: 5, concurrentGrayReleases: 3, organizations: 3 },
    });
  });

  it('cannot be edited to raise its limits', () => {
    const edited = JSON.parse(JSON.stringify(EVALUATION_LICENSE));
    edited.payload.limits.miniPrograms = 2000;
    expect(() => verifyLicense(edited, EVALUATION_PUBLIC_KEY_PEM)).toThrow(BadUserInputError);
  });

  it('enforces its limits', () => {
    const payload = loadEvaluationLicense();
    const now = new Date();
    expect(() => checkLimit(payload, { miniPrograms: 19 }, 'miniPrograms', now)).not.toThrow();
    expect(() => checkLimit(payload, { miniPrograms: 20 }, 'miniPrograms', now)).toThrow(
      'The license allows at most 20 mini-programs',
    );
  });
});
