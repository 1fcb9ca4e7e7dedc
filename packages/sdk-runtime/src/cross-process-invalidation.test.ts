import { randomToken } from '@grove/platform';
import {
  createTestRuntime,
  deleteRedisKeys,
  probeRedis,
  testRedisUrl,
  type TestRuntime,
} from '@grove/testkit';
import {
  createRuntimePlatform,
  eventually,
  linkedHostApp,
  publishedApplet,
  signedGet,
  startRuntimeServer,
  type RuntimePlatform,
  type RuntimeServer,
} from './sdk-runtime.test-support';

const REDIS_URL = testRedisUrl();
const redis = probeRedis(REDIS_URL);
if (!redis.ok)
  console.warn(`cross-process invalidation tests skipped: no Redis at ${REDIS_URL} (${redis.reason})`);
const describeWithRedis = redis.ok ? describe : describe.skip;

describeWithRedis('cross-process invalidation over a Redis-backed key-value store', () => {
  const prefix = `grove-test:sdkrt:${randomToken(6)}:`;
  const env = { CACHE_DRIVER: 'redis', REDIS_URL, REDIS_KEY_PREFIX: prefix };
  const cacheEncryptionKey = randomToken(32);
  let platform: RuntimePlatform;
  let otherRuntime: TestRuntime;
  let first: RuntimeServer;
  let second: RuntimeServer;

  beforeAll(async () => {
    platform = await createRuntimePlatform({ env });
    // A second process: its own drivers (its own event bus, which never sees the subgraphs' events) sharing only Redis.
    otherRuntime = await createTestRuntime({ env, inMemory: true });
    // Long local TTLs: only the broadcast can make a process drop what it holds.
    first = await startRuntimeServer(platform, { localTtlMs: 60_000, cacheEncryptionKey });
    second = await startRuntimeServer(
      { runtime: otherRuntime, objects: platform.objects, sources: platform.sources },
      { localTtlMs: 60_000, cacheEncryptionKey },
    );
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await otherRuntime?.dispose();
    await platform?.dispose();
    await deleteRedisKeys(REDIS_URL, prefix);
  });

  it('a delisted mini-program stops being served by the other process within 1 s', async () => {
    const { appId, versionId } = await publishedApplet(platform);
    const keys = await linkedHostApp(platform, [appId]);
    const path = `/runtime/v1/applets/${appId}`;
    const errcode = async (server: RuntimeServer) =>
      ((await (await signedGet(server, keys, path)).json()) as { errcode: string }).errcode;

    // Both processes hold the applet in their local caches (the setup's own events have been handled by then).
    await eventually(async () => {
      expect(await errcode(first)).toBe('OK');
      expect(await errcode(second)).toBe('OK');
    });
    // The nonce guard is shared too: a request replayed against the other process is refused.
    const replayed = await signedGet(first, keys, path, {}, { nonce: 'shared-nonce-1' });
    expect(replayed.status).toBe(200);
    expect(
      (
        (await (await signedGet(second, keys, path, {}, { nonce: 'shared-nonce-1' })).json()) as {
          errcode: string;
        }
      ).errcode,
    ).toBe('NONCE_REPLAYED');

    await platform.appManage.services.versions.delist(platform.owner, versionId, 'withdrawn');
    const delistedAt = Date.now();
    await eventually(async () => expect(await errcode(second)).toBe('APPLET_DELISTED'), 1000);
    expect(Date.now() - delistedAt).toBeLessThanOrEqual(1000);
    expect(await errcode(first)).toBe('APPLET_DELISTED');
  });

  it('a disabled host app is refused by the other process within 1 s', async () => {
    const { appId } = await publishedApplet(platform);
    const keys = await linkedHostApp(platform, [appId]);
    const path = `/runtime/v1/applets/${appId}`;
    const errcode = async () =>
      ((await (await signedGet(second, keys, path)).json()) as { errcode: string }).errcode;
    await eventually(async () => expect(await errcode()).toBe('OK'));
    await platform.appManage.services.hostApps.setEnabled(platform.owner, keys.hostAppId, false);
    await eventually(async () => expect(await errcode()).toBe('HOST_APP_DISABLED'), 1000);
  });
});
