import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// Not re-exported by the package index; Apollo's docs import it from here.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { ROOT_CONTEXT, type Context } from '@opentelemetry/api';
import { INTERNAL_PRINCIPAL_HEADER, REQUEST_ID_HEADER, type TokenService } from '@grove/platform';
import type { RouterContext } from './router-context';
import { withSubgraphFetchSpan, type SubgraphFetchDeps } from './subgraph-fetch-span';
import { traceHeaders } from './tracing';

type GatewayResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/**
 * Distributed mode: an HTTP fetch to a subgraph service carrying the principal the router verified
 * (a one-minute HS256 token only router and subgraphs share), the request id, client facts for
 * throttling/audit, and the W3C traceparent of the fetch span.
 */
export class RemoteSubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  /** One internal token per router request, however many fetches its plan makes. */
  private static readonly signed = new WeakMap<RouterContext, Promise<string>>();
  /** Fetch span context by process() call, for willSendRequest (which gets the same options object). */
  private readonly fetchSpans = new WeakMap<object, Context>();
  private readonly subgraph: string;
  private readonly tokens: TokenService;
  private readonly fetchDeps: SubgraphFetchDeps;

  constructor(options: { name: string; url: string; tokens: TokenService } & SubgraphFetchDeps) {
    super({ url: options.url });
    this.subgraph = options.name;
    this.tokens = options.tokens;
    this.fetchDeps = { tracer: options.tracer, metrics: options.metrics };
  }

  override async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayResponse> {
    const parent = options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION ? (options.context as RouterContext).otelContext : ROOT_CONTEXT;
    return withSubgraphFetchSpan(this.fetchDeps, this.subgraph, parent, (spanContext) => {
      this.fetchSpans.set(options, spanContext);
      return super.process(options);
    });
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
    if (spanContext) for (const [name, value] of Object.entries(traceHeaders(spanContext))) headers.set(name, value);
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
