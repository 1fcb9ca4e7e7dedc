import { SpanKind, SpanStatusCode, trace, type Context, type Tracer } from '@opentelemetry/api';
import type { RouterMetrics } from './router-metrics';

export interface SubgraphFetchDeps {
  tracer: Tracer;
  metrics?: RouterMetrics;
}

interface FetchResult {
  errors?: ReadonlyArray<unknown>;
}

/**
 * Runs one subgraph fetch as a child span of the request span and records its latency. The fetch
 * receives the span's context (to propagate it as `traceparent`).
 */
export async function withSubgraphFetchSpan<T extends FetchResult>(
  deps: SubgraphFetchDeps,
  subgraph: string,
  parent: Context,
  fetch: (spanContext: Context) => Promise<T>,
): Promise<T> {
  const span = deps.tracer.startSpan(
    `subgraph ${subgraph}`,
    { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph.name': subgraph } },
    parent,
  );
  const started = performance.now();
  let outcome: 'success' | 'error' = 'error';
  try {
    const result = await fetch(trace.setSpan(parent, span));
    if (result.errors?.length)
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'subgraph returned errors' });
    else outcome = 'success';
    return result;
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
    deps.metrics?.observeSubgraphFetch(subgraph, outcome, (performance.now() - started) / 1000);
  }
}
