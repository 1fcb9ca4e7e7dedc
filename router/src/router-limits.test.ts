import { randomToken } from '@grove/platform';
import { readResponse, startTestRouter, type TestRouter } from './test-support/router-harness';

let t: TestRouter;

beforeAll(async () => {
  t = await startTestRouter({
    env: {
      MAX_DEPTH: '5',
      MAX_ALIASES: '4',
      MAX_TOKENS: '300',
      MAX_COST: '90',
      MAX_BODY_BYTES: '2048',
      MAX_RESPONSE_BYTES: '4096',
      MAX_INTROSPECTION_DEPTH: '8',
    },
  });
});
afterAll(async () => {
  await t.close();
});

const nested = (levels: number) => `{ me { ${'friends { '.repeat(levels)}id${' }'.repeat(levels)} } }`;

async function rejections(): Promise<string> {
  return (await fetch(t.router.metricsUrl!)).text();
}

describe('operation limits (graphql-armor)', () => {
  it('accepts an operation inside every limit', async () => {
    const res = await t.post({ query: nested(2) });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses a query deeper than MAX_DEPTH with a 400 validation error', async () => {
    const res = await t.post({ query: nested(4) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/depth limit of 5 exceeded/i);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await rejections()).toMatch(/grove_router_rejections_total\{reason="depth"\} [1-9]/);
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `a${i}: hello`).join(' ');
    const res = await t.post({ query: `{ ${aliases} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/aliases limit of 4 exceeded/i);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await rejections()).toMatch(/grove_router_rejections_total\{reason="aliases"\} [1-9]/);
  });

  it('refuses a document with more than MAX_TOKENS tokens before Apollo parses it', async () => {
    const res = await t.post({ query: `{ ${'a '.repeat(400)}}` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({
      message: 'Document exceeds the limit of 300 tokens',
      extensions: { code: 'BAD_USER_INPUT', reason: 'MAX_TOKENS' },
    });
    expect(await rejections()).toMatch(/grove_router_rejections_total\{reason="tokens"\} [1-9]/);
  });

  it('refuses an operation over MAX_COST', async () => {
    // Shallow, no aliases, few enough tokens, but 120 fields to resolve.
    const wide = `{ ${'hello '.repeat(120)}}`;
    const res = await t.post({ query: wide });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/cost limit of 90 exceeded/i);
    expect(await rejections()).toMatch(/grove_router_rejections_total\{reason="cost"\} [1-9]/);
  });

  it('multiplies nested lists by their page size and refuses them before any subgraph runs', async () => {
    const fetches = async () =>
      [
        ...(await rejections()).matchAll(
          /grove_router_subgraph_fetch_duration_seconds_count\{[^}]*\} (\d+)/g,
        ),
      ].reduce((n, m) => n + Number(m[1]), 0);
    const before = await fetches();
    expect(before).toBeGreaterThan(0); // the metric is there: earlier tests fetched
    // Depth 4, no aliases, 14 tokens: only the cost model sees the 2 × 100 × 100 × 100 objects it asks for.
    const res = await t.post({
      query:
        'query($n: Int) { me { friends(first: $n) { friends(first: 100) { friends(first: 100) { id } } } } }',
      variables: { n: 2 },
    });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].message).toMatch(
      /^Cost limit of 90 exceeded \(MAX_COST\): the operation costs 40203; costliest path me\.friends\(×2\)\.friends\(×100\)\.friends\(×100\)/,
    );
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'MAX_COST',
      cost: 40203,
      maxCost: 90,
    });
    expect(await fetches()).toBe(before);
    // The same shape with small pages is served.
    const small = await t.post(
      { query: '{ me { friends(first: 2) { friends(first: 2) { id } } } }' },
      { authorization: `Bearer ${await t.signToken()}` },
    );
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.me.friends).toHaveLength(2);
  });

  it('reports a syntax error as a 400 parse failure', async () => {
    const res = await t.post({ query: '{ me { id ' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('HTTP bodies', () => {
  it('answers an oversized body with 413 BODY_TOO_LARGE', async () => {
    const res = await t.post({ query: '{ hello }', variables: { pad: 'x'.repeat(4096) } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'BODY_TOO_LARGE' });
    expect(await rejections()).toMatch(/grove_router_rejections_total\{reason="body_size"\} [1-9]/);
  });

  it('answers malformed JSON with 400 MALFORMED_BODY', async () => {
    const res = await t.post('{"query": "{ hello }"');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_BODY' });
  });

  it('answers a body that is not a GraphQL request with a 400', async () => {
    const res = await t.post([{ query: '{ hello }' }, { query: '{ hello }' }]);
    expect(res.status).toBe(400);
    const empty = await t.post({ variables: {} });
    expect(empty.status).toBe(400);
  });
});

describe('CSRF prevention', () => {
  it('rejects a GET without a preflight header and serves it with one', async () => {
    const url = `${t.graphqlUrl}?query=${encodeURIComponent('{ hello }')}`;
    const blocked = await readResponse(await fetch(url));
    expect(blocked.status).toBe(400);
    expect(blocked.body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    const allowed = await readResponse(await fetch(url, { headers: { 'apollo-require-preflight': 'true' } }));
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ data: { hello: 'world' } });
  });

  it('rejects a simple-content-type POST (text/plain)', async () => {
    const res = await readResponse(
      await fetch(t.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ hello }' }),
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    expect(await rejections()).toMatch(/grove_router_rejections_total\{reason="csrf"\} [1-9]/);
  });

  it('never lets a GET run a mutation', async () => {
    const url = `${t.graphqlUrl}?query=${encodeURIComponent('mutation { login(input: {identifier: "a", password: "b"}) }')}`;
    const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(405);
  });
});

describe('introspection', () => {
  const introspection = { query: '{ __schema { queryType { name } } }' };

  it('is available outside production by default', async () => {
    const res = await t.post(introspection);
    expect(res.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('counts introspection against its own depth limit, and its nested lists against graphql-js’s', async () => {
    // graphql-armor's depth rule skips `__schema` (it does count `__type`, so MAX_DEPTH=5 applies there).
    const chain = await t.post({
      query: `{ __schema { queryType { ${'ofType { '.repeat(10)}name${' }'.repeat(10)} } } }`,
    });
    expect(chain.status).toBe(400);
    expect(chain.body.errors[0]).toMatchObject({
      message: 'Introspection depth limit of 8 exceeded (MAX_INTROSPECTION_DEPTH)',
      extensions: {
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'MAX_INTROSPECTION_DEPTH',
        maxIntrospectionDepth: 8,
      },
    });
    const fanOut = await t.post({
      query: '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
    });
    expect(fanOut.status).toBe(400);
    expect(fanOut.body.errors[0].message).toMatch(/maximum introspection depth exceeded/i);
    const shallow = await t.post({
      query: `{ __schema { queryType { ${'ofType { '.repeat(5)}name${' }'.repeat(5)} } } }`,
    });
    expect(shallow.body).toEqual({ data: { __schema: { queryType: { ofType: null } } } });
  });

  it('replaces an answer over MAX_RESPONSE_BYTES by an error naming the limit', async () => {
    // Every type with its description and fields: well over 4 KiB, though shallow, cheap and few tokens.
    const res = await t.post({
      query: '{ __schema { types { name description fields { name description } } } }',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      reason: 'MAX_RESPONSE_BYTES',
      maxResponseBytes: 4096,
    });
    expect(res.body.errors[0].extensions.responseBytes).toBeGreaterThan(4096);
    expect(await rejections()).toMatch(/grove_router_rejections_total\{reason="response_size"\} [1-9]/);
    // The same question, smaller, is answered.
    const small = await t.post({ query: '{ __schema { queryType { name } } }' });
    expect(small.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('is refused with the production configuration', async () => {
    const production = await startTestRouter({
      env: { NODE_ENV: 'production', JWT_SECRET: randomToken(32), INTERNAL_TOKEN_SECRET: randomToken(32) },
    });
    try {
      expect(production.config.INTROSPECTION).toBe(false);
      const res = await production.post(introspection);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/introspection is not allowed/i);
      expect((await production.post({ query: '{ hello }' })).body).toEqual({ data: { hello: 'world' } });
    } finally {
      await production.close();
    }
  });
});
