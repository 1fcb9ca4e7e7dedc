import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { randomUUID } from 'node:crypto';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  createOperationLimits,
  exportToProcessEnv,
  maskError,
  type HttpRouteContext,
  type PlatformRuntime,
  type SubgraphModule,
} from '@grove/platform';
import type { RouterConfig } from './config';
import { registerConsoleRoutes } from './console-static.routes';
import { EmbeddedSubgraphDataSource } from './embedded-subgraph.data-source';
import { createGraphqlGuard } from './graphql-request.guard';
import { registerHttpErrorHandlers } from './http-error-handler';
import { RemoteSubgraphDataSource } from './remote-subgraph.data-source';
import { SUBGRAPH_UNAVAILABLE, SUBGRAPH_UNAVAILABLE_MESSAGE } from './subgraph-failure';
import { AccessTokenVerifier, authenticateRequest } from './request-auth';
import { requestLifecyclePlugin } from './request-lifecycle.plugin';
import { RequestRateLimits } from './request-rate-limits';
import { limitResponseSize } from './response-size.guard';
import { createRestGuard } from './rest-request.guard';
import { RequestState, RouterRequestContext } from './router-context';
import { RouterMetrics, type RequestOutcome } from './router-metrics';
import { createRouterTracing, extractTraceContext } from './tracing';
import {
  registerUploadProxyRoutes,
  uploadProxyRoutesFromEnv,
  type UploadProxyRoute,
} from './upload-proxy.routes';

export interface CreateRouterOptions {
  config: RouterConfig;
  runtime: PlatformRuntime;
  /** In-process subgraphs (embedded mode). */
  modules?: SubgraphModule[];
  /** Supergraph SDL; by default read from config.SUPERGRAPH_PATH (the committed composition). */
  supergraphSdl?: string;
  /** Extra span processors (tests inspect spans with an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
  /** Distributed mode: the upload routes forwarded to their services (default: from the services' variables). */
  uploadRoutes?: UploadProxyRoute[];
}

