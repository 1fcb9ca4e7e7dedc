import { describe, expect, it } from 'vitest';
import { duplicateExtraKeys, fromSdkSettings, toSdkConfigInput } from './sdk-config-form';

describe('the host app SDK override form', () => {
  it('sends only what is set: blank fields keep following the global configuration', () => {
    expect(toSdkConfigInput({ enableDebug: 'inherit', allowedApiList: [], extra: [] })).toEqual({});
    expect(
      toSdkConfigInput({
        maxCachedApplets: 0 + 5,
        enableDebug: 'off',
        logLevel: 'WARN',
        blockedApiList: [' getLocation ', 'getLocation', ''],
        extra: [
          { key: ' theme ', value: 'dark' },
          { key: '', value: 'ignored' },
        ],
      }),
    ).toEqual({
      maxCachedApplets: 5,
      enableDebug: false,
      logLevel: 'WARN',
      blockedApiList: ['getLocation'],
      extra: [{ key: 'theme', value: 'dark' }],
    });
  });

  it('round-trips the stored override through the form', () => {
    const settings = {
      packageDownloadTimeoutMs: 30000,
      enableDebug: true,
      logLevel: 'DEBUG' as const,
      allowedApiList: ['request'],
      extra: [{ key: 'a', value: '1' }],
    };
    expect(toSdkConfigInput(fromSdkSettings(settings))).toEqual(settings);
    expect(fromSdkSettings(null).enableDebug).toBe('inherit');
  });

  it('finds keys given twice in the extra settings', () => {
    expect(
      duplicateExtraKeys([{ key: 'a' }, { key: 'b' }, { key: ' a ' }, { key: '' }, { key: '' }]),
    ).toEqual(['a']);
  });
});
