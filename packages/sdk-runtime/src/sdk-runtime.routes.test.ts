import { createHash } from 'node:crypto';
import { verifyPresignedObjectUrl } from '@grove/platform';
import {
  approvedVersion,
  createMiniProgram,
  createRuntimePlatform,
  eventually,
  linkedHostApp,
  publishedApplet,
  signedGet,
  startRuntimeServer,
  type HostAppKeys,
  type RuntimePlatform,
  type RuntimeServer,
} from './sdk-runtime.test-support';
import { signRuntimeRequest } from './runtime-signature';

type Envelope = { errcode: string; error: string; data: any };

const P = '/runtime/v1';
let platform: RuntimePlatform;
let server: RuntimeServer;

async function json(response: Response): Promise<Envelope> {
  return (await response.json()) as Envelope;
}

async function errcodeOf(response: Promise<Response>): Promise<string> {
  return (await json(await response)).errcode;
}

beforeAll(async () => {
  platform = await createRuntimePlatform();
  server = await startRuntimeServer(platform);
});

afterAll(async () => {
  await server?.close();
  await platform?.dispose();
});

describe('applet info and package download', () => {
  let applet: { appId: string; versionId: string };
  let keys: HostAppKeys;

  beforeAll(async () => {
    applet = await publishedApplet(platform);
    keys = await linkedHostApp(platform, [applet.appId]);
  });

  it('answers the published version with its digest, and the package bytes match it', async () => {
    const response = await signedGet(server, keys, `${P}/applets/${applet.appId}`, {
      deviceId: 'device-1',
      platform: 'IOS',
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ errcode: 'OK', error: '' });
    const stored = await platform.objects.stat(`packages/${applet.appId}/${applet.versionId}.zip`);
    expect(body.data).toMatchObject({
      appId: applet.appId,
      version: { id: applet.versionId, gray: false },
      package: { sha256: stored!.sha256, size: stored!.size },
      domains: { request: 0, socket: 0, upload: 0, download: 0, business: 0 },
    });
    expect(response.headers.get('etag')).toBe(`"${body.data.digest}"`);

    const download = await signedGet(server, keys, body.data.package.downloadPath.split('?')[0], {
      versionId: applet.versionId,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await download.arrayBuffer());
    const digest = createHash('sha256').update(bytes).digest('hex');
    expect(digest).toBe(body.data.package.sha256);
    expect(download.headers.get('x-package-sha256')).toBe(digest);
    expect(bytes.length).toBe(body.data.package.size);

    // Without versionId the device's choice is served (the same version here).
    const chosen = await signedGet(server, keys, `${P}/applets/${applet.appId}/package`, {
      deviceId: 'device-1',
    });
    expect(chosen.headers.get('x-version-id')).toBe(applet.versionId);
    await chosen.arrayBuffer();
  });

  it('answers conditional fetches: 304 on If-None-Match, UNCHANGED for knownDigest / knownVersion', async () => {
    const first = await signedGet(server, keys, `${P}/applets/${applet.appId}`);
    const etag = first.headers.get('etag')!;
    const { data } = await json(first);

    const notModified = await signedGet(
      server,
      keys,
      `${P}/applets/${applet.appId}`,
      {},
      { headers: { 'if-none-match': etag } },
    );
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(
      (
        await signedGet(
          server,
          keys,
          `${P}/applets/${applet.appId}`,
          {},
          { headers: { 'if-none-match': '"0000"' } },
        )
      ).status,
    ).toBe(200);

    const byDigest = await json(
      await signedGet(server, keys, `${P}/applets/${applet.appId}`, { knownDigest: data.digest }),
    );
    expect(byDigest).toEqual({
      errcode: 'UNCHANGED',
      error: '',
      data: { digest: data.digest, versionId: applet.versionId },
    });
    const byVersion = await json(
      await signedGet(server, keys, `${P}/applets/${applet.appId}`, { knownVersion: applet.versionId }),
    );
    expect(byVersion.errcode).toBe('UNCHANGED');
    const stale = await json(
      await signedGet(server, keys, `${P}/applets/${applet.appId}`, { knownVersion: 'an-older-version' }),
    );
    expect(stale.errcode).toBe('OK');

    const pkg = await signedGet(
      server,
      keys,
      `${P}/applets/${applet.appId}/package`,
      { versionId: applet.versionId },
      { headers: { 'if-none-match': `"${data.package.sha256}"` } },
    );
    expect(pkg.status).toBe(304);
    expect(pkg.headers.get('x-package-sha256')).toBe(data.package.sha256);
  });

  it('redirects to a presigned object URL when configured to', async () => {
    const redirecting = await startRuntimeServer(platform, {
      packageDelivery: 'redirect',
      packageUrlTtlSec: 120,
    });
    try {
      const response = await signedGet(redirecting, keys, `${P}/applets/${applet.appId}/package`, {
        versionId: applet.versionId,
      });
      expect(response.status).toBe(302);
      const location = response.headers.get('location')!;
      const { key } = verifyPresignedObjectUrl(location, {
        secret: 'test-url-signing-secret-of-sufficient-length',
      });
      expect(key).toBe(`packages/${applet.appId}/${applet.versionId}.zip`);
      const { body } = await platform.objects.get(key);
      const hash = createHash('sha256');
      for await (const chunk of body) hash.update(chunk as Buffer);
      expect(hash.digest('hex')).toBe(response.headers.get('x-package-sha256'));
    } finally {
      await redirecting.close();
    }
  });

  it('refuses a version that is not released', async () => {
    const draft = await approvedVersion(platform, applet.appId);
    expect(
      await errcodeOf(
        signedGet(server, keys, `${P}/applets/${applet.appId}/package`, { versionId: draft.id }),
      ),
    ).toBe('VERSION_UNAVAILABLE');
  });
});

describe('authentication', () => {
  let appId: string;
  let keys: HostAppKeys;
  let path: string;

  beforeAll(async () => {
    ({ appId } = await publishedApplet(platform));
    keys = await linkedHostApp(platform, [appId]);
    path = `${P}/applets/${appId}`;
  });

  it('rejects a wrong secret and a tampered query with SIGNATURE_INVALID', async () => {
    const wrong = await signedGet(server, { sdkKey: keys.sdkKey, sdkSecret: `${keys.sdkSecret}x` }, path);
    expect(wrong.status).toBe(401);
    expect((await json(wrong)).errcode).toBe('SIGNATURE_INVALID');

    const headers = signRuntimeRequest({
      sdkKey: keys.sdkKey,
      secret: keys.sdkSecret,
      path,
      query: { deviceId: 'a' },
    });
    const tampered = await fetch(`${server.baseUrl}${path}?deviceId=b`, { headers });
    expect((await json(tampered)).errcode).toBe('SIGNATURE_INVALID');
    const malformed = await fetch(`${server.baseUrl}${path}`, {
      headers: { ...headers, 'x-signature': 'nothex' },
    });
    expect((await json(malformed)).errcode).toBe('SIGNATURE_INVALID');
  });

  it('rejects stale timestamps with TIMESTAMP_EXPIRED', async () => {
    expect(await errcodeOf(signedGet(server, keys, path, {}, { timestamp: Date.now() - 6 * 60_000 }))).toBe(
      'TIMESTAMP_EXPIRED',
    );
    expect(await errcodeOf(signedGet(server, keys, path, {}, { timestamp: Date.now() + 6 * 60_000 }))).toBe(
      'TIMESTAMP_EXPIRED',
    );
    const inSeconds = await signedGet(server, keys, path, {}, { timestamp: Math.floor(Date.now() / 1000) });
    expect(await json(inSeconds)).toMatchObject({
      errcode: 'TIMESTAMP_EXPIRED',
      error: expect.stringMatching(/looks like Unix seconds/),
    });
    expect(await errcodeOf(signedGet(server, keys, path, {}, { timestamp: Date.now() - 60_000 }))).toBe('OK');
  });

  it('rejects a replayed nonce with NONCE_REPLAYED', async () => {
    const headers = signRuntimeRequest({ sdkKey: keys.sdkKey, secret: keys.sdkSecret, path });
    expect((await json(await fetch(`${server.baseUrl}${path}`, { headers }))).errcode).toBe('OK');
    const replay = await fetch(`${server.baseUrl}${path}`, { headers });
    expect(replay.status).toBe(401);
    expect((await json(replay)).errcode).toBe('NONCE_REPLAYED');
  });

  it('rejects unknown and malformed SDK keys with APP_KEY_INVALID, missing headers with BAD_REQUEST', async () => {
    expect(
      await errcodeOf(signedGet(server, { sdkKey: `hk${'0'.repeat(24)}`, sdkSecret: keys.sdkSecret }, path)),
    ).toBe('APP_KEY_INVALID');
    expect(await errcodeOf(signedGet(server, { sdkKey: 'not-a-key', sdkSecret: keys.sdkSecret }, path))).toBe(
      'APP_KEY_INVALID',
    );
    const unsigned = await fetch(`${server.baseUrl}${path}`);
    expect(unsigned.status).toBe(401);
    expect((await json(unsigned)).errcode).toBe('APP_KEY_INVALID');
    const headers = signRuntimeRequest({ sdkKey: keys.sdkKey, secret: keys.sdkSecret, path });
    const noNonce = await fetch(`${server.baseUrl}${path}`, { headers: { ...headers, 'x-nonce': '' } });
    expect((await json(noNonce)).errcode).toBe('BAD_REQUEST');
    expect(await errcodeOf(signedGet(server, keys, `${P}/applets/not-an-app-id`))).toBe('BAD_REQUEST');
  });

  it('refuses each malformed input before authentication, with the errcode, status and message clients see', async () => {
    const headers = (): Record<string, string> =>
      signRuntimeRequest({ sdkKey: keys.sdkKey, secret: keys.sdkSecret, path });
    const refusal = async (response: Promise<Response>) => {
      const answer = await response;
      return { status: answer.status, ...(await json(answer)) };
    };
    const bad = (error: string) => ({ status: 400, errcode: 'BAD_REQUEST', error, data: null });
    const { 'x-nonce': _nonce, ...noNonce } = headers();
    const cases: Array<[Promise<Response>, object]> = [
      [
        fetch(`${server.baseUrl}${path}`),
        {
          status: 401,
          errcode: 'APP_KEY_INVALID',
          error: "Invalid headers 'x-sdk-key': must have required property 'x-sdk-key'",
        },
      ],
      [
        fetch(`${server.baseUrl}${path}`, { headers: { ...headers(), 'x-sdk-key': 'not-a-key' } }),
        {
          status: 401,
          errcode: 'APP_KEY_INVALID',
          error: `Invalid headers 'x-sdk-key': must match pattern "^hk[0-9a-f]{24}$"`,
        },
      ],
      [
        fetch(`${server.baseUrl}${path}`, { headers: { ...headers(), 'x-signature': 'nothex' } }),
        {
          status: 401,
          errcode: 'SIGNATURE_INVALID',
          error: `Invalid headers 'x-signature': must match pattern "^[0-9a-fA-F]{64}$"`,
        },
      ],
      [
        fetch(`${server.baseUrl}${path}`, { headers: noNonce }),
        bad("Invalid headers 'x-nonce': must have required property 'x-nonce'"),
      ],
      [
        fetch(`${server.baseUrl}${path}`, { headers: { ...headers(), 'x-nonce': 'short' } }),
        bad(`Invalid headers 'x-nonce': must match pattern "^[A-Za-z0-9_-]{8,64}$"`),
      ],
      [
        fetch(`${server.baseUrl}${path}`, { headers: { ...headers(), 'x-timestamp': '12:00' } }),
        bad(`Invalid headers 'x-timestamp': must match pattern "^[0-9]{1,16}$"`),
      ],
      [
        fetch(`${server.baseUrl}${path}`, { headers: { ...headers(), 'if-none-match': 'x'.repeat(1025) } }),
        bad("Invalid headers 'if-none-match': must NOT have more than 1024 characters"),
      ],
      [
        fetch(`${server.baseUrl}${path}`, { headers: { ...headers(), 'x-device-id': 'd'.repeat(129) } }),
        bad("Invalid headers 'x-device-id': must NOT have more than 128 characters"),
      ],
      [
        fetch(`${server.baseUrl}${path}`, { headers: { ...headers(), 'x-custom-tier': 't'.repeat(257) } }),
        bad("Invalid headers 'x-custom-tier': must NOT have more than 256 characters"),
      ],
      // Params come first: an unsigned request for a malformed app id is a bad request.
      [
        fetch(`${server.baseUrl}${P}/applets/not-an-app-id`),
        bad(`Invalid params 'appId': must match pattern "^mp[0-9a-f]{16}$"`),
      ],
      [
        signedGet(server, keys, path, { deviceId: 'd'.repeat(129) }),
        bad("Invalid querystring 'deviceId': must NOT have more than 128 characters"),
      ],
      [
        signedGet(server, keys, path, { 'custom.tier': 't'.repeat(257) }),
        bad("Invalid querystring 'custom.tier': must NOT have more than 256 characters"),
      ],
      [
        signedGet(server, keys, path, { knownVersion: 'v'.repeat(101) }),
        bad("Invalid querystring 'knownVersion': must NOT have more than 100 characters"),
      ],
      [
        signedGet(server, keys, path, { knownDigest: 'nothex' }),
        bad(`Invalid querystring 'knownDigest': must match pattern "^[0-9a-f]{64}$"`),
      ],
      [
        signedGet(server, keys, path, { trial: 'g'.repeat(201) }),
        bad("Invalid querystring 'trial': must NOT have more than 200 characters"),
      ],
      [
        fetch(`${server.baseUrl}${path}?deviceId=a&deviceId=b`, { headers: headers() }),
        bad("Invalid querystring 'deviceId': must be string"),
      ],
      [
        signedGet(server, keys, `${path}/package`, { versionId: '' }),
        bad("Invalid querystring 'versionId': must NOT have fewer than 1 characters"),
      ],
      [
        signedGet(server, keys, `${path}/package`, { versionId: 'v'.repeat(101) }),
        bad("Invalid querystring 'versionId': must NOT have more than 100 characters"),
      ],
      [
        signedGet(server, keys, `${path}/domains`, { knownDigest: 'nothex' }),
        bad(`Invalid querystring 'knownDigest': must match pattern "^[0-9a-f]{64}$"`),
      ],
      [
        signedGet(server, keys, `${P}/config`, { knownVersion: 'v1' }),
        bad(`Invalid querystring 'knownVersion': must match pattern "^[0-9]{1,12}$"`),
      ],
      [
        signedGet(server, keys, `${P}/base-library`, { sdkVersion: '1.0.0' }),
        bad("Invalid querystring 'platform': must have required property 'platform'"),
      ],
      [
        signedGet(server, keys, `${P}/base-library`, { platform: 'IOS', sdkVersion: '' }),
        bad("Invalid querystring 'sdkVersion': must NOT have fewer than 1 characters"),
      ],
      [
        signedGet(server, keys, `${P}/base-library`, { platform: 'IOS1', sdkVersion: '1.0.0' }),
        bad(`Invalid querystring 'platform': must match pattern "^[A-Za-z]{1,16}$"`),
      ],
      [
        signedGet(server, keys, `${P}/base-library`, {
          platform: 'IOS',
          sdkVersion: '1.0.0',
          knownVersion: 'v'.repeat(65),
        }),
        bad("Invalid querystring 'knownVersion': must NOT have more than 64 characters"),
      ],
    ];
    for (const [response, expected] of cases)
      expect(await refusal(response)).toMatchObject({ data: null, ...expected });
  });

  it('answers an unknown runtime endpoint only after authentication', async () => {
    const unsigned = await fetch(`${server.baseUrl}${P}/nothing-here`);
    expect(unsigned.status).toBe(401);
    expect((await json(unsigned)).errcode).toBe('APP_KEY_INVALID');
    const signed = await signedGet(server, keys, `${P}/nothing-here`);
    expect(signed.status).toBe(404);
    expect((await json(signed)).errcode).toBe('NOT_FOUND');
  });

  it('refuses a disabled host app with HOST_APP_DISABLED, and serves it again once enabled', async () => {
    const own = await linkedHostApp(platform, [appId]);
    expect(await errcodeOf(signedGet(server, own, path))).toBe('OK');
    await platform.appManage.services.hostApps.setEnabled(platform.owner, own.hostAppId, false);
    await eventually(
      async () => expect(await errcodeOf(signedGet(server, own, path))).toBe('HOST_APP_DISABLED'),
      500,
    );
    await platform.appManage.services.hostApps.setEnabled(platform.owner, own.hostAppId, true);
    await eventually(async () => expect(await errcodeOf(signedGet(server, own, path))).toBe('OK'), 500);
  });

  it('stops accepting the old secret once it is rotated', async () => {
    const own = await linkedHostApp(platform, [appId]);
    expect(await errcodeOf(signedGet(server, own, path))).toBe('OK');
    const rotated = await platform.appManage.services.hostApps.rotateSecret(platform.owner, own.hostAppId);
    await eventually(
      async () => expect(await errcodeOf(signedGet(server, own, path))).toBe('SIGNATURE_INVALID'),
      500,
    );
    expect(
      await errcodeOf(signedGet(server, { sdkKey: own.sdkKey, sdkSecret: rotated.sdkSecret }, path)),
    ).toBe('OK');
  });
});

describe('the synchronous path (everything the request needs already in process)', () => {
  it('still refuses bad signatures, stale timestamps, replays, unlinked apps and serves the exact envelope bytes', async () => {
    const linked = await publishedApplet(platform);
    const other = await publishedApplet(platform);
    const keys = await linkedHostApp(platform, [linked.appId]);
    const path = `${P}/applets/${linked.appId}`;
    const otherPath = `${P}/applets/${other.appId}`;
    // Warm every entry both routes read (events of the setup may still drop some), until all are in process.
    const { readModel } = server.handle;
    await eventually(async () => {
      expect(await errcodeOf(signedGet(server, keys, path))).toBe('OK');
      expect(await errcodeOf(signedGet(server, keys, otherPath))).toBe('APPLET_NOT_LINKED');
      expect(readModel.cachedCredentials(keys.sdkKey)).toMatchObject({ hostAppId: keys.hostAppId });
      expect(readModel.cachedAppletState(linked.appId)).toBeDefined();
      expect(readModel.cachedIsLinked(keys.hostAppId, linked.appId)).toBe(true);
      expect(readModel.cachedIsLinked(keys.hostAppId, other.appId)).toBe(false);
    }, 1000);

    expect(
      await errcodeOf(signedGet(server, { sdkKey: keys.sdkKey, sdkSecret: `${keys.sdkSecret}x` }, path)),
    ).toBe('SIGNATURE_INVALID');
    const signed = signRuntimeRequest({
      sdkKey: keys.sdkKey,
      secret: keys.sdkSecret,
      path,
      query: { deviceId: 'a' },
    });
    expect(await errcodeOf(fetch(`${server.baseUrl}${path}?deviceId=b`, { headers: signed }))).toBe(
      'SIGNATURE_INVALID',
    );
    expect(await errcodeOf(signedGet(server, keys, path, {}, { timestamp: Date.now() - 6 * 60_000 }))).toBe(
      'TIMESTAMP_EXPIRED',
    );
    expect(await errcodeOf(signedGet(server, keys, otherPath))).toBe('APPLET_NOT_LINKED');
    const headers = signRuntimeRequest({ sdkKey: keys.sdkKey, secret: keys.sdkSecret, path });
    const first = await fetch(`${server.baseUrl}${path}`, { headers });
    const replay = await fetch(`${server.baseUrl}${path}`, { headers });
    expect((await json(replay)).errcode).toBe('NONCE_REPLAYED');

    // The body is written once per answer: the same bytes fastify would serialize for the envelope, as JSON.
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await first.text();
    const body = JSON.parse(text) as Envelope;
    expect(text).toBe(JSON.stringify({ errcode: 'OK', error: '', data: body.data }));
    const unchanged = await signedGet(server, keys, path, { knownDigest: body.data.digest });
    expect(unchanged.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await unchanged.text()).toBe(
      JSON.stringify({
        errcode: 'UNCHANGED',
        error: '',
        data: { digest: body.data.digest, versionId: linked.versionId },
      }),
    );
  });
});

describe('applet availability', () => {
  it('answers APPLET_NOT_FOUND, APPLET_NOT_LINKED, APPLET_FROZEN and APPLET_DELISTED', async () => {
    const linked = await publishedApplet(platform);
    const other = await publishedApplet(platform);
    const unreleased = await createMiniProgram(platform);
    const keys = await linkedHostApp(platform, [linked.appId, unreleased]);

    expect(await errcodeOf(signedGet(server, keys, `${P}/applets/mp${'0'.repeat(16)}`))).toBe(
      'APPLET_NOT_FOUND',
    );
    const notLinked = await signedGet(server, keys, `${P}/applets/${other.appId}`);
    expect(notLinked.status).toBe(403);
    expect((await json(notLinked)).errcode).toBe('APPLET_NOT_LINKED');
    expect(await errcodeOf(signedGet(server, keys, `${P}/applets/${unreleased}`))).toBe('APPLET_NOT_FOUND');

    // Linking invalidates the cached "not linked" answer.
    await platform.appManage.services.links.link(platform.owner, keys.hostAppId, other.appId);
    await eventually(
      async () => expect(await errcodeOf(signedGet(server, keys, `${P}/applets/${other.appId}`))).toBe('OK'),
      500,
    );

    await platform.appManage.services.miniPrograms.freeze(platform.admin, other.appId, 'policy review');
    await eventually(
      async () =>
        expect(await errcodeOf(signedGet(server, keys, `${P}/applets/${other.appId}`))).toBe('APPLET_FROZEN'),
      500,
    );
    expect(await errcodeOf(signedGet(server, keys, `${P}/applets/${other.appId}/package`))).toBe(
      'APPLET_FROZEN',
    );

    expect(await errcodeOf(signedGet(server, keys, `${P}/applets/${linked.appId}`))).toBe('OK');
    await platform.appManage.services.versions.delist(platform.owner, linked.versionId, 'withdrawn');
    // Same process: the cached answer is dropped as soon as the delist event is handled.
    // (The bound only separates event-driven invalidation from cache expiry, which takes minutes.)
    await eventually(
      async () =>
        expect(await errcodeOf(signedGet(server, keys, `${P}/applets/${linked.appId}`))).toBe(
          'APPLET_DELISTED',
        ),
      500,
    );
    const gone = await signedGet(server, keys, `${P}/applets/${linked.appId}/package`, {
      versionId: linked.versionId,
    });
    expect(gone.status).toBe(410);
    expect((await json(gone)).errcode).toBe('VERSION_UNAVAILABLE');
  });
});

describe('domains, SDK config and base library', () => {
  let appId: string;
  let keys: HostAppKeys;

  beforeAll(async () => {
    ({ appId } = await publishedApplet(platform));
    keys = await linkedHostApp(platform, [appId]);
  });

  it('serves the domain lists and follows their changes', async () => {
    const path = `${P}/applets/${appId}/domains`;
    const before = await json(await signedGet(server, keys, path));
    expect(before).toMatchObject({ errcode: 'OK', data: { appId, request: [], socket: [], business: [] } });
    // The domain subgraph knows the mini-program from app-manage's events.
    await eventually(async () => {
      await platform.domain.services.domains.replaceServiceDomains(platform.owner, appId, 'request', [
        'https://api.example.com',
      ]);
    });
    await eventually(
      async () =>
        expect((await json(await signedGet(server, keys, path))).data.request).toEqual([
          'https://api.example.com',
        ]),
      500,
    );
    const after = await json(await signedGet(server, keys, path));
    expect(after.data.digest).not.toBe(before.data.digest);
    expect(
      (await json(await signedGet(server, keys, path, { knownDigest: after.data.digest }))).errcode,
    ).toBe('UNCHANGED');
    expect((await json(await signedGet(server, keys, `${P}/applets/${appId}`))).data.domains.request).toBe(1);
  });

  it('serves the effective SDK config with ETag, 304 and UNCHANGED, and follows overrides', async () => {
    const first = await signedGet(server, keys, `${P}/config`);
    const body = await json(first);
    expect(body.errcode).toBe('OK');
    expect(body.data.config).toMatchObject({ maxCachedApplets: expect.any(Number) });
    expect(first.headers.get('etag')).toBe(`"${body.data.etag}"`);
    expect(
      (
        await signedGet(
          server,
          keys,
          `${P}/config`,
          {},
          { headers: { 'if-none-match': `"${body.data.etag}"` } },
        )
      ).status,
    ).toBe(304);
    expect(
      (await json(await signedGet(server, keys, `${P}/config`, { knownVersion: String(body.data.version) })))
        .errcode,
    ).toBe('UNCHANGED');
    expect(
      (await json(await signedGet(server, keys, `${P}/config`, { knownDigest: body.data.etag }))).errcode,
    ).toBe('UNCHANGED');

    await eventually(async () => {
      await platform.sdk.services.configs.setOverride(platform.owner, keys.hostAppId, {
        maxCachedApplets: 7,
      });
    });
    await eventually(
      async () =>
        expect((await json(await signedGet(server, keys, `${P}/config`))).data.config.maxCachedApplets).toBe(
          7,
        ),
      500,
    );
    const changed = await json(
      await signedGet(server, keys, `${P}/config`, { knownVersion: String(body.data.version) }),
    );
    expect(changed.errcode).toBe('OK');
    expect(changed.data.version).toBeGreaterThan(body.data.version);
  });

  it('serves the newest compatible base library, else the newest', async () => {
    expect(
      await errcodeOf(signedGet(server, keys, `${P}/base-library`, { sdkVersion: '1.0.0', platform: 'ios' })),
    ).toBe('BASE_LIBRARY_NOT_FOUND');
    const { buildZip } = await import('./sdk-runtime.test-support');
    const upload = async (version: string, minSdkVersion: string) =>
      platform.sdk.services.baseLibraries.upload(platform.admin, {
        version,
        minSdkVersion,
        platforms: ['IOS', 'ANDROID'],
        zip: await buildZip({
          'package.json': JSON.stringify({ version }),
          'dist/framework.js': `/* ${version} */`,
        }),
      });
    const old = await upload('1.0.0', '1.0.0');
    const newest = await upload('2.0.0', '3.0.0');
    await eventually(async () => {
      const body = await json(
        await signedGet(server, keys, `${P}/base-library`, { sdkVersion: '2.1.0', platform: 'ios' }),
      );
      expect(body.data).toMatchObject({
        version: '1.0.0',
        package: { sha256: old.packageSha256, size: old.packageSize },
      });
    }, 500);
    const modern = await json(
      await signedGet(server, keys, `${P}/base-library`, { sdkVersion: '3.2.0', platform: 'ANDROID' }),
    );
    expect(modern.data).toMatchObject({ version: '2.0.0', package: { sha256: newest.packageSha256 } });
    expect(modern.data.package.url).toContain('/objects/');
    expect(
      (
        await json(
          await signedGet(server, keys, `${P}/base-library`, {
            sdkVersion: '3.2.0',
            platform: 'ANDROID',
            knownVersion: '2.0.0',
          }),
        )
      ).errcode,
    ).toBe('UNCHANGED');
    // Nothing compatible with an ancient SDK: the newest.
    expect(
      (
        await json(
          await signedGet(server, keys, `${P}/base-library`, { sdkVersion: '0.1.0', platform: 'IOS' }),
        )
      ).data.version,
    ).toBe('2.0.0');
    expect(
      await errcodeOf(signedGet(server, keys, `${P}/base-library`, { sdkVersion: 'x.y', platform: 'IOS' })),
    ).toBe('BAD_REQUEST');
    expect(
      await errcodeOf(
        signedGet(server, keys, `${P}/base-library`, { sdkVersion: '1.0.0', platform: 'symbian' }),
      ),
    ).toBe('BAD_REQUEST');
  });
});
