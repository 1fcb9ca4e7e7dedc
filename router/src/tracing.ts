import { createTracing, type Logger, type Tracing, type TracingOptions } from '@grove/platform';

// The tracing helpers live in the platform kit (standalone subgraphs continue the router's traces
// with them); the router keeps its names and its instrumentation scope.
export { extractTraceContext, traceHeaders, type TracingOptions } from '@grove/platform';

export type RouterTracing = Tracing;

export const TRACER_NAME = '@grove/router';

/** The router's tracer provider: see createTracing for why it is neither global nor context-managed. */
export function createRouterTracing(
  options: Omit<TracingOptions, 'tracerName'>,
  logger: Logger,
): RouterTracing {
  return createTracing({ ...options, tracerName: TRACER_NAME }, logger);
}
