import 'reflect-metadata';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { ProxyTracerProvider, ROOT_CONTEXT } from '@opentelemetry/api';
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createTestRuntime } from '@grove/testkit';
import { loadConfig, silentLogger, UnauthenticatedError, type SubgraphModule } from '@grove/platform';
import {
  createRouter,
  createSubgraphModules,
  EmbeddedSubgraphDataSource,
  readSupergraph,
  routerEnvSchema,
  type RouterContext,
} from '@grove/router';

/**
 * One benchmark server per process, so neither shares an event loop (or OpenTelemetry globals) with
 * the other or with the load generator: `router` is the full router, `baseline` a plain gateway.
 * Prints `BENCH_READY {"url", "token"}` once it has signed the bootstrap admin in over HTTP.
 */
const ADMIN = { identifier: 'admin@grove.local', password: 'Bench-Admin-Pass-1' };
const SUPERGRAPH = join(__dirname, '..', 'schema', 'supergraph.graphql');

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind !== 'router' && kind !== 'baseline') throw new Error('usage: bench-server.ts router|baseline');
  const runtime = await createTestRuntime({ inMemory: true });
  const modules = await createSubgraphModules(runtime, { BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password });
  for (const module of modules) await module.bootstrap?.();
  const url = kind === 'router' ? await startRouter(runtime, modules) : await startBaseline(runtime, modules);
  const token = await signIn(url);
  process.stdout.write(`BENCH_READY ${JSON.stringify({ url, token })}\n`);
  process.once('SIGTERM', () => process.exit(0));
}

/** Everything on: JWT, rate limits (large enough not to trip), operation limits, tracing, metrics. */
async function startRouter(
  runtime: Awaited<ReturnType<typeof createTestRuntime>>,
  modules: SubgraphModule[],
): Promise<string> {
  const config = loadConfig(routerEnvSchema, {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: '0',
    JWT_SECRET: runtime.config.JWT_SECRET,
    INTERNAL_TOKEN_SECRET: runtime.config.INTERNAL_TOKEN_SECRET,
    RATE_LIMIT_IP_POINTS: '100000000',
    RATE_LIMIT_USER_POINTS: '100000000',
    SUPERGRAPH_PATH: SUPERGRAPH,
  });
  const router = await createRouter({ config, runtime, modules });
  return router.listen();
}

/**
 * Plain ApolloGateway + ApolloServer, no plugins, same supergraph and the same in-process data
 * sources (with a no-op tracer). Its context verifies the bearer token too, because `me` needs a
 * principal: the comparison measures the router's other layers, not JWT verification.
 */
async function startBaseline(
  runtime: Awaited<ReturnType<typeof createTestRuntime>>,
  modules: SubgraphModule[],
): Promise<string> {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const logger = silentLogger();
  const tracer = new ProxyTracerProvider().getTracer('noop');
  const gateway = new ApolloGateway({
    supergraphSdl: readSupergraph(SUPERGRAPH),
    buildService: ({ name }) => new EmbeddedSubgraphDataSource(byName.get(name)!, { tracer, logger }),
  });
  const app = Fastify();
  const server = new ApolloServer<RouterContext>({ gateway, plugins: [fastifyApolloDrainPlugin(app)] });
  await server.start();
  await app.register(fastifyApollo(server), {
    context: async (request) => {
      const authorization = request.headers.authorization;
      if (authorization && !authorization.startsWith('Bearer ')) throw new UnauthenticatedError();
      const principal = authorization
        ? await runtime.tokens.verifyAccessToken(authorization.slice(7))
        : ({ kind: 'anonymous' } as const);
      return { principal, requestId: randomUUID(), traceId: '', logger, otelContext: ROOT_CONTEXT };
    },
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return `${address}/graphql`;
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: ADMIN },
    }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`sign-in failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
