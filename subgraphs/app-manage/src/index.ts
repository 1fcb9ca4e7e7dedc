export {
  createAppManageSubgraph,
  createAppManageSubgraphFromEnv,
  APP_MANAGE_SUBGRAPH_NAME,
  LOCAL_SECRET_KEY_NAME,
  type AppManageDeps,
  type AppManageServices,
  type AppManageSubgraph,
} from './app-manage.subgraph';
export {
  appManageEnvSchema,
  appManageEnvShape,
  appManageSettingsFromConfig,
  defaultAppManageSettings,
  DEFAULT_MAX_LOGO_BYTES,
  DEFAULT_MAX_PACKAGE_BYTES,
  type AppManageConfig,
  type AppManageSettings,
} from './config';
export {
  createUploadHandlers,
  LOGO_CONTENT_TYPES,
  LOGO_UPLOAD_PATH,
  PACKAGE_CONTENT_TYPES,
  PACKAGE_UPLOAD_PATH,
  type UploadHandlers,
  type UploadMeta,
  type UploadResponse,
  type UploadRoute,
} from './http/upload.handlers';
export {
  registerUploadRoutes,
  type HeaderBag,
  type RegisterUploadRoutesOptions,
} from './http/upload-routes.fastify';
export { AppManageTopic } from './service/app-manage-events';
export {
  packageKey,
  PACKAGE_DOWNLOAD_URL_TTL_SEC,
  type PackageFilePage,
  type UploadVersionInput,
  type VersionPage,
} from './service/version.service';
export {
  secretAad as sdkSecretAssociatedData,
  type HostAppCredentials,
  type SdkCredentials,
} from './service/host-app.service';
export type { LicenseGuard, MiniProgramPage } from './service/mini-program.service';
export { SecretCipher } from './service/secret-cipher';
export { MiniProgramStatus, MiniProgramModel } from './store/mini-program.model';
export { HostAppModel } from './store/host-app.model';
export { VersionStatus, VersionModel } from './store/version.model';
export { LinkStatus, LinkModel } from './store/link.model';
export { TrialMemberModel, TrialVersionModel } from './store/trial.model';
export { MAX_TRIAL_MEMBERS, type TrialMemberView } from './store/trial.store';
export { TRIAL_VERSION_STATUSES, TrialQrFormat, type TrialQrCode } from './service/trial.service';
export type { MiniProgramView, VersionView, HostAppView, LinkView } from './store/views';
export { validateMiniProgramPackage, PackageProblem, type PackageManifest } from './package';
