import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// Not re-exported by the package index; Apollo's docs import it from here.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { ROOT_CONTEXT, type Context } from '@opentelemetry/api';
import { setTimeout as delay } from 'node:timers/promises';
import { parse, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import {
  INTERNAL_PRINCIPAL_HEADER,
  REQUEST_ID_HEADER,
  type Logger,
  type TokenService,
} from '@grove/platform';
import type { RouterContext } from './router-context';
import {
  classifySubgraphFailure,
  SubgraphCircuitBreaker,
  subgraphFailureErrors,
  type SubgraphFailure,
} from './subgraph-failure';
import { createSubgraphFetcher } from './subgraph-http-client';
import { withSubgraphFetchSpan, type SubgraphFetchDeps } from './subgraph-fetch-span';
import { traceHeaders } from './tracing';

type GatewayResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface SubgraphResilienceOptions {
  /** Whole fetch (connect, response, body); SUBGRAPH_TIMEOUT_MS. */
  timeoutMs: number;
  /** Consecutive failures that open the subgraph's circuit (0: no breaker); SUBGRAPH_BREAKER_FAILURES. */
  breakerFailures: number;
  /** SUBGRAPH_BREAKER_COOLDOWN_MS. */
  breakerCooldownMs: number;
  /** Retries of a query fetch that was refused, reset or answered 5xx; SUBGRAPH_QUERY_RETRIES (mutations: none). */
  queryRetries?: number;
}

/** Failures a retry may cure: nothing reached the service, or it answered "not now". A timeout already spent the budget. */
const RETRIABLE: ReadonlySet<SubgraphFailure['reason']> = new Set(['refused', 'network', 'http_5xx']);
const RETRY_BACKOFF_MS = 50;
/** The gateway's fetch documents hold exactly one operation, written first. */
const MUTATION = /^\s*mutation\b/;

/**
 * Distributed mode: an HTTP fetch to a subgraph service carrying the principal the router verified
 * (a one-minute HS256 token only router and subgraphs share), the request id, client facts for
 * throttling/audit, and the W3C traceparent of the fetch span. A fetch that fails (refused, timed out, 5xx …)
 * does not fail the request: its fields get SUBGRAPH_UNAVAILABLE errors and the other fields are answered
 * (docs/resilience.md); the cause is logged with the subgraph, request id and trace id.
 */
export class RemoteSubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  /** One internal token per router request, however many fetches its plan makes. */
  private static readonly signed = new WeakMap<RouterContext, Promise<string>>();
  /** Fetch span context by process() call, for willSendRequest (which gets the same options object). */
  private readonly fetchSpans = new WeakMap<object, Context>();
  private readonly subgraph: string;
  private readonly tokens: TokenService;
  private readonly fetchDeps: SubgraphFetchDeps;
  private readonly logger: Logger;
  private readonly breaker: SubgraphCircuitBreaker;
  private readonly queryRetries: number;
  /** Plans send the same few fetch documents: while a subgraph is down, parse each once. */
  private readonly failedDocuments = new LRUCache<string, DocumentNode>({ max: 200 });

  constructor(
    options: {
      name: string;
      url: string;
      tokens: TokenService;
      logger: Logger;
      resilience: SubgraphResilienceOptions;
    } & SubgraphFetchDeps,
  ) {
    super({ url: options.url });
    this.subgraph = options.name;
    this.tokens = options.tokens;
    this.fetchDeps = { tracer: options.tracer, metrics: options.metrics };
    this.logger = options.logger.child({ subgraph: options.name });
    const { timeoutMs, breakerFailures, breakerCooldownMs } = options.resilience;
    this.breaker = new SubgraphCircuitBreaker({
      failureThreshold: breakerFailures,
      cooldownMs: breakerCooldownMs,
    });
    this.queryRetries = options.resilience.queryRetries ?? 0;
    // undici's request() over a keep-alive pool instead of the gateway's default make-fetch-happen, which captures a stack
    // per call (source-mapped under the TypeScript runner) and pools less well, and instead of Node's fetch, whose
    // WHATWG objects and AbortSignal.timeout cost more per call (issue 8 item 5). One timer bounds the connection, the
    // headers and the body.
    this.fetcher = createSubgraphFetcher({ timeoutMs });
  }

  override async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayResponse> {
    const ctx =
      options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION
        ? (options.context as RouterContext)
        : undefined;
    if (!this.breaker.allow())
      return this.unavailable(options, ctx, { reason: 'circuit_open', cause: 'CIRCUIT_OPEN' });
    // Queries only: a mutation the service may have applied before the connection broke must not run twice.
    const retries = MUTATION.test(options.request.query ?? '') ? 0 : this.queryRetries;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await withSubgraphFetchSpan(
          this.fetchDeps,
          this.subgraph,
          ctx?.otelContext ?? ROOT_CONTEXT,
          (spanContext) => {
            this.fetchSpans.set(options, spanContext);
            return super.process(options);
          },
        );
        if (this.breaker.success() === 'closed') {
          this.logger.info('subgraph answers again; circuit closed');
          this.fetchDeps.metrics?.setSubgraphCircuitOpen(this.subgraph, false);
        }
        return response;
      } catch (error) {
        const failure = classifySubgraphFailure(error);
        if (attempt < retries && RETRIABLE.has(failure.reason)) {
          this.fetchDeps.metrics?.subgraphRetry(this.subgraph, failure.reason);
          await delay(RETRY_BACKOFF_MS * (attempt + 1));
          continue;
        }
        return this.failed(options, ctx, failure);
      }
    }
  }

  /** One failed fetch (after its retries): the breaker counts it, and its fields become SUBGRAPH_UNAVAILABLE. */
  private failed(
    options: GraphQLDataSourceProcessOptions<RouterContext>,
    ctx: RouterContext | undefined,
    failure: SubgraphFailure,
  ): GatewayResponse {
    if (this.breaker.failure() === 'opened') {
      this.logger.warn(
        { cause: failure.cause },
        'subgraph keeps failing; circuit open, its fields fail fast',
      );
      this.fetchDeps.metrics?.setSubgraphCircuitOpen(this.subgraph, true);
    }
    return this.unavailable(options, ctx, failure);
  }

  /**
   * The fetch's fields as SUBGRAPH_UNAVAILABLE errors (the gateway answers the rest); the log line says why.
   * `data: null` tells the gateway there is nothing to merge.
   */
  private unavailable(
    options: GraphQLDataSourceProcessOptions<RouterContext>,
    ctx: RouterContext | undefined,
    failure: SubgraphFailure,
  ): GatewayResponse {
    this.fetchDeps.metrics?.subgraphFailure(this.subgraph, failure.reason);
    (ctx?.logger ?? this.logger).warn(
      {
        subgraph: this.subgraph,
        operation: clientOperation(options),
        reason: failure.reason,
        cause: failure.cause,
        detail: failure.detail,
      },
      `subgraph ${this.subgraph} unavailable (${failure.cause})`,
    );
    return {
      data: null,
      errors: subgraphFailureErrors(this.fetchDocument(options), this.subgraph),
    } as unknown as GatewayResponse;
  }

  /** The fetch's operation (the gateway does not always hand over its parsed form); failures only, so parsed on demand. */
  private fetchDocument(options: GraphQLDataSourceProcessOptions<RouterContext>): DocumentNode | undefined {
    if (options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION && options.document)
      return options.document;
    const query = options.request.query;
    if (!query) return undefined;
    let document = this.failedDocuments.get(query);
    if (!document) {
      try {
        document = parse(query);
      } catch {
        return undefined;
      }
      this.failedDocuments.set(query, document);
    }
    return document;
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<void> {
    const headers = options.request.http?.headers;
    if (!headers) return;
    if (options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION) {
      const ctx = options.context as RouterContext;
      headers.set(INTERNAL_PRINCIPAL_HEADER, await this.internalToken(ctx));
      headers.set(REQUEST_ID_HEADER, ctx.requestId);
    }
    const spanContext = this.fetchSpans.get(options);
    if (spanContext)
      for (const [name, value] of Object.entries(traceHeaders(spanContext))) headers.set(name, value);
  }

  private internalToken(ctx: RouterContext): Promise<string> {
    let token = RemoteSubgraphDataSource.signed.get(ctx);
    if (!token) {
      // Claim names the subgraph side reads (authenticateSubgraphRequest).
      const extra: Record<string, string> = { rid: ctx.requestId };
      if (ctx.clientIp) extra.ip = ctx.clientIp;
      if (ctx.deviceId) extra.dev = ctx.deviceId;
      if (ctx.userAgent) extra.ua = ctx.userAgent;
      token = this.tokens.signInternal(ctx.principal, extra);
      RemoteSubgraphDataSource.signed.set(ctx, token);
    }
    return token;
  }
}

/**
 * The client's operation a fetch serves, for the failure log line: its name (cut to 128 characters: a client chooses
 * it), else `anonymous` as in the metrics.
 */
function clientOperation(options: GraphQLDataSourceProcessOptions<RouterContext>): string | undefined {
  if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return undefined;
  return options.incomingRequestContext.operationName?.slice(0, 128) ?? 'anonymous';
}
