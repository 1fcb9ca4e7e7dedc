import 'reflect-metadata';
import {
  RemoteGraphQLDataSource,
  ApolloGateway,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { ANONYMOUS, INTERNAL_PRINCIPAL_HEADER, TokenService, type Principal } from '@grove/platform';

/**
 * A baseline gateway for `npm run bench:router -- --distributed`, in its own process over the same subgraph processes
 * as Grove's router. Run as built JavaScript (the bench compiles it like a service: no `@swc-node/register`, no
 * source-map handling of stacks), with one JSON argument (see `BaselineConfig`); prints `BENCH_READY {"url"}`.
 *
 * `apollo`: `@apollo/gateway` + `@apollo/server` with their defaults (standalone HTTP server, the gateway's default
 * HTTP client). `hive`: Hive Gateway's runtime (`@graphql-hive/gateway-runtime`) with its defaults on node:http.
 *
 * Both add only what the subgraphs demand before they do any work (ADR 0002): the principal as `x-grove-principal`,
 * an internal token signed with INTERNAL_TOKEN_SECRET. Per client request each verifies the bearer access token
 * (jose, no cache) and signs one internal token, reused for every subgraph fetch of that request. They do not check
 * authorization epochs, rate-limit, limit operations, trace, count metrics, guard CSRF or retry and break circuits.
 */
export interface BaselineConfig {
  kind: 'apollo' | 'hive';
  /** A supergraph file with the subgraphs' real URLs in its join__graph directives. */
  supergraphPath: string;
  jwtSecret: string;
  jwtIssuer: string;
  accessTokenTtlSec: number;
  internalSecret: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The credential the subgraphs accept, for one client request's Authorization header. */
async function internalCredential(
  tokens: TokenService,
  authorization: string | null | undefined,
): Promise<string> {
  let principal: Principal = ANONYMOUS;
  if (authorization) {
    const match = BEARER.exec(authorization);
    if (!match) throw new Error('Authorization must be "Bearer <access token>"');
    principal = await tokens.verifyAccessToken(match[1]);
  }
  return tokens.signInternal(principal, { rid: randomUUID() });
}

interface ApolloContext {
  credential: Promise<string>;
}

class PrincipalForwardingDataSource extends RemoteGraphQLDataSource<ApolloContext> {
  override async willSendRequest(options: GraphQLDataSourceProcessOptions<ApolloContext>): Promise<void> {
    const context = (options as { context?: Partial<ApolloContext> }).context;
    if (context?.credential)
      options.request.http?.headers.set(INTERNAL_PRINCIPAL_HEADER, await context.credential);
  }
}

async function startApollo(config: BaselineConfig, tokens: TokenService): Promise<string> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ url }) => new PrincipalForwardingDataSource({ url }),
  });
  const server = new ApolloServer<ApolloContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async ({ req }) => {
      const credential = internalCredential(tokens, req.headers.authorization);
      credential.catch(() => undefined); // a bad token fails the fetches that await it
      return { credential };
    },
  });
  return url;
}

/** The part of Hive Gateway's runtime the bench uses. */
interface HiveRuntime {
  createGatewayRuntime(options: {
    supergraph: string;
    logging: boolean;
    propagateHeaders: {
      fromClientToSubgraphs: (payload: { request: Request }) => Promise<Record<string, string | undefined>>;
    };
  }): RequestListener;
}
/**
 * Loaded by a name the type checker does not follow: its declarations pull in TypeScript's DOM library (through
 * @whatwg-node/fetch), whose fetch types break Node's for the rest of the repository.
 */
const HIVE_RUNTIME = '@graphql-hive/gateway-runtime';

async function startHive(config: BaselineConfig, tokens: TokenService): Promise<string> {
  const { createGatewayRuntime } = (await import(HIVE_RUNTIME)) as HiveRuntime;
  // One credential per client request, however many subgraph fetches its plan makes.
  const credentials = new WeakMap<Request, Promise<string>>();
  const gateway = createGatewayRuntime({
    supergraph: readFileSync(config.supergraphPath, 'utf8'),
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: async ({ request }) => {
        let credential = credentials.get(request);
        if (!credential) {
          credential = internalCredential(tokens, request.headers.get('authorization'));
          credentials.set(request, credential);
        }
        return { [INTERNAL_PRINCIPAL_HEADER]: await credential };
      },
    },
  });
  const server = createServer(gateway);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}/graphql`;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '') as BaselineConfig;
  const tokens = await TokenService.create({
    algorithm: 'HS256',
    secret: config.jwtSecret,
    issuer: config.jwtIssuer,
    accessTokenTtlSec: config.accessTokenTtlSec,
    internalSecret: config.internalSecret,
  });
  const url =
    config.kind === 'apollo'
      ? await startApollo(config, tokens)
      : config.kind === 'hive'
        ? await startHive(config, tokens)
        : undefined;
  if (!url) throw new Error(`kind must be apollo or hive, not ${String(config.kind)}`);
  process.stdout.write(`BENCH_READY ${JSON.stringify({ url })}\n`);
  process.once('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