export interface Router {
  app: FastifyInstance;
  metrics: RouterMetrics;
  /** The router's buckets; the SDK runtime routes mounted next to /graphql use them too. */
  rateLimits: RequestRateLimits;
  /** Set once listening. */
  url?: string;
  /** http://host:port/metrics of the metrics listener, once listening (undefined when it could not bind). */
  metricsUrl?: string;
  /** Listens on HOST:PORT and returns the /graphql URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;
/** Endpoints for probes and scrapers: no span, no request metrics. */
const INFRA_ROUTES = new Set(['/healthz', '/readyz']);

/** A hop count becomes proxy-addr's "trust the first n hops" function (fastify's types omit numbers). */
function trustProxyOption(
  value: RouterConfig['TRUST_PROXY'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/** The innermost message of a failed probe, for the log (platform errors keep the driver's cause underneath). */
function causeOf(error: unknown): string {
  let current = error as { message?: unknown; cause?: unknown } | undefined;
  while (current?.cause) current = current.cause as typeof current;
  return typeof current?.message === 'string' ? current.message : String(error);
}

export function readSupergraph(path: string): string {
  const file = resolve(path);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the supergraph at ${file} (run \`npm run compose\`): ${(error as Error).message}`,
    );
  }
}

/**
 * The router: gateway over the static supergraph, JWT auth, rate limits, operation limits, CSRF
 * protection, tracing and metrics, on one fastify server that later also serves the REST shims.
 */
export async function createRouter(options: CreateRouterOptions): Promise<Router> {
  const { config, runtime } = options;
  const logger = runtime.logger.child({ component: 'router' });
  const metrics = new RouterMetrics();
  const tracing = createRouterTracing(
    {
      serviceName: config.OTEL_SERVICE_NAME,
      otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
      spanProcessors: options.spanProcessors,
    },
    logger,
  );
  const { tracer } = tracing;
  const supergraphSdl = options.supergraphSdl ?? readSupergraph(config.SUPERGRAPH_PATH);
  const modules = new Map((options.modules ?? []).map((m) => [m.name, m]));

  const buildService = ({ name }: { name: string; url?: string }): GraphQLDataSource => {
    if (config.SUBGRAPH_MODE === 'distributed') {
      const url = config.SUBGRAPH_URLS?.[name];
      if (!url) throw new Error(`SUBGRAPH_URLS has no URL for subgraph "${name}"`);
      const resilience = {
        timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
        breakerFailures: config.SUBGRAPH_BREAKER_FAILURES,
        breakerCooldownMs: config.SUBGRAPH_BREAKER_COOLDOWN_MS,
        queryRetries: config.SUBGRAPH_QUERY_RETRIES,
      };
      return new RemoteSubgraphDataSource({
        name,
        url,
        tokens: runtime.tokens,
        tracer,
        metrics,
        logger,
        resilience,
      });
    }
    const module = modules.get(name);
    if (!module)
      throw new Error(`The supergraph names subgraph "${name}" but no embedded module provides it`);
    return new EmbeddedSubgraphDataSource(module, {
      tracer,
      metrics,
      logger,
      authorization: runtime.authorization,
    });
  };

  const app = Fastify({
    loggerInstance: logger as unknown as FastifyBaseLogger,
    // The router logs what matters itself (errors with request and trace ids); no per-request lines.
    logController: new LogController({ disableRequestLogging: true }),
    // No per-request pino child (fastify's default): the router's own request logger is created
    // lazily and carries requestId and traceId.
    childLoggerFactory: (parent) => parent,
    bodyLimit: config.MAX_BODY_BYTES,
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      // randomUUID draws from a cached entropy pool; per-character ULID randomness showed up in profiles.
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  app.decorateRequest('grove', null as unknown as RequestState);
  registerHttpErrorHandlers(app, { metrics, logger });

  const limits = createOperationLimits(
    {
      maxDepth: config.MAX_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxCost: config.MAX_COST,
      maxIntrospectionDepth: config.MAX_INTROSPECTION_DEPTH,
    },
    (reason) => metrics.reject(reason),
  );
  // Read by the gateway's constructor from process.env only.
  exportToProcessEnv('APOLLO_TELEMETRY_DISABLED', String(config.APOLLO_TELEMETRY_DISABLED));
  const gateway = new ApolloGateway({ supergraphSdl, buildService, logger });
  const server = new ApolloServer<RouterRequestContext>({
    gateway,
    logger,
    csrfPrevention: true,
    introspection: config.INTROSPECTION,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    plugins: [
      fastifyApolloDrainPlugin(app),
      requestLifecyclePlugin(),
      ...limits.plugins,
      ...(config.INTROSPECTION ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
    // Masks unexpected errors; the lifecycle plugin logs them and adds the request id.
    formatError: (formatted, error) => {
      const extensions = formatted.extensions ?? {};
      // A subgraph that could not be reached (logged by the data source): its name, never its address or the cause.
      if (extensions.code === SUBGRAPH_UNAVAILABLE) {
        const service = typeof extensions.service === 'string' ? extensions.service : extensions.serviceName;
        return {
          message: SUBGRAPH_UNAVAILABLE_MESSAGE,
          path: formatted.path,
          extensions: { code: SUBGRAPH_UNAVAILABLE, service },
        };
      }
      // Already masked (and logged) by the subgraph: keep its request id.
      if (extensions.code === 'INTERNAL_SERVER_ERROR' && typeof extensions.requestId === 'string') {
        return {
          message: formatted.message,
          path: formatted.path,
          extensions: { code: extensions.code, requestId: extensions.requestId },
        };
      }
      const masked = maskError(formatted, error);
      // Subgraph names are backend topology; clients do not need them.
      if (masked.extensions && 'serviceName' in masked.extensions) {
        const { serviceName: _serviceName, ...rest } = masked.extensions;
        return { ...masked, extensions: rest };
      }
      return masked;
    },
  });
  await server.start();

  // Every non-probe request gets a request id, a request logger and a server span continuing the
  // caller's traceparent.
  // Synchronous hooks: nothing here awaits, and fastify's async-hook path costs a promise each.
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    if (INFRA_ROUTES.has(request.routeOptions.url ?? '')) return done();
    const parent = extractTraceContext(request.headers);
    const span = tracer.startSpan(
      `${request.method} ${request.routeOptions.url ?? 'unknown'}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, 'url.path': request.routeOptions.url ?? '' },
      },
      parent,
    );
    request.grove = new RequestState(request.id, span, trace.setSpan(parent, span), logger);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const state = request.grove;
    if (!state) return done();
    state.span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) state.span.setStatus({ code: SpanStatusCode.ERROR });
    state.span.end();
    if (request.routeOptions.url !== '/graphql') return done();
    const outcome: RequestOutcome =
      reply.statusCode >= 500
        ? 'failed'
        : reply.statusCode >= 400
          ? 'rejected'
          : state.graphqlErrors
            ? 'error'
            : 'success';
    const body = request.body as { operationName?: unknown } | undefined;
    const claimed =
      state.operationName ?? (typeof body?.operationName === 'string' ? body.operationName : undefined);
    metrics.observeRequest(metrics.operationLabel(claimed), outcome, reply.elapsedTime / 1000);
    done();
  });

  const verifier = new AccessTokenVerifier(runtime.tokens, { authorization: runtime.authorization });
  const rateLimits = new RequestRateLimits(runtime.rateLimits, {
    windowSec: config.RATE_LIMIT_WINDOW_SEC,
    ipPoints: config.RATE_LIMIT_IP_POINTS,
    userPoints: config.RATE_LIMIT_USER_POINTS,
    loginPoints: config.RATE_LIMIT_LOGIN_POINTS,
    loginWindowSec: config.RATE_LIMIT_LOGIN_WINDOW_SEC,
    loginIpPoints: config.RATE_LIMIT_LOGIN_IP_POINTS,
    uploadPoints: config.RATE_LIMIT_UPLOAD_POINTS,
    hostAppPoints: config.RATE_LIMIT_HOST_APP_POINTS,
  });
  // REST routes (uploads, signed object links) get the /graphql rules before their body is read.
  app.addHook('onRequest', createRestGuard({ verifier, rateLimits, metrics }));
  const apolloHandler = fastifyApolloHandler<RouterRequestContext>(server, {
    context: async (request) => {
      const state = request.grove;
      const header = (name: string) => {
        const value = request.headers[name];
        return typeof value === 'string' && value ? value.slice(0, 256) : undefined;
      };
      return new RouterRequestContext(
        state.principal!,
        state,
        request.ip,
        header('x-device-id'),
        header('user-agent'),
      );
    },
  });
  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    preHandler: createGraphqlGuard({ verifier, rateLimits, metrics, maxTokens: config.MAX_TOKENS }),
    onSend: limitResponseSize(config.MAX_RESPONSE_BYTES, metrics),
    // (The cast only bridges the integration's route generics.)
    handler: (request, reply) => apolloHandler.call(app, request as never, reply as never),
  });

  // Module REST routes (uploads …) authenticate with the same bearer-token rule as /graphql.
  const routeContext: HttpRouteContext = {
    authenticate: (headers) => {
      const authorization = headers.authorization;
      return authenticateRequest(Array.isArray(authorization) ? authorization[0] : authorization, verifier);
    },
    requestInfo: async (request) => ({ requestId: request.id, clientIp: request.ip }),
    logger,
  };
  for (const module of modules.values()) await module.registerHttpRoutes?.(app, routeContext);
  // Upload routes of services that run elsewhere are forwarded to them (distributed mode).
  const remoteUploads = (options.uploadRoutes ?? uploadProxyRoutesFromEnv()).filter(
    (route) => !modules.has(route.service),
  );
  if (config.SUBGRAPH_MODE === 'distributed' && remoteUploads.length) {
    await registerUploadProxyRoutes(app, {
      routes: remoteUploads,
      subgraphUrls: config.SUBGRAPH_URLS ?? {},
      tokens: runtime.tokens,
      logger,
    });
  }

  // The web console (a client of /graphql and the REST routes above), in both modes.
  if (config.CONSOLE_DIR) await registerConsoleRoutes(app, { dir: config.CONSOLE_DIR, logger });

  app.get('/healthz', async () => ({ status: 'ok' }));
  // Shared dependencies the router can run without answer 200 "degraded": pulling every replica out of rotation
  // for an outage they all share would turn degraded service into none (docs/resilience.md).
  // A standalone subgraph that is down costs only its fields (partial answers), so it degrades the router, too.
  const remoteSubgraphs =
    config.SUBGRAPH_MODE === 'distributed' ? Object.entries(config.SUBGRAPH_URLS ?? {}) : [];
  const degradable = new Set(['cache', 'events', ...remoteSubgraphs.map(([name]) => `subgraph:${name}`)]);
  const probeTimeoutMs = Math.min(1_000, config.SUBGRAPH_TIMEOUT_MS);
  const unsubscribeFallbacks = runtime.fallbacks.onFallback((dependency, fallback) =>
    metrics.dependencyFallback(dependency, fallback),
  );
  app.get('/readyz', async (_request, reply) => {
    const checks: Array<[string, Promise<unknown>]> = [
      ['documents', runtime.documents.ping()],
      ['cache', runtime.kv.ping()],
      ['events', runtime.events.ping()],
      ...[...modules.values()].map((m): [string, Promise<unknown>] => [
        `subgraph:${m.name}`,
        Promise.resolve(m.ready?.()),
      ]),
      ...remoteSubgraphs.map(([name, url]): [string, Promise<unknown>] => [
        `subgraph:${name}`,
        probeSubgraph(url, probeTimeoutMs),
      ]),
    ];
    const results = await Promise.allSettled(checks.map(([, check]) => check));
    const failed = checks.flatMap(([name], i) => (results[i]!.status === 'rejected' ? [name] : []));
    if (!failed.length) return { status: 'ready' };
    const causes = Object.fromEntries(
      checks.flatMap(([name], i) => {
        const result = results[i]!;
        return result.status === 'rejected' ? [[name, causeOf(result.reason)]] : [];
      }),
    );
    if (failed.every((name) => degradable.has(name))) {
      logger.warn({ degraded: failed, causes }, 'degraded');
      return { status: 'degraded', degraded: failed };
    }
    logger.warn({ unavailable: failed, causes }, 'not ready');
    return reply.code(503).send({
      status: 'unavailable',
      unavailable: failed.filter((name) => !degradable.has(name)),
      degraded: failed.filter((name) => degradable.has(name)),
    });
  });
  // Metrics on their own listener (METRICS_HOST:METRICS_PORT): the API port may face the internet, the scraper does not.
  const metricsApp = Fastify({ logger: false });
  metricsApp.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await metrics.render();
    const own = await Promise.all([...modules.values()].map((m) => m.metrics?.() ?? ''));
    return reply.type(contentType).send([body, ...own.filter(Boolean)].join('\n'));
  });

  const router: Router = {
    app,
    metrics,
    rateLimits,
    async listen() {
      const address = await app.listen({ host: config.HOST, port: config.PORT });
      router.url = `${address}/graphql`;
      try {
        router.metricsUrl = `${await metricsApp.listen({ host: config.METRICS_HOST, port: config.METRICS_PORT })}/metrics`;
      } catch (error) {
        // Serving the API matters more than its metrics (e.g. a second router on one host): say so and go on.
        logger.error(
          { err: error, host: config.METRICS_HOST, port: config.METRICS_PORT },
          'metrics listener could not start; set METRICS_PORT',
        );
      }
      logger.info(
        { url: router.url, metricsUrl: router.metricsUrl, mode: config.SUBGRAPH_MODE },
        'router listening',
      );
      return router.url;
    },
    async close() {
      // Apollo's drain plugin closes fastify (finishing in-flight requests), then stops the gateway.
      unsubscribeFallbacks();
      await metricsApp.close();
      await server.stop();
      await tracing.shutdown();
    },
  };
  return router;
}

/** A standalone subgraph's own `/readyz` (its drivers), next to its `/graphql`. */
async function probeSubgraph(graphqlUrl: string, timeoutMs: number): Promise<void> {
  const response = await fetch(new URL('/readyz', graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}
