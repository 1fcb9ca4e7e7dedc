import { readAllPages } from '@grove/testkit';
import {
  createApp,
  createHarness,
  eventually,
  execute,
  recordEvents,
  type Harness,
} from '../app-manage.test-support';
import { AppManageTopic } from './app-manage-events';

describe('LinkService', () => {
  let h: Harness;
  let hostAppId: string;
  beforeEach(async () => {
    h = await createHarness();
    hostAppId = (
      await h.app.services.hostApps.create(h.ownerA, {
        orgId: h.orgA,
        name: 'Host A',
        androidPackageNames: ['com.a.host'],
      })
    ).hostApp.id;
  });
  afterEach(() => h.dispose());
  const links = () => h.app.services.links;

  it('links a mini-program of the same organization at once', async () => {
    const app = await createApp(h);
    const link = await links().link(h.ownerA, hostAppId, app.appId);
    expect(link.status).toBe('ACTIVE');
    expect(await links().isLinked(hostAppId, app.appId)).toBe(true);
    await expect(links().link(h.ownerA, hostAppId, app.appId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('turns a cross-organization link into a request the owning organization approves', async () => {
    const events = await recordEvents(h, AppManageTopic.HOST_APP);
    const foreign = await createApp(h, 'B app', h.ownerB, h.orgB);
    const request = await links().link(h.ownerA, hostAppId, foreign.appId);
    expect(request).toMatchObject({ status: 'PENDING', hostOrgId: h.orgA, appOrgId: h.orgB });
    // While PENDING the requesting organization learns nothing of the other's mini-program; its owner sees it.
    const outgoing =
      'query($o: ID!) { linkRequests(orgId: $o, direction: OUTGOING) { status miniProgram { name description status frozenReason logoKey } } }';
    expect((await execute(h, outgoing, h.ownerA, { o: h.orgA })).data).toEqual({
      linkRequests: [{ status: 'PENDING', miniProgram: null }],
    });
    const incoming = 'query($o: ID!) { linkRequests(orgId: $o) { miniProgram { name } } }';
    expect((await execute(h, incoming, h.ownerB, { o: h.orgB })).data).toEqual({
      linkRequests: [{ miniProgram: { name: 'B app' } }],
    });
    expect(await links().isLinked(hostAppId, foreign.appId)).toBe(false);

    expect((await links().list(h.ownerB, { orgId: h.orgB })).map((l) => l.id)).toEqual([request.id]);
    expect((await links().list(h.ownerA, { orgId: h.orgA, direction: 'OUTGOING' })).map((l) => l.id)).toEqual(
      [request.id],
    );
    // The requesting side cannot decide its own request.
    await expect(links().approve(h.ownerA, request.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const approved = await links().approve(h.ownerB, request.id);
    expect(approved.status).toBe('ACTIVE');
    expect(await links().linkedAppIds(hostAppId)).toEqual([foreign.appId]);
    await expect(links().reject(h.ownerB, request.id)).rejects.toMatchObject({ code: 'CONFLICT' });

    // Both sides see the mini-program's public face through the link.
    const source = 'query($id: ID!) { hostApp(id: $id) { links { status miniProgram { appId name } } } }';
    const seen = await execute(h, source, h.ownerA, { id: hostAppId });
    expect(seen.errors).toBeUndefined();
    expect(seen.data).toEqual({
      hostApp: { links: [{ status: 'ACTIVE', miniProgram: { appId: foreign.appId, name: 'B app' } }] },
    });

    await eventually(() => expect(events.map((e) => e.type)).toEqual(['link.requested', 'link.approved']));
  });

  it('pages a host app’s links newest first through HostApp.links(take, after)', async () => {
    const linked: string[] = [];
    for (let i = 0; i < 5; i++) {
      const app = await createApp(h, `Linked ${i}`);
      await links().link(h.ownerA, hostAppId, app.appId);
      linked.unshift(app.appId);
    }
    const source =
      'query($id: ID!, $take: Int, $after: String) { hostApp(id: $id) { links(take: $take, after: $after) { cursor miniProgram { appId } } } }';
    const { items, pages } = await readAllPages(async (page) => {
      const result = await execute(h, source, h.ownerA, { id: hostAppId, ...page });
      expect(result.errors).toBeUndefined();
      return (
        result.data as { hostApp: { links: Array<{ cursor: string; miniProgram: { appId: string } }> } }
      ).hostApp.links;
    }, 2);
    expect(pages).toBe(3);
    expect(new Set(items.map((l) => l.miniProgram.appId))).toEqual(new Set(linked));
    const refused = await execute(
      h,
      'query($id: ID!) { hostApp(id: $id) { links(take: 101) { id } } }',
      h.ownerA,
      { id: hostAppId },
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('take must be an integer from 1 to 100'),
    });
  });

  it('lets the owner reject, the host re-request, and either side unlink', async () => {
    const foreign = await createApp(h, 'B app', h.ownerB, h.orgB);
    const request = await links().link(h.ownerA, hostAppId, foreign.appId);
    const rejected = await links().reject(h.ownerB, request.id, 'not a partner');
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'not a partner' });
    const again = await links().link(h.ownerA, hostAppId, foreign.appId);
    expect(again).toMatchObject({ id: request.id, status: 'PENDING' });
    expect(again.rejectionReason).toBeUndefined();
    await links().approve(h.ownerB, request.id);

    await expect(links().unlink(h.reviewer, hostAppId, foreign.appId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await links().unlink(h.ownerB, hostAppId, foreign.appId)).toBe(true);
    expect(await links().isLinked(hostAppId, foreign.appId)).toBe(false);
    await expect(links().unlink(h.ownerA, hostAppId, foreign.appId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets only one of two racing decisions win', async () => {
    const foreign = await createApp(h, 'B app', h.ownerB, h.orgB);
    const request = await links().link(h.ownerA, hostAppId, foreign.appId);
    const outcomes = await Promise.allSettled([
      links().approve(h.ownerB, request.id),
      links().reject(h.ownerB, request.id),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
  });
});
