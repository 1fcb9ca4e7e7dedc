import { restartedOutboxRelay } from '@grove/testkit';
import { APP_MANAGE_SUBGRAPH_NAME } from '../app-manage.subgraph';
import {
  createApp,
  createHarness,
  eventually,
  recordEvents,
  settle,
  type Harness,
} from '../app-manage.test-support';
import { AppManageTopic } from './app-manage-events';

/** A write and its event commit together (transactional outbox, docs/adr/0007-transactional-outbox.md). */
describe('app-manage event delivery', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('a change committed just before the process dies still reaches consumers once a relay runs', async () => {
    const app = await createApp(h);
    const events = await recordEvents(h, AppManageTopic.MINI_PROGRAM);
    // The process stops relaying: what it commits from now on is left in the outbox, as after a crash.
    await h.runtime.outbox(APP_MANAGE_SUBGRAPH_NAME).close();
    const frozen = await h.app.services.miniPrograms.freeze(h.admin, app.appId, 'abuse report');
    expect(frozen.status).toBe('FROZEN');
    await settle();
    expect(events).toEqual([]);

    // Another replica (or the restarted process) sweeps once the dead process's lease on the entry has ended.
    const replica = restartedOutboxRelay(h.runtime, APP_MANAGE_SUBGRAPH_NAME);
    try {
      expect(await replica.relayPending()).toBe(1);
    } finally {
      await replica.close();
    }
    await eventually(() => expect(events.map((e) => e.type)).toEqual(['mini-program.frozen']));
    expect(events[0]).toMatchObject({
      key: app.appId,
      payload: { appId: app.appId, orgId: app.orgId, reason: 'abuse report' },
    });
  });

  it('a change whose write fails leaves no event behind', async () => {
    const app = await createApp(h);
    const events = await recordEvents(h, AppManageTopic.MINI_PROGRAM);
    await h.app.services.miniPrograms.freeze(h.admin, app.appId, 'first');
    // Freezing a frozen mini-program is refused by the guarded write: no event, no outbox entry.
    await expect(h.app.services.miniPrograms.freeze(h.admin, app.appId, 'again')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await settle();
    expect(events.map((e) => e.type)).toEqual(['mini-program.frozen']);
    await eventually(async () =>
      expect(await h.runtime.outbox(APP_MANAGE_SUBGRAPH_NAME).pendingCount()).toBe(0),
    );
  });
});
