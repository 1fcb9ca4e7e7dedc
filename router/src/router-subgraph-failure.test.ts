import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createTestRuntime, type TestRuntime } from '@grove/testkit';
import {
  loadConfig,
  serveSubgraph,
  silentLogger,
  type RunningSubgraph,
  type SubgraphModule,
} from '@grove/platform';
import { composeSupergraph } from './compose-supergraph';
import { routerEnvSchema } from './config';
import { createRouter, type Router } from './create-router';
import { readResponse, type TestResponse } from './test-support/router-harness';
import { createNotesSubgraph, createPeopleSubgraph } from './test-support/test-subgraphs';

/**
 * Distributed mode with a subgraph that is down, hangs or answers 503: the router answers 200 with the other
 * fields and SUBGRAPH_UNAVAILABLE errors at the failed paths, and logs why (issue 8). Real HTTP servers throughout.
 */

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

let runtime: TestRuntime;
let modules: SubgraphModule[];
let supergraphSdl: string;
const services: Record<string, RunningSubgraph> = {};
let misbehaving: Server;
let misbehavingBase: string;
/** `/flaky`: answers 503 while `failures` > 0 (counting down), then forwards to the people service. */
const flaky = { failures: 0, requests: 0, connections: 0 };
const routers: Router[] = [];

async function startService(module: SubgraphModule, port = 0): Promise<RunningSubgraph> {
  return serveSubgraph({ module, tokens: runtime.tokens, logger: silentLogger(), port });
}

/** A router on its own pino stream, so the test reads exactly the lines it wrote. */
async function startRouter(
  env: Record<string, string>,
  embedded: SubgraphModule[] = [],
): Promise<{ router: Router; url: string; logs: LogLine[] }> {
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const config = loadConfig(routerEnvSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    PORT: '0',
    SUBGRAPH_MODE: embedded.length ? 'embedded' : 'distributed',
    ...env,
  });
  const router = await createRouter({
    config,
    runtime: { ...runtime, logger: pino({ level: 'info' }, stream) },
    modules: embedded,
    supergraphSdl,
    uploadRoutes: [],
  });
  routers.push(router);
  return { router, url: await router.listen(), logs };
}

/** Bounded per request: a router that hangs fails the test instead of the suite timing out. */
async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<TestResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(5_000),
  });
  return readResponse(response);
}

beforeAll(async () => {
  runtime = await createTestRuntime({ inMemory: true });
  modules = [await createPeopleSubgraph(), await createNotesSubgraph()];
  supergraphSdl = composeSupergraph(modules.map((m) => ({ name: m.name, sdl: m.sdl })));
  services.people = await startService(modules[0]!);
  services.notes = await startService(modules[1]!);
  // /hang accepts and never answers; /fail answers 503 like an overloaded service or a proxy in front of a dead one.
  misbehaving = createServer((req, res) => {
    if (req.url === '/flaky') {
      flaky.requests++;
      if (flaky.failures > 0) {
        flaky.failures--;
        res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([name]) =>
            ['content-type', 'x-grove-principal', 'x-request-id'].includes(name),
          ),
        ) as Record<string, string>;
        void fetch(services.people!.url, { method: 'POST', headers, body: Buffer.concat(chunks) }).then(
          async (answer) => {
            res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
          },
        );
      });
      return;
    }
    if (req.url === '/fail') res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream unavailable');
    // A 200 that is not JSON at all: a proxy's error page, a service that lost its mind.
    if (req.url === '/garbage')
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html>502 Bad Gateway</html>');
    // A 200 the gateway cannot use: it throws a plain Error (not a GraphQLError) into the response.
    if (req.url === '/short')
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"_entities":[]}}');
  });
  // Idle connections stay open longer than any pause between a test's requests (the keep-alive test counts them).
  misbehaving.keepAliveTimeout = 60_000;
  misbehaving.on('connection', () => flaky.connections++);
  misbehaving.listen(0, '127.0.0.1');
  await once(misbehaving, 'listening');
  const address = misbehaving.address();
  misbehavingBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 60_000);

afterAll(async () => {
  await Promise.all(routers.map((r) => r.close()));
  await Promise.all(Object.values(services).map((s) => s.stop().catch(() => undefined)));
  misbehaving?.closeAllConnections();
  misbehaving?.close();
  await runtime?.dispose();
});

