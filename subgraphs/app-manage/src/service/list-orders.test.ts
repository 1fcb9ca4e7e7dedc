import { readEveryOrder, TRANSACTIONAL_DOCUMENT_DRIVERS } from '@grove/testkit';
import { createApp, createHarness, uploadVersion, type Harness } from '../app-manage.test-support';

const mismatch = {
  code: 'BAD_USER_INPUT',
  details: expect.objectContaining({ reason: 'CURSOR_ORDER_MISMATCH' }),
};

/** Issue 11 item 4: every order of each list, over each documents driver, returns every row once in its order. */
describe.each(TRANSACTIONAL_DOCUMENT_DRIVERS)('app-manage lists in every order (%s)', (driver) => {
  let h: Harness;
  let appId: string;
  beforeAll(async () => {
    h = await createHarness({ documents: driver });
    // Names that sort differently from their creation order; equal timestamps and statuses happen on purpose.
    for (const name of ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo', '地图', 'Foxtrot'])
      await createApp(h, name, h.ownerA, h.orgA);
    for (const name of ['Alpha', 'Golf']) await createApp(h, name, h.ownerB, h.orgB);
    const apps = (await h.app.services.miniPrograms.list(h.reviewer, { take: 100 })).items;
    await h.app.services.miniPrograms.update(h.ownerA, apps[4]!.id, { description: 'changed' });
    appId = apps.find((a) => a.orgId === h.orgA)!.id;
    const versions = [];
    for (let i = 0; i < 5; i++) versions.push(await uploadVersion(h, appId));
    for (const v of versions.slice(0, 3)) await h.app.services.versions.submit(h.ownerA, v.id);
    const other = apps.find((a) => a.orgId === h.orgA && a.id !== appId)!.id;
    for (const v of [await uploadVersion(h, other), await uploadVersion(h, other)])
      await h.app.services.versions.submit(h.ownerA, v.id);
    for (const name of ['web', 'Android', 'ios', 'Harmony'])
      await h.app.services.hostApps.create(h.ownerA, {
        orgId: h.orgA,
        name,
        iosBundleIds: [`com.example.${name.toLowerCase()}`],
      });
    await h.app.services.miniPrograms.freeze(h.admin, apps[2]!.id, 'spam');
  }, 60_000);
  afterAll(() => h?.dispose());

  it('miniPrograms (operators: every organization; members: theirs) with skip still counting from the cursor', async () => {
    const list =
      (principal = h.reviewer, orgId?: string) =>
      (orderBy: object, page: object) =>
        h.app.services.miniPrograms.list(principal, { orgId, orderBy, ...page }).then((p) => p.items);
    const fields = {
      CREATED_AT: (m: { createdAt: Date }) => m.createdAt,
      UPDATED_AT: (m: { updatedAt: Date }) => m.updatedAt,
      NAME: (m: { name: string }) => m.name,
      STATUS: (m: { status: string }) => m.status,
    };
    for (const [principal, orgId] of [
      [h.reviewer, undefined],
      [h.ownerA, h.orgA],
    ] as const) {
      const all = (await h.app.services.miniPrograms.list(principal, { orgId, take: 100 })).items;
      const result = await readEveryOrder({
        all,
        id: (m) => m.id,
        fields,
        read: list(principal, orgId),
        take: 2,
      });
      expect(result.orders.map((o) => [o.order, o.actual])).toEqual(
        result.orders.map((o) => [o.order, o.expected]),
      );
      expect(result.mismatch).toMatchObject(mismatch);
    }
    const byName = { field: 'NAME', direction: 'ASC' };
    const first = (await h.app.services.miniPrograms.list(h.reviewer, { orderBy: byName, take: 2 })).items;
    const next = await h.app.services.miniPrograms.list(h.reviewer, {
      orderBy: byName,
      take: 2,
      skip: 1,
      after: first[1]!.cursor,
    });
    const names = (await h.app.services.miniPrograms.list(h.reviewer, { orderBy: byName, take: 100 })).items;
    expect(next.items.map((m) => m.name)).toEqual(names.slice(3, 5).map((m) => m.name));
    expect(next.total).toBe(9);
    await expect(
      h.app.services.miniPrograms.list(h.reviewer, { orderBy: { field: 'PASSWORD', direction: 'ASC' } }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ field: 'orderBy' }),
    });
  });

  it('versions of a mini-program and the review queue', async () => {
    const all = await h.app.services.versions.list(h.ownerA, appId, { take: 100 });
    expect(all).toHaveLength(5);
    const versions = await readEveryOrder({
      all,
      id: (v) => v.id,
      fields: {
        CREATED_AT: (v) => v.createdAt,
        VERSION_NAME: (v) => v.versionName,
        STATUS: (v) => v.status,
      },
      read: (orderBy, page) => h.app.services.versions.list(h.ownerA, appId, { orderBy, ...page }),
      take: 2,
    });
    expect(versions.orders.map((o) => [o.order, o.actual])).toEqual(
      versions.orders.map((o) => [o.order, o.expected]),
    );
    expect(versions.mismatch).toMatchObject(mismatch);

    const queue = (await h.app.services.versions.pendingReviews(h.reviewer, { take: 100 })).items;
    expect(queue).toHaveLength(5);
    const reviews = await readEveryOrder({
      all: queue,
      id: (v) => v.id,
      fields: { SUBMITTED_AT: (v) => v.submittedAt!, VERSION_NAME: (v) => v.versionName },
      read: (orderBy, page) =>
        h.app.services.versions.pendingReviews(h.reviewer, { orderBy, ...page }).then((p) => p.items),
      take: 2,
    });
    expect(reviews.orders.map((o) => [o.order, o.actual])).toEqual(
      reviews.orders.map((o) => [o.order, o.expected]),
    );
    expect(reviews.mismatch).toMatchObject(mismatch);
  });

  it('hostApps of an organization', async () => {
    const all = await h.app.services.hostApps.list(h.ownerA, h.orgA, {});
    expect(all).toHaveLength(4);
    const result = await readEveryOrder({
      all,
      id: (a) => a.id,
      fields: { CREATED_AT: (a) => a.createdAt, NAME: (a) => a.name },
      read: (orderBy, page) => h.app.services.hostApps.list(h.ownerA, h.orgA, { orderBy, ...page }),
      take: 3,
    });
    expect(result.orders.map((o) => [o.order, o.actual])).toEqual(
      result.orders.map((o) => [o.order, o.expected]),
    );
    expect(result.mismatch).toMatchObject(mismatch);
  });
});
