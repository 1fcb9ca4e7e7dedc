import { Readable } from 'node:stream';
import { signRuntimeRequest } from '@grove/sdk-runtime';
import {
  createRestPlatform,
  miniAppPackage,
  startRestRouter,
  TEST_MAX_PACKAGE_BYTES,
  type RestPlatform,
  type RestRouter,
} from './test-support/rest-platform.fixture';
import { uploadProxyRoutesFromEnv } from './upload-proxy.routes';

const MB = 1024 * 1024;
const ZIP = { 'content-type': 'application/zip' };

let p: RestPlatform;
beforeAll(async () => {
  p = await createRestPlatform();
}, 60_000);
afterAll(() => p?.dispose());

/** A lazily generated body: counts the bytes fetch pulled from it. */
function bodyStream(total: number): { body: ReadableStream; pulled: () => number } {
  let pulled = 0;
  const chunk = Buffer.alloc(64 * 1024, 7);
  const readable = new Readable({
    read() {
      if (pulled >= total) return this.push(null);
      pulled += chunk.length;
      this.push(chunk);
    },
  });
  return { body: Readable.toWeb(readable) as ReadableStream, pulled: () => pulled };
}

async function send(
  base: string,
  path: string,
  init: { headers?: Record<string, string>; body?: Buffer | ReadableStream; method?: string } = {},
) {
  const response = await fetch(base + path, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text || 'null') as any };
}

