import type { ReportAcceptedPayload, ReportEvent } from '@grove/contracts';
import type { CleanEvent } from '../store/analytics-store.port';
import { computeDay, sessionsOf } from './daily-rollup';
import { cleanReport } from './event-cleaner';
import { dayOf, dayStart } from './reporting-day';

const TZ = 'Asia/Shanghai';
const NOW = Date.UTC(2025, 2, 10, 4); // 12:00 in Shanghai on 2025-03-10
const settings = { timeZone: TZ, maxClockSkewMs: 10 * 60_000, lateDays: 3, testDeviceIds: ['tester-0001'] };

function ev(n: number, clientTs: number, extra: Partial<ReportEvent> = {}): ReportEvent {
  return {
    eventId: `event-${n}-xxxx`,
    type: 'app_launch',
    appId: 'mp0123456789abcdef',
    deviceId: 'device-0001',
    launchId: 'launch-0001',
    platform: 'IOS',
    clientTs,
    ...extra,
  };
}
function report(events: ReportEvent[], sentAt = NOW): ReportAcceptedPayload {
  return {
    hostAppId: 'h1',
    orgId: 'o1',
    receivedAt: NOW,
    sentAt,
    region: { country: '中国', province: '广东省', city: '深圳市' },
    events,
  };
}

describe('reporting days', () => {
  it('cut days at midnight in the reporting time zone', () => {
    expect(dayOf(Date.UTC(2025, 2, 9, 15, 59, 59), TZ)).toBe('2025-03-09');
    expect(dayOf(Date.UTC(2025, 2, 9, 16), TZ)).toBe('2025-03-10');
    expect(dayStart('2025-03-10', TZ)).toBe(Date.UTC(2025, 2, 9, 16));
    expect(dayStart('2025-03-30', 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 29, 23));
  });
});

describe('cleaning', () => {
  it('keeps declared custom events with their declared attribute types and drops the others by reason', () => {
    const appId = 'mp0123456789abcdef';
    const rules = new Map([
      [
        appId,
        new Map([
          [
            'purchase',
            new Map<string, 'string' | 'number' | 'boolean'>([
              ['sku', 'string'],
              ['amount', 'number'],
              ['first', 'boolean'],
            ]),
          ],
        ]),
      ],
    ]);
    const custom = (n: number, name: string, attributes: Record<string, string | number | boolean>) =>
      ev(n, NOW - 1000, { type: 'custom', custom: { name, attributes } });
    const out = cleanReport(
      report([
        custom(1, 'purchase', { sku: 'A-1', amount: 12.5, first: true }),
        custom(2, 'purchase', { sku: 'A-1' }), // declared attributes may be absent
        custom(3, 'purchase', { sku: 'A-1', amount: '12.5' }), // mistyped
        custom(4, 'purchase', { sku: 'A-1', coupon: 'X' }), // not declared
        custom(5, 'share', {}), // event not declared
        ev(6, NOW - 1000),
      ]),
      settings,
      rules,
    );
    expect(out.events.map((e) => e.eventId)).toEqual(['event-1-xxxx', 'event-2-xxxx', 'event-6-xxxx']);
    expect(out.dropped).toEqual({ custom_attribute_mismatch: 2, undeclared_custom_event: 1 });
    // Without declarations no custom event is stored.
    expect(cleanReport(report([custom(7, 'purchase', {})]), settings).dropped).toEqual({
      undeclared_custom_event: 1,
    });
  });

  it('drops impossible, too-late and test-device events and keeps the region, never the IP', () => {
    const out = cleanReport(
      report([
        ev(1, NOW - 1000),
        ev(2, 1000),
        ev(3, NOW + 3600_000),
        ev(4, NOW - 5 * 86_400_000),
        ev(5, NOW - 2 * 86_400_000),
        ev(6, NOW - 1000, { deviceId: 'tester-0001' }),
      ]),
      settings,
    );
    expect(out.events.map((e) => [e.eventId, e.day])).toEqual([
      ['event-1-xxxx', '2025-03-10'],
      ['event-5-xxxx', '2025-03-08'],
    ]);
    expect(out.dropped).toEqual({ impossible_timestamp: 2, too_late: 1, test_device: 1 });
    expect(out.events[0]).toMatchObject({ province: '广东省', city: '深圳市', hostAppId: 'h1' });
  });

  it('counts the events of a device whose clock is off at received-at', () => {
    const off = NOW + 5 * 86_400_000; // the device believes it is five days later
    const out = cleanReport(report([ev(1, off - 60_000)], off), settings);
    expect(out.rebucketed).toBe(1);
    expect(out.events[0]).toMatchObject({ eventTs: NOW, clientTs: off - 60_000, day: '2025-03-10' });
  });
});

