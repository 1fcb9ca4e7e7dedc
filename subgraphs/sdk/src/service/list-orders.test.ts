import { readEveryOrder, TEST_DOCUMENT_DRIVERS } from '@grove/testkit';
import { compare } from 'semver';
import {
  buildZip,
  createHarness,
  execute,
  sdkArtifactZip,
  uploadBaseLibrary,
  type Harness,
} from '../sdk.test-support';

const mismatch = {
  code: 'BAD_USER_INPUT',
  details: expect.objectContaining({ reason: 'CURSOR_ORDER_MISMATCH' }),
};

/** Issue 11 item 4: every order of each list, over each documents driver, returns every row once in its order. */
describe.each(TEST_DOCUMENT_DRIVERS)('sdk lists in every order (%s)', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ documents: driver });
    const builds: Array<[string, string]> = [
      ['ANDROID', '1.10.0'],
      ['IOS', '1.9.0'],
      ['ANDROID', '1.2.0'],
      ['IOS', '1.10.0'],
      ['ANDROID', '2.0.0-beta.1'],
    ];
    const ids: string[] = [];
    for (const [platform, version] of builds)
      ids.push(
        (
          await h.sdk.handleSdkBuildUpload(h.ownerA, await sdkArtifactZip(version), {
            contentType: 'application/zip',
            query: { orgId: h.orgA, platform, version },
          })
        ).body.id,
      );
    await h.sdk.services.builds.approve(h.reviewer, ids[1]!);
    await h.sdk.services.builds.reject(h.reviewer, ids[3]!, 'unsigned');
    for (const version of ['1.10.0', '1.9.0', '1.10.0-rc.1', '2.0.0', '1.2.3'])
      await uploadBaseLibrary(h, { version });
    for (const version of ['3.1.0', '3.10.0', '3.2.0'])
      await h.sdk.handleSdkVersionUpload(h.admin, await sdkArtifactZip(version), {
        contentType: 'application/zip',
        query: { platform: 'ANDROID', version },
      });
  }, 60_000);
  afterAll(() => h?.dispose());

  it("an organization's SDK builds and the review queue", async () => {
    const builds = h.sdk.services.builds;
    const all = await builds.listByOrg(h.ownerA, h.orgA, { take: 100 });
    expect(all).toHaveLength(5);
    const fields = {
      CREATED_AT: (b: (typeof all)[number]) => b.createdAt,
      VERSION: (b: (typeof all)[number]) => b.version,
      PLATFORM: (b: (typeof all)[number]) => b.platform,
    };
    const own = await readEveryOrder({
      all,
      id: (b) => b.id,
      fields: { ...fields, STATUS: (b) => b.status },
      read: (orderBy, page) => builds.listByOrg(h.ownerA, h.orgA, { orderBy, ...page }),
      take: 2,
    });
    expect(own.orders.map((o) => [o.order, o.actual])).toEqual(own.orders.map((o) => [o.order, o.expected]));
    expect(own.mismatch).toMatchObject(mismatch);

    const queue = (await builds.pending(h.reviewer, { take: 100 })).items;
    expect(queue).toHaveLength(3);
    const reviews = await readEveryOrder({
      all: queue,
      id: (b) => b.id,
      fields,
      read: (orderBy, page) => builds.pending(h.reviewer, { orderBy, ...page }).then((page) => page.items),
      take: 2,
    });
    expect(reviews.orders.map((o) => [o.order, o.actual])).toEqual(
      reviews.orders.map((o) => [o.order, o.expected]),
    );
    await expect(
      builds.pending(h.reviewer, { orderBy: { field: 'STATUS', direction: 'ASC' } }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ field: 'orderBy' }),
    });
  });

  it('base libraries and SDK versions: semantic version order, creation order, and their totals', async () => {
    for (const [name, service, count] of [
      ['baseLibraries', h.sdk.services.baseLibraries, 5],
      ['sdkVersions', h.sdk.services.sdkVersions, 3],
    ] as const) {
      const all = await service.list(h.admin, { take: 100 });
      expect([name, all.length]).toEqual([name, count]);
      const result = await readEveryOrder({
        all: all as Array<{ id: string; version: string; createdAt: Date }>,
        id: (r) => r.id,
        fields: { VERSION: (r) => r.version, CREATED_AT: (r) => r.createdAt },
        read: (orderBy, page) => service.list(h.admin, { orderBy, ...page }),
        take: 2,
      });
      // Semantic order is not the strings' order: expect it from semver, ties by id.
      const bySemver = [...all].sort((a, b) => compare(a.version, b.version) || (a.id < b.id ? -1 : 1));
      const version = result.orders.filter((o) => o.order.startsWith('VERSION'));
      expect(version.map((o) => o.actual)).toEqual([
        bySemver.map((r) => r.id),
        [...bySemver].reverse().map((r) => r.id),
      ]);
      const created = result.orders.filter((o) => o.order.startsWith('CREATED_AT'));
      expect(created.map((o) => o.actual)).toEqual(created.map((o) => o.expected));
      expect(result.mismatch).toMatchObject(mismatch);
      expect(await service.total(h.admin, {})).toBe(count);
    }
    await h.sdk.services.baseLibraries.setEnabled(
      h.admin,
      (await h.sdk.services.baseLibraries.list(h.admin))[0]!.id,
      false,
    );
    expect(await h.sdk.services.baseLibraries.total(h.admin, { enabled: true })).toBe(4);
    expect(await h.sdk.services.baseLibraries.total(h.ownerA, {})).toBe(4);
    const totals = await execute(h, '{ baseLibrariesTotal sdkVersionsTotal(platform: IOS) }', h.admin);
    expect(totals.data).toEqual({ baseLibrariesTotal: 5, sdkVersionsTotal: 0 });
  });

  it("an SDK build's files for its reviewers, a page at a time in archive order", async () => {
    const zip = await buildZip({
      'AndroidManifest.xml': '<manifest/>',
      'lib/arm64-v8a/libgrove.so': Buffer.alloc(1234),
      'classes.jar': 'jar',
    });
    const build = (
      await h.sdk.handleSdkBuildUpload(h.ownerA, zip, {
        contentType: 'application/zip',
        query: { orgId: h.orgA, platform: 'ANDROID', version: '9.9.9' },
      })
    ).body;
    const source =
      'query($id: ID!, $skip: Int) { sdkBuild(id: $id) { files(take: 2, skip: $skip) { total items { path size } } } }';
    const first = await execute(h, source, h.reviewer, { id: build.id });
    expect(first.errors).toBeUndefined();
    expect(first.data?.sdkBuild).toEqual({
      files: {
        total: 3,
        items: [
          { path: 'AndroidManifest.xml', size: 11 },
          { path: 'lib/arm64-v8a/libgrove.so', size: 1234 },
        ],
      },
    });
    const rest = await execute(h, source, h.ownerA, { id: build.id, skip: 2 });
    expect(rest.data?.sdkBuild).toEqual({ files: { total: 3, items: [{ path: 'classes.jar', size: 3 }] } });
    const outsider = await execute(h, source, h.ownerB, { id: build.id });
    expect(JSON.stringify(outsider)).not.toContain('classes.jar');
    await expect(h.sdk.services.builds.files(h.ownerB, build.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
