import { LRUCache } from 'lru-cache';
import {
  ANALYTICS_EXPOSURES_TOPIC,
  AnalyticsExposureEventType,
  MAX_EXPOSURE_BATCH,
  analyticsExposureEvents,
  contractEvent,
  type Exposure,
} from '@grove/contracts';
import type { EventBus, Logger } from '@grove/platform';

export interface ExposureRecorderOptions {
  /** Exposures waiting for the bus at most; beyond it new ones are dropped (and counted). Default 20 000. */
  maxBuffered?: number;
  /** One bus entry carries at most this many (≤ MAX_EXPOSURE_BATCH). Default 500. */
  batchSize?: number;
  /** A partial batch waits at most this long. Default 1000 ms. */
  flushIntervalMs?: number;
  /** Recent (app, device, plan, version, source, 15-minute slot) keys not recorded again. Default 100 000. */
  dedupeEntries?: number;
  /** Server clock (tests inject one). */
  now?: () => number;
}

/** Counters of one recorder since it started (exported on the router's /metrics). */
export interface ExposureStats {
  /** Handed to the bus. */
  published: number;
  /** Lost: buffer full, or the bus refused the batch (its exposures are not retried). */
  dropped: number;
  /** Not buffered: the same decision for the same device within its 15-minute slot. */
  deduplicated: number;
  /** Waiting for the next batch. */
  buffered: number;
}

/** Day boundaries of every time zone fall on a quarter hour: a slot never spans two reporting days. */
const SLOT_MS = 15 * 60_000;

/**
 * The runtime's exposure record (ADR 0012) off the hot path: `record()` only pushes onto a bounded in-memory buffer
 * (after an LRU check that drops repeats of the same decision within a quarter hour); a timer or a full batch appends
 * `exposures.recorded` entries to the bus. When the bus is down the batch is dropped and counted, never retried:
 * the applet answer is never delayed or refused for analytics' sake.
 */
export class ExposureRecorder {
  private buffer: Exposure[] = [];
  private readonly recent: LRUCache<string, true>;
  private readonly maxBuffered: number;
  private readonly batchSize: number;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private readonly stats = { published: 0, dropped: 0, deduplicated: 0 };
  private closed = false;

  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
    options: ExposureRecorderOptions = {},
  ) {
    this.maxBuffered = options.maxBuffered ?? 20_000;
    this.batchSize = Math.min(options.batchSize ?? MAX_EXPOSURE_BATCH, MAX_EXPOSURE_BATCH);
    this.now = options.now ?? Date.now;
    this.recent = new LRUCache({ max: options.dedupeEntries ?? 100_000 });
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  /**
   * Synchronous and allocation-light: called on every applet-info answer that names a device. The object is kept
   * (stamped with `servedAt`), not copied: the caller hands over a fresh one.
   */
  record(exposure: Omit<Exposure, 'servedAt'>): void {
    if (this.closed) return;
    const servedAt = this.now();
    const key = `${exposure.appId}\u0000${exposure.deviceId}\u0000${exposure.releasePlanId ?? ''}\u0000${exposure.versionId}\u0000${exposure.versionSource}\u0000${Math.floor(servedAt / SLOT_MS)}`;
    if (this.recent.has(key)) {
      this.stats.deduplicated++;
      return;
    }
    if (this.buffer.length >= this.maxBuffered) {
      this.stats.dropped++;
      return;
    }
    this.recent.set(key, true);
    (exposure as Exposure).servedAt = servedAt;
    this.buffer.push(exposure as Exposure);
    if (this.buffer.length >= this.batchSize) void this.flush();
  }

  snapshot(): ExposureStats {
    return { ...this.stats, buffered: this.buffer.length };
  }

  /** Appends what is buffered, a batch at a time; one flush runs at once. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.drain());
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.slice(0, this.batchSize);
      this.buffer = this.buffer.slice(batch.length);
      try {
        await this.bus.publish(
          ANALYTICS_EXPOSURES_TOPIC,
          contractEvent(
            analyticsExposureEvents,
            AnalyticsExposureEventType.EXPOSURES_RECORDED,
            batch[0].appId,
            { exposures: batch },
          ),
        );
        this.stats.published += batch.length;
      } catch (error) {
        this.stats.dropped += batch.length;
        this.logger.warn(
          { err: error, dropped: batch.length, droppedTotal: this.stats.dropped },
          'exposure batch could not be appended to the bus; dropped',
        );
      }
    }
  }

  /** Stops the timer and appends what is left. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.flush();
  }
}
