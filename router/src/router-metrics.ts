import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type RejectionReason =
  | 'rate_limited'
  | 'depth'
  | 'aliases'
  | 'tokens'
  | 'cost'
  | 'body_size'
  | 'response_size'
  | 'malformed'
  | 'csrf'
  | 'unauthenticated';

export type RequestOutcome = 'success' | 'error' | 'rejected' | 'failed';

const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
/** Operation names come from clients; cap the label set so nobody can grow our memory with names. */
const MAX_OPERATION_LABELS = 256;

/** Prometheus series of one router, on its own registry (several routers can share a process in tests). */
export class RouterMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly requestDuration: Histogram<'operation' | 'outcome'>;
  private readonly subgraphFetch: Histogram<'subgraph' | 'outcome'>;
  private readonly rejections: Counter<'reason'>;
  private readonly subgraphFailures: Counter<'subgraph' | 'reason'>;
  private readonly subgraphRetries: Counter<'subgraph' | 'reason'>;
  private readonly subgraphCircuit: Gauge<'subgraph'>;
  private readonly fallbacks: Counter<'dependency' | 'fallback'>;
  /** Label children resolved once per label set: the hot path skips prom-client's label hashing. */
  private readonly requestSeries = new Map<
    string,
    { count: { inc(): void }; duration: { observe(v: number): void } }
  >();
  private readonly fetchSeries = new Map<string, { observe(v: number): void }>();

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'grove_router_requests_total',
      help: 'GraphQL requests by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
    this.requestDuration = new Histogram({
      name: 'grove_router_request_duration_seconds',
      help: 'GraphQL request latency by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.subgraphFetch = new Histogram({
      name: 'grove_router_subgraph_fetch_duration_seconds',
      help: 'Latency of fetches from the router to each subgraph',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.rejections = new Counter({
      name: 'grove_router_rejections_total',
      help: 'Requests refused by the router before or during validation, by reason',
      labelNames: ['reason'],
      registers: [this.registry],
    });
    this.subgraphFailures = new Counter({
      name: 'grove_router_subgraph_failures_total',
      help: 'Subgraph fetches answered with SUBGRAPH_UNAVAILABLE, by subgraph and reason (refused, timeout, http_5xx, circuit_open …)',
      labelNames: ['subgraph', 'reason'],
      registers: [this.registry],
    });
    this.subgraphRetries = new Counter({
      name: 'grove_router_subgraph_retries_total',
      help: 'Query fetches sent again after a refused, reset or 5xx attempt, by subgraph and the first reason',
      labelNames: ['subgraph', 'reason'],
      registers: [this.registry],
    });
    this.subgraphCircuit = new Gauge({
      name: 'grove_router_subgraph_circuit_open',
      help: '1 while the circuit breaker of a subgraph is open (its fields fail fast)',
      labelNames: ['subgraph'],
      registers: [this.registry],
    });
    this.fallbacks = new Counter({
      name: 'grove_dependency_fallbacks_total',
      help: 'Operations done without a failed dependency in degraded mode (e.g. cache: rate_limit_ip, runtime_read_model, replay_guard)',
      labelNames: ['dependency', 'fallback'],
      registers: [this.registry],
    });
  }

  /** A bounded label for a client-supplied operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  observeRequest(operation: string, outcome: RequestOutcome, seconds: number): void {
    const key = `${operation}\u0000${outcome}`;
    let series = this.requestSeries.get(key);
    if (!series) {
      series = {
        count: this.requests.labels(operation, outcome),
        duration: this.requestDuration.labels(operation, outcome),
      };
      this.requestSeries.set(key, series);
    }
    series.count.inc();
    series.duration.observe(seconds);
  }

  observeSubgraphFetch(subgraph: string, outcome: 'success' | 'error', seconds: number): void {
    const key = `${subgraph}\u0000${outcome}`;
    let series = this.fetchSeries.get(key);
    if (!series) {
      series = this.subgraphFetch.labels(subgraph, outcome);
      this.fetchSeries.set(key, series);
    }
    series.observe(seconds);
  }

  subgraphFailure(subgraph: string, reason: string): void {
    this.subgraphFailures.inc({ subgraph, reason });
  }

  subgraphRetry(subgraph: string, reason: string): void {
    this.subgraphRetries.inc({ subgraph, reason });
  }

  setSubgraphCircuitOpen(subgraph: string, open: boolean): void {
    this.subgraphCircuit.set({ subgraph }, open ? 1 : 0);
  }

  dependencyFallback(dependency: string, fallback: string): void {
    this.fallbacks.inc({ dependency, fallback });
  }

  reject(reason: RejectionReason): void {
    this.rejections.inc({ reason });
  }

  /** The SDK runtime's exposure record (ADR 0012): published, dropped (buffer full or bus down), deduplicated, buffered. */
  trackExposures(
    stats: () => { published: number; dropped: number; deduplicated: number; buffered: number },
  ): void {
    const series = [
      ['grove_runtime_exposures_published_total', 'Exposure records appended to the bus', 'published'],
      [
        'grove_runtime_exposures_dropped_total',
        'Exposure records lost: the buffer was full or the bus refused their batch',
        'dropped',
      ],
      [
        'grove_runtime_exposures_deduplicated_total',
        'Exposure records not buffered: the same decision for the device within 15 minutes',
        'deduplicated',
      ],
    ] as const;
    for (const [name, help, field] of series) {
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.reset();
          this.inc(stats()[field]);
        },
      });
    }
    new Gauge({
      name: 'grove_runtime_exposures_buffered',
      help: 'Exposure records waiting for the next batch',
      registers: [this.registry],
      collect() {
        this.set(stats().buffered);
      },
    });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
