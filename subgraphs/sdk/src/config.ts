import {
  checkObjectStoreConfig,
  checkPlatformConfig,
  objectStoreEnvShape,
  platformEnvShape,
} from '@grove/platform';
import { z } from 'zod';
import {
  DEFAULT_MAX_BASE_LIBRARY_BYTES,
  DEFAULT_MAX_SDK_ARTIFACT_BYTES,
  uploadLimitsEnvShape,
} from '@grove/contracts';

export { DEFAULT_MAX_BASE_LIBRARY_BYTES, DEFAULT_MAX_SDK_ARTIFACT_BYTES };

/** Environment of the standalone sdk service (distributed mode); the router reads the same names. */
export const sdkEnvShape = {
  ...platformEnvShape,
  ...objectStoreEnvShape,
  SDK_PORT: z.coerce.number().int().min(1).max(65535).default(4105),
  SDK_HOST: z.string().default('127.0.0.1'),
  /** Standalone service only: raw-body upload routes (the router serves them itself in embedded mode). */
  BASE_LIBRARY_MAX_BYTES: uploadLimitsEnvShape.BASE_LIBRARY_MAX_BYTES,
  /** SDK release artifacts and SDK builds submitted for review. */
  SDK_ARTIFACT_MAX_BYTES: uploadLimitsEnvShape.SDK_ARTIFACT_MAX_BYTES,
};

export const sdkEnvSchema = z.object(sdkEnvShape).superRefine((config, ctx) => {
  checkPlatformConfig(config, ctx);
  checkObjectStoreConfig(config, ctx);
});
export type SdkEnvConfig = z.infer<typeof sdkEnvSchema>;

/** What createSdkSubgraph needs beyond the runtime and the object store. */
export interface SdkSettings {
  maxBaseLibraryBytes: number;
  maxSdkArtifactBytes: number;
}

export const defaultSdkSettings: SdkSettings = {
  maxBaseLibraryBytes: DEFAULT_MAX_BASE_LIBRARY_BYTES,
  maxSdkArtifactBytes: DEFAULT_MAX_SDK_ARTIFACT_BYTES,
};

export function sdkSettingsFromConfig(config: SdkEnvConfig): SdkSettings {
  return {
    maxBaseLibraryBytes: config.BASE_LIBRARY_MAX_BYTES,
    maxSdkArtifactBytes: config.SDK_ARTIFACT_MAX_BYTES,
  };
}
