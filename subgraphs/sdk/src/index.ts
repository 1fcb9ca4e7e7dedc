export {
  createSdkSubgraph,
  createSdkSubgraphFromEnv,
  SDK_SUBGRAPH_NAME,
  type SdkDeps,
  type SdkServices,
  type SdkSubgraph,
} from './sdk.subgraph';
export {
  defaultSdkSettings,
  sdkEnvSchema,
  sdkEnvShape,
  sdkSettingsFromConfig,
  DEFAULT_MAX_BASE_LIBRARY_BYTES,
  DEFAULT_MAX_SDK_ARTIFACT_BYTES,
  type SdkEnvConfig,
  type SdkSettings,
} from './config';
export {
  createSdkUploadHandlers,
  BASE_LIBRARY_UPLOAD_PATH,
  SDK_BUILD_UPLOAD_PATH,
  SDK_VERSION_UPLOAD_PATH,
  ZIP_CONTENT_TYPES,
  type SdkUploadHandlers,
  type SdkUploadRequest,
  type SdkUploadResponse,
  type SdkUploadRoute,
} from './http/upload.handlers';
export {
  registerSdkUploadRoutes,
  type HeaderBag,
  type RegisterSdkUploadRoutesOptions,
} from './http/upload-routes.fastify';
export { SdkTopic } from './service/sdk-events';
export { APP_MANAGE_HOST_APP_TOPIC, SDK_CONSUMER_GROUP } from './service/host-app-ownership.projection';
export {
  BUILT_IN_SDK_CONFIG,
  canonicalJson,
  configEtag,
  mergeSdkConfig,
  sdkConfigOverrideSchema,
  sdkConfigSchema,
  SdkLogLevel,
  type SdkConfigDocument,
  type SdkConfigOverrideDocument,
} from './service/sdk-config.schema';
export type {
  EffectiveSdkConfigView,
  GlobalSdkConfigView,
  SdkConfigOverrideView,
  SdkConfigRevisionView,
} from './service/sdk-config.service';
export { ArtifactProblem } from './service/zip-artifact';
export { GLOBAL_SCOPE, SdkConfigHeadModel } from './store/sdk-config.model';
export { BaseLibraryModel } from './store/base-library.model';
export { parseBaseLibraryQuery, selectBaseLibrary } from './service/base-library.service';
export { SdkBuildStatus } from './store/sdk-build-review.model';
export { SdkPlatform } from './store/sdk-platform';
export type { BaseLibraryView, SdkBuildView, SdkVersionView } from './store/views';
