import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context as OtelContext, Span } from '@opentelemetry/api';
import type { Logger, Principal } from '@grove/platform';
import type { RejectionReason } from './router-metrics';

/** Apollo context of one router request; data sources derive each subgraph's context from it. */
export interface RouterContext {
  principal: Principal;
  requestId: string;
  traceId: string;
  /** Request-scoped child logger carrying requestId and traceId. */
  logger: Logger;
  clientIp?: string;
  deviceId?: string;
  userAgent?: string;
  /** OpenTelemetry context holding the request's server span (parent of subgraph fetch spans). */
  otelContext: OtelContext;
}

/** Mutable per-request state the router's hooks and Apollo plugins share. */
export interface RequestState {
  requestId: string;
  traceId: string;
  span: Span;
  otelContext: OtelContext;
  logger: Logger;
  principal?: Principal;
  /** Operation name Apollo resolved (after validation). */
  operationName?: string;
  /** The GraphQL response carried errors (HTTP 200 with `errors`). */
  graphqlErrors?: boolean;
  rejection?: RejectionReason;
}

/** The request state where Apollo hands us no context (formatError, server-level plugin hooks). */
export const requestScope = new AsyncLocalStorage<RequestState>();

declare module 'fastify' {
  interface FastifyRequest {
    grove: RequestState;
  }
}
