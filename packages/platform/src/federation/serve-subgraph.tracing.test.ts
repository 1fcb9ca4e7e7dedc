import { SpanKind, SpanStatusCode, type Context } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import { Ctx, Query, Resolver } from 'type-graphql';
import { ANONYMOUS } from '../auth/principal';
import { TokenService } from '../auth/token.service';
import { randomToken } from '../ids';
import { silentLogger } from '../logging/logger';
import { createTracing, type Tracing } from '../tracing/tracing';
import { buildSubgraph } from './build-subgraph';
import { serveSubgraph, type RunningSubgraph } from './serve-subgraph';
import { INTERNAL_PRINCIPAL_HEADER } from './subgraph-auth';
import type { SubgraphContext } from './subgraph-context';

@Resolver()
class GreetingResolver {
  @Query(() => String)
  greeting(@Ctx() ctx: SubgraphContext): string {
    ctx.logger.info('greeting resolved');
    return 'hello';
  }
}

/**
 * Hands over each span as the server ends it: fastify's onResponse runs once the response is flushed,
 * so the client may hold the body before the span has ended.
 */
class EndedSpans implements SpanProcessor {
  private readonly waiting: Array<(span: ReadableSpan) => void> = [];
  next(): Promise<ReadableSpan> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  onStart(_span: Span, _parentContext: Context): void {}
  onEnd(span: ReadableSpan): void {
    this.waiting.shift()?.(span);
  }
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

describe('serveSubgraph tracing', () => {
  const exporter = new InMemorySpanExporter();
  const exported = new SimpleSpanProcessor(exporter);
  const ended = new EndedSpans();
  const logLines: Array<Record<string, unknown>> = [];
  let tracing: Tracing;
  let tokens: TokenService;
  let server: RunningSubgraph;

  beforeAll(async () => {
    tracing = createTracing(
      { serviceName: 'grove-greetings', spanProcessors: [exported, ended] },
      silentLogger(),
    );
    tokens = await TokenService.create({
      algorithm: 'HS256',
      secret: randomToken(32),
      issuer: 'grove',
      accessTokenTtlSec: 900,
      internalSecret: randomToken(32),
    });
    const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(JSON.parse(line)) });
    const module = await buildSubgraph({
      name: 'greetings',
      resolvers: [GreetingResolver],
      instances: [new GreetingResolver()],
    });
    server = await serveSubgraph({ module, tokens, logger, port: 0, tracer: tracing.tracer });
  });

  afterAll(async () => {
    await server?.stop();
    await tracing?.shutdown();
  });

  beforeEach(() => {
    exporter.reset();
    logLines.length = 0;
  });

  /** Sends one GraphQL request as the router would and returns the server span it produced. */
  async function query(headers: Record<string, string>): Promise<ReadableSpan> {
    const spanEnded = ended.next();
    const res = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [INTERNAL_PRINCIPAL_HEADER]: await tokens.signInternal(ANONYMOUS, { rid: 'req-1' }),
        ...headers,
      },
      body: JSON.stringify({ query: '{ greeting }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { greeting: 'hello' } });
    await spanEnded;
    await exported.forceFlush();
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    return spans[0]!;
  }

  it('continues the incoming traceparent in a server span and logs its trace id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentSpanId = '00f067aa0ba902b7';
    const span = await query({ traceparent: `00-${traceId}-${parentSpanId}-01` });

    expect(span.name).toBe('POST /graphql');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext?.spanId).toBe(parentSpanId);
    expect(span.parentSpanContext?.isRemote).toBe(true);
    expect(span.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/graphql',
      'http.response.status_code': 200,
    });
    expect(span.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(span.resource.attributes['service.name']).toBe('grove-greetings');

    const line = logLines.find((l) => l.msg === 'greeting resolved');
    expect(line).toMatchObject({ subgraph: 'greetings', requestId: 'req-1', traceId });
  });

  it('starts a new trace when the request carries no traceparent', async () => {
    const span = await query({});

    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.spanContext().traceId).not.toBe('0'.repeat(32));
    expect(span.attributes['http.response.status_code']).toBe(200);
    expect(logLines.find((l) => l.msg === 'greeting resolved')?.traceId).toBe(span.spanContext().traceId);
  });

  it('leaves probes untraced', async () => {
    const health = await fetch(server.url.replace(/\/graphql$/, '/healthz'));
    expect(health.status).toBe(200);
    const span = await query({});
    expect(span.attributes['http.route']).toBe('/graphql');
  });
});
