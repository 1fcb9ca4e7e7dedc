import { TokenService, newId } from '@grove/platform';
import {
  ApplyForOrganizationDocument,
  LoginDocument,
  MeDocument,
  PendingOrganizationsDocument,
  SignUpDocument,
} from '../../../schema/generated/graphql';
import { dataOf, errorCodes, execute } from './graphql-client';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  E2E_START_TIMEOUT_MS,
  e2eModes,
  startE2EPlatform,
  type E2EPlatform,
} from './platform-harness';

/** Each kind of bad input gets a clear 4xx error with a stable code, never a 500, and writes nothing. */
describe.each(e2eModes())('bad input through the router (%s)', (mode) => {
  let e2e: E2EPlatform;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    e2e = await startE2EPlatform({ mode });
    adminToken = dataOf(
      await execute(e2e.url, LoginDocument, { input: { identifier: ADMIN_EMAIL, password: ADMIN_PASSWORD } }),
    ).login.accessToken;
    dataOf(
      await execute(e2e.url, SignUpDocument, {
        input: { email: 'bad@input.example', password: 'Bad-input-pass-1', displayName: 'B' },
      }),
    );
    userToken = dataOf(
      await execute(e2e.url, LoginDocument, {
        input: { identifier: 'bad@input.example', password: 'Bad-input-pass-1' },
      }),
    ).login.accessToken;
  }, E2E_START_TIMEOUT_MS);
  afterAll(async () => {
    await e2e?.stop();
  }, E2E_START_TIMEOUT_MS);

  const pendingCount = async () =>
    dataOf(await execute(e2e.url, PendingOrganizationsDocument, {}, { token: adminToken })).organizations!
      .total;
  const raw = (body: string, headers: Record<string, string> = {}) =>
    fetch(e2e.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const json = async (response: Response): Promise<any> => response.json();

  it('rejects malformed JSON with 400', async () => {
    const response = await raw('{"query": "{ me { sessionId } }", ');
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.errors[0].extensions.code).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/stack|at Object\./);
  });

  it('rejects an oversized body with 413 and does not create the account inside it', async () => {
    const padding = 'x'.repeat(300 * 1024);
    const response = await raw(
      JSON.stringify({
        query: 'mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }',
        variables: { i: { email: 'huge@input.example', password: 'Huge-body-pass-1', displayName: padding } },
      }),
    );
    expect(response.status).toBe(413);
    expect((await json(response)).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'BODY_TOO_LARGE',
    });
    const login = await execute(e2e.url, LoginDocument, {
      input: { identifier: 'huge@input.example', password: 'Huge-body-pass-1' },
    });
    expect(errorCodes(login)).toEqual(['UNAUTHENTICATED']);
  });

  it('rejects a too-deep query before executing it', async () => {
    // Nested inline fragments on one type are valid GraphQL and nest without end; MAX_DEPTH is 12.
    const deep = `{ me { ${'... on Viewer { '.repeat(14)}sessionId${' }'.repeat(14)} } }`;
    const response = await raw(JSON.stringify({ query: deep }), { authorization: `Bearer ${userToken}` });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/depth/i);
  });

  it('refuses nested pages by their cost before any subgraph runs, naming the limit and the cost', async () => {
    // Issue 8: this returned 1,010,100 objects (35.8 MB); the list-aware cost model multiplies the three pages.
    const nested =
      '{ miniProgram(appId: "any") { versions(take: 100) { miniProgram { versions(take: 100) { miniProgram { versions(take: 100) { id } } } } } } }';
    const response = await raw(JSON.stringify({ query: nested }), { authorization: `Bearer ${userToken}` });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(
      /^Cost limit of 5000 exceeded \(MAX_COST\): the operation costs 2020201; costliest path miniProgram\.versions\(×100\)/,
    );
    // Refused before execution: a mini-program that does not exist would otherwise answer NOT_FOUND.
    expect(body.errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'MAX_COST',
      cost: 2020201,
      maxCost: 5000,
    });
  });

  it('rejects an alias bomb', async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: me { sessionId }`).join(' ');
    const response = await raw(JSON.stringify({ query: `{ ${aliases} }` }), {
      authorization: `Bearer ${userToken}`,
    });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].message).toMatch(/alias/i);
  });

  it('rejects an invalid credit code with BAD_USER_INPUT and stores no organization', async () => {
    const before = await pendingCount();
    const result = await execute(
      e2e.url,
      ApplyForOrganizationDocument,
      {
        input: {
          name: 'Broken Code Ltd',
          creditCode: '91350100M000100Y44', // last (check) character wrong
          contactName: 'Li',
          contactPhone: '+8613800138000',
          licenceDocumentRef: 'uploads/licences/x.pdf',
        },
      },
      { token: userToken },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.status).toBeLessThan(500);
    expect(await pendingCount()).toBe(before);
  });

  it('answers 401 UNAUTHENTICATED for tampered and expired tokens', async () => {
    const [header, payload, signature] = userToken.split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    forged.ops = ['OPERATOR_ADMIN'];
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    const tamperedResult = await execute(e2e.url, MeDocument, {}, { token: tampered });
    expect(tamperedResult.status).toBe(401);
    expect(errorCodes(tamperedResult)).toEqual(['UNAUTHENTICATED']);

    const issuer = await TokenService.create({
      algorithm: 'HS256',
      secret: e2e.env.JWT_SECRET,
      issuer: 'grove',
      accessTokenTtlSec: 60,
      internalSecret: e2e.env.INTERNAL_TOKEN_SECRET!,
    });
    const expired = await issuer.signAccessToken(
      { userId: newId(), sessionId: newId(), operatorRoles: [], memberships: [] },
      Date.now() - 3600_000,
    );
    const expiredResult = await execute(e2e.url, MeDocument, {}, { token: expired });
    expect(expiredResult.status).toBe(401);
    expect(expiredResult.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_EXPIRED',
    });
  });
});
