export {
  registerSdkRuntimeRoutes,
  LOCAL_CACHE_KEY_NAME,
  type RuntimeRateLimits,
  type SdkRuntimeDeps,
  type SdkRuntimeHandle,
} from './sdk-runtime.routes';
export { runtimeReadsFromModules, runtimeSourcesFromReads } from './runtime-sources.reads';
export {
  runtimeReadOrigins,
  runtimeReadsOverHttp,
  type RuntimeReadsOverHttpOptions,
} from './runtime-reads.http-client';
export {
  SERVABLE_VERSION_STATUSES,
  type RuntimeApplet,
  type RuntimeBaseLibrary,
  type RuntimeCredentials,
  type RuntimeDomainLists,
  type RuntimeGrayPlan,
  type RuntimeSdkConfig,
  type RuntimeSources,
  type RuntimeVersion,
} from './runtime-sources';
export {
  canonicalQuery,
  computeSignature,
  rfc3986Encode,
  signRuntimeRequest,
  signatureMatches,
  stringToSign,
  SIGNATURE_HEADERS,
  type QueryInput,
  type SignRuntimeRequestInput,
} from './runtime-signature';
export { RuntimeErrcode, RuntimeError, RUNTIME_HTTP_STATUS, type RuntimeEnvelope } from './runtime-errors';
export {
  RuntimeReadModel,
  RuntimeInvalidationTopic,
  SDK_RUNTIME_CONSUMER_GROUP,
  cacheKeys as runtimeCacheKeys,
  type AppletState,
} from './runtime-read-model';
export { RUNTIME_INVALIDATE_CHANNEL } from './runtime-cache';
export { GrayPlanEvaluator } from './gray-plan.evaluator';
export {
  createReplayGuard,
  FallbackReplayGuard,
  KeyValueReplayGuard,
  MemoryReplayGuard,
  type NonceClaim,
  type ReplayGuard,
} from './replay-guard';
export { DEVICE_FIELDS, deviceContextOf, deviceHeaderName } from './device-context';
export {
  sdkRuntimeEnvSchema,
  sdkRuntimeEnvShape,
  sdkRuntimeOptionsFromConfig,
  DEFAULT_RUNTIME_PREFIX,
  type PackageDelivery,
  type SdkRuntimeConfig,
  type SdkRuntimeOptions,
} from './runtime-config';
export { reportRoutes, type ReportReceipt, type ReportRouteDeps } from './report.routes';
export { searchRoutes, deviceIdHashOf, type SearchRouteDeps } from './search.routes';
export { ReportRejection, checkReport, type CheckedReport, type RejectedEvent } from './report-envelope';
export { createRegionLookup, type RegionLookup } from './report-region';
export { ExposureRecorder, type ExposureRecorderOptions, type ExposureStats } from './exposure-recorder';