describe('the session rule', () => {
  const base = {
    appId: 'a',
    day: '2025-03-10',
    launchId: 'l',
    receivedAt: 0,
    platform: 'IOS',
    versionId: 'v1',
    versionSource: null,
    releasePlanId: null,
    hostAppId: 'h',
    orgId: 'o',
    province: null,
    city: null,
    pagePath: null,
    attrs: {},
  };
  let n = 0;
  const e = (type: CleanEvent['type'], ts: number, durationMs: number | null = null): CleanEvent => ({
    ...base,
    eventId: `e${n++}`,
    deviceId: 'd',
    type,
    clientTs: ts,
    eventTs: ts,
    durationMs,
  });

  it('is a new launch after 30 s in the background or after an exit, not after a short trip', () => {
    const events = [
      e('app_launch', 0),
      e('page_show', 1),
      e('app_hide', 2, 2),
      e('app_show', 29_000),
      e('page_show', 29_001),
      e('app_hide', 29_002, 3), // 29 s: same launch
      e('app_show', 60_000),
      e('app_exit', 60_010, 10), // 31 s: new launch
      e('app_show', 60_020),
      e('page_show', 60_021),
      e('app_hide', 60_030, 10), // after an exit: new launch
    ];
    const sessions = sessionsOf(events, 30_000);
    expect(sessions.map((s) => [s.pages, s.stayMs])).toEqual([
      [2, 5],
      [0, 10],
      [1, 10],
    ]);
    const { rows } = computeDay('2025-03-10', events, new Set(['d']), 30_000, 'Asia/Shanghai');
    expect(rows.find((r) => r.dimension === '')).toMatchObject({
      launches: 3,
      pageViews: 3,
      bounces: 1,
      stayMs: 25,
      activeUsers: 1,
      newUsers: 1,
    });
    expect(
      computeDay('2025-03-10', events, new Set(), 60_000, 'Asia/Shanghai').rows.find(
        (r) => r.dimension === '',
      ),
    ).toMatchObject({ launches: 2 });
  });
});

describe('breakdowns', () => {
  const base = {
    appId: 'a',
    day: '2025-03-10',
    receivedAt: 0,
    versionId: null,
    releasePlanId: null,
    orgId: 'o',
    city: null,
    pagePath: null,
    durationMs: null,
  };
  const launch = (deviceId: string, extra: Partial<CleanEvent>): CleanEvent => ({
    ...base,
    eventId: `launch-${deviceId}`,
    launchId: `l-${deviceId}`,
    deviceId,
    type: 'app_launch',
    clientTs: 1,
    eventTs: 1,
    platform: 'IOS',
    versionSource: null,
    hostAppId: 'h1',
    province: null,
    attrs: {},
    ...extra,
  });

  it('group every metric by each reported dimension, with unknown for what the device did not report', () => {
    const events = [
      launch('d1', {
        attrs: { osVersion: '17.4', deviceModel: 'iPhone15,2', network: 'wifi', sdkVersion: '2.1.0' },
        province: '广东省',
        versionSource: 'gray',
      }),
      launch('d2', {
        platform: 'ANDROID',
        attrs: { osVersion: '14', network: '4g' },
        hostAppId: 'h2',
        versionSource: 'release',
      }),
      launch('d3', {
        attrs: { osVersion: '17.4', network: 'wifi' },
        province: '广东省',
        versionSource: 'gray',
      }),
    ];
    const { rows, devices } = computeDay('2025-03-10', events, new Set(['d1']), 30_000, 'Asia/Shanghai');
    const by = (dimension: string) =>
      rows
        .filter((r) => r.dimension === dimension)
        .map((r) => [r.value, r.launches, r.activeUsers, r.newUsers])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(by('os_version')).toEqual([
      ['ANDROID 14', 1, 1, 0],
      ['IOS 17.4', 2, 2, 1],
    ]);
    expect(by('device_model')).toEqual([
      ['iPhone15,2', 1, 1, 1],
      ['unknown', 2, 2, 0],
    ]);
    expect(by('network')).toEqual([
      ['4g', 1, 1, 0],
      ['wifi', 2, 2, 1],
    ]);
    expect(by('sdk_version')).toEqual([
      ['2.1.0', 1, 1, 1],
      ['unknown', 2, 2, 0],
    ]);
    expect(by('region')).toEqual([
      ['unknown', 1, 1, 0],
      ['广东省', 2, 2, 1],
    ]);
    expect(by('host_app')).toEqual([
      ['h1', 2, 2, 1],
      ['h2', 1, 1, 0],
    ]);
    expect(by('version_source')).toEqual([
      ['gray', 2, 2, 1],
      ['release', 1, 1, 0],
    ]);
    // Each dimension keeps its own device rows, so distinct counts over a range stay per value.
    expect(
      devices
        .filter((d) => d.dimension === 'network')
        .map((d) => `${d.value}:${d.deviceId}`)
        .sort(),
    ).toEqual(['4g:d2', 'wifi:d1', 'wifi:d3']);
  });
});
