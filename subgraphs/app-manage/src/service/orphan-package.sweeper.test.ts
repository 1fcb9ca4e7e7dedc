import { newId, silentLogger } from '@grove/platform';
import { createAppManageSubgraph } from '../app-manage.subgraph';
import {
  createApp,
  createHarness,
  uploadVersion,
  w3cPackage,
  type Harness,
} from '../app-manage.test-support';
import { PackageUploadStore } from '../store/package-upload.store';
import { VersionStore } from '../store/version.store';
import { ORPHAN_PACKAGE_GRACE_MS, OrphanPackageSweeper } from './orphan-package.sweeper';
import { packageKey } from './version.service';

describe('OrphanPackageSweeper', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('deletes the package of an upload that died before its version committed, and only that', async () => {
    const { appId } = await createApp(h);
    const uploads = new PackageUploadStore(h.runtime.documents);
    const t0 = new Date('2026-12-01T08:00:00Z');
    let now = t0;
    const sweeper = new OrphanPackageSweeper({
      uploads,
      versions: new VersionStore(h.runtime.documents),
      objects: h.objects,
      logger: silentLogger(),
      now: () => now,
    });

    // A process stored the package and died before the version was written.
    const orphanVersionId = newId();
    const orphanKey = packageKey(appId, orphanVersionId);
    await uploads.begin({ key: orphanKey, appId, versionId: orphanVersionId }, t0);
    await h.objects.put(orphanKey, await w3cPackage(appId));
    // A committed version whose upload record was left behind (e.g. a driver without transactions).
    const committed = await uploadVersion(h, appId);
    const committedKey = packageKey(appId, committed.id);
    await uploads.begin({ key: committedKey, appId, versionId: committed.id }, t0);
    // An upload still running.
    const runningKey = packageKey(appId, newId());
    await uploads.begin(
      { key: runningKey, appId, versionId: newId() },
      new Date(t0.getTime() + ORPHAN_PACKAGE_GRACE_MS),
    );
    await h.objects.put(runningKey, await w3cPackage(appId));

    now = new Date(t0.getTime() + ORPHAN_PACKAGE_GRACE_MS - 1);
    expect(await sweeper.sweep()).toBe(0);
    expect(await h.objects.stat(orphanKey)).not.toBeNull();

    now = new Date(t0.getTime() + ORPHAN_PACKAGE_GRACE_MS + 1);
    expect(await sweeper.sweep()).toBe(1);
    expect(await h.objects.stat(orphanKey)).toBeNull();
    expect(await h.objects.stat(committedKey)).not.toBeNull();
    expect(await h.objects.stat(runningKey)).not.toBeNull();
    expect(
      (await uploads.stale(new Date(t0.getTime() + 10 * ORPHAN_PACKAGE_GRACE_MS), 10)).map((u) => u._id),
    ).toEqual([runningKey]);
    // Another replica sweeping the same records: nothing left to do.
    expect(await sweeper.sweep()).toBe(0);
  });

  it('an upload interrupted after the package was stored leaves a record, and the sweeper deletes the package', async () => {
    // The object store keeps the bytes, then the process "dies" before the version is written.
    let stored: string | undefined;
    const crashingObjects = Object.create(h.objects) as typeof h.objects;
    crashingObjects.put = async (key, body, options) => {
      await h.objects.put(key, body, options);
      stored = key;
      throw new Error('process killed');
    };
    const app = await createAppManageSubgraph(h.runtime, {
      objects: crashingObjects,
      settings: { secretEncryptionKey: 'k'.repeat(40) },
    });
    try {
      const { appId } = await createApp(h);
      await expect(
        app.services.versions.upload(h.ownerA, {
          appId,
          versionName: '9.9.9',
          zip: await w3cPackage(appId, '9.9.9', 999),
        }),
      ).rejects.toThrow('process killed');
      expect(stored).toBeDefined();
      const uploads = new PackageUploadStore(h.runtime.documents);
      const later = new Date(Date.now() + ORPHAN_PACKAGE_GRACE_MS + 1000);
      expect((await uploads.stale(later, 10)).map((u) => u._id)).toEqual([stored]);
      const sweeper = new OrphanPackageSweeper({
        uploads,
        versions: new VersionStore(h.runtime.documents),
        objects: h.objects,
        logger: silentLogger(),
        now: () => later,
      });
      expect(await sweeper.sweep()).toBe(1);
      expect(await h.objects.stat(stored!)).toBeNull();
    } finally {
      await app.close?.();
    }
  });

  it('leaves no upload record behind a successful or a refused upload', async () => {
    const { appId } = await createApp(h);
    await uploadVersion(h, appId);
    const taken = await uploadVersion(h, appId);
    await expect(
      h.app.services.versions.upload(h.ownerA, {
        appId,
        versionName: taken.versionName,
        zip: await w3cPackage(appId, taken.versionName, 99),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(
      await new PackageUploadStore(h.runtime.documents).stale(
        new Date(Date.now() + 10 * ORPHAN_PACKAGE_GRACE_MS),
        10,
      ),
    ).toEqual([]);
  });
});
