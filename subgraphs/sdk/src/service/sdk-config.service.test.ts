import { ANONYMOUS, type PlatformError } from '@grove/platform';
import { announceHostApp, createHarness, eventually, recordEvents, type Harness } from '../sdk.test-support';
import { BUILT_IN_SDK_CONFIG, configEtag } from './sdk-config.schema';
import { SdkTopic } from './sdk-events';

async function failure(promise: Promise<unknown>): Promise<{ code: string; reason?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as PlatformError).code, reason: (error as PlatformError).details?.reason };
  }
  throw new Error('expected a failure');
}

describe('SdkConfigService', () => {
  let h: Harness;
  let hostA: string;
  beforeEach(async () => {
    h = await createHarness();
    hostA = await announceHostApp(h, h.orgA);
  });
  afterEach(() => h.dispose());

  it('starts at version 0 with the built-in defaults', async () => {
    const global = await h.sdk.services.configs.globalConfig(h.ownerA);
    expect(global).toMatchObject({
      version: 0,
      config: BUILT_IN_SDK_CONFIG,
      etag: configEtag(BUILT_IN_SDK_CONFIG),
    });
    expect(await h.sdk.services.configs.effectiveConfig(hostA)).toEqual({
      hostAppId: hostA,
      version: 0,
      globalVersion: 0,
      overrideVersion: 0,
      etag: global.etag,
      config: BUILT_IN_SDK_CONFIG,
    });
  });

  it('makes every change a new immutable version; the ETag follows the content, not the version', async () => {
    const configs = h.sdk.services.configs;
    const v1 = await configs.updateGlobal(h.admin, {
      maxCachedApplets: 50,
      extra: { b: '2', a: '1' },
      allowedApiList: ['request', 'getLocation', 'request'],
    });
    expect(v1).toMatchObject({
      version: 1,
      config: {
        ...BUILT_IN_SDK_CONFIG,
        maxCachedApplets: 50,
        extra: { a: '1', b: '2' },
        allowedApiList: ['getLocation', 'request'],
      },
    });

    // Same content, keys and list entries in another order: a new version with the same ETag.
    const v2 = await configs.updateGlobal(h.admin, {
      extra: [
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ],
      allowedApiList: ['request', 'getLocation'],
      maxCachedApplets: 50,
    });
    expect(v2.version).toBe(2);
    expect(v2.etag).toBe(v1.etag);

    const v3 = await configs.updateGlobal(h.admin, { maxCachedApplets: 51 });
    expect(v3.version).toBe(3);
    expect(v3.etag).not.toBe(v1.etag);
    expect(v3.config.extra).toEqual({}); // a replacement: what is not given takes the built-in default

    const history = await configs.history(h.ownerA, null);
    expect(history.map((r) => r.version)).toEqual([3, 2, 1]);
    expect(history[2]).toMatchObject({
      scope: 'global',
      etag: v1.etag,
      settings: v1.config,
      createdBy: h.admin.userId,
    });
    expect((await configs.effectiveConfig(hostA)).etag).toBe(v3.etag);
  });

  it('merges a host app override over the defaults, extra key by key', async () => {
    const configs = h.sdk.services.configs;
    await configs.updateGlobal(h.admin, {
      logLevel: 'INFO',
      reportIntervalSec: 120,
      extra: { theme: 'light', region: 'cn' },
    });
    const override = await configs.setOverride(h.adminA, hostA, {
      logLevel: 'DEBUG',
      enableDebug: true,
      extra: [{ key: 'theme', value: 'dark' }],
      blockedApiList: ['chooseImage'],
    });
    expect(override).toMatchObject({
      hostAppId: hostA,
      version: 1,
      settings: {
        logLevel: 'DEBUG',
        enableDebug: true,
        extra: { theme: 'dark' },
        blockedApiList: ['chooseImage'],
      },
    });

    const effective = await configs.effectiveConfig(hostA);
    expect(effective).toMatchObject({ version: 2, globalVersion: 1, overrideVersion: 1 });
    expect(effective.config).toEqual({
      ...BUILT_IN_SDK_CONFIG,
      logLevel: 'DEBUG',
      enableDebug: true,
      reportIntervalSec: 120,
      blockedApiList: ['chooseImage'],
      extra: { theme: 'dark', region: 'cn' },
    });
    expect(effective.etag).toBe(configEtag(effective.config));
    expect(await configs.effective(h.reviewer, hostA)).toEqual(effective);

    // A later change of the defaults reaches the host app except where it overrides.
    await configs.updateGlobal(h.admin, { logLevel: 'ERROR', reportIntervalSec: 30 }, 1);
    expect((await configs.effectiveConfig(hostA)).config).toMatchObject({
      logLevel: 'DEBUG',
      reportIntervalSec: 30,
      extra: { theme: 'dark' },
    });

    const cleared = await configs.clearOverride(h.ownerA, hostA);
    expect(cleared).toMatchObject({ version: 2, settings: {} });
    const after = await configs.effectiveConfig(hostA);
    expect(after).toMatchObject({
      version: 4,
      globalVersion: 2,
      overrideVersion: 2,
      config: { logLevel: 'ERROR', enableDebug: false, extra: {} },
    });
    expect(after.etag).toBe((await configs.globalConfig(h.ownerA)).etag);
    expect((await configs.history(h.ownerA, hostA)).map((r) => r.version)).toEqual([2, 1]);
  });

  it('never hands out one version twice to concurrent writers', async () => {
    const configs = h.sdk.services.configs;
    for (const round of [0, 1]) {
      const writes = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) =>
          configs.updateGlobal(h.admin, { maxCachedApplets: round * 10 + i }),
        ),
      );
      const versions = writes.flatMap((w) => (w.status === 'fulfilled' ? [w.value.version] : []));
      const refused = writes.flatMap((w) =>
        w.status === 'rejected' ? [(w.reason as PlatformError).code] : [],
      );
      expect(versions.length).toBeGreaterThanOrEqual(1);
      expect(new Set(versions).size).toBe(versions.length);
      expect(refused.every((code) => code === 'CONFLICT')).toBe(true);
    }
    const overrides = await Promise.allSettled([
      configs.setOverride(h.ownerA, hostA, { maxCachedApplets: 1 }),
      configs.setOverride(h.adminA, hostA, { maxCachedApplets: 2 }),
    ]);
    const won = overrides.flatMap((w) => (w.status === 'fulfilled' ? [w.value.version] : []));
    expect(new Set(won).size).toBe(won.length);
    for (const w of overrides)
      if (w.status === 'rejected') expect((w.reason as PlatformError).code).toBe('CONFLICT');

    // History has each version exactly once and the head is the newest of them.
    const history = await configs.history(h.ownerA, null, { take: 100 });
    const numbers = history.map((r) => r.version);
    expect(numbers).toEqual([...new Set(numbers)]);
    expect((await configs.globalConfig(h.ownerA)).version).toBe(numbers[0]);
  });

  it('pages the history past its 100 newest versions with cursors, newest first', async () => {
    const configs = h.sdk.services.configs;
    for (let version = 0; version < 105; version++)
      await configs.updateGlobal(h.admin, { maxCachedApplets: (version % 9) + 1 }, version);
    const first = await configs.history(h.ownerA, null, { take: 100 });
    expect(first.map((r) => r.version)).toEqual(Array.from({ length: 100 }, (_, i) => 105 - i));
    const rest = await configs.history(h.ownerA, null, { take: 100, after: first[99]!.cursor });
    expect(rest.map((r) => r.version)).toEqual([5, 4, 3, 2, 1]);
    expect(await failure(configs.history(h.ownerA, null, { take: 101 }))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('refuses a stale expectedVersion with CONFLICT', async () => {
    const configs = h.sdk.services.configs;
    await configs.updateGlobal(h.admin, { maxCachedApplets: 1 }, 0);
    expect(await failure(configs.updateGlobal(h.admin, { maxCachedApplets: 2 }, 0))).toEqual({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });
    expect(await failure(configs.setOverride(h.ownerA, hostA, { maxCachedApplets: 2 }, 3))).toEqual({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });
    expect((await configs.updateGlobal(h.admin, { maxCachedApplets: 2 }, 1)).version).toBe(2);
  });

  it.each([
    [{ packageDownloadTimeoutMs: 10 }],
    [{ logLevel: 'VERBOSE' }],
    [{ maxCachedApplets: 1.5 }],
    [{ allowedApiList: ['not an api!'] }],
    [{ extra: { $where: 'x' } }],
    [
      {
        extra: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
        ],
      },
    ],
    [{ unknownSetting: true }],
  ])('refuses invalid settings %j', async (input) => {
    expect(await failure(h.sdk.services.configs.updateGlobal(h.admin, input))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await failure(h.sdk.services.configs.setOverride(h.ownerA, hostA, input))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect((await h.sdk.services.configs.globalConfig(h.ownerA)).version).toBe(0);
  });

  it('authorizes overrides by the projected owner: unknown host app NOT_FOUND, other org FORBIDDEN', async () => {
    const configs = h.sdk.services.configs;
    expect(await failure(configs.setOverride(ANONYMOUS, hostA, {}))).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(await failure(configs.setOverride(h.ownerA, 'UNKNOWNHOSTAPP', {}))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await failure(configs.setOverride(h.ownerB, hostA, {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(configs.setOverride(h.developerA, hostA, {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(configs.setOverride(h.admin, hostA, {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(configs.updateGlobal(h.ownerA, {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(configs.effective(h.ownerB, hostA))).toMatchObject({ code: 'FORBIDDEN' });
    const hostB = await announceHostApp(h, h.orgB);
    expect((await configs.setOverride(h.ownerB, hostB, { enableDebug: true })).version).toBe(1);
  });

  it("publishes sdk.config events keyed by 'global' or the host app id", async () => {
    const events = await recordEvents(h, SdkTopic.CONFIG);
    const global = await h.sdk.services.configs.updateGlobal(h.admin, { enableDebug: true });
    const override = await h.sdk.services.configs.setOverride(h.ownerA, hostA, { maxCachedApplets: 3 });
    await h.sdk.services.configs.clearOverride(h.ownerA, hostA);
    await eventually(() =>
      expect(events).toEqual([
        {
          type: 'sdk-config.global-updated',
          key: 'global',
          payload: {
            scope: 'global',
            hostAppId: null,
            version: 1,
            etag: global.etag,
            actorId: h.admin.userId,
          },
        },
        {
          type: 'sdk-config.override-updated',
          key: hostA,
          payload: {
            scope: hostA,
            hostAppId: hostA,
            version: 1,
            etag: override.etag,
            actorId: h.ownerA.userId,
          },
        },
        {
          type: 'sdk-config.override-cleared',
          key: hostA,
          payload: expect.objectContaining({ version: 2, hostAppId: hostA }),
        },
      ]),
    );
  });
});
