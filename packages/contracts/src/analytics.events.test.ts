import {
  MAX_REPORT_EVENTS,
  REPORT_SCHEMA_VERSION,
  analyticsEvents,
  reportBatchSchema,
  reportEventSchema,
} from './analytics.events';
import { contractEvent, parseContractEvent } from './event-contract';

const base = {
  eventId: 'ev-00000001',
  type: 'app_launch',
  appId: 'mp0123456789abcdef',
  deviceId: 'device-0001',
  launchId: 'launch-0001',
  platform: 'IOS',
  clientTs: Date.UTC(2025, 0, 2),
};

describe('analytics report contract', () => {
  it('accepts a complete envelope with typed custom attributes', () => {
    const parsed = reportEventSchema.parse({
      ...base,
      type: 'custom',
      versionId: 'v1',
      versionSource: 'gray',
      releasePlanId: 'plan1',
      custom: { name: 'add_to_cart', attributes: { sku: 'A-1', price: 12.5, member: true } },
    });
    expect(parsed.custom?.attributes).toEqual({ sku: 'A-1', price: 12.5, member: true });
  });

  it('names the field a type needs', () => {
    const result = reportEventSchema.safeParse({ ...base, type: 'page_hide', pagePath: 'pages/index' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['durationMs'] });
    expect(reportEventSchema.safeParse({ ...base, type: 'js_error' }).error?.issues[0].path).toEqual([
      'error',
    ]);
    expect(
      reportEventSchema.safeParse({
        ...base,
        type: 'custom',
        custom: { name: 'x', attributes: { y: { nested: 1 } } },
      }).success,
    ).toBe(false);
    expect(reportEventSchema.safeParse({ ...base, versionSource: 'gray' }).error?.issues[0].path).toEqual([
      'releasePlanId',
    ]);
  });

  it('caps the batch at the documented count and pins the schema version', () => {
    const events = Array.from({ length: MAX_REPORT_EVENTS + 1 }, () => base);
    expect(
      reportBatchSchema.safeParse({ schemaVersion: REPORT_SCHEMA_VERSION, sentAt: 1, events }).success,
    ).toBe(false);
    expect(reportBatchSchema.safeParse({ schemaVersion: 2, sentAt: 1, events: [base] }).success).toBe(false);
    expect(
      reportBatchSchema.safeParse({ schemaVersion: REPORT_SCHEMA_VERSION, sentAt: 1, events: [base] })
        .success,
    ).toBe(true);
  });

  it('round-trips an accepted report through the topic contract', () => {
    const payload = {
      hostAppId: 'h1',
      orgId: 'o1',
      receivedAt: 2,
      sentAt: 1,
      region: null,
      events: [reportEventSchema.parse(base)],
    };
    const event = contractEvent(analyticsEvents, 'report.accepted', 'h1', payload);
    const parsed = parseContractEvent(analyticsEvents, {
      id: 'e1',
      occurredAt: new Date().toISOString(),
      ...event,
    });
    expect(parsed).toMatchObject({
      ok: true,
      payload: { hostAppId: 'h1', events: [{ eventId: base.eventId }] },
    });
  });
});
