import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { maskError, isPlatformError } from '../errors';
import type { TokenService } from '../auth/token.service';
import type { AuthorizationGate } from '../auth/authorization-epochs';
import { extractTraceContext } from '../tracing/tracing';
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
  /** When given, every non-probe request gets a server span continuing the caller's `traceparent`. */
  tracer?: Tracer;
  /** Revocation check: before every mutation and every REST route (uploads) call. */
  authorization?: AuthorizationGate;
}

export interface RunningSubgraph {
  url: string;
  app: FastifyInstance;
  stop(): Promise<void>;
}

/** Probes are polled constantly and say nothing about a trace. */
const PROBE_ROUTES = new Set(['/healthz', '/readyz']);

// A WeakMap rather than a fastify decorator: no global type augmentation of FastifyRequest, and
// nothing to clean up when a request is dropped.
const requestSpans = new WeakMap<FastifyRequest, Span>();

/** The server span of a request served by `serveSubgraph` with a tracer (undefined without one, and for probes). */
export function subgraphRequestSpan(request: FastifyRequest): Span | undefined {
  return requestSpans.get(request);
}

/**
 * Server span per request, parented by the incoming W3C `traceparent` (the router's subgraph fetch
 * span), so a standalone subgraph's work joins the router's trace. Synchronous hooks: nothing here
 * awaits, and fastify's async-hook path costs a promise each.
 */
function traceRequests(app: FastifyInstance, tracer: Tracer): void {
  const end = (request: FastifyRequest, statusCode: number | undefined) => {
    const span = requestSpans.get(request);
    if (!span) return;
    requestSpans.delete(request); // onRequestAbort and onResponse may both fire
    if (statusCode === undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: 'client aborted' });
    else {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, statusCode);
      if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
  app.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url;
    if (route && PROBE_ROUTES.has(route)) return done();
    const span = tracer.startSpan(
      `${request.method} ${route ?? 'unknown'}`,
      { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: request.method, [ATTR_HTTP_ROUTE]: route ?? '' } },
      extractTraceContext(request.headers),
    );
    requestSpans.set(request, span);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    end(request, reply.statusCode);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    end(request, undefined);
    done();
  });
}

/** Distributed mode: one subgraph on its own HTTP port, `/graphql`, `/healthz`, `/readyz`. */
export async function serveSubgraph(options: ServeSubgraphOptions): Promise<RunningSubgraph> {
  const { module, tokens } = options;
  const logger = options.logger.child({ subgraph: module.name });
  const app = Fastify({ bodyLimit: options.bodyLimit ?? 1024 * 1024 });
  if (options.tracer) traceRequests(app, options.tracer);
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
    authenticate: async (headers) => {
      const { principal } = await authenticateSubgraphRequest(headers, tokens, logger);
      await options.authorization?.assertCurrent(principal);
      return principal;
    },
    logger,
  });
  await app.register(fastifyApollo(server), {
    context: async (request) => {
      const span = requestSpans.get(request);
      // Resolvers have no active span (no context manager), so the trace id rides on their logger.
      const requestLogger = span ? logger.child({ traceId: span.spanContext().traceId }) : logger;
      try {
        return await authenticateSubgraphRequest(request.headers, tokens, requestLogger, options.authorization);
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
