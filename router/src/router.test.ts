import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { SignJWT } from 'jose';
import type { SubgraphModule } from '@grove/platform';
import { startTestRouter, type TestRouter } from './test-support/router-harness';
import { createNotesSubgraph, createPeopleSubgraph } from './test-support/test-subgraphs';

const spans = new InMemorySpanExporter();
let t: TestRouter;
let healthy = true;

beforeAll(async () => {
  const people = await createPeopleSubgraph();
  const flaky: SubgraphModule = {
    ...people,
    ready: async () => {
      if (!healthy) throw new Error('people store down');
    },
    metrics: async () =>
      '# HELP people_module_series A module series\n# TYPE people_module_series counter\npeople_module_series 7\n',
  };
  t = await startTestRouter({
    modules: [flaky, await createNotesSubgraph()],
    spanProcessors: [new SimpleSpanProcessor(spans)],
  });
});
afterAll(async () => {
  await t.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('federation through the gateway', () => {
  it('resolves an entity extended across two subgraphs', async () => {
    const token = await t.signToken({ userId: 'u1' });
    const res = await t.post(
      { query: 'query Me { me { id name notes { text author } } }', operationName: 'Me' },
      bearer(token),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        me: {
          id: 'u1',
          name: 'User u1',
          notes: [
            { text: 'first note of u1', author: 'u1' },
            { text: 'second note of u1', author: 'u1' },
          ],
        },
      },
    });
  });

  it('answers anonymous callers with an anonymous principal', async () => {
    const res = await t.post({ query: '{ me { id } whoami { kind userId } }' });
    expect(res.body).toEqual({ data: { me: null, whoami: { kind: 'anonymous', userId: null } } });
  });
});

