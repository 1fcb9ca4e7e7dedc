import { verifyLicense } from './license.signature';
import type { LicensePayload } from './license.schema';

/**
 * Built-in evaluation license for embedded mode (see ../../README.md). Its private key was generated
 * once, used to sign the document below and destroyed: nobody, the Grove authors included, can sign
 * another license for this public key.
 */
export const EVALUATION_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAukiw0eS42AA31By73tQ7VZTv5lvrlaK9ZEQoODY3BZM=
-----END PUBLIC KEY-----
`;

export const EVALUATION_LICENSE = {
  payload: {
    licenseId: 'grove-evaluation-1',
    licensee: 'Grove evaluation (embedded mode)',
    issuedAt: '2026-11-27T03:42:58.173Z',
    expiresAt: null,
    limits: {
      miniPrograms: 20,
      hostApps: 5,
      concurrentGrayReleases: 3,
      organizations: 3,
    },
  },
  signature: 'W/UikptP0O54zD8En2XyqyZX8fWQd3F/JG7cAyEs+hC8355H0n6qTQzY0cd0zDU5uJXRF9zD7dySAATRhjUnDA==',
} as const;

/** Verifies and returns the evaluation license payload (throws if the committed files were edited). */
export function loadEvaluationLicense(): LicensePayload {
  return verifyLicense(EVALUATION_LICENSE, EVALUATION_PUBLIC_KEY_PEM);
}
