import { z } from 'zod';
import { trialTokenSecretField } from '@grove/contracts';
import type { ExposureRecorderOptions } from './exposure-recorder';
import type { ReplayGuard } from './replay-guard';

export const DEFAULT_RUNTIME_PREFIX = '/runtime/v1';
export const DEFAULT_KV_TTL_MS = 60_000;
export const DEFAULT_LOCAL_TTL_MS = 5_000;
export const DEFAULT_MAX_SKEW_MS = 5 * 60_000;
export const DEFAULT_PACKAGE_URL_TTL_SEC = 300;
export const MIN_CACHE_KEY_LENGTH = 32;

/** How GET /applets/:appId/package hands out the bytes. */
export type PackageDelivery = 'redirect' | 'stream';

export interface SdkRuntimeOptions {
  /** Route prefix, default '/runtime/v1'. */
  prefix?: string;
  /** TTL of entries in the shared key-value store (default 60 s). */
  kvTtlMs?: number;
  /** TTL of the in-process LRU in front of it (default 5 s); bounds staleness if an invalidation broadcast is lost. */
  localTtlMs?: number;
  localMaxEntries?: number;
  /** Allowed clock skew of x-timestamp (default 5 min); nonces are remembered while their timestamp is acceptable. */
  maxSkewMs?: number;
  /** Default: the shared key-value store, or a bounded in-process guard on the memory driver. */
  replayGuard?: ReplayGuard;
  /** Default: 'redirect' to a presigned URL on S3, 'stream' on the filesystem store. */
  packageDelivery?: PackageDelivery;
  packageUrlTtlSec?: number;
  /**
   * Key material (>= 32 chars) sealing SDK secrets in the shared cache; all processes sharing the cache need the same.
   * Default: a key generated once under the runtime's DATA_DIR (embedded mode).
   */
  cacheEncryptionKey?: string;
  /** HMAC key of trial QR grants, app-manage's TRIAL_TOKEN_SECRET. Default: derived from `appSecretEncryptionKey`. */
  trialTokenSecret?: string;
  /**
   * app-manage's SDK-secret key material (APP_SECRET_ENCRYPTION_KEY), from which app-manage derives its trial grant
   * key when TRIAL_TOKEN_SECRET is unset. Default: the key app-manage generates under the runtime's DATA_DIR.
   */
  appSecretEncryptionKey?: string;
  /** The exposure record's buffer and batching (ADR 0012). */
  exposures?: ExposureRecorderOptions;
}

/** Variables read by the deployable that mounts the runtime routes (the router); names and defaults are stable. */
export const sdkRuntimeEnvShape = {
  SDK_RUNTIME_PREFIX: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*[A-Za-z0-9_-]$/, 'must start with / and not end with /')
    .default(DEFAULT_RUNTIME_PREFIX),
  SDK_RUNTIME_CACHE_TTL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(24 * 3600_000)
    .default(DEFAULT_KV_TTL_MS),
  SDK_RUNTIME_LOCAL_CACHE_TTL_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_LOCAL_TTL_MS),
  SDK_RUNTIME_MAX_SKEW_MS: z.coerce.number().int().min(10_000).max(3600_000).default(DEFAULT_MAX_SKEW_MS),
  SDK_RUNTIME_PACKAGE_DELIVERY: z.enum(['redirect', 'stream']).optional(),
  SDK_RUNTIME_PACKAGE_URL_TTL_SEC: z.coerce
    .number()
    .int()
    .min(30)
    .max(7 * 24 * 3600)
    .default(DEFAULT_PACKAGE_URL_TTL_SEC),
  SDK_RUNTIME_CACHE_KEY: z
    .string()
    .min(MIN_CACHE_KEY_LENGTH, `must be at least ${MIN_CACHE_KEY_LENGTH} characters`)
    .optional(),
  TRIAL_TOKEN_SECRET: trialTokenSecretField,
  /** app-manage's variable (same rule); read here only to derive the trial grant key when TRIAL_TOKEN_SECRET is unset. */
  APP_SECRET_ENCRYPTION_KEY: z
    .string()
    .min(MIN_CACHE_KEY_LENGTH, `must be at least ${MIN_CACHE_KEY_LENGTH} characters`)
    .optional(),
  /** Exposure records (which version each device was served) waiting for the bus at most; beyond it they are dropped and counted (ADR 0012). */
  SDK_RUNTIME_EXPOSURE_BUFFER: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  /** A partial batch of exposure records waits at most this long before it is appended to the bus. */
  SDK_RUNTIME_EXPOSURE_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
};

export const sdkRuntimeEnvSchema = z.object(sdkRuntimeEnvShape);
export type SdkRuntimeConfig = z.infer<typeof sdkRuntimeEnvSchema>;

export function sdkRuntimeOptionsFromConfig(config: SdkRuntimeConfig): SdkRuntimeOptions {
  return {
    prefix: config.SDK_RUNTIME_PREFIX,
    kvTtlMs: config.SDK_RUNTIME_CACHE_TTL_MS,
    localTtlMs: config.SDK_RUNTIME_LOCAL_CACHE_TTL_MS,
    maxSkewMs: config.SDK_RUNTIME_MAX_SKEW_MS,
    packageDelivery: config.SDK_RUNTIME_PACKAGE_DELIVERY,
    packageUrlTtlSec: config.SDK_RUNTIME_PACKAGE_URL_TTL_SEC,
    cacheEncryptionKey: config.SDK_RUNTIME_CACHE_KEY,
    trialTokenSecret: config.TRIAL_TOKEN_SECRET,
    appSecretEncryptionKey: config.APP_SECRET_ENCRYPTION_KEY,
    exposures: {
      maxBuffered: config.SDK_RUNTIME_EXPOSURE_BUFFER,
      flushIntervalMs: config.SDK_RUNTIME_EXPOSURE_FLUSH_MS,
    },
  };
}
