import { ROOT_CONTEXT, type Context, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Logger } from 'pino';

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP base endpoint (`/v1/traces` is appended); without it spans are created but not exported. */
  otlpEndpoint?: string;
  /** Extra processors (tests use an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
  /** Instrumentation scope of the returned tracer (default `@grove/platform`). */
  tracerName?: string;
}

export interface Tracing {
  tracer: Tracer;
  /** Flushes pending spans and stops the exporter. */
  shutdown(): Promise<void>;
}

/**
 * A tracer provider of the process's own, deliberately not registered as the OpenTelemetry global and
 * without a context manager: parents are passed explicitly (server span → outgoing fetch span), because
 * an AsyncLocalStorage context manager costs on every promise under Node 20 (measured at about a quarter
 * of the router's throughput). Consequences: libraries' built-in spans (e.g. @apollo/gateway's) stay
 * no-ops, and resolvers find the trace id in their logger's bindings, not in an active span.
 */
export function createTracing(options: TracingOptions, logger: Logger): Tracing {
  const spanProcessors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
    // Loaded only when traces are exported: the OTLP exporter brings protobuf and metrics serializers (~230
    // modules) that a process without OTEL_EXPORTER_OTLP_ENDPOINT never uses.
    const { OTLPTraceExporter } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous lazy load, see above
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
    logger.info({ url }, 'exporting traces over OTLP/HTTP');
  }
  // BasicTracerProvider: NodeTracerProvider only adds register() (global provider, AsyncLocalStorage context
  // manager), which this provider deliberately never calls.
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors,
  });
  return {
    tracer: provider.getTracer(options.tracerName ?? '@grove/platform'),
    shutdown: () => provider.shutdown(),
  };
}

const w3c = new W3CTraceContextPropagator();
type Carrier = Record<string, string | string[] | undefined>;

/** Continues an incoming W3C `traceparent` (or starts a new trace). */
export function extractTraceContext(headers: Carrier): Context {
  return w3c.extract(ROOT_CONTEXT, headers, {
    get: (carrier, key) => carrier[key],
    keys: (carrier) => Object.keys(carrier),
  });
}

/** W3C headers (`traceparent`, `tracestate`) for an outgoing request made in the given context. */
export function traceHeaders(ctx: Context): Record<string, string> {
  const headers: Record<string, string> = {};
  w3c.inject(ctx, headers, {
    set: (carrier, key, value) => {
      carrier[key] = value;
    },
  });
  return headers;
}
