import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SignJWT } from 'jose';
import { INTERNAL_PRINCIPAL_HEADER, randomToken, readProcessEnv } from '@grove/platform';
import { readResponse, startTestRouter, type TestRouter } from './test-support/router-harness';
import { createNotesSubgraph, createPeopleSubgraph } from './test-support/test-subgraphs';
import { composeSupergraph } from './compose-supergraph';

const FIXTURE_READY = 'GROVE_FIXTURE_READY';

const ROOT = join(__dirname, '..', '..');
const secrets = { JWT_SECRET: randomToken(32), INTERNAL_TOKEN_SECRET: randomToken(32) };
let child: ChildProcess;
let urls: { people: string; notes: string };
let t: TestRouter;

/** Starts the subgraph services in their own process and waits for their URLs. */
async function startSubgraphServices(): Promise<void> {
  child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'test-support', 'remote-subgraphs.fixture.ts')],
    {
      cwd: ROOT,
      env: { PATH: readProcessEnv().PATH, ...secrets },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`subgraph fixture exited early with ${code}`);
  });
  const first = new Promise<typeof urls>((resolve) =>
    lines.on('line', (line) => {
      if (line.startsWith(`${FIXTURE_READY} `)) resolve(JSON.parse(line.slice(FIXTURE_READY.length + 1)));
    }),
  );
  urls = await Promise.race([first, exited]);
  exited.catch(() => undefined); // the normal exit at teardown is not an error
}

beforeAll(async () => {
  await startSubgraphServices();
  // Compose from the same modules the services run (SDL only; nothing executes here).
  const sdl = [await createPeopleSubgraph(), await createNotesSubgraph()].map((m) => ({
    name: m.name,
    sdl: m.sdl,
  }));
  t = await startTestRouter({
    env: { SUBGRAPH_MODE: 'distributed', SUBGRAPH_URLS: `people=${urls.people},notes=${urls.notes}` },
    runtimeEnv: secrets,
    modules: [],
    supergraphSdl: composeSupergraph(sdl),
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
});

const direct = (url: string, headers: Record<string, string>, query = '{ whoami { kind userId } }') =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  }).then(readResponse);

describe('distributed mode', () => {
  it('runs a federated query across subgraph services over HTTP', async () => {
    const token = await t.signToken({ userId: 'u9' });
    const res = await t.post(
      { query: '{ me { id name notes { text author } } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(res.body).toEqual({
      data: {
        me: {
          id: 'u9',
          name: 'User u9',
          notes: [
            { text: 'first note of u9', author: 'u9' },
            { text: 'second note of u9', author: 'u9' },
          ],
        },
      },
    });
  });

  it('forwards principal, request id, client facts and the fetch span traceparent', async () => {
    const token = await t.signToken({ userId: 'u10' });
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const res = await t.post(
      { query: '{ whoami { kind userId requestId clientIp deviceId userAgent receivedTraceparent } }' },
      {
        authorization: `Bearer ${token}`,
        'x-device-id': 'dev-1',
        'user-agent': 'grove-test/2',
        traceparent: `00-${traceId}-b7ad6b7169203331-01`,
      },
    );
    const whoami = res.body.data.whoami;
    expect(whoami).toMatchObject({
      kind: 'user',
      userId: 'u10',
      requestId: res.headers.get('x-request-id'),
      clientIp: '127.0.0.1',
      deviceId: 'dev-1',
      userAgent: 'grove-test/2',
    });
    // Same trace, but the parent is the router's fetch span, not the client's span.
    const [, receivedTrace, parentSpan] = String(whoami.receivedTraceparent).split('-');
    expect(receivedTrace).toBe(traceId);
    expect(parentSpan).toMatch(/^[0-9a-f]{16}$/);
    expect(parentSpan).not.toBe('b7ad6b7169203331');
  });

  it('subgraph services refuse direct calls without the router header or a valid credential', async () => {
    const bare = await direct(urls.people, {});
    expect(bare.status).toBe(401);
    expect(bare.body.errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'ROUTER_REQUIRED',
    });

    const forged = await new SignJWT({
      p: { kind: 'user', userId: 'root', sessionId: 's', operatorRoles: ['OPERATOR_ADMIN'], memberships: [] },
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('grove-router')
      .setAudience('grove-subgraph')
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(randomToken(32)));
    const withForged = await direct(urls.people, { [INTERNAL_PRINCIPAL_HEADER]: forged });
    expect(withForged.status).toBe(401);
    expect(withForged.body.errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INTERNAL_TOKEN_INVALID',
    });

    const badBearer = await direct(urls.people, { authorization: 'Bearer not.a.token' });
    expect(badBearer.status).toBe(401);
  });

  it('a valid end-user access token alone does not reach a subgraph service (SUBGRAPH_ACCEPT_USER_TOKENS is off)', async () => {
    const token = await t.signToken({ userId: 'u11' });
    const res = await direct(urls.people, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'ROUTER_REQUIRED',
    });
  });
});
