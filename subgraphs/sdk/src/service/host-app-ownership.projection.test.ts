import { newId } from '@grove/platform';
import { announceHostApp, createHarness, eventually, ownerOf, type Harness } from '../sdk.test-support';
import { APP_MANAGE_HOST_APP_TOPIC } from './host-app-ownership.projection';

// Fed by app-manage's real events: tests/e2e/src/event-consumers.contract.test.ts.
describe('HostAppOwnershipProjection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('is idempotent under redelivery and ignores link events and malformed payloads', async () => {
    const hostAppId = newId();
    const event = {
      id: newId(),
      type: 'host-app.created',
      key: hostAppId,
      payload: { hostAppId, orgId: h.orgA, actorId: 'u1' },
    };
    await h.runtime.events.publish(APP_MANAGE_HOST_APP_TOPIC, event);
    await h.runtime.events.publish(APP_MANAGE_HOST_APP_TOPIC, event); // the same event id again (at-least-once)
    await h.runtime.events.publish(APP_MANAGE_HOST_APP_TOPIC, {
      type: 'link.requested',
      key: hostAppId,
      payload: { hostAppId, hostOrgId: h.orgB, appId: 'mp1' },
    });
    await h.runtime.events.publish(APP_MANAGE_HOST_APP_TOPIC, {
      type: 'host-app.updated',
      key: 'x',
      payload: { hostAppId: newId() },
    });
    const marker = await announceHostApp(h, h.orgB); // delivered after the events above (same topic, same group)
    await eventually(async () => expect(await ownerOf(h, marker)).toBe(h.orgB));
    expect(await ownerOf(h, hostAppId)).toBe(h.orgA);

    // Handling the same event directly again (a replay) changes nothing.
    await h.sdk.services.hostAppOwnership.handle({ ...event, occurredAt: new Date().toISOString() });
    expect(await ownerOf(h, hostAppId)).toBe(h.orgA);
  });
});