describe('a subgraph that is down', () => {
  it('answers the other fields, an error at the failed path, and logs the subgraph, cause, request and trace id', async () => {
    // A stopped service on its own port: connections are refused.
    const url = services.people!.url;
    await services.people!.stop();
    const {
      router,
      url: graphqlUrl,
      logs,
    } = await startRouter({
      SUBGRAPH_URLS: `people=${url},notes=${services.notes!.url}`,
      SUBGRAPH_BREAKER_FAILURES: '0',
    });
    try {
      const res = await post(graphqlUrl, 'query MeAndNotes { me { id name } notesPerUser }');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ me: null, notesPerUser: 2 });
      const requestId = res.headers.get('x-request-id');
      expect(res.body.errors).toEqual([
        {
          message: 'A service this field needs is unavailable; retry later',
          path: ['me'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'people', requestId },
        },
      ]);
      // The client learns the service name, never the address or the cause.
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);

      const line = logs.find((l) => l.subgraph === 'people' && l.requestId === requestId);
      expect(line).toMatchObject({
        level: 40,
        operation: 'MeAndNotes',
        cause: 'ECONNREFUSED',
        reason: 'refused',
        msg: 'subgraph people unavailable (ECONNREFUSED)',
      });
      expect(line?.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(logs.filter((l) => l.level >= 50)).toEqual([]);
      expect(JSON.stringify(logs)).not.toMatch(/toJSON is not a function/);

      const metrics = await (await fetch(router.metricsUrl!)).text();
      expect(metrics).toMatch(/grove_router_subgraph_failures_total\{subgraph="people",reason="refused"\} 1/);
      expect(metrics).toMatch(/grove_router_requests_total\{operation="MeAndNotes",outcome="error"\} 1/);
    } finally {
      await router.close();
      services.people = await startService(modules[0]!, Number(new URL(url).port));
    }
  });

  it('an entity fetch that fails names the nested path; the nullable parent absorbs it', async () => {
    const url = services.notes!.url;
    await services.notes!.stop();
    const { router, url: graphqlUrl } = await startRouter({
      SUBGRAPH_URLS: `people=${services.people!.url},notes=${url}`,
    });
    try {
      const token = await runtime.tokens.signAccessToken({
        userId: 'u1',
        sessionId: 's1',
        operatorRoles: [],
        memberships: [],
      });
      const res = await post(graphqlUrl, '{ me { id name notes { text } } }', {
        authorization: `Bearer ${token}`,
      });
      expect(res.status).toBe(200);
      // notes is non-null, so GraphQL nulls the nearest nullable parent (me); the error names the field that failed.
      expect(res.body.data).toEqual({ me: null });
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0]).toMatchObject({
        path: ['me', 'notes'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'notes' },
      });
    } finally {
      await router.close();
      services.notes = await startService(modules[1]!, Number(new URL(url).port));
    }
  });

  it('after N consecutive failures the circuit opens (fail fast, no fetch), and a probe closes it once the service is back', async () => {
    const url = services.people!.url;
    await services.people!.stop();
    const {
      router,
      url: graphqlUrl,
      logs,
    } = await startRouter({
      SUBGRAPH_URLS: `people=${url},notes=${services.notes!.url}`,
      SUBGRAPH_BREAKER_FAILURES: '2',
      SUBGRAPH_BREAKER_COOLDOWN_MS: '300',
    });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await post(graphqlUrl, '{ me { id } notesPerUser }');
        expect(res.body).toMatchObject({
          data: { me: null, notesPerUser: 2 },
          errors: [{ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
        });
      }
      const causes = logs
        .filter((l) => l.subgraph === 'people' && typeof l.cause === 'string' && l.requestId)
        .map((l) => l.cause);
      expect(causes).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'CIRCUIT_OPEN']);
      let metrics = await (await fetch(router.metricsUrl!)).text();
      expect(metrics).toMatch(/grove_router_subgraph_circuit_open\{subgraph="people"\} 1/);
      expect(metrics).toMatch(
        /grove_router_subgraph_failures_total\{subgraph="people",reason="circuit_open"\} 1/,
      );

      services.people = await startService(modules[0]!, Number(new URL(url).port));
      // Still open until the cooldown has passed; then one probe goes out and closes the circuit.
      let res: TestResponse | undefined;
      for (let attempt = 0; attempt < 50; attempt++) {
        res = await post(graphqlUrl, '{ hello notesPerUser }');
        if (!res.body.errors) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(res?.body).toEqual({ data: { hello: 'world', notesPerUser: 2 } });
      metrics = await (await fetch(router.metricsUrl!)).text();
      expect(metrics).toMatch(/grove_router_subgraph_circuit_open\{subgraph="people"\} 0/);
      expect(logs.some((l) => l.msg === 'subgraph answers again; circuit closed')).toBe(true);
    } finally {
      await router.close();
    }
  });
});

