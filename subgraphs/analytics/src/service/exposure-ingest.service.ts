import {
  ANALYTICS_EXPOSURES_TOPIC,
  analyticsExposureEvents,
  parseContractEvent,
  type ExposuresRecordedPayload,
} from '@grove/contracts';
import type { EventBus, Logger, Subscription } from '@grove/platform';
import type { AnalyticsStore, AppendResult, ExposureRow } from '../store/analytics-store.port';
import { dayOf } from './reporting-day';

/** Consumer group of the analytics subgraph on `analytics.exposures`. */
export const ANALYTICS_EXPOSURES_GROUP = 'analytics-exposures';

/**
 * Stores the runtime's exposure record (ADR 0012) by reporting day: one row per (app, day, device, plan, version) is
 * enough, so redeliveries and the runtime's repeats within a day are harmless.
 */
export class ExposureIngest {
  constructor(
    private readonly store: AnalyticsStore,
    private readonly timeZone: string,
    private readonly logger: Logger,
  ) {}

  consume(events: EventBus): Promise<Subscription> {
    return events.subscribe(ANALYTICS_EXPOSURES_TOPIC, ANALYTICS_EXPOSURES_GROUP, async (event) => {
      const parsed = parseContractEvent(analyticsExposureEvents, event);
      if (!parsed.ok) {
        if (parsed.reason === 'invalid')
          this.logger.warn(
            { eventId: event.id, detail: parsed.detail },
            'exposure batch does not match its contract; skipped',
          );
        return;
      }
      await this.ingest(parsed.payload);
    });
  }

  ingest(payload: ExposuresRecordedPayload): Promise<AppendResult> {
    const rows: ExposureRow[] = payload.exposures.map((e) => ({
      appId: e.appId,
      day: dayOf(e.servedAt, this.timeZone),
      deviceId: e.deviceId,
      planId: e.releasePlanId ?? '',
      versionId: e.versionId,
      versionSource: e.versionSource,
      ruleId: e.ruleId,
      hostAppId: e.hostAppId,
      orgId: e.orgId,
      servedAt: e.servedAt,
    }));
    return this.store.appendExposures(rows);
  }
}
