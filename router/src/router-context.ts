import type { Context as OtelContext, Span } from '@opentelemetry/api';
import type { Logger, Principal } from '@grove/platform';
import type { RejectionReason } from './router-metrics';

/** Apollo context of one router request; data sources derive each subgraph's context from it. */
export interface RouterContext {
  principal: Principal;
  requestId: string;
  traceId: string;
  /** Request-scoped child logger carrying requestId and traceId. */
  readonly logger: Logger;
  clientIp?: string;
  deviceId?: string;
  userAgent?: string;
  /** OpenTelemetry context holding the request's server span (parent of subgraph fetch spans). */
  otelContext: OtelContext;
}

/**
 * Mutable per-request state the router's hooks and Apollo plugins share. The request logger is
 * created on first use: most requests never log, and pino children are not free.
 */
export class RequestState {
  principal?: Principal;
  /** Operation name Apollo resolved (after validation). */
  operationName?: string;
  /** The GraphQL response carried errors (HTTP 200 with `errors`). */
  graphqlErrors?: boolean;
  rejection?: RejectionReason;
  private requestLogger?: Logger;

  constructor(
    readonly requestId: string,
    readonly span: Span,
    /** Holds the server span: the parent of subgraph fetch spans. */
    readonly otelContext: OtelContext,
    private readonly baseLogger: Logger,
  ) {}

  get traceId(): string {
    return this.span.spanContext().traceId;
  }

  get logger(): Logger {
    return (this.requestLogger ??= this.baseLogger.child({
      requestId: this.requestId,
      traceId: this.traceId,
    }));
  }
}

/** The Apollo context value; a class so the lazy logger getter survives Apollo's context cloning. */
export class RouterRequestContext implements RouterContext {
  constructor(
    readonly principal: Principal,
    /** Router bookkeeping for plugins; subgraphs never see it (they get a derived context). */
    readonly state: RequestState,
    readonly clientIp: string | undefined,
    readonly deviceId: string | undefined,
    readonly userAgent: string | undefined,
  ) {}

  get requestId(): string {
    return this.state.requestId;
  }

  get traceId(): string {
    return this.state.traceId;
  }

  get logger(): Logger {
    return this.state.logger;
  }

  get otelContext(): OtelContext {
    return this.state.otelContext;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    grove: RequestState;
  }
}
