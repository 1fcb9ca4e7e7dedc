import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import {
  ANALYTICS_RAW_EVENTS_TOPIC,
  AccountTopic,
  AnalyticsEventType,
  AppManageTopic,
  MINI_PROGRAM_EVENTS_TOPIC,
  analyticsEvents,
  contractEvent,
  hostAppEvents,
  miniProgramEvents,
  organizationEvents,
  type ReportEvent,
} from '@grove/contracts';
import { newId } from '@grove/platform';
import { createTestRuntime, eventually, matrixPrincipals, type TestRuntime } from '@grove/testkit';
import { createAnalyticsSubgraph, type AnalyticsSubgraph } from '../analytics.subgraph';
import { addDays, dayOf, dayStart } from '../service/reporting-day';

const TZ = 'Asia/Shanghai';
/** Noon of a reporting day, as an ISO instant. */
const at = (day: string, hour = 12) => new Date(dayStart(day, TZ) + hour * 3600_000).toISOString();
const appId = () => `mp${randomBytes(8).toString('hex')}`;

describe('platform overview (app-spider)', () => {
  let runtime: TestRuntime;
  let analytics: AnalyticsSubgraph;
  const actorId = newId();
  const [orgA, orgB] = [newId(), newId()];
  const [app1, app2, app3] = [appId(), appId(), appId()];
  const hostA = newId();
  const principals = matrixPrincipals(orgA, orgB);

  const org = (
    type: 'organization.approved' | 'organization.frozen' | 'organization.unfrozen',
    organizationId: string,
    day: string,
    id = newId(),
  ) =>
    runtime.events.publish(AccountTopic.ORGANIZATION, {
      ...contractEvent(organizationEvents, type, organizationId, { organizationId, actorId }),
      id,
      occurredAt: at(day),
    });
  const mp = (
    type: 'mini-program.created' | 'mini-program.frozen' | 'mini-program.deleted',
    app: string,
    day: string,
    hour = 12,
  ) =>
    runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
      ...contractEvent(miniProgramEvents, type, app, { appId: app, orgId: orgA, actorId }),
      occurredAt: at(day, hour),
    });
  const version = (type: 'version.published' | 'version.delisted', app: string, day: string, hour = 12) =>
    runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
      ...contractEvent(miniProgramEvents, type, app, {
        appId: app,
        orgId: orgA,
        versionId: newId(),
        status: type === 'version.published' ? 'PUBLISHED' : 'DELISTED',
        actorId,
      }),
      occurredAt: at(day, hour),
    });
  const host = (type: 'host-app.created' | 'host-app.deleted', hostAppId: string, day: string) =>
    runtime.events.publish(AppManageTopic.HOST_APP, {
      ...contractEvent(hostAppEvents, type, hostAppId, { hostAppId, orgId: orgA, actorId }),
      occurredAt: at(day),
    });

  beforeAll(async () => {
    runtime = await createTestRuntime();
    analytics = await createAnalyticsSubgraph(runtime, {
      settings: { rollupIntervalMs: 0, storeDriver: 'sqlite', timeZone: TZ },
    });
  });
  afterAll(async () => {
    await analytics?.close();
    await runtime?.dispose();
  });

  it('counts owners per reporting day from their events: redelivered and out-of-order events change nothing twice', async () => {
    const approval = newId();
    await org('organization.approved', orgA, '2026-03-01', approval);
    // The same event again (a redelivery) and a second approval after an amendment: one approved organization.
    await org('organization.approved', orgA, '2026-03-01', approval);
    await org('organization.approved', orgA, '2026-03-02');
    await org('organization.approved', orgB, '2026-03-02');
    await org('organization.frozen', orgB, '2026-03-03');

    await mp('mini-program.created', app1, '2026-03-01');
    await mp('mini-program.created', app2, '2026-03-01');
    await mp('mini-program.created', app3, '2026-03-02');
    await version('version.published', app1, '2026-03-01');
    await version('version.published', app2, '2026-03-02');
    // app2's delisting (day 3, 10:00) arrives before a publication that happened earlier (day 3, 09:00): the older one is ignored.
    await version('version.delisted', app2, '2026-03-03', 10);
    await version('version.published', app2, '2026-03-03', 9);
    await mp('mini-program.frozen', app1, '2026-03-03');
    await mp('mini-program.deleted', app3, '2026-03-03');

    await host('host-app.created', hostA, '2026-03-01');
    await host('host-app.created', newId(), '2026-03-02');
    await host('host-app.deleted', hostA, '2026-03-03');

    const query = () => analytics.services.overview.overview(principals.admin, '2026-03-01', '2026-03-03');
    await eventually(async () =>
      expect((await query()).totals).toEqual({
        organizations: 2,
        organizationsFrozen: 1,
        miniPrograms: 2,
        miniProgramsOnline: 0,
        hostApps: 1,
      }),
    );
    const overview = await query();
    const pick = (d: (typeof overview.days)[number]) => [
      d.day,
      d.organizations,
      d.organizationsApproved,
      d.miniPrograms,
      d.miniProgramsCreated,
      d.miniProgramsOnline,
      d.hostApps,
      d.hostAppsCreated,
    ];
    expect(overview.days.map(pick)).toEqual([
      ['2026-03-01', 1, 1, 2, 2, 1, 1, 1],
      ['2026-03-02', 2, 1, 3, 1, 2, 2, 1],
      ['2026-03-03', 2, 0, 2, 0, 0, 1, 0],
    ]);
    expect([overview.organizationsApproved, overview.miniProgramsCreated, overview.hostAppsCreated]).toEqual([
      2, 3, 2,
    ]);
    // A later range starts from the totals before it.
    const later = await analytics.services.overview.overview(principals.reviewer, '2026-03-03', '2026-03-04');
    expect(later.days.map((d) => [d.day, d.organizations, d.miniPrograms, d.hostApps])).toEqual([
      ['2026-03-03', 2, 2, 1],
      ['2026-03-04', 2, 2, 1],
    ]);
  });

  it('adds devices (distinct across mini-programs and over the period) and launches from the rollups', async () => {
    // Reported now: the cleaner refuses events older than its lateness window.
    const clientTs = Date.now() - 60_000;
    const day = dayOf(clientTs, TZ);
    const next = addDays(day, 1);
    const launch = (app: string, deviceId: string, n: number): ReportEvent => ({
      eventId: `l-${app}-${deviceId}-${n}`,
      type: 'app_launch',
      appId: app,
      deviceId,
      launchId: `launch-${deviceId}-${n}`,
      platform: 'IOS',
      clientTs: clientTs + n,
    });
    const events = [
      launch(app1, 'device-01', 1),
      launch(app1, 'device-02', 2),
      launch(app2, 'device-01', 3),
      launch(app2, 'device-03', 4),
      launch(app2, 'device-03', 5),
    ];
    const payload = {
      hostAppId: hostA,
      orgId: orgA,
      receivedAt: clientTs + 10,
      sentAt: clientTs + 10,
      region: null,
      events,
    };
    await runtime.events.publish(
      ANALYTICS_RAW_EVENTS_TOPIC,
      contractEvent(analyticsEvents, AnalyticsEventType.REPORT_ACCEPTED, hostA, payload),
    );
    await eventually(async () => expect(await analytics.services.metrics.storedTotal()).toBe(5));
    await analytics.services.pipeline.recompute([day]);
    const overview = await analytics.services.overview.overview(principals.admin, day, next);
    expect(overview.days.map((d) => [d.day, d.activeDevices, d.launches])).toEqual([
      [day, 3, 5],
      [next, 0, 0],
    ]);
    expect([overview.activeDevices, overview.launches]).toEqual([3, 5]);
  });

  it('is for operators only, with a bounded range', async () => {
    for (const who of ['ownerA', 'adminA', 'developerA', 'ownerB'] as const) {
      await expect(
        analytics.services.overview.overview(principals[who], '2026-03-01', '2026-03-02'),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(
      analytics.services.overview.overview(principals.admin, '2026-03-02', '2026-03-01'),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      analytics.services.overview.overview(principals.admin, '2024-01-01', '2026-03-01'),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
