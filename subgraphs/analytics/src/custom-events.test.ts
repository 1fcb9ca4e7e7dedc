import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import {
  ANALYTICS_RAW_EVENTS_TOPIC,
  AnalyticsEventType,
  MINI_PROGRAM_EVENTS_TOPIC,
  analyticsEvents,
  contractEvent,
  type ReportEvent,
} from '@grove/contracts';
import { newId, type OperatorRole, type OrgRole, type UserPrincipal } from '@grove/platform';
import { createTestRuntime, eventually, type TestRuntime } from '@grove/testkit';
import { createAnalyticsSubgraph, type AnalyticsSubgraph } from './analytics.subgraph';

const user = (
  memberships: Array<{ orgId: string; role: OrgRole }>,
  operatorRoles: OperatorRole[] = [],
): UserPrincipal => ({
  kind: 'user',
  userId: newId(),
  sessionId: newId(),
  operatorRoles,
  memberships,
});

describe('custom event declarations', () => {
  let runtime: TestRuntime;
  let analytics: AnalyticsSubgraph;
  const orgA = newId();
  const orgB = newId();
  const appId = `mp${randomBytes(8).toString('hex')}`;
  const developerA = user([{ orgId: orgA, role: 'ORG_DEVELOPER' }]);
  const ownerB = user([{ orgId: orgB, role: 'ORG_OWNER' }]);
  const reviewer = user([], ['OPERATOR_REVIEWER']);

  beforeAll(async () => {
    runtime = await createTestRuntime();
    analytics = await createAnalyticsSubgraph(runtime, {
      settings: { rollupIntervalMs: 0, storeDriver: 'sqlite' },
    });
    await runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
      type: 'mini-program.created',
      key: appId,
      payload: { appId, orgId: orgA, actorId: newId() },
    });
    await eventually(async () => expect(await analytics.services.miniPrograms.get(appId)).not.toBeNull());
  });
  afterAll(async () => {
    await analytics?.close();
    await runtime?.dispose();
  });

  it('are declared by the owning organization, read by reviewers, and refused to others with stable codes', async () => {
    const service = analytics.services.customEvents;
    const declared = await service.declare(developerA, appId, {
      name: 'purchase',
      displayName: '购买',
      attributes: [
        { name: 'sku', type: 'string', displayName: '' },
        { name: 'amount', type: 'number', displayName: '金额' },
      ],
    });
    expect(declared.attributes).toEqual([
      { name: 'sku', type: 'string', displayName: 'sku' },
      { name: 'amount', type: 'number', displayName: '金额' },
    ]);
    expect((await service.list(reviewer, appId)).map((d) => d.name)).toEqual(['purchase']);
    await expect(
      service.declare(ownerB, appId, { name: 'x', displayName: 'x', attributes: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      service.declare(reviewer, appId, { name: 'x', displayName: 'x', attributes: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      service.declare(developerA, appId, { name: '1bad', displayName: 'x', attributes: [] }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      service.declare(developerA, appId, {
        name: 'dup',
        displayName: 'x',
        attributes: [
          { name: 'a', type: 'string', displayName: '' },
          { name: 'a', type: 'number', displayName: '' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service.remove(developerA, appId, 'never')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('let the cleaner store declared, well-typed custom events only, counting the rest as rejected', async () => {
    const now = Date.now();
    const base = {
      appId,
      deviceId: 'device-0001',
      launchId: 'launch-0001',
      platform: 'IOS' as const,
      clientTs: now - 1000,
    };
    const events: ReportEvent[] = [
      {
        ...base,
        eventId: 'custom-0001',
        type: 'custom',
        custom: { name: 'purchase', attributes: { sku: 'A', amount: 3 } },
      },
      {
        ...base,
        eventId: 'custom-0002',
        type: 'custom',
        custom: { name: 'purchase', attributes: { amount: 'three' } },
      },
      { ...base, eventId: 'custom-0003', type: 'custom', custom: { name: 'share', attributes: {} } },
    ];
    const payload = { hostAppId: 'host-1', orgId: orgA, receivedAt: now, sentAt: now, region: null, events };
    await runtime.events.publish(
      ANALYTICS_RAW_EVENTS_TOPIC,
      contractEvent(analyticsEvents, AnalyticsEventType.REPORT_ACCEPTED, 'host-1', payload),
    );
    await eventually(async () =>
      expect([
        await analytics.services.metrics.storedTotal(),
        await analytics.services.metrics.droppedByReason(),
      ]).toEqual([1, { custom_attribute_mismatch: 1, undeclared_custom_event: 1 }]),
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(now));
    expect(
      (await analytics.services.store.events(appId, [today])).map((e) => [e.eventId, e.attrs.custom]),
    ).toEqual([['custom-0001', { name: 'purchase', attributes: { sku: 'A', amount: 3 } }]]);
  });
});
