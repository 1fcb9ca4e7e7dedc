export * from './license';
export {
  createLicenseSubgraph,
  createLicenseGuard,
  LICENSE_SUBGRAPH_NAME,
  type LicenseOptions,
  type LicenseSubgraph,
  type LicenseSubgraphOptions,
} from './license.subgraph';
export { licenseEnvSchema, licenseEnvShape, licensePublicKeyFromConfig, type LicenseConfig } from './config';
export { LicenseGuard } from './service/license-guard';
export {
  DocumentCountUsageSource,
  type CollectionCounter,
  type LicenseUsageSource,
} from './service/license-usage';
export { LicenseSource, type ActiveLicense } from './service/active-license.reader';
export {
  MAX_LICENSE_DOCUMENT_LENGTH,
  type LicenseInstallationView,
  type LicenseLimitView,
  type LicenseView,
} from './service/license.service';
export { LicenseInstallationModel } from './store/license-installation.model';
