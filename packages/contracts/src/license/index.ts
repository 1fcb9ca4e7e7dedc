export * from './license.schema';
export {
  assertLicensePublicKey,
  canonicalPayload,
  generateLicenseKeyPair,
  signLicense,
  stableStringify,
  verifyLicense,
  type LicenseKeyPair,
} from './license.signature';
export { assertLicenseActive, checkLimit, isLicenseExpired, limitExceeded } from './license.limits';
export { EVALUATION_LICENSE, EVALUATION_PUBLIC_KEY_PEM, loadEvaluationLicense } from './evaluation-license';
export { LicenseInstallationModel } from './license-installation.model';
export { ActiveLicenseReader, LicenseSource, type ActiveLicense } from './active-license.reader';
export { LicenseCounterModel, LicenseHoldModel } from './license-capacity.model';
export {
  LicenseCapacityLedger,
  LicenseHoldExistsError,
  type LicenseCapacityLedgerOptions,
  type OwnedCollection,
  type ReconcileReport,
} from './license-capacity.ledger';
export {
  createLicenseGuard,
  LicenseGuard,
  licensePublicKeyFromEnv,
  type LicenseCapacity,
  type LicenseGuardOptions,
} from './license-guard';
