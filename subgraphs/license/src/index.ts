export * from './license';
export {
  createLicenseSubgraph,
  LICENSE_SUBGRAPH_NAME,
  type LicenseOptions,
  type LicenseSubgraph,
  type LicenseSubgraphOptions,
} from './license.subgraph';
export { licenseEnvSchema, licenseEnvShape, licensePublicKeyFromConfig, type LicenseConfig } from './config';
// The guard lives in @grove/contracts so standalone services build it without importing this package.
export {
  createLicenseGuard,
  LicenseGuard,
  type LicenseCapacity,
  type LicenseGuardOptions,
} from '@grove/contracts';
export {
  DocumentCountUsageSource,
  LedgerUsageSource,
  type CollectionCounter,
  type LicenseUsageSource,
} from './service/license-usage';
export { LicenseSource, type ActiveLicense } from '@grove/contracts';
export {
  MAX_LICENSE_DOCUMENT_LENGTH,
  type LicenseInstallationView,
  type LicenseLimitView,
  type LicenseView,
} from './service/license.service';
export { LicenseInstallationModel } from '@grove/contracts';
