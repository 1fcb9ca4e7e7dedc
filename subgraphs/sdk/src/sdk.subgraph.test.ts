import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { ANONYMOUS, UnauthenticatedError, loadConfig, type Principal } from '@grove/platform';
import { createTestRuntime } from '@grove/testkit';
import { sdkEnvSchema, sdkSettingsFromConfig } from './config';
import { registerSdkUploadRoutes } from './http/upload-routes.fastify';
import { createSdkSubgraphFromEnv } from './sdk.subgraph';
import {
  announceHostApp,
  baseLibraryZip,
  createHarness,
  errorCodes,
  eventually,
  execute,
  ownerOf,
  sdkArtifactZip,
  uploadBaseLibrary,
  type Harness,
} from './sdk.test-support';

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on BaseLibrary { id version platforms }
    ... on SdkVersion { id version platform }
  }
}`;

describe('sdk subgraph', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('prints a Federation 2 SDL with BaseLibrary and SdkVersion entities and no storage internals', () => {
    expect(h.sdk.sdl).toMatch(/type BaseLibrary\s+@key\(fields: "id"\)/);
    expect(h.sdk.sdl).toMatch(/type SdkVersion\s+@key\(fields: "id"\)/);
    expect(h.sdk.sdl).not.toMatch(/packageKey|configJson/);
  });

  it('resolves _entities for signed-in callers; disabled ones only for operators who manage them', async () => {
    const library = await uploadBaseLibrary(h, { version: '2.0.0', platform: 'IOS' });
    const hidden = await uploadBaseLibrary(h, { version: '2.1.0', platform: 'IOS' });
    await h.sdk.services.baseLibraries.setEnabled(h.admin, hidden.id, false);
    const version = (
      await h.sdk.handleSdkVersionUpload(h.admin, await sdkArtifactZip('s'), {
        contentType: 'application/zip',
        query: { platform: 'HARMONY', version: '1.0.0' },
      })
    ).body;
    const r = [
      { __typename: 'BaseLibrary', id: library.id },
      { __typename: 'SdkVersion', id: version.id },
      { __typename: 'BaseLibrary', id: hidden.id },
      { __typename: 'SdkVersion', id: 'missing' },
    ];
    const visible = [
      { id: library.id, version: '2.0.0', platforms: ['IOS'] },
      { id: version.id, version: '1.0.0', platform: 'HARMONY' },
    ];
    expect(await execute(h, ENTITIES, h.admin, { r })).toEqual({
      data: { _entities: [...visible, { id: hidden.id, version: '2.1.0', platforms: ['IOS'] }, null] },
    });
    expect(await execute(h, ENTITIES, h.ownerB, { r })).toEqual({
      data: { _entities: [...visible, null, null] },
    });
    expect(await execute(h, ENTITIES, ANONYMOUS, { r })).toEqual({
      data: { _entities: [null, null, null, null] },
    });
  });

  it('serves the config over GraphQL with extra as sorted entries', async () => {
    const hostApp = await announceHostApp(h, h.orgA);
    await execute(
      h,
      'mutation { updateSdkGlobalConfig(input: { logLevel: INFO, extra: [{ key: "z", value: "1" }, { key: "a", value: "2" }] }) { version } }',
      h.admin,
    );
    const set = await execute(
      h,
      'mutation($h: ID!) { setSdkConfigOverride(hostAppId: $h, input: { maxCachedApplets: 3 }, expectedVersion: 0) { version settings { maxCachedApplets logLevel extra { key } } } }',
      h.ownerA,
      { h: hostApp },
    );
    expect(set).toEqual({
      data: {
        setSdkConfigOverride: { version: 1, settings: { maxCachedApplets: 3, logLevel: null, extra: null } },
      },
    });
    const effective = await execute(
      h,
      'query($h: ID!) { effectiveSdkConfig(hostAppId: $h) { version etag config { logLevel maxCachedApplets extra { key value } } } }',
      h.ownerA,
      { h: hostApp },
    );
    expect(effective.data?.effectiveSdkConfig).toEqual({
      version: 2,
      etag: (await h.sdk.services.configs.effectiveConfig(hostApp)).etag,
      config: {
        logLevel: 'INFO',
        maxCachedApplets: 3,
        extra: [
          { key: 'a', value: '2' },
          { key: 'z', value: '1' },
        ],
      },
    });
    const stale = await execute(
      h,
      'mutation($h: ID!) { clearSdkConfigOverride(hostAppId: $h, expectedVersion: 0) { version } }',
      h.ownerA,
      { h: hostApp },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(
      errorCodes(await execute(h, '{ resolveBaseLibrary(sdkVersion: "x", platform: IOS) { id } }', h.ownerA)),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps everything across a restart on the same data directory', async () => {
    const library = await uploadBaseLibrary(h, {
      version: '3.0.0',
      minSdkVersion: '2.0.0',
      platform: 'ANDROID',
    });
    const hostApp = await announceHostApp(h, h.orgA);
    await h.sdk.services.configs.updateGlobal(h.admin, { reportIntervalSec: 300 });
    await h.sdk.services.configs.setOverride(h.ownerA, hostApp, { extra: { channel: 'beta' } });
    const build = (
      await h.sdk.handleSdkBuildUpload(h.ownerA, await sdkArtifactZip('b'), {
        contentType: 'application/zip',
        query: { orgId: h.orgA, platform: 'IOS', version: '1.0.0' },
      })
    ).body;
    await h.sdk.services.builds.approve(h.reviewer, build.id);
    const before = await h.sdk.services.configs.effectiveConfig(hostApp);
    const dataDir = h.runtime.dataDir;
    await h.sdk.close?.();
    await h.objects.close();
    await h.runtime.close();

    const again = await createHarness({ dataDir, people: h });
    try {
      expect(
        await again.sdk.services.baseLibraries.resolve({ sdkVersion: '2.0.0', platform: 'ANDROID' }),
      ).toMatchObject({ id: library.id, packageSha256: library.packageSha256 });
      expect(await again.objects.stat(library.packageKey)).toMatchObject({ sha256: library.packageSha256 });
      expect(await again.sdk.services.configs.effectiveConfig(hostApp)).toEqual(before);
      expect(await ownerOf(again, hostApp)).toBe(h.orgA);
      expect((await again.sdk.services.configs.setOverride(h.ownerA, hostApp, {})).version).toBe(2);
      expect(await again.sdk.services.builds.get(h.ownerA, build.id)).toMatchObject({ status: 'APPROVED' });
    } finally {
      await again.sdk.close?.();
      await again.objects.close();
      await again.runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('mounts the upload routes over HTTP with the REST envelope', async () => {
    const app = Fastify();
    const callers: Record<string, Principal> = { admin: h.admin, ownerA: h.ownerA };
    await registerSdkUploadRoutes(app, h.sdk.routes, {
      authenticate: async (headers) => {
        const who = String(headers.authorization ?? '').replace(/^Bearer /, '');
        if (!who) return ANONYMOUS;
        if (!callers[who]) throw new UnauthenticatedError();
        return callers[who];
      },
    });
    // A real socket (light-my-request's inject pulls an ESM-only dependency Jest cannot load).
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const post = async (req: { url: string; headers: Record<string, string>; payload: Buffer | string }) => {
      const res = await fetch(base + req.url, { method: 'POST', headers: req.headers, body: req.payload });
      return { statusCode: res.status, json: async () => (await res.json()) as Record<string, unknown> };
    };
    try {
      const zip = await baseLibraryZip('4.0.0');
      const ok = await post({
        url: '/uploads/base-libraries?version=4.0.0&minSdkVersion=3.0.0&platform=IOS&platform=HARMONY',
        headers: { authorization: 'Bearer admin', 'content-type': 'application/zip' },
        payload: zip,
      });
      expect(ok.statusCode).toBe(201);
      expect(await ok.json()).toMatchObject({
        errcode: 'OK',
        error: '',
        data: { version: '4.0.0', platforms: ['IOS', 'HARMONY'], packageSize: zip.length },
      });

      const denied = await post({
        url: '/uploads/base-libraries?version=4.0.1&minSdkVersion=3.0.0&platform=IOS',
        headers: { authorization: 'Bearer ownerA', 'content-type': 'application/zip' },
        payload: zip,
      });
      expect(denied.statusCode).toBe(403);
      expect(await denied.json()).toMatchObject({ errcode: 'FORBIDDEN' });

      const anonymous = await post({
        url: '/uploads/sdk-builds',
        headers: { 'content-type': 'application/zip' },
        payload: zip,
      });
      expect(anonymous.statusCode).toBe(401);

      const notZip = await post({
        url: `/uploads/sdk-builds?orgId=${h.orgA}&platform=IOS&version=1.0.0`,
        headers: { authorization: 'Bearer ownerA', 'content-type': 'application/zip' },
        payload: Buffer.from('nope'),
      });
      expect(notZip.statusCode).toBe(400);
      expect(await notZip.json()).toMatchObject({ errcode: 'BAD_USER_INPUT', data: { reason: 'NOT_ZIP' } });

      const wrongType = await post({
        url: '/uploads/sdk-versions',
        headers: { authorization: 'Bearer admin', 'content-type': 'text/plain' },
        payload: 'x',
      });
      expect(wrongType.statusCode).toBe(415);
    } finally {
      await app.close();
    }
  });
});

describe('sdk config and environment factory', () => {
  it('reads its variables with defaults and reports bad ones', () => {
    const config = loadConfig(sdkEnvSchema, { DATA_DIR: '/tmp/x' });
    expect(config.SDK_PORT).toBe(4105);
    expect(sdkSettingsFromConfig(config)).toEqual({
      maxBaseLibraryBytes: 50 * 1024 * 1024,
      maxSdkArtifactBytes: 200 * 1024 * 1024,
    });
    expect(() => loadConfig(sdkEnvSchema, { BASE_LIBRARY_MAX_BYTES: '12' })).toThrow(
      /BASE_LIBRARY_MAX_BYTES/,
    );
  });

  it('builds the module from the environment with its own object store, and closes it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'grove-sdk-env-'));
    const runtime = await createTestRuntime({ dataDir });
    try {
      const module = await createSdkSubgraphFromEnv(runtime, {
        DATA_DIR: dataDir,
        OBJECT_URL_SECRET: 'u'.repeat(40),
      });
      expect(module.name).toBe('sdk');
      await module.ready?.();
      const hostAppId = 'HOSTAPPFROMENV';
      await runtime.events.publish('app-manage.host-app', {
        type: 'host-app.created',
        key: hostAppId,
        payload: { hostAppId, orgId: 'org-env', actorId: 'u' },
      });
      await eventually(async () =>
        expect(
          (
            await module.services.configs.effective(
              {
                kind: 'user',
                userId: 'u',
                sessionId: 's',
                operatorRoles: ['OPERATOR_REVIEWER'],
                memberships: [],
              },
              hostAppId,
            )
          ).version,
        ).toBe(0),
      );
      await module.close?.();
    } finally {
      await runtime.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
