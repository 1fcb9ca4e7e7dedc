import { ANALYTICS_RAW_EVENTS_TOPIC, analyticsEvents, parseContractEvent } from '@grove/contracts';
import type { EventBus, Logger, Subscription } from '@grove/platform';
import type { AnalyticsSettings } from '../config';
import type { AnalyticsStore, DailyDevice } from '../store/analytics-store.port';
import type { AnalyticsMetrics } from './clean-metrics';
import { DayRollup, forEachDevice } from './daily-rollup';
import type { CustomEventService } from './custom-event.service';
import { cleanReport } from './event-cleaner';
import { addDays, dayOf, daysBetween } from './reporting-day';

/**
 * The version of the rollup arithmetic and of the tables a day gets; each day records the version that computed it.
 * Bump it when a day's rollups change shape or meaning: days of an older version (0: rolled up before versions were
 * kept, e.g. without pages, hours, distributions or retention cells) are recomputed by the next passes.
 */
// 2: distinct devices kept as day bitmaps of device ordinals, no more device rows (ADR 0010, bitmap addendum).
export const ROLLUP_VERSION = 2;
/** Raw events read per day of the window per chunk (whole devices), so a day's rollup has bounded memory. */
export const ROLLUP_CHUNK_EVENTS = 10_000;
/** Stale days (older rollup version) recomputed per pass, so an upgrade never stalls the recent window. */
export const STALE_DAYS_PER_PASS = 8;

/** Consumer group of the analytics subgraph on `analytics.raw-events`. */
export const ANALYTICS_CONSUMER_GROUP = 'analytics';

/**
 * data-clean + data-static: consumes accepted reports, cleans them into the raw store (idempotent: the store keeps
 * each (app, event id) once, so redeliveries and client retries count once), and recomputes daily rollups.
 */
export class AnalyticsPipeline {
  private timers: NodeJS.Timeout[] = [];
  private running?: Promise<unknown>;

  constructor(
    private readonly store: AnalyticsStore,
    private readonly settings: AnalyticsSettings,
    private readonly metrics: AnalyticsMetrics,
    private readonly logger: Logger,
    private readonly customEvents: Pick<CustomEventService, 'rulesOf'>,
    private readonly now: () => number = Date.now,
    private readonly chunkEvents: number = ROLLUP_CHUNK_EVENTS,
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
    let written = 0;
    for (const appId of await this.store.appsWithEvents(sorted)) {
      for (const day of sorted) {
        await this.rollupDay(appId, day);
        written++;
      }
    }
    return written;
  }

  /**
   * One (mini-program, day), streamed: the raw events of the day before, the day and the day after (launches
   * crossing midnight are whole) are read in chunks of whole devices, each device's rows staged as soon as it is
   * counted; the day is swapped in at commit with its retention cells. Memory: one chunk and the day's accumulators.
   */
  async rollupDay(appId: string, day: string): Promise<void> {
    const window = [addDays(day, -1), day, addDays(day, 1)];
    const rollup = new DayRollup(day, this.settings.sessionGapMs, this.settings.timeZone);
    const writer = await this.store.beginDay(appId, day, ROLLUP_VERSION);
    try {
      let after: string | null = null;
      for (;;) {
        const chunk = await this.store.deviceChunk(appId, window, day, after, this.chunkEvents);
        if (chunk.last === null) break;
        const fresh = new Set(chunk.newDevices);
        const devices: DailyDevice[] = [];
        forEachDevice(chunk.events, (deviceEvents) => {
          for (const d of rollup.addDevice(deviceEvents, fresh.has(deviceEvents[0].deviceId)))
            devices.push(d);
        });
        await writer.addDevices(devices);
        after = chunk.last;
      }
      const { rows, pages, buckets } = rollup.finish();
      await writer.commit(rows, { pages, buckets });
    } catch (error) {
      await writer.abort();
      throw error;
    }
  }

  /**
   * Brings up to `limit` days computed by an older rollup version up to date: recomputed from their raw events, or,
   * when those were pruned, their retention cells rebuilt from the stored device rows. Answers the days done.
   */
  async upgradeStale(limit = STALE_DAYS_PER_PASS): Promise<number> {
    const stale = await this.store.staleDays(ROLLUP_VERSION, limit);
    const withEvents = new Map<string, Set<string>>();
    for (const { appId, day } of stale) {
      let apps = withEvents.get(day);
      if (!apps) withEvents.set(day, (apps = new Set(await this.store.appsWithEvents([day]))));
      if (apps.has(appId)) await this.rollupDay(appId, day);
      else await this.store.refreshRetention(appId, day, ROLLUP_VERSION);
    }
    if (stale.length > 0)
      this.logger.info({ days: stale.length }, 'analytics rollups of older versions recomputed');
    return stale.length;
  }

  /** Today and the `lateDays` before it (late events land there), then older-version days, then retention. */
  async recomputeRecent(): Promise<number> {
    const today = dayOf(this.now(), this.settings.timeZone);
    const written = await this.recompute(daysBetween(addDays(today, -this.settings.lateDays), today));
    await this.upgradeStale();
    await this.store.pruneBefore(addDays(today, -this.settings.retentionDays));
    return written;
  }

  /** Today alone: the short pass between passes over the late window (ANALYTICS_TODAY_ROLLUP_INTERVAL_MS). */
  async recomputeToday(): Promise<number> {
    return this.recompute([dayOf(this.now(), this.settings.timeZone)]);
  }

  /**
   * Runs `recomputeRecent` every `rollupIntervalMs` and `recomputeToday` every `todayRollupIntervalMs` (never two
   * passes at once: a tick that finds one running is skipped; no timer at all when `rollupIntervalMs` is 0); stopped
   * by `stop()`.
   */
  start(): void {
    if (this.timers.length > 0 || this.settings.rollupIntervalMs <= 0) return;
    const every = (ms: number, pass: () => Promise<unknown>) => {
      if (ms <= 0) return;
      const timer = setInterval(() => {
        if (this.running) return;
        this.running = pass()
          .catch((error: unknown) =>
            this.logger.warn({ err: error }, 'analytics rollup failed; retried on the next tick'),
          )
          .finally(() => (this.running = undefined));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.settings.rollupIntervalMs, () => this.recomputeRecent());
    every(this.settings.todayRollupIntervalMs, () => this.recomputeToday());
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.running;
  }
}
