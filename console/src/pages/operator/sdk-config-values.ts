import type { SdkConfigInput, SdkLogLevel } from '../../../../schema/generated/graphql';

/** The sdk subgraph's limits on the global defaults (`sdk-config.schema.ts`), checked in the form before sending. */
export const GLOBAL_SDK_LIMITS = {
  packageDownloadTimeoutMs: [1_000, 600_000],
  maxCachedApplets: [0, 500],
  reportIntervalSec: [5, 86_400],
} as const;
export const MAX_API_LIST = 500;
export const MAX_EXTRA_ENTRIES = 100;
export const API_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
export const EXTRA_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** The global configuration form: every setting has a value (the defaults are a complete document). */
export interface GlobalSdkConfigForm {
  packageDownloadTimeoutMs: number;
  maxCachedApplets: number;
  reportIntervalSec: number;
  enableDebug: boolean;
  logLevel: SdkLogLevel;
  allowedApiList: string[];
  blockedApiList: string[];
  extra: Array<{ key?: string; value?: string }>;
}

export interface SdkConfigLike {
  packageDownloadTimeoutMs?: number | null;
  maxCachedApplets?: number | null;
  enableDebug?: boolean | null;
  logLevel?: SdkLogLevel | null;
  reportIntervalSec?: number | null;
  allowedApiList?: readonly string[] | null;
  blockedApiList?: readonly string[] | null;
  extra?: ReadonlyArray<{ key: string; value: string }> | null;
}

const cleanList = (list: readonly string[] | undefined) => [
  ...new Set((list ?? []).map((s) => s.trim()).filter(Boolean)),
];

export function fromGlobalSdkConfig(config: Required<SdkConfigLike>): GlobalSdkConfigForm {
  return {
    packageDownloadTimeoutMs: config.packageDownloadTimeoutMs!,
    maxCachedApplets: config.maxCachedApplets!,
    reportIntervalSec: config.reportIntervalSec!,
    enableDebug: config.enableDebug!,
    logLevel: config.logLevel!,
    allowedApiList: [...(config.allowedApiList ?? [])],
    blockedApiList: [...(config.blockedApiList ?? [])],
    extra: (config.extra ?? []).map((e) => ({ key: e.key, value: e.value })),
  };
}

/** The whole document goes to the server (a field left out would fall back to the built-in default). */
export function toGlobalSdkConfigInput(form: GlobalSdkConfigForm): SdkConfigInput {
  return {
    packageDownloadTimeoutMs: form.packageDownloadTimeoutMs,
    maxCachedApplets: form.maxCachedApplets,
    reportIntervalSec: form.reportIntervalSec,
    enableDebug: form.enableDebug,
    logLevel: form.logLevel,
    allowedApiList: cleanList(form.allowedApiList),
    blockedApiList: cleanList(form.blockedApiList),
    extra: (form.extra ?? [])
      .map((e) => ({ key: (e.key ?? '').trim(), value: e.value ?? '' }))
      .filter((e) => e.key),
  };
}

/** API names the server would refuse (`getLocation`, `canvas.toTempFilePath` pass; `get location`, `1x` do not). */
export function badApiNames(list: readonly string[] | undefined): string[] {
  return cleanList(list).filter((name) => name.length > 100 || !API_NAME.test(name));
}

/** What is wrong with the extra settings, before sending: a bad key, a key given twice, a value too long. */
export function extraProblems(extra: GlobalSdkConfigForm['extra'] | undefined): Array<{
  key:
    'opPlatform.sdkConfig.extraBadKey' | 'opPlatform.sdkConfig.extraTwice' | 'opPlatform.sdkConfig.extraLong';
  name: string;
}> {
  const problems: ReturnType<typeof extraProblems> = [];
  const seen = new Set<string>();
  for (const entry of extra ?? []) {
    const name = (entry.key ?? '').trim();
    if (!name) continue;
    if (!EXTRA_KEY.test(name)) problems.push({ key: 'opPlatform.sdkConfig.extraBadKey', name });
    else if (seen.has(name)) problems.push({ key: 'opPlatform.sdkConfig.extraTwice', name });
    else if ((entry.value ?? '').length > 1024)
      problems.push({ key: 'opPlatform.sdkConfig.extraLong', name });
    seen.add(name);
  }
  return problems;
}

const SETTING_NAMES = [
  'packageDownloadTimeoutMs',
  'maxCachedApplets',
  'reportIntervalSec',
  'enableDebug',
  'logLevel',
  'allowedApiList',
  'blockedApiList',
  'extra',
] as const;
export type SdkSettingName = (typeof SETTING_NAMES)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The settings a revision changed compared with the one before it (history is newest first; the oldest shows all set). */
export function changedSettings(
  revision: SdkConfigLike,
  previous: SdkConfigLike | undefined,
): SdkSettingName[] {
  return SETTING_NAMES.filter((name) =>
    previous ? !same(revision[name], previous[name]) : revision[name] != null,
  );
}
