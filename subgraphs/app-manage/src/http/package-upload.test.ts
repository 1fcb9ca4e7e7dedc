import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { ANONYMOUS, UnauthenticatedError, type Principal } from '@grove/platform';
import { VersionModel } from '../store/version.model';
import { buildZip, createApp, createHarness, w3cPackage, type Harness } from '../app-manage.test-support';
import { packageKey } from '../service/version.service';
import { registerUploadRoutes } from './upload-routes.fastify';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

async function readAll(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('package upload', () => {
  let h: Harness;
  let appId: string;
  beforeEach(async () => {
    h = await createHarness({ settings: { maxPackageBytes: 64 * 1024, maxLogoBytes: 4096 } });
    appId = (await createApp(h)).appId;
  });
  afterEach(() => h.dispose());

  it('validates a real ZIP, stores it under packages/<appId>/<versionId>.zip with its sha256 and creates a DEVELOPMENT version', async () => {
    const zip = await w3cPackage(appId, '2.1.0', 21);
    const { statusCode, body: version } = await h.app.handlePackageUpload(h.developerA, appId, zip, {
      contentType: 'application/zip',
      releaseNotes: 'First',
    });
    expect(statusCode).toBe(201);
    const sha256 = createHash('sha256').update(zip).digest('hex');
    expect(version).toMatchObject({
      appId,
      status: 'DEVELOPMENT',
      versionName: '2.1.0',
      versionCode: 21,
      releaseNotes: 'First',
      packageFormat: 'w3c',
      packageSha256: sha256,
      packageSize: zip.length,
      packageKey: packageKey(appId, version.id),
      pages: ['pages/index/index'],
      minPlatformCode: 3,
      uploadedBy: h.developerA.userId,
    });
    const { info, body } = await h.objects.get(packageKey(appId, version.id));
    expect(info.sha256).toBe(sha256);
    expect(info.contentType).toBe('application/zip');
    expect((await readAll(body)).equals(zip)).toBe(true);
  });

  it('takes the version name from the query over the manifest, and refuses a duplicate name', async () => {
    const first = await h.app.handlePackageUpload(h.ownerA, appId, await w3cPackage(appId, '1.0.0'), {
      contentType: 'application/zip',
      versionName: 'v1-beta',
    });
    expect(first.body.versionName).toBe('v1-beta');
    await expect(
      h.app.handlePackageUpload(h.ownerA, appId, await w3cPackage(appId, '1.0.1'), {
        contentType: 'application/zip',
        versionName: 'v1-beta',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const versions = await h.runtime.documents.collection(VersionModel).find({ appId });
    expect(versions).toHaveLength(1);
  });

  it('refuses a manifest app_id of another mini-program, broken packages, oversize bodies and wrong content types', async () => {
    const other = await createApp(h, 'Other');
    await expect(
      h.app.handlePackageUpload(h.ownerA, appId, await w3cPackage(other.appId), {
        contentType: 'application/zip',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'APP_ID_MISMATCH' },
    });
    await expect(
      h.app.handlePackageUpload(h.ownerA, appId, Buffer.from('not a zip at all'), {
        contentType: 'application/zip',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'PACKAGE_NOT_ZIP' },
    });
    await expect(
      h.app.handlePackageUpload(h.ownerA, appId, await buildZip({ 'readme.txt': 'hi' }), {
        contentType: 'application/zip',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(
      h.app.handlePackageUpload(h.ownerA, appId, Buffer.alloc(64 * 1024 + 1), {
        contentType: 'application/zip',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'PACKAGE_TOO_LARGE' },
    });
    await expect(
      h.app.handlePackageUpload(h.ownerA, appId, await w3cPackage(appId), {
        contentType: 'application/json',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'UNSUPPORTED_MEDIA_TYPE' },
    });
    expect(await h.runtime.documents.collection(VersionModel).count({ appId })).toBe(0);
  });

  it('checks the caller before reading the package', async () => {
    const zip = await w3cPackage(appId);
    await expect(
      h.app.handlePackageUpload(ANONYMOUS, appId, zip, { contentType: 'application/zip' }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      h.app.handlePackageUpload(h.ownerB, appId, Buffer.from('garbage'), { contentType: 'application/zip' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      h.app.handlePackageUpload(h.reviewer, appId, zip, { contentType: 'application/zip' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('stores a sniffed logo image and replaces the previous one', async () => {
    const { body: first } = await h.app.handleLogoUpload(h.ownerA, appId, PNG, { contentType: 'image/png' });
    expect(first.logoKey).toMatch(new RegExp(`^logos/${appId}/[0-9a-f]{64}\\.png$`));
    expect(await h.objects.stat(first.logoKey!)).toMatchObject({ contentType: 'image/png' });
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);
    const { body: second } = await h.app.handleLogoUpload(h.ownerA, appId, jpeg, {
      contentType: 'image/jpeg',
    });
    expect(second.logoKey).toMatch(/\.jpg$/);
    expect(await h.objects.stat(first.logoKey!)).toBeNull();
    await expect(
      h.app.handleLogoUpload(h.ownerA, appId, Buffer.from('<svg/>'), { contentType: 'image/png' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      h.app.handleLogoUpload(h.ownerA, appId, Buffer.concat([PNG, Buffer.alloc(5000)]), {
        contentType: 'image/png',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  describe('mounted on fastify', () => {
    let server: FastifyInstance;
    let base: string;
    // light-my-request (inject) cannot load under jest's CommonJS runtime; go over real loopback HTTP instead.
    const inject = async (req: {
      method: string;
      url: string;
      headers?: Record<string, string>;
      payload?: Buffer | string;
    }) => {
      const res = await fetch(base + req.url, {
        method: req.method,
        headers: req.headers,
        body: req.payload,
      });
      const text = await res.text();
      return { statusCode: res.status, json: () => JSON.parse(text) as unknown };
    };
    const tokens = new Map<string, Principal>();
    beforeEach(async () => {
      tokens.set('owner-a', h.ownerA);
      tokens.set('owner-b', h.ownerB);
      server = Fastify();
      await registerUploadRoutes(server, h.app.routes, {
        authenticate: async (headers) => {
          const auth = headers.authorization;
          if (auth === undefined) return ANONYMOUS;
          const principal = tokens.get(String(auth).replace(/^Bearer /, ''));
          if (!principal) throw new UnauthenticatedError('Invalid token');
          return principal;
        },
      });
      server.get('/other', async () => ({ ok: true }));
      base = await server.listen({ host: '127.0.0.1', port: 0 });
    });
    afterEach(() => server.close());

    it('answers POST /uploads/mini-programs/:appId/versions with the version in the REST envelope', async () => {
      const zip = await w3cPackage(appId, '3.0.0');
      const res = await inject({
        method: 'POST',
        url: `/uploads/mini-programs/${appId}/versions?releaseNotes=hello`,
        headers: { authorization: 'Bearer owner-a', 'content-type': 'application/zip' },
        payload: zip,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        errcode: 'OK',
        error: '',
        data: { appId, versionName: '3.0.0', releaseNotes: 'hello', status: 'DEVELOPMENT' },
      });
    });

    it('maps refusals to status codes and error codes', async () => {
      const zip = await w3cPackage(appId);
      const post = (headers: Record<string, string>, payload: Buffer | string = zip) =>
        inject({ method: 'POST', url: `/uploads/mini-programs/${appId}/versions`, headers, payload });

      expect((await post({ 'content-type': 'application/zip' })).statusCode).toBe(401);
      expect(
        (await post({ authorization: 'Bearer nope', 'content-type': 'application/zip' })).json(),
      ).toMatchObject({ errcode: 'UNAUTHENTICATED' });
      const foreign = await post({ authorization: 'Bearer owner-b', 'content-type': 'application/zip' });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json()).toMatchObject({ errcode: 'FORBIDDEN' });
      expect(
        (await post({ authorization: 'Bearer owner-a', 'content-type': 'text/plain' }, 'hi')).statusCode,
      ).toBe(415);
      const tooBig = await post(
        { authorization: 'Bearer owner-a', 'content-type': 'application/zip' },
        Buffer.alloc(64 * 1024 + 10),
      );
      expect(tooBig.statusCode).toBe(413);
      const bad = await post(
        { authorization: 'Bearer owner-a', 'content-type': 'application/zip' },
        Buffer.from('PK-not-really'),
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ errcode: 'BAD_USER_INPUT', data: { reason: 'PACKAGE_NOT_ZIP' } });
      // The raw-body parser stays inside the upload scope.
      expect((await inject({ method: 'GET', url: '/other' })).json()).toEqual({ ok: true });
    });
  });
});
