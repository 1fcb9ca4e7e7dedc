import { EARLIEST_CLIENT_TIMESTAMP, type ReportAcceptedPayload } from '@grove/contracts';
import type { CleanEvent } from '../store/analytics-store.port';
import type { CustomEventRules } from './custom-event.service';
import type { DropReason } from './clean-metrics';
import { addDays, dayOf } from './reporting-day';

/** An event may be stamped this long after its report was sent (clock granularity, queue flush races). */
const SEND_TOLERANCE_MS = 60_000;

export interface CleanerSettings {
  timeZone: string;
  maxClockSkewMs: number;
  lateDays: number;
  testDeviceIds: readonly string[];
}

export interface CleanedReport {
  events: CleanEvent[];
  dropped: Partial<Record<DropReason, number>>;
  /** Events counted at received-at because the device clock was off by more than the allowed skew. */
  rebucketed: number;
}

/**
 * data-clean's per-report rules (deduplication happens in the store, the session rule in the rollup):
 * - the device clock's error is `receivedAt - sentAt`; beyond `maxClockSkewMs` the report's events count at
 *   received-at, since their own timestamps are on a wrong clock;
 * - impossible timestamps (before 2015, or after the report was sent by the device's own clock) are dropped;
 * - events whose day is more than `lateDays` before the day they arrived are dropped (rollups no longer recompute it);
 * - test devices are dropped;
 * - custom events must be declared for their mini-program (`undeclared_custom_event`), and each attribute declared
 *   with the type it has (`custom_attribute_mismatch`); undeclared attributes are refused, declared ones may be absent.
 */
export function cleanReport(
  report: ReportAcceptedPayload,
  settings: CleanerSettings,
  customRules: CustomEventRules = new Map(),
): CleanedReport {
  const dropped: Partial<Record<DropReason, number>> = {};
  const drop = (reason: DropReason) => (dropped[reason] = (dropped[reason] ?? 0) + 1);
  const skewed = Math.abs(report.receivedAt - report.sentAt) > settings.maxClockSkewMs;
  const oldestDay = addDays(dayOf(report.receivedAt, settings.timeZone), -settings.lateDays);
  const tests = new Set(settings.testDeviceIds);
  const events: CleanEvent[] = [];
  let rebucketed = 0;
  for (const e of report.events) {
    if (tests.has(e.deviceId)) {
      drop('test_device');
      continue;
    }
    if (e.type === 'custom') {
      const declared = e.custom ? customRules.get(e.appId)?.get(e.custom.name) : undefined;
      if (!declared) {
        drop('undeclared_custom_event');
        continue;
      }
      if (Object.entries(e.custom!.attributes).some(([name, value]) => declared.get(name) !== typeof value)) {
        drop('custom_attribute_mismatch');
        continue;
      }
    }
    if (e.clientTs < EARLIEST_CLIENT_TIMESTAMP || e.clientTs > report.sentAt + SEND_TOLERANCE_MS) {
      drop('impossible_timestamp');
      continue;
    }
    const eventTs = skewed ? report.receivedAt : e.clientTs;
    const day = dayOf(eventTs, settings.timeZone);
    if (day < oldestDay) {
      drop('too_late');
      continue;
    }
    if (skewed) rebucketed++;
    const {
      eventId,
      type,
      appId,
      deviceId,
      launchId,
      clientTs,
      platform,
      versionId,
      versionSource,
      releasePlanId,
      durationMs,
      pagePath,
      ...rest
    } = e;
    const attrs = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    events.push({
      appId,
      eventId,
      day,
      type,
      deviceId,
      launchId,
      clientTs,
      eventTs,
      receivedAt: report.receivedAt,
      platform,
      versionId: versionId ?? null,
      versionSource: versionSource ?? null,
      releasePlanId: releasePlanId ?? null,
      hostAppId: report.hostAppId,
      orgId: report.orgId,
      province: report.region?.province || null,
      city: report.region?.city || null,
      durationMs: durationMs ?? null,
      pagePath: pagePath ?? null,
      attrs,
    });
  }
  return { events, dropped, rebucketed };
}
