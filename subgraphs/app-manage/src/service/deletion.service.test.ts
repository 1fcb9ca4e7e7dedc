import { createLicenseGuard, type LicenseGuard } from '@grove/contracts';
import { createAppManageSubgraph, type AppManageSubgraph } from '../app-manage.subgraph';
import { HostAppModel } from '../store/host-app.model';
import { LinkModel } from '../store/link.model';
import { MiniProgramModel } from '../store/mini-program.model';
import { VersionModel } from '../store/version.model';
import {
  createHarness,
  eventually,
  recordEvents,
  userPrincipal,
  w3cPackage,
  type Harness,
} from '../app-manage.test-support';
import { packageKey } from './version.service';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** Deleting versions, mini-programs and host apps: the state that allows it, what goes with it, units and events. */
describe('DeletionService', () => {
  let h: Harness;
  let app: AppManageSubgraph;
  let license: LicenseGuard;
  let seq = 0;

  beforeAll(async () => {
    h = await createHarness();
    // The subgraph under test holds a real license guard over the same documents store.
    license = createLicenseGuard(h.runtime, {
      owned: { miniPrograms: { model: MiniProgramModel }, hostApps: { model: HostAppModel } },
    });
    app = await createAppManageSubgraph(h.runtime, { objects: h.objects, license });
  });
  afterAll(async () => {
    await app.close?.();
    await h.dispose();
  });

  const s = () => app.services;
  const createApp = (name = `App ${++seq}`, owner = h.ownerA, orgId = h.orgA) =>
    s().miniPrograms.create(owner, { orgId, name, tags: [] });
  const upload = async (appId: string) => {
    const name = `1.0.${++seq}`;
    return s().versions.upload(h.ownerA, {
      appId,
      versionName: name,
      zip: await w3cPackage(appId, name, seq),
    });
  };
  const submitted = async (appId: string) => s().versions.submit(h.ownerA, (await upload(appId)).id);
  const approved = async (appId: string) => s().versions.approve(h.reviewer, (await submitted(appId)).id);
  const count = (model: unknown, filter: Record<string, unknown>) =>
    h.runtime.documents.collection(model as never).count(filter);
  const hostApp = async (owner = h.ownerA, orgId = h.orgA) =>
    (await s().hostApps.create(owner, { orgId, name: `Host ${++seq}`, iosBundleIds: ['com.example.host'] }))
      .hostApp;

  describe('deleteVersion', () => {
    it('deletes a DEVELOPMENT or REJECTED version with its package, and tells the consumers', async () => {
      const { appId } = await createApp();
      const events = await recordEvents(h, 'app-manage.mini-program');
      const dev = await upload(appId);
      const rejected = await s().versions.reject(h.reviewer, (await submitted(appId)).id, 'broken');
      expect(await h.objects.stat(packageKey(appId, dev.id))).not.toBeNull();

      // Developers may delete what they may upload.
      await expect(s().deletions.deleteVersion(h.developerA, dev.id)).resolves.toBe(true);
      await expect(s().deletions.deleteVersion(h.ownerA, rejected.id)).resolves.toBe(true);
      expect(await count(VersionModel, { appId })).toBe(0);
      expect(await h.objects.stat(packageKey(appId, dev.id))).toBeNull();
      expect(await h.objects.stat(packageKey(appId, rejected.id))).toBeNull();
      await eventually(() =>
        expect(events.filter((e) => e.type === 'version.deleted').map((e) => e.payload)).toEqual([
          expect.objectContaining({ versionId: dev.id, status: 'DEVELOPMENT' }),
          expect.objectContaining({ versionId: rejected.id, status: 'REJECTED' }),
        ]),
      );
      await expect(s().deletions.deleteVersion(h.ownerA, dev.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('refuses a version in review, approved or released, and writes nothing', async () => {
      const { appId } = await createApp();
      const inReview = await submitted(appId);
      const ok = await approved(appId);
      const published = await s().versions.publish(h.ownerA, (await approved(appId)).id);
      for (const v of [inReview, ok, published]) {
        await expect(s().deletions.deleteVersion(h.ownerA, v.id)).rejects.toMatchObject({
          code: 'CONFLICT',
          details: { reason: 'VERSION_NOT_DELETABLE', status: v.status },
        });
        expect(await h.objects.stat(packageKey(appId, v.id))).not.toBeNull();
      }
      expect(await count(VersionModel, { appId })).toBe(3);
    });

    it('other organizations may not; the trial version pointer goes with its version', async () => {
      const { appId } = await createApp();
      const dev = await upload(appId);
      await expect(s().deletions.deleteVersion(h.ownerB, dev.id)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await s().trials.setTrialVersion(h.ownerA, dev.id);
      await s().deletions.deleteVersion(h.ownerA, dev.id);
      expect(await s().trials.trialVersion(h.ownerA, appId)).toBeNull();
    });
  });

  describe('deleteMiniProgram', () => {
    it('removes a never-approved mini-program with its versions, packages, logo, links and trial, and releases its unit', async () => {
      const mp = await createApp('Short-lived');
      const appId = mp.appId;
      const used = await license.used('miniPrograms');
      const dev = await upload(appId);
      const inReview = await submitted(appId);
      await s().miniPrograms.uploadLogo(h.ownerA, appId, PNG);
      const logoKey = (await s().miniPrograms.byId(appId))?.logoKey as string;
      await s().links.link(h.ownerA, (await hostApp()).id, appId);
      await s().links.link(h.ownerB, (await hostApp(h.ownerB, h.orgB)).id, appId);
      await s().trials.addMember(h.ownerA, appId, { userId: 'tester' });
      await s().trials.setTrialVersion(h.ownerA, dev.id);
      const events = await recordEvents(h, 'app-manage.mini-program');
      const hostEvents = await recordEvents(h, 'app-manage.host-app');

      // Developers create mini-programs but only owners and admins delete them.
      await expect(s().deletions.deleteMiniProgram(h.developerA, appId)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(s().deletions.deleteMiniProgram(h.ownerB, appId)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(s().deletions.deleteMiniProgram(h.ownerA, appId)).resolves.toBe(true);

      expect(await s().miniPrograms.byId(appId)).toBeNull();
      expect(await count(VersionModel, { appId })).toBe(0);
      expect(await count(LinkModel, { appId })).toBe(0);
      for (const key of [packageKey(appId, dev.id), packageKey(appId, inReview.id), logoKey])
        expect(await h.objects.stat(key)).toBeNull();
      expect(await s().trials.trialMemberIds(appId)).toEqual([]);
      expect(await license.used('miniPrograms')).toBe(used - 1);
      await eventually(() => expect(events.map((e) => e.type)).toContain('mini-program.deleted'));
      await eventually(() => expect(hostEvents.filter((e) => e.type === 'link.removed')).toHaveLength(2));
      // The version in review is gone from the queue; its name is free again for a new mini-program.
      expect((await s().versions.pendingReviews(h.reviewer)).items.map((v) => v.id)).not.toContain(
        inReview.id,
      );
      await expect(createApp('Short-lived')).resolves.toMatchObject({ name: 'Short-lived' });
      await expect(s().deletions.deleteMiniProgram(h.ownerA, appId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('refuses a mini-program that had an approved version, even once delisted, and a frozen one', async () => {
      const { appId } = await createApp();
      const published = await s().versions.publish(h.ownerA, (await approved(appId)).id);
      await s().versions.delist(h.ownerA, published.id);
      await expect(s().deletions.deleteMiniProgram(h.ownerA, appId)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'MINI_PROGRAM_RELEASED' },
      });
      expect(await s().miniPrograms.get(h.ownerA, appId)).toMatchObject({ id: appId });

      const frozen = await createApp();
      await s().miniPrograms.freeze(h.admin, frozen.appId, 'abuse');
      await expect(s().deletions.deleteMiniProgram(h.ownerA, frozen.appId)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'MINI_PROGRAM_FROZEN' },
      });
    });

    it('an approval and a deletion exclude each other, whichever comes first', async () => {
      const first = await createApp();
      const v = await submitted(first.appId);
      await s().versions.approve(h.reviewer, v.id);
      await expect(s().deletions.deleteMiniProgram(h.ownerA, first.appId)).rejects.toMatchObject({
        details: { reason: 'MINI_PROGRAM_RELEASED' },
      });

      const second = await createApp();
      const w = await submitted(second.appId);
      await s().deletions.deleteMiniProgram(h.ownerA, second.appId);
      await expect(s().versions.approve(h.reviewer, w.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('reads versions approved before the approval mark existed, and records the mark', async () => {
      const { appId } = await createApp();
      await approved(appId);
      await h.runtime.documents
        .collection(MiniProgramModel)
        .updateOne({ _id: appId }, { $unset: { firstApprovedAt: '' } });
      await expect(s().deletions.deleteMiniProgram(h.ownerA, appId)).rejects.toMatchObject({
        details: { reason: 'MINI_PROGRAM_RELEASED' },
      });
      const stored = await h.runtime.documents.collection(MiniProgramModel).findById(appId);
      expect(stored?.firstApprovedAt).toBeInstanceOf(Date);
      expect(stored?.deletingAt).toBeUndefined();
    });

    it('a mini-program whose deletion has started is gone for every caller, and asking again finishes it', async () => {
      const { appId } = await createApp();
      await upload(appId);
      // As if the deleting process had stopped right after marking it.
      await h.runtime.documents
        .collection(MiniProgramModel)
        .updateOne({ _id: appId }, { $set: { deletingAt: new Date() } });
      await expect(s().miniPrograms.get(h.ownerA, appId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(upload(appId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(s().links.link(h.ownerA, (await hostApp()).id, appId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(s().deletions.deleteMiniProgram(h.ownerA, appId)).resolves.toBe(true);
      expect(await count(VersionModel, { appId })).toBe(0);
    });
  });

  describe('deleteHostApp', () => {
    it('asks for the host app to be disabled first; then removes it and its links, ends its key and releases its unit', async () => {
      const host = await hostApp();
      const { appId } = await createApp();
      await s().links.link(h.ownerA, host.id, appId);
      const used = await license.used('hostApps');
      const events = await recordEvents(h, 'app-manage.host-app');

      await expect(s().deletions.deleteHostApp(h.ownerA, host.id)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'HOST_APP_ENABLED' },
      });
      await s().hostApps.setEnabled(h.ownerA, host.id, false);
      await expect(s().deletions.deleteHostApp(h.ownerB, host.id)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        s().deletions.deleteHostApp(userPrincipal([{ orgId: h.orgA, role: 'ORG_DEVELOPER' }]), host.id),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(s().deletions.deleteHostApp(h.ownerA, host.id)).resolves.toBe(true);

      expect(await count(HostAppModel, { _id: host.id })).toBe(0);
      expect(await count(LinkModel, { hostAppId: host.id })).toBe(0);
      expect(await s().hostApps.resolveSdkCredentials(host.sdkKey)).toBeNull();
      expect(await license.used('hostApps')).toBe(used - 1);
      await eventually(() =>
        expect(events.map((e) => e.type)).toEqual(['host-app.disabled', 'link.removed', 'host-app.deleted']),
      );
      await expect(s().deletions.deleteHostApp(h.ownerA, host.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(s().hostApps.setEnabled(h.ownerA, host.id, true)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });
});
