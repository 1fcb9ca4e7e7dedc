export * from './license.schema';
export {
  assertLicensePublicKey,
  canonicalPayload,
  generateLicenseKeyPair,
  signLicense,
  verifyLicense,
  type LicenseKeyPair,
} from './license.signature';
export { assertLicenseActive, checkLimit, isLicenseExpired } from './license.limits';
export { EVALUATION_LICENSE, EVALUATION_PUBLIC_KEY_PEM, loadEvaluationLicense } from './evaluation-license';
