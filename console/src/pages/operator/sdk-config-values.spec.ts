import { describe, expect, it } from 'vitest';
import {
  badApiNames,
  changedSettings,
  extraProblems,
  fromGlobalSdkConfig,
  toGlobalSdkConfigInput,
} from './sdk-config-values';

const config = {
  packageDownloadTimeoutMs: 30_000,
  maxCachedApplets: 20,
  enableDebug: false,
  logLevel: 'WARN' as const,
  reportIntervalSec: 60,
  allowedApiList: [],
  blockedApiList: ['getLocation'],
  extra: [{ key: 'theme', value: 'dark' }],
};

describe('global SDK configuration form', () => {
  it('sends the whole document, lists trimmed and without duplicates, blank extra rows left out', () => {
    const form = fromGlobalSdkConfig(config);
    form.allowedApiList = [' request ', 'request', ''];
    form.extra = [...form.extra, { key: '  ', value: 'x' }, { key: ' region ', value: 'cn' }];
    expect(toGlobalSdkConfigInput(form)).toEqual({
      ...config,
      allowedApiList: ['request'],
      extra: [
        { key: 'theme', value: 'dark' },
        { key: 'region', value: 'cn' },
      ],
    });
  });

  it('names API names and extra keys the server refuses', () => {
    expect(
      badApiNames(['getLocation', 'canvas.toTempFilePath', 'get location', '1x', 'a'.repeat(101)]),
    ).toEqual(['get location', '1x', 'a'.repeat(101)]);
    expect(
      extraProblems([
        { key: 'ok', value: 'v' },
        { key: '9lives', value: 'v' },
        { key: 'ok', value: 'w' },
        { key: 'long', value: 'x'.repeat(1025) },
      ]),
    ).toEqual([
      { key: 'opPlatform.sdkConfig.extraBadKey', name: '9lives' },
      { key: 'opPlatform.sdkConfig.extraTwice', name: 'ok' },
      { key: 'opPlatform.sdkConfig.extraLong', name: 'long' },
    ]);
  });

  it('says what each history revision changed', () => {
    const v1 = { ...config };
    const v2 = { ...config, maxCachedApplets: 50, extra: [] };
    expect(changedSettings(v2, v1)).toEqual(['maxCachedApplets', 'extra']);
    expect(changedSettings({ logLevel: 'INFO' }, undefined)).toEqual(['logLevel']);
  });
});
