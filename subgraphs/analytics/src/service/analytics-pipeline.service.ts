import { ANALYTICS_RAW_EVENTS_TOPIC, analyticsEvents, parseContractEvent } from '@grove/contracts';
import type { EventBus, Logger, Subscription } from '@grove/platform';
import type { AnalyticsSettings } from '../config';
import type { AnalyticsStore, CleanEvent } from '../store/analytics-store.port';
import type { AnalyticsMetrics } from './clean-metrics';
import { computeDay } from './daily-rollup';
import type { CustomEventService } from './custom-event.service';
import { cleanReport } from './event-cleaner';
import { addDays, dayOf, daysBetween } from './reporting-day';

/** Consumer group of the analytics subgraph on `analytics.raw-events`. */
export const ANALYTICS_CONSUMER_GROUP = 'analytics';

/**
 * data-clean + data-static: consumes accepted reports, cleans them into the raw store (idempotent: the store keeps
 * each (app, event id) once, so redeliveries and client retries count once), and recomputes daily rollups.
 */
export class AnalyticsPipeline {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly store: AnalyticsStore,
    private readonly settings: AnalyticsSettings,
    private readonly metrics: AnalyticsMetrics,
    private readonly logger: Logger,
    private readonly customEvents: Pick<CustomEventService, 'rulesOf'>,
    private readonly now: () => number = Date.now,
  ) {}

  consume(events: EventBus): Promise<Subscription> {
    return events.subscribe(ANALYTICS_RAW_EVENTS_TOPIC, ANALYTICS_CONSUMER_GROUP, async (event) => {
      const parsed = parseContractEvent(analyticsEvents, event);
      if (!parsed.ok) {
        if (parsed.reason === 'invalid') {
          const count = Array.isArray((event.payload as { events?: unknown })?.events)
            ? (event.payload as { events: unknown[] }).events.length
            : 1;
          this.metrics.drop('invalid', count);
          this.logger.warn(
            { eventId: event.id, detail: parsed.detail },
            'analytics report does not match its contract; skipped',
          );
        }
        return;
      }
      await this.ingest(parsed.payload);
    });
  }

  /** Cleans and stores one accepted report; a failure is retried by the bus, and the store makes retries harmless. */
  async ingest(report: Parameters<typeof cleanReport>[0]): Promise<void> {
    const customApps = report.events.filter((e) => e.type === 'custom').map((e) => e.appId);
    const rules = customApps.length ? await this.customEvents.rulesOf(customApps) : undefined;
    const cleaned = cleanReport(report, this.settings, rules);
    const result = await this.store.append(cleaned.events);
    for (const [reason, count] of Object.entries(cleaned.dropped)) this.metrics.drop(reason as never, count);
    this.metrics.drop('duplicate', result.duplicates);
    this.metrics.store(result.inserted);
    this.metrics.rebucket(cleaned.rebucketed);
  }

  /** Recomputes the rollups of these days for every mini-program with events on them; answers (app, day) pairs written. */
  async recompute(days: string[]): Promise<number> {
    if (days.length === 0) return 0;
    const sorted = [...new Set(days)].sort();
    const window = daysBetween(addDays(sorted[0], -1), addDays(sorted[sorted.length - 1], 1));
    let written = 0;
    for (const appId of await this.store.appsWithEvents(sorted)) {
      const events = await this.store.events(appId, window);
      for (const day of sorted) {
        // The day before and after: launches crossing midnight are whole (computeDay).
        const near = new Set([addDays(day, -1), day, addDays(day, 1)]);
        const relevant: CleanEvent[] = events.filter((e) => near.has(e.day));
        const { rows, devices, pages, buckets } = computeDay(
          day,
          relevant,
          new Set(await this.store.newDevices(appId, day)),
          this.settings.sessionGapMs,
          this.settings.timeZone,
        );
        await this.store.writeDay(appId, day, rows, devices, { pages, buckets });
        written++;
      }
    }
    return written;
  }

  /** Today and the `lateDays` before it (late events land there), then retention. */
  async recomputeRecent(): Promise<number> {
    const today = dayOf(this.now(), this.settings.timeZone);
    const written = await this.recompute(daysBetween(addDays(today, -this.settings.lateDays), today));
    await this.store.pruneBefore(addDays(today, -this.settings.retentionDays));
    return written;
  }

  /** Runs `recomputeRecent` every `rollupIntervalMs` (never two at once); stopped by `stop()`. */
  start(): void {
    if (this.settings.rollupIntervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.recomputeRecent()
        .catch((error: unknown) =>
          this.logger.warn({ err: error }, 'analytics rollup failed; retried on the next tick'),
        )
        .finally(() => (this.running = undefined));
    }, this.settings.rollupIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
