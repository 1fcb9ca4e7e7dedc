import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'minio';
import S3rver from 's3rver';
import { PlatformError } from '../errors/platform-errors';
import { createObjectStore } from './create-object-store';
import type { ObjectStore } from './object-store.port';
import { S3ObjectStore } from './s3-object-store.driver';
import { verifyPresignedObjectUrl } from './object-url-signing';

const SECRET = 'test-object-url-secret-0123456789abcdef';
const MiB = 1024 * 1024;

/** What each driver provides to the shared contract: the store plus raw access to its backing storage. */
interface Harness {
  store: ObjectStore;
  /** Everything physically stored (files or bucket entries), to prove rejected writes left nothing. */
  rawEntries(): Promise<string[]>;
  /** Replaces the stored bytes behind the store's back, keeping the recorded digest. */
  corrupt(key: string, bytes: Buffer): Promise<void>;
  /** Makes the backend unreachable (last test only). */
  breakBackend(): Promise<void>;
  teardown(): Promise<void>;
}

interface DriverCase {
  name: 'fs' | 's3';
  /** Whether the test server checks link signatures (s3rver only checks SigV4 expiry, not the signature). */
  serverVerifiesSignatures: boolean;
  setup(): Promise<Harness>;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Stand-in for the HTTP layer: serves fs presigned links with verifyPresignedObjectUrl + store.get. */
async function startObjectServer(getStore: () => ObjectStore): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const { key } = verifyPresignedObjectUrl(req.url ?? '', { secret: SECRET });
        const { info, body } = await getStore().get(key);
        res.writeHead(200, { 'content-type': info.contentType, 'content-length': info.size });
        await pipeline(body, res);
      } catch (error) {
        if (res.headersSent) return void res.destroy();
        res.writeHead(error instanceof PlatformError ? error.httpStatus : 500).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const fsCase: DriverCase = {
  name: 'fs',
  serverVerifiesSignatures: true,
  async setup() {
    const dir = await mkdtemp(join(tmpdir(), 'grove-objects-'));
    const rootDir = join(dir, 'objects');
    // The link server needs the store and the store needs the server's address.
    const holder: { store?: ObjectStore } = {};
    const server = await startObjectServer(() => holder.store!);
    const { port } = server.address() as AddressInfo;
    const store = await createObjectStore({
      driver: 'fs',
      rootDir,
      publicBaseUrl: `http://127.0.0.1:${port}`,
      urlSigningSecret: SECRET,
    });
    holder.store = store;
    return {
      store,
      rawEntries: () => listFiles(rootDir),
      async corrupt(key, bytes) {
        const h = createHash('sha256').update(key).digest('hex');
        const meta = JSON.parse(await readFile(join(rootDir, h.slice(0, 2), `${h}.meta.json`), 'utf8')) as {
          version: string;
        };
        await writeFile(join(rootDir, h.slice(0, 2), `${h}.${meta.version}.data`), bytes);
      },
      breakBackend: () => rm(rootDir, { recursive: true, force: true }),
      async teardown() {
        await store.close();
        await new Promise((resolve) => server.close(resolve));
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

const s3Case: DriverCase = {
  name: 's3',
  serverVerifiesSignatures: false,
  async setup() {
    const dir = await mkdtemp(join(tmpdir(), 'grove-s3rver-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir });
    const { port } = await server.run();
    const bucket = 'grove-contract';
    const connection = {
      endPoint: '127.0.0.1',
      port,
      useSSL: false,
      accessKey: 'S3RVER',
      secretKey: 'S3RVER',
      region: 'us-east-1',
    };
    // Small thresholds so the 8 MiB test takes the multipart + copy path.
    const store = await createObjectStore({
      driver: 's3',
      ...connection,
      bucket,
      singleUploadMaxBytes: MiB,
      partSize: 5 * MiB,
    });
    const raw = new Client({ ...connection, pathStyle: true });
    let running = true;
    return {
      store,
      async rawEntries() {
        const names: string[] = [];
        for await (const item of raw.listObjectsV2(bucket, '', true))
          names.push((item as { name: string }).name);
        return names.sort();
      },
      async corrupt(key, bytes) {
        const stat = await raw.statObject(bucket, key);
        await raw.putObject(bucket, key, bytes, bytes.length, {
          'Content-Type': stat.metaData['content-type'] as string,
          'X-Amz-Meta-sha256': stat.metaData['sha256'] as string,
        });
      },
      async breakBackend() {
        running = false;
        await server.close();
      },
      async teardown() {
        await store.close();
        if (running) await server.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

async function readAll(stream: Readable): Promise<{ buffer: Buffer; chunks: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { buffer: Buffer.concat(chunks), chunks: chunks.length };
}

function chunkedStream(data: Buffer, chunkSize: number): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, i + chunkSize);
    })(),
  );
}

/** Yields `goodBytes` bytes, then fails like an aborted client upload. */
function failingStream(goodBytes: number): Readable {
  return Readable.from(
    (async function* () {
      for (let sent = 0; sent < goodBytes; sent += 64 * 1024)
        yield randomBytes(Math.min(64 * 1024, goodBytes - sent));
      throw new Error('client aborted upload');
    })(),
  );
}

function withSignature(url: string, mutate: (signature: string) => string): string {
  const parsed = new URL(url);
  const name = parsed.searchParams.has('signature') ? 'signature' : 'X-Amz-Signature';
  parsed.searchParams.set(name, mutate(parsed.searchParams.get(name)!));
  return parsed.toString();
}

// '0'/'1' are valid in both hex (S3) and base64url (fs) signatures.
const flipLast = (s: string) => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0');

describe.each([fsCase, s3Case])('ObjectStore contract ($name)', (driverCase) => {
  let h: Harness;
  let store: ObjectStore;

  beforeAll(async () => {
    h = await driverCase.setup();
    store = h.store;
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('reports its driver and answers ping', async () => {
    expect(store.driver).toBe(driverCase.name);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('puts a Buffer and records size, sha256, content type and metadata', async () => {
    const data = Buffer.from('{"name":"demo app"}');
    const info = await store.put('apps/demo/manifest.json', data, {
      contentType: 'application/json',
      metadata: { 'App-Id': 'demo', version: '1.0.0' },
    });
    expect(info).toMatchObject({
      key: 'apps/demo/manifest.json',
      size: data.length,
      sha256: sha256(data),
      contentType: 'application/json',
      metadata: { 'app-id': 'demo', version: '1.0.0' },
    });
    expect(info.lastModified).toBeInstanceOf(Date);
    const stat = await store.stat('apps/demo/manifest.json');
    expect(stat).toMatchObject({
      key: info.key,
      size: info.size,
      sha256: info.sha256,
      contentType: info.contentType,
      metadata: info.metadata,
    });
  });

  it('puts a stream and gets the same bytes back as a stream', async () => {
    const data = randomBytes(300 * 1024 + 7);
    const info = await store.put('apps/demo/1.0.0/package.zip', chunkedStream(data, 10_000), {
      contentType: 'application/zip',
    });
    expect(info.size).toBe(data.length);
    expect(info.sha256).toBe(sha256(data));
    const { info: got, body } = await store.get('apps/demo/1.0.0/package.zip');
    expect(got).toMatchObject({ size: data.length, sha256: sha256(data), contentType: 'application/zip' });
    expect(body).toBeInstanceOf(Readable);
    expect((await readAll(body)).buffer.equals(data)).toBe(true);
  });

  it('defaults the content type and stores empty objects', async () => {
    const info = await store.put('empty/object', Buffer.alloc(0));
    expect(info).toMatchObject({
      size: 0,
      sha256: sha256(Buffer.alloc(0)),
      contentType: 'application/octet-stream',
      metadata: {},
    });
    const { body } = await store.get('empty/object');
    expect((await readAll(body)).buffer.length).toBe(0);
  });

  it('streams an 8 MiB object in and out', async () => {
    const data = randomBytes(8 * MiB);
    const info = await store.put('base-libs/2.0.0/lib.bundle', chunkedStream(data, 256 * 1024));
    expect(info).toMatchObject({ size: data.length, sha256: sha256(data) });
    const { info: got, body } = await store.get('base-libs/2.0.0/lib.bundle');
    expect(got.sha256).toBe(sha256(data));
    const read = await readAll(body);
    expect(read.chunks).toBeGreaterThan(1); // delivered incrementally, not as one buffer
    expect(sha256(read.buffer)).toBe(sha256(data));
  });

  it('reports absent objects as null / NOT_FOUND / false', async () => {
    await expect(store.stat('nope/missing.txt')).resolves.toBeNull();
    await expect(store.get('nope/missing.txt')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.delete('nope/missing.txt')).resolves.toBe(false);
  });

  it('deletes objects', async () => {
    await store.put('logos/org-1.png', Buffer.from('png-bytes'), { contentType: 'image/png' });
    await expect(store.delete('logos/org-1.png')).resolves.toBe(true);
    await expect(store.stat('logos/org-1.png')).resolves.toBeNull();
    await expect(store.get('logos/org-1.png')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.delete('logos/org-1.png')).resolves.toBe(false);
    expect((await h.rawEntries()).some((name) => name.includes('org-1'))).toBe(false);
  });

  it('overwrites: the new content, type and metadata replace the old', async () => {
    await store.put('apps/demo/icon', Buffer.from('old icon'), {
      contentType: 'image/png',
      metadata: { rev: '1', legacy: 'yes' },
    });
    const next = Buffer.from('the new icon, longer than before');
    await store.put('apps/demo/icon', chunkedStream(next, 5), {
      contentType: 'image/webp',
      metadata: { rev: '2' },
    });
    const { info, body } = await store.get('apps/demo/icon');
    expect(info).toMatchObject({
      size: next.length,
      sha256: sha256(next),
      contentType: 'image/webp',
      metadata: { rev: '2' },
    });
    expect((await readAll(body)).buffer.equals(next)).toBe(true);
  });

  it('keeps the previous object intact when an upload fails midway', async () => {
    const original = Buffer.from('version one');
    await store.put('apps/demo/atomic.zip', original);
    const before = await h.rawEntries();
    // Fails before the first byte: the temp file may still be opening when the upload is abandoned.
    await expect(store.put('apps/demo/atomic.zip', failingStream(0))).rejects.toThrow(
      'client aborted upload',
    );
    await expect(store.put('apps/demo/atomic.zip', failingStream(100 * 1024))).rejects.toThrow(
      'client aborted upload',
    );
    await expect(store.put('apps/demo/atomic.zip', failingStream(3 * MiB))).rejects.toThrow(
      'client aborted upload',
    );
    await expect(store.put('apps/demo/never-written.zip', failingStream(3 * MiB))).rejects.toThrow(
      'client aborted upload',
    );
    const { info, body } = await store.get('apps/demo/atomic.zip');
    expect(info.sha256).toBe(sha256(original));
    expect((await readAll(body)).buffer.equals(original)).toBe(true);
    await expect(store.stat('apps/demo/never-written.zip')).resolves.toBeNull();
    expect(await h.rawEntries()).toEqual(before); // no temp files or partial objects left behind
  });

  // s3rver writes an object's body and its metadata as two files, so concurrent PUTs to one key can leave
  // them from different writers; S3 and MinIO replace objects atomically. The race runs only where the
  // backend under test promises that (the fs driver here; the S3 driver needs a real server for it).
  const atomicBackend = driverCase.name === 'fs';
  if (!atomicBackend)
    console.warn(
      `ObjectStore contract (${driverCase.name}): concurrent-overwrite race skipped: s3rver does not replace objects atomically`,
    );
  (atomicBackend ? it : it.skip)('ends with one consistent object after concurrent overwrites', async () => {
    const versions = [1, 2, 3, 4, 5].map((n) => randomBytes(20_000 + n));
    await Promise.all(versions.map((data) => store.put('apps/demo/race.bin', chunkedStream(data, 4096))));
    const { info, body } = await store.get('apps/demo/race.bin');
    const read = (await readAll(body)).buffer;
    expect(versions.map(sha256)).toContain(info.sha256);
    expect(sha256(read)).toBe(info.sha256);
    if (driverCase.name === 'fs') {
      // Replaced data files are removed once their successor is committed.
      expect((await h.rawEntries()).filter((name) => name.endsWith('.data')).length).toBe(
        (await h.rawEntries()).filter((name) => name.endsWith('.meta.json')).length,
      );
    }
  });

  it('lets a key and a key below it coexist', async () => {
    await store.put('nested/a', Buffer.from('file a'));
    await store.put('nested/a/b', Buffer.from('file a/b'));
    expect((await readAll((await store.get('nested/a')).body)).buffer.toString()).toBe('file a');
    expect((await readAll((await store.get('nested/a/b')).body)).buffer.toString()).toBe('file a/b');
  });

  it('rejects bad keys, options and bodies without writing anything', async () => {
    const before = await h.rawEntries();
    const badKeys = [
      '',
      '/abs/key',
      '../escape',
      'a/../b',
      'a/./b',
      'a//b',
      'trailing/',
      '.hidden',
      'a/.uploads/x',
      'sp ace',
      'back\\slash',
      'nul\0byte',
      'ünïcode',
      'q?x=1',
      'x'.repeat(513),
    ];
    for (const key of badKeys) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(store.get(key)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(store.stat(key)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(store.delete(key)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(store.presignedGetUrl(key, 60)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    await expect(store.put('ok/key', Buffer.from('x'), { contentType: 'not a type' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(
      store.put('ok/key', Buffer.from('x'), { metadata: { sha256: 'forged' } }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      store.put('ok/key', Buffer.from('x'), { metadata: { 'content-type': 'text/html' } }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      store.put('ok/key', Buffer.from('x'), { metadata: { note: 'line\nbreak' } }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(store.put('ok/key', 'a string' as unknown as Buffer)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(store.presignedGetUrl('ok/key', 0)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(store.presignedGetUrl('ok/key', 8 * 24 * 3600)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await h.rawEntries()).toEqual(before);
  });

  it('accepts keys using the whole allowed charset', async () => {
    const key = 'Org_1/app-2/v1.0.0~rc/file.name.tar.gz';
    await store.put(key, Buffer.from('ok'));
    await expect(store.stat(key)).resolves.toMatchObject({ key, size: 2 });
  });

  it('serves presigned URLs over HTTP and refuses tampered ones', async () => {
    const data = randomBytes(200 * 1024);
    await store.put('apps/demo/2.0.0/package.zip', data, { contentType: 'application/zip' });
    await store.put('apps/other/secret.zip', Buffer.from('another object'));
    const url = await store.presignedGetUrl('apps/demo/2.0.0/package.zip', 300);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(data)).toBe(true);

    if (!driverCase.serverVerifiesSignatures) {
      // s3rver leaves SigV4 signatures unchecked (a real S3 service enforces them): check what we asked for.
      const params = new URL(url).searchParams;
      expect(params.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
      expect(params.get('X-Amz-Expires')).toBe('300');
      expect(params.get('X-Amz-Credential')).toMatch(/^S3RVER\/\d{8}\/us-east-1\/s3\/aws4_request$/);
      expect(params.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
      return;
    }
    const badSignature = await fetch(withSignature(url, flipLast));
    expect(badSignature.status).toBe(403);
    await badSignature.arrayBuffer();
    const otherKey = await fetch(url.replace('apps/demo/2.0.0/package.zip', 'apps/other/secret.zip'));
    expect(otherKey.status).toBe(403);
    await otherKey.arrayBuffer();
  });

  it('refuses presigned URLs after they expire', async () => {
    await store.put('apps/demo/short-lived.txt', Buffer.from('soon gone'));
    const url = await store.presignedGetUrl('apps/demo/short-lived.txt', 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const res = await fetch(url);
    expect(res.status).toBe(403);
    await res.arrayBuffer();
  });

  it('fails the read stream when stored bytes no longer match the recorded digest', async () => {
    await store.put('apps/demo/tampered.bin', Buffer.from('genuine content'));
    await h.corrupt('apps/demo/tampered.bin', Buffer.from('forged content!'));
    const { body } = await store.get('apps/demo/tampered.bin');
    await expect(readAll(body)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('releases the backend when a reader stops early', async () => {
    await store.put('apps/demo/partial-read.bin', randomBytes(2 * MiB));
    const { body } = await store.get('apps/demo/partial-read.bin');
    for await (const _chunk of body) break; // destroys the stream
    expect(body.destroyed).toBe(true);
    await expect(store.stat('apps/demo/partial-read.bin')).resolves.toMatchObject({ size: 2 * MiB });
  });

  it('maps a lost backend to UNAVAILABLE without naming it', async () => {
    await h.breakBackend();
    for (const attempt of [store.ping(), store.put('apps/demo/after-outage', Buffer.from('x'))]) {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'UNAVAILABLE' });
      expect((error as Error).message).not.toMatch(/minio|s3|ECONN|ENOENT|\//i);
    }
  });
});

describe('S3ObjectStore.open', () => {
  it('fails fast with UNAVAILABLE when nothing listens at the endpoint', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve)); // a port that was free a moment ago
    const error = await S3ObjectStore.open({
      endPoint: '127.0.0.1',
      port,
      accessKey: 'k',
      secretKey: 'secret-key',
      bucket: 'b-1',
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: 'Object storage is unavailable' });
  });
});

describe('verifyPresignedObjectUrl', () => {
  let dir: string;
  let store: ObjectStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grove-objects-url-'));
    store = await createObjectStore({
      driver: 'fs',
      rootDir: dir,
      publicBaseUrl: 'https://cdn.example.com/grove/',
      urlSigningSecret: SECRET,
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts the absolute URL and the request target an HTTP server sees', async () => {
    const url = await store.presignedGetUrl('apps/demo/pkg.zip', 600);
    expect(url).toMatch(
      /^https:\/\/cdn\.example\.com\/grove\/objects\/apps\/demo\/pkg\.zip\?expires=\d+&signature=[\w-]+$/,
    );
    const verified = verifyPresignedObjectUrl(url, { secret: SECRET });
    expect(verified.key).toBe('apps/demo/pkg.zip');
    expect(verified.expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
    const target = new URL(url);
    expect(
      verifyPresignedObjectUrl(target.pathname.replace('/grove', '') + target.search, { secret: SECRET }).key,
    ).toBe('apps/demo/pkg.zip');
  });

  it('rejects expired, tampered, foreign-secret and malformed links', async () => {
    const url = await store.presignedGetUrl('apps/demo/pkg.zip', 60);
    const reason = (input: string, secret = SECRET, now?: Date) => {
      try {
        verifyPresignedObjectUrl(input, { secret, now });
        return 'accepted';
      } catch (error) {
        expect(error).toMatchObject({ code: 'FORBIDDEN' });
        return (error as PlatformError).details?.reason;
      }
    };
    expect(reason(url, SECRET, new Date(Date.now() + 61_000))).toBe('expired');
    expect(reason(url, SECRET, new Date(Date.now() + 30_000))).toBe('accepted');
    expect(reason(withSignature(url, flipLast))).toBe('bad_signature');
    expect(reason(url.replace('pkg.zip', 'pkg2.zip'))).toBe('bad_signature');
    const later = new URL(url);
    later.searchParams.set('expires', String(Number(later.searchParams.get('expires')) + 3600));
    expect(reason(later.toString())).toBe('bad_signature');
    expect(reason(url, 'another-secret-that-is-long-enough-000000')).toBe('bad_signature');
    expect(reason(url.replace('apps/demo', 'apps//demo'))).toBe('malformed');
    expect(reason(url.replace(/&signature=[^&]+/, ''))).toBe('malformed');
    expect(reason('/elsewhere/pkg.zip?expires=1&signature=x')).toBe('malformed');
    expect(reason(url.replace(/expires=\d+/, 'expires=soon'))).toBe('malformed');
  });
});