describe('a subgraph that hangs or answers 5xx', () => {
  it('times out after SUBGRAPH_TIMEOUT_MS and answers the rest', async () => {
    const {
      router,
      url: graphqlUrl,
      logs,
    } = await startRouter({
      SUBGRAPH_URLS: `people=${services.people!.url},notes=${misbehavingBase}/hang`,
      SUBGRAPH_TIMEOUT_MS: '200',
    });
    try {
      const res = await post(graphqlUrl, '{ hello notesPerUser }');
      expect(res.status).toBe(200);
      // notesPerUser is non-null: the whole data is null, but the answer comes, with the error where it belongs.
      expect(res.body.data).toBeNull();
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          path: ['notesPerUser'],
          extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', service: 'notes' }),
        }),
      ]);
      expect(logs.find((l) => l.subgraph === 'notes' && l.requestId)).toMatchObject({ reason: 'timeout' });
    } finally {
      await router.close();
    }
  });

  it('a 503 is SUBGRAPH_UNAVAILABLE with the status in the log', async () => {
    const {
      router,
      url: graphqlUrl,
      logs,
    } = await startRouter({ SUBGRAPH_URLS: `people=${services.people!.url},notes=${misbehavingBase}/fail` });
    try {
      const res = await post(graphqlUrl, '{ me { id } notesPerUser }');
      expect(res.status).toBe(200);
      expect(res.body.errors[0]).toMatchObject({
        path: ['notesPerUser'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'notes' },
      });
      expect(logs.find((l) => l.subgraph === 'notes' && l.requestId)).toMatchObject({
        reason: 'http_5xx',
        cause: 'HTTP 503',
      });
    } finally {
      await router.close();
    }
  });

  it('a 200 whose body is not JSON is SUBGRAPH_UNAVAILABLE (bad_response); the other fields answer', async () => {
    const {
      router,
      url: graphqlUrl,
      logs,
    } = await startRouter({
      SUBGRAPH_URLS: `people=${misbehavingBase}/garbage,notes=${services.notes!.url}`,
    });
    try {
      const res = await post(graphqlUrl, '{ me { id } notesPerUser }');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ me: null, notesPerUser: 2 });
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          path: ['me'],
          extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', service: 'people' }),
        }),
      ]);
      expect(logs.find((l) => l.subgraph === 'people' && l.requestId)).toMatchObject({
        reason: 'bad_response',
        cause: 'BAD_RESPONSE',
      });
    } finally {
      await router.close();
    }
  });

  it('a plain Error from the gateway is masked and logged with the request id, not a 500 (error.toJSON is not a function)', async () => {
    const {
      router,
      url: graphqlUrl,
      logs,
    } = await startRouter({ SUBGRAPH_URLS: `people=${services.people!.url},notes=${misbehavingBase}/short` });
    try {
      const token = await runtime.tokens.signAccessToken({
        userId: 'u2',
        sessionId: 's2',
        operatorRoles: [],
        memberships: [],
      });
      const res = await post(graphqlUrl, '{ hello me { id notes { text } } }', {
        authorization: `Bearer ${token}`,
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ hello: 'world', me: null });
      const requestId = res.headers.get('x-request-id');
      expect(res.body.errors).toEqual([
        { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } },
      ]);
      const line = logs.find((l) => l.msg === 'unexpected error');
      expect(line).toMatchObject({ requestId, err: { message: expect.stringMatching(/_entities/) } });
      expect(JSON.stringify(logs)).not.toMatch(/toJSON is not a function/);
    } finally {
      await router.close();
    }
  });
});

