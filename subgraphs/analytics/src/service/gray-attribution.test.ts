import type { CleanEvent, ExposureRow } from '../store/analytics-store.port';
import { cohortsOf, planStatistics } from './gray-attribution';

const APP = 'mp0123456789abcdef';
const PLAN = 'plan-1';
const GRAY = 'v2';
const D1 = '2025-03-01';
const D2 = '2025-03-02';

function exposure(deviceId: string, day: string, extra: Partial<ExposureRow> = {}): ExposureRow {
  return {
    appId: APP,
    day,
    deviceId,
    planId: PLAN,
    versionId: GRAY,
    versionSource: 'gray',
    ruleId: 'rule-1',
    hostAppId: 'h1',
    orgId: 'o1',
    servedAt: Date.parse(`${day}T01:00:00Z`),
    ...extra,
  };
}
const released = (deviceId: string, day: string) =>
  exposure(deviceId, day, { versionId: 'v1', versionSource: 'release', ruleId: null });

let seq = 0;
function ev(
  deviceId: string,
  day: string,
  minute: number,
  type: CleanEvent['type'],
  extra: Partial<CleanEvent> = {},
): CleanEvent {
  const ts = Date.parse(`${day}T00:00:00Z`) + minute * 60_000;
  return {
    appId: APP,
    eventId: `e${seq++}`,
    day,
    type,
    deviceId,
    launchId: 'l',
    clientTs: ts,
    eventTs: ts,
    receivedAt: ts,
    platform: 'IOS',
    // What the client claims: never used for attribution.
    versionId: 'v2',
    versionSource: 'gray',
    releasePlanId: PLAN,
    hostAppId: 'h1',
    orgId: 'o1',
    province: '广东省',
    city: null,
    durationMs: type === 'app_hide' || type === 'app_exit' ? 60_000 : null,
    pagePath: type === 'page_show' ? 'pages/index' : null,
    attrs: { osVersion: '17.4', deviceModel: 'iPhone15,2' },
    ...extra,
  };
}

/** Events as the store returns them: by device, then device clock. */
const sorted = (events: CleanEvent[]) =>
  [...events].sort((a, b) =>
    a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.clientTs - b.clientTs,
  );

