import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { GraphQLError, validate, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { maskError, isPlatformError } from '../errors';
import type { TokenService } from '../auth/token.service';
import type { AuthorizationGate } from '../auth/authorization-epochs';
import { extractTraceContext } from '../tracing/tracing';
import {
  createOperationLimits,
  operationLimitsEnvShape,
  parseWithTokenLimit,
  type OperationLimitSettings,
} from './operation-limits';
import { authenticateSubgraphRequest, INTERNAL_PRINCIPAL_HEADER } from './subgraph-auth';
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
  /** Let end users call with their own access token, without the router (default: only the router's credential). */
  acceptUserTokens?: boolean;
  /** Limits for operations of callers that did not come through the router (defaults: the router's MAX_* defaults). */
  operationLimits?: Partial<SubgraphOperationLimits>;
}

export interface SubgraphOperationLimits extends OperationLimitSettings {
  maxTokens: number;
}

const DEFAULT_OPERATION_LIMITS: SubgraphOperationLimits = (() => {
  const d = (field: (typeof operationLimitsEnvShape)[keyof typeof operationLimitsEnvShape]) =>
    field.parse(undefined);
  return {
    maxDepth: d(operationLimitsEnvShape.MAX_DEPTH),
    maxAliases: d(operationLimitsEnvShape.MAX_ALIASES),
    maxCost: d(operationLimitsEnvShape.MAX_COST),
    maxTokens: d(operationLimitsEnvShape.MAX_TOKENS),
    maxIntrospectionDepth: d(operationLimitsEnvShape.MAX_INTROSPECTION_DEPTH),
  };
})();

/**
 * The operation limits of a standalone subgraph, for callers that did not come through the router (direct
 * end-user tokens). The router's callers were limited on the client's operation already; the fetches its query
 * planner derives from it carry extra key fields and `__typename`s, so they are not limited a second time.
 * Depth, aliases and cost here; the token limit runs before Apollo parses (`limitDirectCallerTokens`).
 */
const DIRECT_CALLER = Symbol('grove.directCaller');

function directCallerLimits(
  schema: GraphQLSchema,
  limits: SubgraphOperationLimits,
): ApolloServerPlugin<SubgraphContext> {
  const { validationRules, checkCost } = createOperationLimits(limits, () => undefined);
  const refuse = (message: string, reason: string) =>
    new GraphQLError(message, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason, http: { status: 400 } },
    });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, request }) {
          if (!(contextValue as { [DIRECT_CALLER]?: boolean })[DIRECT_CALLER]) return;
          const [error] = validate(schema, document, validationRules);
          if (error) throw refuse(error.message, 'OPERATION_LIMIT');
          // The same list-aware cost as the router's: `_entities` costs its representations times their fields.
          checkCost(schema, document, request);
        },
      };
    },
  };
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
      {
        kind: SpanKind.SERVER,
        attributes: { [ATTR_HTTP_REQUEST_METHOD]: request.method, [ATTR_HTTP_ROUTE]: route ?? '' },
      },
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

/**
 * MAX_TOKENS for callers without the router's credential, before Apollo parses and validates the document (a
 * long document of repeated fields costs Apollo's validation far more than lexing it up to the limit does here).
 */
function limitDirectCallerTokens(app: FastifyInstance, maxTokens: number): void {
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || request.headers[INTERNAL_PRINCIPAL_HEADER]) return;
    const body = (request.method === 'GET' ? request.query : request.body) as { query?: unknown } | undefined;
    if (!body || typeof body.query !== 'string') return;
    const parsed = parseWithTokenLimit(body.query, maxTokens);
    if (!('tooManyTokens' in parsed)) return;
    return reply.code(400).send({
      errors: [
        { message: parsed.tooManyTokens, extensions: { code: 'BAD_USER_INPUT', reason: 'MAX_TOKENS' } },
      ],
    });
  });
}

/** Distributed mode: one subgraph on its own HTTP port, `/graphql`, `/healthz`, `/readyz`. */
export async function serveSubgraph(options: ServeSubgraphOptions): Promise<RunningSubgraph> {
  const { module, tokens } = options;
  const logger = options.logger.child({ subgraph: module.name });
  const app = Fastify({ bodyLimit: options.bodyLimit ?? 1024 * 1024 });
  if (options.tracer) traceRequests(app, options.tracer);
  const auth = { acceptUserTokens: options.acceptUserTokens ?? false };
  const limits = { ...DEFAULT_OPERATION_LIMITS, ...options.operationLimits };
  // Only callers let in without the router: the others are refused with ROUTER_REQUIRED before any parsing.
  if (auth.acceptUserTokens) limitDirectCallerTokens(app, limits.maxTokens);
  const server = new ApolloServer<SubgraphContext>({
    schema: module.schema,
    introspection: false,
    csrfPrevention: true,
    // No inline (ftv1) traces: they feed Apollo Studio usage reporting, which Grove's router does not use. Apollo
    // would otherwise load its protobuf encoder into every subgraph (~3 MB) and time every resolver of a request
    // that asks for them, direct callers included.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      fastifyApolloDrainPlugin(app),
      directCallerLimits(module.schema, limits),
    ],
    formatError: (formatted, error) =>
      maskError(formatted, error, {
        log: (e, requestId) => logger.error({ err: e, requestId }, 'unexpected error'),
      }),
  });
  await server.start();

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      const details = await module.ready?.();
      return { status: 'ready', ...(details ?? {}) };
    } catch (error) {
      logger.warn({ err: error }, 'not ready');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  // The service's port is not public (the router is): its scraper reads the module's series here.
  const moduleMetrics = module.metrics;
  if (moduleMetrics)
    app.get('/metrics', async (_request, reply) =>
      reply.type('text/plain; version=0.0.4; charset=utf-8').send(await moduleMetrics()),
    );
  await module.registerHttpRoutes?.(app, {
    authenticate: async (headers) => {
      const { principal } = await authenticateSubgraphRequest(headers, tokens, logger, undefined, auth);
      await options.authorization?.assertCurrent(principal);
      return principal;
    },
    // What the router forwarded in its credential (request id, client IP).
    requestInfo: async (request) => {
      const context = await authenticateSubgraphRequest(request.headers, tokens, logger, undefined, auth);
      return { requestId: context.requestId, ...(context.clientIp ? { clientIp: context.clientIp } : {}) };
    },
    logger,
  });
  await module.registerInternalRoutes?.(app, {
    verifyCaller: async (headers, caller) => {
      const credential = headers[INTERNAL_PRINCIPAL_HEADER];
      await tokens.verifyServiceCall(Array.isArray(credential) ? credential[0] : credential, caller);
    },
    logger,
  });
  await app.register(fastifyApollo(server), {
    context: async (request) => {
      const span = requestSpans.get(request);
      // Resolvers have no active span (no context manager), so the trace id rides on their logger.
      const requestLogger = span ? logger.child({ traceId: span.spanContext().traceId }) : logger;
      try {
        const context = await authenticateSubgraphRequest(
          request.headers,
          tokens,
          requestLogger,
          options.authorization,
          auth,
        );
        // Marks requests without the router's credential (only when acceptUserTokens lets them in). A property, not
        // a WeakSet of contexts: Apollo hands plugins a shallow copy of the context.
        return request.headers[INTERNAL_PRINCIPAL_HEADER]
          ? context
          : Object.assign(context, { [DIRECT_CALLER]: true });
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