describe('authentication', () => {
  it('forwards the verified principal and request facts to subgraph resolvers', async () => {
    const token = await t.signToken({ userId: 'u-42' });
    const res = await t.post(
      { query: '{ whoami { kind userId requestId clientIp deviceId userAgent } }' },
      { ...bearer(token), 'x-device-id': 'device-7', 'user-agent': 'grove-test/1.0' },
    );
    expect(res.status).toBe(200);
    expect(res.body.data.whoami).toEqual({
      kind: 'user',
      userId: 'u-42',
      requestId: res.headers.get('x-request-id'),
      clientIp: '127.0.0.1',
      deviceId: 'device-7',
      userAgent: 'grove-test/1.0',
    });
  });

  it('refuses a tampered token with 401 UNAUTHENTICATED', async () => {
    const token = await t.signToken({ userId: 'u1' });
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'admin' }),
    ).toString('base64url');
    const res = await t.post({ query: '{ me { id } }' }, bearer(`${header}.${forged}.${signature}`));
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });

  it('refuses an expired token with reason TOKEN_EXPIRED', async () => {
    const issuedLongAgo = Date.now() - (t.runtime.tokens.accessTokenTtlSec + 120) * 1000;
    const token = await t.runtime.tokens.signAccessToken(
      { userId: 'u1', sessionId: 's1', operatorRoles: [], memberships: [] },
      issuedLongAgo,
    );
    const res = await t.post({ query: '{ me { id } }' }, bearer(token));
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
  });

  it('refuses a token signed with another algorithm, even with the right secret', async () => {
    const secret = new TextEncoder().encode(t.runtime.config.JWT_SECRET);
    const sign = (alg: string) =>
      new SignJWT({ typ: 'access', sid: 's1', ops: [], orgs: [] })
        .setProtectedHeader({ alg })
        .setSubject('intruder')
        .setIssuer(t.runtime.config.JWT_ISSUER)
        .setAudience('grove-api')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(secret);
    // Control: the same claims with the configured algorithm are accepted...
    const control = await t.post({ query: '{ me { id } }' }, bearer(await sign('HS256')));
    expect(control.body).toEqual({ data: { me: { id: 'intruder' } } });
    // ...so the refusal below is about the algorithm alone.
    const res = await t.post({ query: '{ me { id } }' }, bearer(await sign('HS512')));
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });

  it('refuses an unsigned (alg none) token and a non-bearer Authorization header', async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'x', typ: 'access', sid: 's' })}.`;
    const none = await t.post({ query: '{ me { id } }' }, bearer(unsigned));
    expect(none.status).toBe(401);
    const basic = await t.post({ query: '{ me { id } }' }, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.status).toBe(401);
    expect(basic.body.errors[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'AUTHORIZATION_MALFORMED',
    });
  });
});

describe('errors', () => {
  it('masks an unexpected resolver error and returns the request id instead', async () => {
    const res = await t.post({ query: '{ boom }' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(res.body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['boom'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: res.headers.get('x-request-id') },
      },
    ]);
  });

  it('passes platform errors through with their code and no backend names', async () => {
    const res = await t.post({ query: '{ forbidden }' });
    expect(res.body.errors[0]).toMatchObject({ message: 'Not for you', extensions: { code: 'FORBIDDEN' } });
    expect(res.body.errors[0].extensions).not.toHaveProperty('serviceName');
  });

  it('keeps a well-formed incoming x-request-id', async () => {
    const res = await t.post({ query: '{ whoami { requestId } }' }, { 'x-request-id': 'client-req-1' });
    expect(res.headers.get('x-request-id')).toBe('client-req-1');
    expect(res.body.data.whoami.requestId).toBe('client-req-1');
  });
});

describe('tracing', () => {
  it('continues the incoming traceparent into the subgraph resolvers and fetch spans', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    spans.reset();
    const res = await t.post(
      { query: 'query Who { whoami { traceId } }' },
      { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    );
    expect(res.body.data.whoami.traceId).toBe(traceId);
    const finished = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const server = finished.find((s) => s.name === 'POST /graphql');
    const fetch = finished.find((s) => s.name === 'subgraph people');
    expect(server?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(server?.attributes['graphql.operation.name']).toBe('Who');
    expect(fetch?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
  });

  it('starts a new trace when none comes in', async () => {
    const res = await t.post({ query: '{ whoami { traceId } }' });
    expect(res.body.data.whoami.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body.data.whoami.traceId).not.toBe('00000000000000000000000000000000');
  });
});

describe('probes and metrics', () => {
  it('/healthz is alive and /readyz follows the runtime and module health', async () => {
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    healthy = false;
    try {
      const down = await fetch(`${t.base}/readyz`);
      expect(down.status).toBe(503);
    } finally {
      healthy = true;
    }
  });

  it('/metrics exposes request, subgraph fetch and rejection series', async () => {
    const token = await t.signToken();
    await t.post({ query: 'query Me { me { id notes { text } } }', operationName: 'Me' }, bearer(token));
    await t.post({ query: '{ me { id } }' }, bearer('not-a-jwt'));
    const res = await fetch(t.router.metricsUrl!);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/grove_router_requests_total\{operation="Me",outcome="success"\} [1-9]/);
    expect(text).toMatch(
      /grove_router_request_duration_seconds_count\{operation="Me",outcome="success"\} [1-9]/,
    );
    expect(text).toMatch(
      /grove_router_subgraph_fetch_duration_seconds_count\{subgraph="people",outcome="success"\} [1-9]/,
    );
    expect(text).toMatch(
      /grove_router_subgraph_fetch_duration_seconds_count\{subgraph="notes",outcome="success"\} [1-9]/,
    );
    expect(text).toMatch(/grove_router_rejections_total\{reason="unauthenticated"\} [1-9]/);
    expect(text).toMatch(/grove_router_requests_total\{operation="anonymous",outcome="rejected"\} [1-9]/);
    expect(text).toMatch(/^people_module_series 7$/m);
  });

  it('serves /metrics on its own loopback listener, not on the API port', async () => {
    expect(t.router.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(t.router.metricsUrl!).port).not.toBe(new URL(t.base).port);
    const onApi = await fetch(`${t.base}/metrics`);
    expect(onApi.status).toBe(404);
    expect(await onApi.text()).not.toContain('grove_router_requests_total');
    // A module's own series go to the metrics listener too, never to a route of the API port.
    for (const path of ['/metrics', '/people/metrics'])
      expect(await (await fetch(`${t.base}${path}`)).text()).not.toContain('people_module_series');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${t.base}/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
