import { Counter, Registry } from 'prom-client';

/** Why the cleaner dropped an event (data-clean). */
export type DropReason =
  | 'invalid'
  | 'impossible_timestamp'
  | 'too_late'
  | 'test_device'
  | 'duplicate'
  | 'undeclared_custom_event'
  | 'custom_attribute_mismatch';

/** Prometheus series of the analytics pipeline, on its own registry (several subgraphs can share a process in tests). */
export class AnalyticsMetrics {
  readonly registry = new Registry();
  private readonly dropped: Counter<'reason'>;
  private readonly stored: Counter;
  private readonly skewed: Counter;

  constructor() {
    this.dropped = new Counter({
      name: 'grove_analytics_events_dropped_total',
      help: 'Reported events the cleaner dropped, by reason',
      labelNames: ['reason'],
      registers: [this.registry],
    });
    this.stored = new Counter({
      name: 'grove_analytics_events_stored_total',
      help: 'Cleaned events appended to the raw store',
      registers: [this.registry],
    });
    this.skewed = new Counter({
      name: 'grove_analytics_events_rebucketed_total',
      help: 'Events counted at received-at because the device clock was off',
      registers: [this.registry],
    });
  }

  drop(reason: DropReason, count = 1): void {
    if (count > 0) this.dropped.inc({ reason }, count);
  }

  store(count: number): void {
    if (count > 0) this.stored.inc(count);
  }

  rebucket(count: number): void {
    if (count > 0) this.skewed.inc(count);
  }

  /** Events appended to the raw store by this process so far. */
  async storedTotal(): Promise<number> {
    return (await this.stored.get()).values[0]?.value ?? 0;
  }

  /** Current drop counts by reason (for tests and the status query). */
  async droppedByReason(): Promise<Record<string, number>> {
    const metric = await this.dropped.get();
    return Object.fromEntries(metric.values.map((v) => [String(v.labels.reason), v.value]));
  }
}