describe('gray attribution by the exposure record', () => {
  it('puts a device in the cohort the runtime served it that day, whatever the client claims', () => {
    const cohorts = cohortsOf(
      PLAN,
      GRAY,
      [
        exposure('a', D1),
        released('b', D1),
        exposure('c', D1, { versionSource: 'trial', versionId: 't1', planId: PLAN }),
        exposure('d', D1, { planId: 'other-plan' }),
        released('e', D1),
        exposure('e', D1),
        released('a', D2),
        // Served the published version with no plan live: not this plan's comparison.
        released('f', D1),
      ].map((x) => (x.deviceId === 'f' ? { ...x, planId: '' } : x)),
    );
    expect(
      Object.fromEntries([...cohorts.byDay].map(([day, devices]) => [day, Object.fromEntries(devices)])),
    ).toEqual({
      [D1]: { a: 'gray', b: 'released', e: 'gray' },
      [D2]: { a: 'released' },
    });
  });

  it('counts launches, stay, errors and crashes per cohort, per day and per region / terminal, exactly', () => {
    const cohorts = cohortsOf(PLAN, GRAY, [
      exposure('a', D1),
      released('b', D1),
      released('a', D2),
      released('x', D2),
    ]);
    const events = sorted([
      // a (gray on D1): one launch of two pages with a JS error, then a launch that crosses midnight into D2 (released there).
      ev('a', D1, 60, 'app_launch'),
      ev('a', D1, 61, 'page_show'),
      ev('a', D1, 62, 'js_error'),
      ev('a', D1, 63, 'page_show'),
      ev('a', D1, 64, 'app_exit'),
      ev('a', D1, 23 * 60 + 59, 'app_launch', { attrs: { osVersion: '17.5', deviceModel: 'iPhone15,2' } }),
      ev('a', D2, 1, 'page_show'),
      ev('a', D2, 2, 'js_error'),
      ev('a', D2, 3, 'app_exit'),
      // b (released on D1), on Android in another province: one launch, one page, a crash.
      ev('b', D1, 100, 'app_launch', { platform: 'ANDROID', province: '浙江省', attrs: {} }),
      ev('b', D1, 101, 'page_show', { platform: 'ANDROID', province: '浙江省', attrs: {} }),
      ev('b', D1, 102, 'crash', { platform: 'ANDROID', province: '浙江省', attrs: {} }),
      ev('b', D1, 103, 'app_hide', { platform: 'ANDROID', province: '浙江省', attrs: {} }),
      // z was never served by the runtime under this plan: it counts nowhere, although it claims the gray version.
      ev('z', D1, 100, 'app_launch'),
      ev('z', D1, 101, 'js_error'),
    ]);
    const counts = planStatistics([D1, D2], events, cohorts, 30_000);

    expect(counts.total.gray).toEqual({
      devicesExposed: 1,
      activeUsers: 1,
      launches: 2,
      pageViews: 2,
      stayMs: 120_000,
      jsErrors: 1,
      crashes: 0,
    });
    // a on D2 is released: its page view and error that day are the released version's; x was exposed but never reported.
    expect(counts.total.released).toEqual({
      devicesExposed: 3,
      activeUsers: 2,
      launches: 1,
      pageViews: 2,
      stayMs: 60_000,
      jsErrors: 1,
      crashes: 1,
    });
    expect(counts.days).toEqual([
      {
        day: D1,
        gray: {
          devicesExposed: 1,
          activeUsers: 1,
          launches: 2,
          pageViews: 2,
          stayMs: 120_000,
          jsErrors: 1,
          crashes: 0,
        },
        released: {
          devicesExposed: 1,
          activeUsers: 1,
          launches: 1,
          pageViews: 1,
          stayMs: 60_000,
          jsErrors: 0,
          crashes: 1,
        },
      },
      {
        day: D2,
        gray: {
          devicesExposed: 0,
          activeUsers: 0,
          launches: 0,
          pageViews: 0,
          stayMs: 0,
          jsErrors: 0,
          crashes: 0,
        },
        released: {
          devicesExposed: 2,
          activeUsers: 1,
          launches: 0,
          pageViews: 1,
          stayMs: 0,
          jsErrors: 1,
          crashes: 0,
        },
      },
    ]);

    const byDimension = Object.fromEntries(
      counts.breakdowns.map((b) => [
        b.dimension,
        Object.fromEntries(
          b.rows.map((r) => [
            r.value,
            [
              r.gray.launches,
              r.gray.jsErrors,
              r.released.launches,
              r.released.crashes,
              r.released.activeUsers,
            ],
          ]),
        ),
      ]),
    );
    expect(byDimension.region).toEqual({ 广东省: [2, 1, 0, 0, 1], 浙江省: [0, 0, 1, 1, 1] });
    expect(byDimension.platform).toEqual({ IOS: [2, 1, 0, 0, 1], ANDROID: [0, 0, 1, 1, 1] });
    expect(byDimension.model).toEqual({ 'iPhone15,2': [2, 1, 0, 0, 1], unknown: [0, 0, 1, 1, 1] });
    // A launch counts under the OS of its first event; every event under its own.
    expect(byDimension.os).toEqual({
      'IOS 17.4': [1, 1, 0, 0, 1],
      'IOS 17.5': [1, 0, 0, 0, 0],
      ANDROID: [0, 0, 1, 1, 1],
    });
    expect(
      counts.breakdowns.every((b) =>
        b.rows.every((r) => r.gray.devicesExposed === null && r.released.devicesExposed === null),
      ),
    ).toBe(true);
  });

  it('leaves days outside the range out, and a range without exposures empty', () => {
    const cohorts = cohortsOf(PLAN, GRAY, [exposure('a', D1)]);
    const counts = planStatistics(
      [D2],
      sorted([ev('a', D1, 60, 'app_launch'), ev('a', D1, 61, 'js_error')]),
      cohorts,
      30_000,
    );
    expect(counts.total.gray).toEqual({
      devicesExposed: 0,
      activeUsers: 0,
      launches: 0,
      pageViews: 0,
      stayMs: 0,
      jsErrors: 0,
      crashes: 0,
    });
    expect(counts.breakdowns.every((b) => b.rows.length === 0)).toBe(true);
  });
});
