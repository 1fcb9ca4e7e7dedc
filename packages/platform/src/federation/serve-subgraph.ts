import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { maskError, isPlatformError } from '../errors';
import type { TokenService } from '../auth/token.service';
import { authenticateSubgraphRequest } from './subgraph-auth';
import type { SubgraphContext } from './subgraph-context';
import type { SubgraphModule } from './build-subgraph';

export interface ServeSubgraphOptions {
  module: SubgraphModule;
  tokens: TokenService;
  logger: Logger;
  host?: string;
  port: number;
  /** Body size limit in bytes. */
  bodyLimit?: number;
}

export interface RunningSubgraph {
  url: string;
  app: FastifyInstance;
  stop(): Promise<void>;
}

/** Distributed mode: one subgraph on its own HTTP port, `/graphql`, `/healthz`, `/readyz`. */
export async function serveSubgraph(options: ServeSubgraphOptions): Promise<RunningSubgraph> {
  const { module, tokens } = options;
  const logger = options.logger.child({ subgraph: module.name });
  const app = Fastify({ bodyLimit: options.bodyLimit ?? 1024 * 1024 });
  const server = new ApolloServer<SubgraphContext>({
    schema: module.schema,
    introspection: false,
    csrfPrevention: true,
    plugins: [fastifyApolloDrainPlugin(app)],
    formatError: (formatted, error) =>
      maskError(formatted, error, { log: (e, requestId) => logger.error({ err: e, requestId }, 'unexpected error') }),
  });
  await server.start();

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await module.ready?.();
      return { status: 'ready' };
    } catch (error) {
      logger.warn({ err: error }, 'not ready');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  await module.registerHttpRoutes?.(app, {
    authenticate: async (headers) => (await authenticateSubgraphRequest(headers, tokens, logger)).principal,
    logger,
  });
  await app.register(fastifyApollo(server), {
    context: async (request) => {
      try {
        return await authenticateSubgraphRequest(request.headers, tokens, logger);
      } catch (error) {
        if (isPlatformError(error)) {
          throw new GraphQLError(error.message, {
            extensions: { code: error.code, http: { status: error.httpStatus }, ...(error.details ?? {}) },
          });
        }
        throw error;
      }
    },
  });
  const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port });
  logger.info({ url: `${address}/graphql` }, 'subgraph listening');
  return {
    url: `${address}/graphql`,
    app,
    stop: async () => {
      await app.close();
      await module.close?.();
    },
  };
}