describe('retries and readiness', () => {
  it('a query fetch answered 503 is sent again once and answers; the retry is counted', async () => {
    const { router, url: graphqlUrl } = await startRouter({
      SUBGRAPH_URLS: `people=${misbehavingBase}/flaky,notes=${services.notes!.url}`,
    });
    try {
      Object.assign(flaky, { failures: 1, requests: 0 });
      const res = await post(graphqlUrl, '{ hello }');
      expect(res.body).toEqual({ data: { hello: 'world' } });
      expect(flaky.requests).toBe(2);
      const metrics = await (await fetch(router.metricsUrl!)).text();
      expect(metrics).toMatch(/grove_router_subgraph_retries_total\{subgraph="people",reason="http_5xx"\} 1/);
      expect(metrics).not.toMatch(/grove_router_subgraph_failures_total\{subgraph="people"/);
    } finally {
      await router.close();
    }
  });

  it('retries are bounded (SUBGRAPH_QUERY_RETRIES) and a mutation is never sent twice', async () => {
    const { router, url: graphqlUrl } = await startRouter({
      SUBGRAPH_URLS: `people=${misbehavingBase}/flaky,notes=${services.notes!.url}`,
      SUBGRAPH_QUERY_RETRIES: '2',
    });
    try {
      Object.assign(flaky, { failures: 5, requests: 0 });
      const query = await post(graphqlUrl, '{ hello }');
      expect(query.body.errors[0]).toMatchObject({
        path: ['hello'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
      });
      expect(flaky.requests).toBe(3);

      Object.assign(flaky, { failures: 1, requests: 0 });
      const mutation = await post(
        graphqlUrl,
        'mutation { login(input: { identifier: "a@example.com", password: "x" }) }',
      );
      expect(mutation.body.errors[0]).toMatchObject({
        path: ['login'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'people' },
      });
      expect(flaky.requests).toBe(1);
    } finally {
      await router.close();
    }
  });

  it('/readyz names an unreachable subgraph and stays 200 "degraded" (its fields fail, the rest answers)', async () => {
    const url = services.notes!.url;
    const { router } = await startRouter({ SUBGRAPH_URLS: `people=${services.people!.url},notes=${url}` });
    const readyz = async () => {
      const response = await fetch(router.url!.replace(/\/graphql$/, '/readyz'));
      return [response.status, await response.json()];
    };
    try {
      expect(await readyz()).toEqual([200, { status: 'ready' }]);
      await services.notes!.stop();
      expect(await readyz()).toEqual([200, { status: 'degraded', degraded: ['subgraph:notes'] }]);
    } finally {
      await router.close();
      services.notes = await startService(modules[1]!, Number(new URL(url).port));
    }
  });
});

describe('the subgraph HTTP client (issue 8 item 5)', () => {
  it('reuses one keep-alive connection across requests and signs the principal once per request', async () => {
    const { router, url: graphqlUrl } = await startRouter({
      SUBGRAPH_URLS: `people=${misbehavingBase}/flaky,notes=${services.notes!.url}`,
    });
    const signInternal = jest.spyOn(runtime.tokens, 'signInternal');
    try {
      Object.assign(flaky, { failures: 0, requests: 0, connections: 0 });
      const token = await runtime.tokens.signAccessToken({
        userId: 'u3',
        sessionId: 's3',
        operatorRoles: [],
        memberships: [],
      });
      for (let i = 0; i < 3; i++) {
        signInternal.mockClear();
        // Two fetches per request: people (me), then notes (the User entity's notes).
        const res = await post(graphqlUrl, '{ me { id notes { text } } }', {
          authorization: `Bearer ${token}`,
        });
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.me.notes).toHaveLength(2);
        expect(signInternal).toHaveBeenCalledTimes(1);
      }
      expect(flaky.requests).toBe(3);
      expect(flaky.connections).toBe(1);
    } finally {
      signInternal.mockRestore();
      await router.close();
    }
  });
});

describe('embedded mode: a module that throws', () => {
  it('costs only its own fields; the error is masked and logged with the subgraph and request id', async () => {
    // Every root field of the people module throws, as a module whose store or code broke would.
    const people = await createPeopleSubgraph();
    for (const field of Object.values(people.schema.getQueryType()!.getFields()))
      field.resolve = () => {
        throw new Error('people store at 10.0.0.7 is gone');
      };
    const { router, url: graphqlUrl, logs } = await startRouter({}, [people, modules[1]!]);
    try {
      const res = await post(graphqlUrl, 'query Overview { me { id } notesPerUser }');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ me: null, notesPerUser: 2 });
      const requestId = res.headers.get('x-request-id');
      expect(res.body.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['me'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
        },
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/10\.0\.0\.7/);
      expect(logs.find((l) => l.msg === 'unexpected error' && l.requestId === requestId)).toMatchObject({
        subgraph: 'people',
        operation: 'Overview',
        err: { message: 'people store at 10.0.0.7 is gone' },
      });
    } finally {
      await router.close();
    }
  });
});