async function bearer(user = p.owner): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await p.runtime.tokens.signAccessToken(user)}` };
}

async function newApp(): Promise<string> {
  return (
    await p.appManage.services.miniPrograms.create(p.owner, {
      orgId: p.orgId,
      name: `App ${Math.random().toString(36).slice(2, 8)}`,
      category: 'tools',
      tags: [],
    })
  ).id;
}

function expectRateLimited(res: { status: number; headers: Headers; body: any }) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(res.body).toMatchObject({ errcode: 'RATE_LIMITED' });
}

describe('uploads on the router (embedded)', () => {
  let t: RestRouter;
  beforeAll(async () => {
    t = await startRestRouter(p, {
      env: { RATE_LIMIT_IP_POINTS: '1000', RATE_LIMIT_USER_POINTS: '1000', RATE_LIMIT_UPLOAD_POINTS: '1000' },
    });
  }, 60_000);
  afterAll(() => t?.close());

  it('stores a package uploaded through the router', async () => {
    const appId = await newApp();
    const res = await send(t.base, `/uploads/mini-programs/${appId}/versions?releaseNotes=hi`, {
      headers: { ...ZIP, ...(await bearer()) },
      body: await miniAppPackage(appId),
    });
    expect(res.body).toMatchObject({ errcode: 'OK' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      errcode: 'OK',
      data: { appId, status: 'DEVELOPMENT', releaseNotes: 'hi', uploadedBy: p.owner.userId },
    });
  });

  it('refuses an anonymous 50 MB upload with 401 before reading its body', async () => {
    const appId = await newApp();
    const before = t.bytesRead();
    const { body, pulled } = bodyStream(50 * MB);
    const res = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: { ...ZIP, 'content-length': String(50 * MB) },
      body,
    });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ errcode: 'UNAUTHENTICATED' });
    expect(res.headers.get('connection')).toBe('close');
    // Headers plus at most one socket read: the rest of the 50 MB was never taken off the wire.
    expect(t.bytesRead() - before).toBeLessThan(256 * 1024);
    expect(pulled()).toBeLessThan(50 * MB);
  });

  it('refuses a bad token the same way, and a chunked anonymous body too', async () => {
    const appId = await newApp();
    const before = t.bytesRead();
    const bad = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: { ...ZIP, authorization: 'Bearer nope' },
      body: bodyStream(50 * MB).body,
    });
    expect(bad.status).toBe(401);
    const chunked = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: ZIP,
      body: bodyStream(50 * MB).body,
    });
    expect(chunked.status).toBe(401);
    expect(t.bytesRead() - before).toBeLessThan(512 * 1024);
  });

  it('answers 413 that fetch can read, from the declared length and from counted bytes', async () => {
    const appId = await newApp();
    const auth = await bearer();
    const before = t.bytesRead();
    const declared = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: { ...ZIP, ...auth },
      body: Buffer.alloc(50 * MB),
    });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({
      errcode: 'BAD_USER_INPUT',
      data: { reason: 'PAYLOAD_TOO_LARGE', maxBytes: TEST_MAX_PACKAGE_BYTES },
    });
    expect(t.bytesRead() - before).toBeLessThan(256 * 1024);

    // No content-length: the cap is counted while reading, and reading stops there.
    const streamed = bodyStream(50 * MB);
    const counted = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: { ...ZIP, ...auth },
      body: streamed.body,
    });
    expect(counted.status).toBe(413);
    expect(counted.body).toMatchObject({ data: { reason: 'PAYLOAD_TOO_LARGE' } });
    expect(streamed.pulled()).toBeLessThan(50 * MB);
  });

  it('applies the CSRF rule to uploads', async () => {
    const appId = await newApp();
    const auth = await bearer();
    const simple = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: { 'content-type': 'text/plain', ...auth },
      body: Buffer.from('hi'),
    });
    expect(simple.status).toBe(400);
    expect(simple.body).toMatchObject({ errcode: 'BAD_REQUEST', data: { reason: 'CSRF' } });
    const untyped = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: auth,
      body: Buffer.from('PK'),
    });
    expect(untyped.body).toMatchObject({ data: { reason: 'CSRF' } });
    // A preflight-forcing header lets a simple content type through CSRF; the route then refuses the type.
    const preflighted = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: { 'content-type': 'text/plain', 'apollo-require-preflight': '1', ...auth },
      body: Buffer.from('hi'),
    });
    expect(preflighted.status).toBe(415);
  });
});

describe('rate limits of the REST routes', () => {
  it('limits each client IP on uploads, signed object links and the SDK runtime', async () => {
    const t = await startRestRouter(p, { env: { RATE_LIMIT_IP_POINTS: '3' } });
    try {
      const key = `logos/${p.orgId}/probe.png`;
      await p.objects.put(key, Buffer.from('png'), { contentType: 'image/png' });
      const link = new URL(await p.objects.presignedGetUrl(key, 60));
      const object = () => fetch(t.base + link.pathname + link.search);
      for (let i = 0; i < 3; i++) expect((await object()).status).toBe(200);
      const refused = await object();
      expectRateLimited({ status: refused.status, headers: refused.headers, body: await refused.json() });

      expectRateLimited(await send(t.base, '/runtime/v1/config', { method: 'GET' }));
      const appId = await newApp();
      expectRateLimited(
        await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
          headers: { ...ZIP, ...(await bearer()) },
          body: bodyStream(50 * MB).body,
        }),
      );
    } finally {
      await t.close();
    }
  });

  it('limits uploads per user and runtime calls per host app', async () => {
    const t = await startRestRouter(p, {
      env: { RATE_LIMIT_IP_POINTS: '1000', RATE_LIMIT_UPLOAD_POINTS: '2', RATE_LIMIT_HOST_APP_POINTS: '2' },
    });
    try {
      const appId = await newApp();
      const auth = await bearer();
      for (let i = 0; i < 2; i++) {
        const res = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
          headers: { ...ZIP, ...auth },
          body: await miniAppPackage(appId, `1.0.${i}`, i + 1),
        });
        expect(res.status).toBe(201);
      }
      expectRateLimited(
        await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
          headers: { ...ZIP, ...auth },
          body: await miniAppPackage(appId, '1.0.9', 9),
        }),
      );
      // Another user has its own upload bucket.
      const other = { ...p.owner, userId: `${p.owner.userId}x` };
      expect(
        (
          await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
            headers: { ...ZIP, ...(await bearer(other)) },
            body: await miniAppPackage(appId, '1.1.0', 11),
          })
        ).status,
      ).toBe(201);

      const hostApp = async () =>
        await p.appManage.services.hostApps.create(p.owner, {
          orgId: p.orgId,
          name: `Host ${Math.random()}`,
          iosBundleIds: ['com.example.host'],
        });
      const [first, second] = [await hostApp(), await hostApp()];
      const config = (keys: { sdkKey: string; sdkSecret: string }) =>
        send(t.base, '/runtime/v1/config', {
          method: 'GET',
          headers: signRuntimeRequest({
            sdkKey: keys.sdkKey,
            secret: keys.sdkSecret,
            path: '/runtime/v1/config',
            query: '',
          }),
        });
      for (let i = 0; i < 2; i++) expect((await config(first)).body).toMatchObject({ errcode: 'OK' });
      expectRateLimited(await config(first));
      expect((await config(second)).body).toMatchObject({ errcode: 'OK' });
      // A stranger's badly signed calls never reach the host app's bucket.
      const forged = await config({ sdkKey: second.sdkKey, sdkSecret: 'not-the-secret' });
      expect(forged.body).toMatchObject({ errcode: 'SIGNATURE_INVALID' });
      expect((await config(second)).body).toMatchObject({ errcode: 'OK' });
    } finally {
      await t.close();
    }
  });
});

describe('uploads through the router in distributed mode', () => {
  let t: RestRouter;
  beforeAll(async () => {
    // The router's own cap on the package route is small here, so going over it never reaches app-manage.
    const routes = uploadProxyRoutesFromEnv({
      MINI_PROGRAM_PACKAGE_MAX_BYTES: String(TEST_MAX_PACKAGE_BYTES),
    });
    t = await startRestRouter(p, {
      mode: 'distributed',
      uploadRoutes: routes,
      env: { RATE_LIMIT_IP_POINTS: '1000' },
    });
  }, 60_000);
  afterAll(() => t?.close());

  it('forwards the upload with the caller to app-manage and relays its answer', async () => {
    const appId = await newApp();
    const res = await send(t.base, `/uploads/mini-programs/${appId}/versions?versionName=via-router`, {
      headers: { ...ZIP, ...(await bearer()) },
      body: await miniAppPackage(appId),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      errcode: 'OK',
      data: { appId, versionName: 'via-router', uploadedBy: p.owner.userId },
    });
    expect(await p.objects.stat(res.body.data.packageKey)).toMatchObject({ contentType: 'application/zip' });
    // Refusals of the service come back as they are.
    const broken = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: { ...ZIP, ...(await bearer()) },
      body: Buffer.from('PK-not-really'),
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ errcode: 'BAD_USER_INPUT', data: { reason: 'PACKAGE_NOT_ZIP' } });
    const stranger = { ...p.owner, userId: 'stranger', memberships: [] };
    expect(
      (
        await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
          headers: { ...ZIP, ...(await bearer(stranger)) },
          body: await miniAppPackage(appId),
        })
      ).status,
    ).toBe(403);
  });

  it('refuses anonymous, oversize and cross-site uploads at the router', async () => {
    const appId = await newApp();
    const before = t.bytesRead();
    const anonymous = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: { ...ZIP, 'content-length': String(50 * MB) },
      body: bodyStream(50 * MB).body,
    });
    expect(anonymous.status).toBe(401);
    expect(t.bytesRead() - before).toBeLessThan(256 * 1024);
    const auth = await bearer();
    expect(
      (
        await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
          headers: { ...ZIP, ...auth },
          body: Buffer.alloc(50 * MB),
        })
      ).status,
    ).toBe(413);
    const streamed = bodyStream(50 * MB);
    const counted = await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
      headers: { ...ZIP, ...auth },
      body: streamed.body,
    });
    expect(counted.status).toBe(413);
    expect(streamed.pulled()).toBeLessThan(50 * MB);
    expect(
      (
        await send(t.base, `/uploads/mini-programs/${appId}/versions`, {
          headers: { 'content-type': 'text/plain', ...auth },
          body: Buffer.from('x'),
        })
      ).body,
    ).toMatchObject({
      data: { reason: 'CSRF' },
    });
  });

  it('forwards sdk uploads to the sdk service', async () => {
    // A signed-in user without platform:configure: the sdk service refuses, which proves the route reached it.
    const res = await send(t.base, '/uploads/base-libraries?version=1.0.0&platform=IOS', {
      headers: { ...ZIP, ...(await bearer()) },
      body: Buffer.from('PK'),
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ errcode: 'FORBIDDEN' });
  });
});
