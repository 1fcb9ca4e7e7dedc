import 'reflect-metadata';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ANONYMOUS } from '../auth/principal';
import { TokenService } from '../auth/token.service';
import { newId, randomToken } from '../ids';
import { silentLogger } from '../logging/logger';
import { buildSubgraph, type SubgraphModule } from './build-subgraph';
import { serveSubgraph, type RunningSubgraph } from './serve-subgraph';
import { INTERNAL_PRINCIPAL_HEADER } from './subgraph-auth';
import type { SubgraphContext } from './subgraph-context';

@ObjectType()
class Node {
  @Field()
  id!: string;

  @Field(() => Node)
  child(): Node {
    return Object.assign(new Node(), { id: `${this.id}.c` });
  }

  @Field(() => [Node])
  children(@Arg('take', () => Int, { defaultValue: 10 }) take: number): Node[] {
    return Array.from({ length: take }, (_, i) => Object.assign(new Node(), { id: `${this.id}.${i}` }));
  }
}

@Resolver()
class NodeResolver {
  @Query(() => String)
  whoami(@Ctx() ctx: SubgraphContext): string {
    return ctx.principal.kind === 'user' ? `user:${ctx.principal.userId}` : ctx.principal.kind;
  }

  @Query(() => [Node])
  nodes(@Arg('take', () => Int, { defaultValue: 10 }) take: number): Node[] {
    return Array.from({ length: take }, (_, i) => Object.assign(new Node(), { id: `n${i}` }));
  }

  @Query(() => Node)
  node(): Node {
    return Object.assign(new Node(), { id: 'n' });
  }
}

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: whoami`).join(' ')} }`;
const deep = (levels: number) => `{ node { ${'child { '.repeat(levels)}id${' }'.repeat(levels)} } }`;

describe('serveSubgraph: who may call a standalone subgraph, and its own operation limits', () => {
  let tokens: TokenService;
  let module: SubgraphModule;
  let routerOnly: RunningSubgraph;
  let openToUsers: RunningSubgraph;
  let userToken: string;

  beforeAll(async () => {
    tokens = await TokenService.create({
      algorithm: 'HS256',
      secret: randomToken(32),
      issuer: 'grove',
      accessTokenTtlSec: 900,
      internalSecret: randomToken(32),
    });
    module = await buildSubgraph({
      name: 'nodes',
      resolvers: [NodeResolver],
      instances: [new NodeResolver()],
    });
    routerOnly = await serveSubgraph({ module, tokens, logger: silentLogger(), port: 0 });
    openToUsers = await serveSubgraph({
      module,
      tokens,
      logger: silentLogger(),
      port: 0,
      acceptUserTokens: true,
      operationLimits: { maxAliases: 15, maxDepth: 5, maxTokens: 2000, maxCost: 5000 },
    });
    userToken = await tokens.signAccessToken({
      userId: 'u1',
      sessionId: newId(),
      operatorRoles: [],
      memberships: [],
    });
  });

  afterAll(async () => {
    await routerOnly?.app.close();
    await openToUsers?.app.close();
  });

  const post = async (server: RunningSubgraph, query: string, headers: Record<string, string>) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        data?: Record<string, unknown>;
        errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
      },
    };
  };
  const bearer = () => ({ authorization: `Bearer ${userToken}` });
  const viaRouter = async () => ({
    [INTERNAL_PRINCIPAL_HEADER]: await tokens.signInternal(ANONYMOUS, { rid: 'r1' }),
  });

  it('by default refuses an end-user token: only the router credential is accepted', async () => {
    const direct = await post(routerOnly, '{ whoami }', bearer());
    expect(direct.status).toBe(401);
    expect(direct.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'ROUTER_REQUIRED',
    });
    expect((await post(routerOnly, '{ whoami }', await viaRouter())).body).toEqual({
      data: { whoami: 'anonymous' },
    });
  });

  it('with acceptUserTokens, takes a valid end-user token but applies its own alias, depth and token limits', async () => {
    expect((await post(openToUsers, '{ whoami }', bearer())).body).toEqual({ data: { whoami: 'user:u1' } });

    const manyAliases = await post(openToUsers, aliases(200), bearer());
    expect(manyAliases.status).toBe(400);
    expect(manyAliases.body.data).toBeUndefined();
    expect(manyAliases.body.errors?.[0]?.message).toMatch(/aliases/i);
    expect(manyAliases.body.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'OPERATION_LIMIT',
    });

    const tooDeep = await post(openToUsers, deep(8), bearer());
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors?.[0]?.message).toMatch(/depth/i);

    const tooLong = await post(openToUsers, `{ ${'whoami '.repeat(2500)}}`, bearer());
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MAX_TOKENS',
    });

    expect((await post(openToUsers, aliases(15), bearer())).body.data).toMatchObject({
      a0: 'user:u1',
      a14: 'user:u1',
    });
  });

  it('with acceptUserTokens, applies the list-aware cost limit with the page sizes sent (variables included)', async () => {
    const query = 'query($n: Int!) { nodes(take: $n) { children(take: 100) { id } } }';
    const send = (n: number) =>
      fetch(openToUsers.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer() },
        body: JSON.stringify({ query, variables: { n } }),
      });
    const refused = await send(100);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as {
      data?: unknown;
      errors: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.message).toMatch(
      /^Cost limit of 5000 exceeded \(MAX_COST\): the operation costs 20100; costliest path nodes\(×100\)\.children\(×100\)/,
    );
    expect(body.errors[0]!.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'MAX_COST',
      cost: 20100,
    });
    const served = await send(2);
    expect(served.status).toBe(200);
    expect(((await served.json()) as { data: { nodes: unknown[] } }).data.nodes).toHaveLength(2);
  });

  it('does not limit the router a second time: its fetches were planned from an operation it already limited', async () => {
    const res = await post(openToUsers, aliases(20), await viaRouter());
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ a19: 'anonymous' });
  });

  it('still refuses a bad bearer token and a forged router credential', async () => {
    expect((await post(openToUsers, '{ whoami }', { authorization: 'Bearer not.a.token' })).status).toBe(401);
    const forged = await (
      await TokenService.create({
        algorithm: 'HS256',
        secret: randomToken(32),
        issuer: 'grove',
        accessTokenTtlSec: 900,
        internalSecret: randomToken(32),
      })
    ).signInternal(ANONYMOUS);
    const res = await post(routerOnly, '{ whoami }', { [INTERNAL_PRINCIPAL_HEADER]: forged });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INTERNAL_TOKEN_INVALID',
    });
  });
});
