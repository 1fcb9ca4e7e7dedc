import { FsObjectStore, newId } from '@grove/platform';
import { createAppManageSubgraph, type AppManageSubgraph } from '@grove/app-manage';
import { join } from 'node:path';
import { announceHostApp, createHarness, eventually, ownerOf, type Harness } from '../sdk.test-support';
import { APP_MANAGE_HOST_APP_TOPIC } from './host-app-ownership.projection';

describe('HostAppOwnershipProjection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('learns host apps from the real app-manage subgraph on the same bus', async () => {
    // app-manage is a separate subgraph; here it only publishes, exactly as it does in embedded mode.
    const objects = await FsObjectStore.open({
      rootDir: join(h.runtime.dataDir, 'app-objects'),
      publicBaseUrl: 'http://localhost:4000',
      urlSigningSecret: 'x'.repeat(40),
    });
    let appManage: AppManageSubgraph | undefined;
    try {
      appManage = await createAppManageSubgraph(h.runtime, {
        objects,
        settings: { secretEncryptionKey: 'k'.repeat(40) },
      });
      const { hostApp } = await appManage.services.hostApps.create(h.ownerA, {
        orgId: h.orgA,
        name: 'Host',
        iosBundleIds: ['com.example.host'],
      });
      await eventually(async () => expect(await ownerOf(h, hostApp.id)).toBe(h.orgA));
      // ... and the override it authorizes works end to end.
      expect(
        (await h.sdk.services.configs.setOverride(h.ownerA, hostApp.id, { enableDebug: true })).version,
      ).toBe(1);
      await appManage.services.hostApps.setEnabled(h.ownerA, hostApp.id, false);
      await appManage.services.hostApps.rotateSecret(h.ownerA, hostApp.id);
      await eventually(async () => expect(await ownerOf(h, hostApp.id)).toBe(h.orgA));
    } finally {
      await appManage?.close?.();
      await objects.close();
    }
  });

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
