import { createHash } from 'node:crypto';
import stringify from 'fast-json-stable-stringify';
import { z } from 'zod';
import { optional } from './sdk-input';

export const SdkLogLevel = { ERROR: 'ERROR', WARN: 'WARN', INFO: 'INFO', DEBUG: 'DEBUG' } as const;
export type SdkLogLevel = (typeof SdkLogLevel)[keyof typeof SdkLogLevel];
const LOG_LEVELS = Object.values(SdkLogLevel) as [SdkLogLevel, ...SdkLogLevel[]];

export const MAX_API_LIST = 500;
export const MAX_EXTRA_ENTRIES = 100;

/** JS API names the SDK exposes to mini-programs (`getLocation`, `request`, `canvas.toTempFilePath`). */
const apiName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, 'is not an API name')
  .max(100, 'is too long');
const apiList = z
  .array(apiName)
  .max(MAX_API_LIST, `at most ${MAX_API_LIST} names`)
  .transform((names) => [...new Set(names)].sort());

const extraKey = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/,
    'keys start with a letter; letters, digits, "_", "." and "-", at most 64',
  );
const extraValue = z.string().max(1024, 'values are at most 1024 characters');
/** `extra` as an object, or as `{ key, value }` entries (GraphQL); a key given twice is an error. */
const extraField = z
  .union([
    z.record(extraKey, extraValue),
    z.array(z.object({ key: extraKey, value: extraValue })).transform((entries, ctx) => {
      const out: Record<string, string> = {};
      for (const { key, value } of entries) {
        if (key in out) ctx.addIssue({ code: 'custom', message: `key ${key} is given twice` });
        out[key] = value;
      }
      return out;
    }),
  ])
  .refine(
    (record) => Object.keys(record).length <= MAX_EXTRA_ENTRIES,
    `at most ${MAX_EXTRA_ENTRIES} entries`,
  );

/** Each setting's validation, shared by the full defaults document and the partial per-host-app overrides. */
const settingFields = {
  /** How long the SDK waits for a mini-program package download. */
  packageDownloadTimeoutMs: z.number().int().min(1_000).max(600_000),
  /** Packages kept on the device; 0 disables the cache. */
  maxCachedApplets: z.number().int().min(0).max(500),
  /** vConsole-style debugging in mini-programs. */
  enableDebug: z.boolean(),
  logLevel: z.enum(LOG_LEVELS),
  /** Period of the SDK's usage and error reports. */
  reportIntervalSec: z.number().int().min(5).max(86_400),
  /** Empty: every API not blocked. A name in both lists is blocked. */
  allowedApiList: apiList,
  blockedApiList: apiList,
  /** Free-form string settings for host-app specific SDK features. */
  extra: extraField,
};

export const BUILT_IN_SDK_CONFIG = {
  packageDownloadTimeoutMs: 30_000,
  maxCachedApplets: 20,
  enableDebug: false,
  logLevel: SdkLogLevel.WARN,
  reportIntervalSec: 60,
  allowedApiList: [] as string[],
  blockedApiList: [] as string[],
  extra: {} as Record<string, string>,
};

/** The global defaults: a complete document; fields not given take the built-in defaults. */
export const sdkConfigSchema = z
  .object({
    packageDownloadTimeoutMs: optional(settingFields.packageDownloadTimeoutMs).transform(
      (v) => v ?? BUILT_IN_SDK_CONFIG.packageDownloadTimeoutMs,
    ),
    maxCachedApplets: optional(settingFields.maxCachedApplets).transform(
      (v) => v ?? BUILT_IN_SDK_CONFIG.maxCachedApplets,
    ),
    enableDebug: optional(settingFields.enableDebug).transform((v) => v ?? BUILT_IN_SDK_CONFIG.enableDebug),
    logLevel: optional(settingFields.logLevel).transform((v) => v ?? BUILT_IN_SDK_CONFIG.logLevel),
    reportIntervalSec: optional(settingFields.reportIntervalSec).transform(
      (v) => v ?? BUILT_IN_SDK_CONFIG.reportIntervalSec,
    ),
    allowedApiList: optional(settingFields.allowedApiList).transform((v) => v ?? []),
    blockedApiList: optional(settingFields.blockedApiList).transform((v) => v ?? []),
    extra: optional(settingFields.extra).transform((v) => v ?? {}),
  })
  .strict();
export type SdkConfigDocument = z.infer<typeof sdkConfigSchema>;

/** A host app's override: only the fields given replace the defaults (`extra` is merged key by key). */
export const sdkConfigOverrideSchema = z
  .object({
    packageDownloadTimeoutMs: optional(settingFields.packageDownloadTimeoutMs),
    maxCachedApplets: optional(settingFields.maxCachedApplets),
    enableDebug: optional(settingFields.enableDebug),
    logLevel: optional(settingFields.logLevel),
    reportIntervalSec: optional(settingFields.reportIntervalSec),
    allowedApiList: optional(settingFields.allowedApiList),
    blockedApiList: optional(settingFields.blockedApiList),
    extra: optional(settingFields.extra),
  })
  .strict()
  .transform(
    (value) =>
      Object.fromEntries(
        Object.entries(value).filter(([, v]) => v !== undefined),
      ) as Partial<SdkConfigDocument>,
  );
export type SdkConfigOverrideDocument = Partial<SdkConfigDocument>;

export function mergeSdkConfig(
  defaults: SdkConfigDocument,
  override: SdkConfigOverrideDocument,
): SdkConfigDocument {
  return { ...defaults, ...override, extra: { ...defaults.extra, ...(override.extra ?? {}) } };
}

/** JSON with object keys sorted at every level and no whitespace: equal documents give equal bytes. */
export function canonicalJson(value: unknown): string {
  return stringify(value);
}

/** Hex SHA-256 of the canonical JSON: changes exactly when the content does (HTTP layers quote it). */
export function configEtag(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}
