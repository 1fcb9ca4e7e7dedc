import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOOT_ANSWER_TTL_MS,
  bootAwareFetch,
  canonicalJson,
  type BootRequest,
  type BootState,
} from './boot-requests';

// A real HTTP server that answers each POST with how many requests it has seen: an answer the app took from the boot
// carries the boot's number, one it asked for itself a new number.
let server: Server;
let url: string;
let seen = 0;
beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      seen += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { n: seen, auth: request.headers.authorization ?? null } }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const post = (operationName: string, variables: unknown, token = 't1'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ operationName, query: `query ${operationName} { x }`, variables }),
});

function bootState(
  requests: Array<{ operationName: string; variables: Record<string, unknown> | null; token?: string }>,
  at = 0,
): BootState {
  return {
    at,
    requests: requests.map(({ operationName, variables, token = 't1' }): BootRequest => ({
      operationName,
      token,
      variables: Promise.resolve(variables),
      response:
        variables === null ? Promise.resolve(null) : fetch(url, post(operationName, variables, token)),
    })),
  };
}

const answer = async (response: Response) => ((await response.json()) as { data: { n: number } }).data.n;

describe('boot requests', () => {
  it('gives the app the boot answer once, for the same operation, variables (in any key order) and token', async () => {
    const state = bootState([{ operationName: 'List', variables: { orgId: 'o1', skip: 0, take: 20 } }]);
    const booted = await answer(await state.requests[0]!.response.then((r) => r!.clone()));
    const appFetch = bootAwareFetch(state, () => 10);
    const first = await appFetch(url, post('List', { take: 20, skip: 0, orgId: 'o1', search: undefined }));
    expect(await answer(first)).toBe(booted);
    // Taken once: the same request again goes to the server.
    expect(
      await answer(await appFetch(url, post('List', { orgId: 'o1', skip: 0, take: 20 }))),
    ).toBeGreaterThan(booted);
  });

  it('asks the server when the variables, the token or the operation differ, or the boot did not send it', async () => {
    const state = bootState([
      { operationName: 'List', variables: { orgId: 'o1', skip: 0, take: 20 } },
      { operationName: 'Me', variables: {} },
      { operationName: 'Skipped', variables: null },
    ]);
    const booted = await answer(await state.requests[0]!.response.then((r) => r!.clone()));
    const appFetch = bootAwareFetch(state, () => 10);
    expect(
      await answer(await appFetch(url, post('List', { orgId: 'o1', skip: 20, take: 20 }))),
    ).toBeGreaterThan(booted);
    expect(await answer(await appFetch(url, post('Me', {}, 't2')))).toBeGreaterThan(booted);
    expect(await answer(await appFetch(url, post('Other', {})))).toBeGreaterThan(booted);
    expect(await answer(await appFetch(url, post('Skipped', {})))).toBeGreaterThan(booted);
    // The untouched boot answers are still there for the matching requests.
    expect(state.requests[0]!.taken).toBeUndefined();
    expect(await answer(await appFetch(url, post('List', { orgId: 'o1', skip: 0, take: 20 })))).toBe(booted);
  });

  it('leaves boot answers older than the time to live alone', async () => {
    const state = bootState([{ operationName: 'Me', variables: {} }], 0);
    const booted = await answer(await state.requests[0]!.response.then((r) => r!.clone()));
    const late = bootAwareFetch(state, () => BOOT_ANSWER_TTL_MS + 1);
    expect(await answer(await late(url, post('Me', {})))).toBeGreaterThan(booted);
  });

  it('without a boot state is the plain fetch', async () => {
    const before = seen;
    await bootAwareFetch(undefined)(url, post('Me', {}));
    expect(seen).toBe(before + 1);
  });

  it('compares variables by content', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [1, { x: 2, y: 1 }] }, b: 1 }),
    );
  });
});
