import type { SdkConfigInput, SdkLogLevel } from '../../../../schema/generated/graphql';

/** The override form of a host app's SDK configuration: a blank field means "the global default". */
export interface SdkOverrideForm {
  packageDownloadTimeoutMs?: number | null;
  maxCachedApplets?: number | null;
  reportIntervalSec?: number | null;
  enableDebug?: 'on' | 'off' | 'inherit';
  logLevel?: SdkLogLevel | null;
  allowedApiList?: string[];
  blockedApiList?: string[];
  extra?: Array<{ key?: string; value?: string }>;
}

export interface SdkSettingsLike {
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

/** Only what the form sets goes to the server; the rest keeps following the global configuration. */
export function toSdkConfigInput(form: SdkOverrideForm): SdkConfigInput {
  const input: SdkConfigInput = {};
  if (form.packageDownloadTimeoutMs != null) input.packageDownloadTimeoutMs = form.packageDownloadTimeoutMs;
  if (form.maxCachedApplets != null) input.maxCachedApplets = form.maxCachedApplets;
  if (form.reportIntervalSec != null) input.reportIntervalSec = form.reportIntervalSec;
  if (form.enableDebug === 'on' || form.enableDebug === 'off') input.enableDebug = form.enableDebug === 'on';
  if (form.logLevel) input.logLevel = form.logLevel;
  const allowed = cleanList(form.allowedApiList);
  if (allowed.length) input.allowedApiList = allowed;
  const blocked = cleanList(form.blockedApiList);
  if (blocked.length) input.blockedApiList = blocked;
  const extra = (form.extra ?? [])
    .map((e) => ({ key: (e.key ?? '').trim(), value: e.value ?? '' }))
    .filter((e) => e.key);
  if (extra.length) input.extra = extra;
  return input;
}

export function fromSdkSettings(settings: SdkSettingsLike | null | undefined): SdkOverrideForm {
  return {
    packageDownloadTimeoutMs: settings?.packageDownloadTimeoutMs ?? null,
    maxCachedApplets: settings?.maxCachedApplets ?? null,
    reportIntervalSec: settings?.reportIntervalSec ?? null,
    enableDebug: settings?.enableDebug == null ? 'inherit' : settings.enableDebug ? 'on' : 'off',
    logLevel: settings?.logLevel ?? null,
    allowedApiList: [...(settings?.allowedApiList ?? [])],
    blockedApiList: [...(settings?.blockedApiList ?? [])],
    extra: (settings?.extra ?? []).map((e) => ({ key: e.key, value: e.value })),
  };
}

/** Keys given twice in the extra settings (the server keeps one; the form says which before sending). */
export function duplicateExtraKeys(extra: SdkOverrideForm['extra']): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const entry of extra ?? []) {
    const key = (entry.key ?? '').trim();
    if (!key) continue;
    if (seen.has(key)) twice.add(key);
    seen.add(key);
  }
  return [...twice];
}
