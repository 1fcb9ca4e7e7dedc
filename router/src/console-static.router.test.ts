import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, brotliCompressSync } from 'node:zlib';
import { request } from 'undici';
import { randomToken } from '@grove/platform';
import { composeSupergraph } from './compose-supergraph';
import { IMMUTABLE_CACHE, REVALIDATE_CACHE } from './console-static.routes';
import { startTestRouter, type TestRouter } from './test-support/router-harness';
import { createNotesSubgraph, createPeopleSubgraph } from './test-support/test-subgraphs';

// A console build as Vite writes it: index.html naming hashed files under assets/.
const INDEX =
  '<!doctype html><html><head><script type="module" src="/console/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("console")';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'grove-console-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(tmpdir(), 'grove-console-secret.txt'), 'outside the build');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const secrets = { JWT_SECRET: randomToken(32), INTERNAL_TOKEN_SECRET: randomToken(32) };

describe.each(['embedded', 'distributed'] as const)('the console at /console (%s mode)', (mode) => {
  let t: TestRouter;
  beforeAll(async () => {
    if (mode === 'embedded') {
      t = await startTestRouter({ env: { CONSOLE_DIR: dir } });
    } else {
      // The router of the standard profile: no module in process, subgraphs elsewhere (never called here).
      const sdl = [await createPeopleSubgraph(), await createNotesSubgraph()].map((m) => ({
        name: m.name,
        sdl: m.sdl,
      }));
      t = await startTestRouter({
        env: {
          CONSOLE_DIR: dir,
          SUBGRAPH_MODE: 'distributed',
          SUBGRAPH_URLS: 'people=http://127.0.0.1:9/graphql,notes=http://127.0.0.1:9/graphql',
        },
        runtimeEnv: secrets,
        modules: [],
        supergraphSdl: composeSupergraph(sdl),
      });
    }
  }, 60_000);
  afterAll(() => t?.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${t.base}${path}`, { headers, redirect: 'manual' });

  it('serves index.html at /console/, revalidated on every load', async () => {
    const response = await get('/console/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe(REVALIDATE_CACHE);
    expect(await response.text()).toBe(INDEX);
  });

  it('redirects /console to /console/', async () => {
    const response = await get('/console');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/console/');
  });

  it('caches hashed assets for a year, immutable, with a validator', async () => {
    const response = await get('/console/assets/index-Ab12Cd34.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    expect(await response.text()).toBe(SCRIPT);
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    // (undici's request, not fetch: fetch adds `cache-control: no-cache` to conditional requests, as the spec says.)
    const revalidated = await request(`${t.base}/console/assets/index-Ab12Cd34.js`, {
      headers: { 'if-none-match': etag! },
    });
    await revalidated.body.dump();
    expect(revalidated.statusCode).toBe(304);
  });

  it('sends the precompressed file of the build to browsers that accept it', async () => {
    const response = await request(`${t.base}/console/assets/index-Ab12Cd34.js`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('does not cache unhashed files for long', async () => {
    const response = await get('/console/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(REVALIDATE_CACHE);
  });

  it('answers deep links with the SPA (the client-side router draws the page)', async () => {
    for (const path of [
      '/console/mini-programs',
      '/console/mini-programs/app_123?tab=releases',
      '/console/reviews/versions',
    ]) {
      const response = await get(path);
      expect({ path, status: response.status, cache: response.headers.get('cache-control') }).toEqual({
        path,
        status: 200,
        cache: REVALIDATE_CACHE,
      });
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('answers 404 for a missing asset instead of the SPA', async () => {
    const response = await get('/console/assets/index-old.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<html');
  });

  it('never serves a file outside the build', async () => {
    for (const path of [
      '/console/../grove-console-secret.txt',
      '/console/%2e%2e/grove-console-secret.txt',
      '/console/assets/%2e%2e%2f%2e%2e%2fgrove-console-secret.txt',
    ]) {
      const response = await get(path);
      expect(await response.text()).not.toContain('outside the build');
    }
  });

  it('leaves /graphql and the probes alone', async () => {
    expect((await get('/healthz')).status).toBe(200);
    const graphql = await t.post({ query: '{ __typename }' });
    expect(graphql.status).toBe(200);
  });
});

describe('without a console build', () => {
  let t: TestRouter;
  beforeAll(async () => {
    t = await startTestRouter({ env: { CONSOLE_DIR: join(tmpdir(), `grove-no-console-${randomToken(4)}`) } });
  });
  afterAll(() => t?.close());

  it('says how to build it', async () => {
    const response = await fetch(`${t.base}/console/mini-programs`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build -w console');
  });
});
