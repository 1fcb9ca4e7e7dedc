import { ROOT_CONTEXT, propagation, trace, type Context, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Logger } from '@grove/platform';

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP base endpoint (`/v1/traces` is appended); without it spans are created but not exported. */
  otlpEndpoint?: string;
  /** Extra processors (tests use an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

export interface RouterTracing {
  tracer: Tracer;
  shutdown(): Promise<void>;
}

export const TRACER_NAME = '@grove/router';

let installed: { provider: NodeTracerProvider; key: string } | undefined;

/**
 * Registers one NodeTracerProvider per process (AsyncLocalStorage context manager, W3C trace context
 * and baggage propagators). OpenTelemetry globals can only be set once, so later routers in the same
 * process (tests) reuse the first provider. Instrumentation is explicit: the router opens the server
 * span and the subgraph fetch spans; no auto-instrumentation packages.
 */
export function setupTracing(options: TracingOptions, logger: Logger): RouterTracing {
  const key = `${options.serviceName}|${options.otlpEndpoint ?? ''}`;
  if (!installed) {
    const spanProcessors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
    if (options.otlpEndpoint) {
      const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
      spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
      logger.info({ url }, 'exporting traces over OTLP/HTTP');
    }
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
      spanProcessors,
    });
    provider.register();
    installed = { provider, key };
  } else if (installed.key !== key) {
    logger.warn('tracing already set up in this process with other settings; reusing it');
  }
  return {
    tracer: trace.getTracer(TRACER_NAME),
    shutdown: async () => {
      // The provider is process-wide; flush what we have, shut down only at process exit.
      await installed?.provider.forceFlush();
    },
  };
}

/** Shuts the process-wide provider down (exporter flush); call once at process exit. */
export async function shutdownTracing(): Promise<void> {
  const current = installed;
  installed = undefined;
  await current?.provider.shutdown();
}

type Carrier = Record<string, string | string[] | undefined>;

/** Continues an incoming `traceparent` (or starts a new trace). */
export function extractTraceContext(headers: Carrier): Context {
  return propagation.extract(ROOT_CONTEXT, headers, {
    get: (carrier, key) => carrier[key],
    keys: (carrier) => Object.keys(carrier),
  });
}

/** W3C headers (`traceparent`, `tracestate`) for an outgoing request in the given context. */
export function traceHeaders(ctx: Context): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(ctx, headers);
  return headers;
}
