import { ConflictError, ForbiddenError, type PlatformError } from '@grove/platform';
import { VersionModel, VersionStatus } from '../store/version.model';
import {
  approvedVersion,
  createApp,
  createHarness,
  eventually,
  publishedVersion,
  recordEvents,
  settle,
  uploadVersion,
  type Harness,
  type RecordedEvent,
} from '../app-manage.test-support';
import { AppManageTopic } from './app-manage-events';

const S = VersionStatus;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as PlatformError).code ?? String(error);
  }
}

describe('VersionService lifecycle', () => {
  let h: Harness;
  let appId: string;
  let events: RecordedEvent[];
  beforeEach(async () => {
    h = await createHarness();
    appId = (await createApp(h)).appId;
    events = await recordEvents(h, AppManageTopic.MINI_PROGRAM);
  });
  afterEach(() => h.dispose());

  const versions = () => h.app.services.versions;
  const raw = (id: string) => h.runtime.documents.collection(VersionModel).findById(id);
  const types = () => events.map((e) => e.type);

  /** Runs an illegal transition: CONFLICT, the stored document unchanged, no event. */
  async function expectConflict(id: string, attempt: () => Promise<unknown>): Promise<void> {
    // Until the events of the earlier steps have all landed (a loaded machine can take longer than one settle).
    for (let count = -1; count !== events.length;) {
      count = events.length;
      await settle();
    }
    const before = await raw(id);
    const seen = events.length;
    await expect(attempt()).rejects.toBeInstanceOf(ConflictError);
    expect(await raw(id)).toEqual(before);
    await settle();
    expect(events.length).toBe(seen);
  }

  it('walks DEVELOPMENT → SUBMITTED → APPROVED → GRAY → PUBLISHED → DELISTED with an event per step', async () => {
    const v = await uploadVersion(h, appId);
    expect(v.status).toBe(S.DEVELOPMENT);
    expect((await versions().submit(h.developerA, v.id)).status).toBe(S.SUBMITTED);
    expect((await versions().approve(h.reviewer, v.id)).status).toBe(S.APPROVED);
    const gray = await versions().startGrayRelease(h.ownerA, v.id, {
      grayPercentage: 10,
      grayRuleId: 'rule-1',
    });
    expect(gray).toMatchObject({ status: S.GRAY, grayPercentage: 10, grayRuleId: 'rule-1' });
    const published = await versions().publish(h.ownerA, v.id);
    expect(published.status).toBe(S.PUBLISHED);
    expect(published.grayPercentage).toBeUndefined();
    const delisted = await versions().delist(h.ownerA, v.id, 'end of campaign');
    expect(delisted).toMatchObject({
      status: S.DELISTED,
      delistReason: 'end of campaign',
      forcedDelist: false,
    });
    await eventually(() =>
      expect(types()).toEqual([
        'version.uploaded',
        'version.submitted',
        'version.approved',
        'version.gray-started',
        'version.published',
        'version.delisted',
      ]),
    );
    expect(events.every((e) => e.key === appId)).toBe(true);
    expect(events[4].payload).toMatchObject({
      appId,
      versionId: v.id,
      status: S.PUBLISHED,
      actorId: h.ownerA.userId,
    });
  });

  it('rejects with a required reason, and the submitter may withdraw', async () => {
    const v = await uploadVersion(h, appId);
    await versions().submit(h.developerA, v.id);
    await expect(versions().reject(h.reviewer, v.id, '  ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const rejected = await versions().reject(h.reviewer, v.id, 'crashes on start');
    expect(rejected).toMatchObject({ status: S.REJECTED, rejectionReason: 'crashes on start' });

    const w = await uploadVersion(h, appId);
    await versions().submit(h.developerA, w.id);
    // Another member (even the owner) is not the submitter.
    await expectConflict(w.id, () => versions().withdraw(h.ownerA, w.id));
    const withdrawn = await versions().withdraw(h.developerA, w.id);
    expect(withdrawn.status).toBe(S.DEVELOPMENT);
    expect(withdrawn.submittedBy).toBeUndefined();
    await eventually(() => expect(types()).toContain('version.withdrawn'));
    expect(types()).toContain('version.rejected');
  });

  it('answers every illegal transition with CONFLICT and changes nothing', async () => {
    const dev = await uploadVersion(h, appId);
    await expectConflict(dev.id, () => versions().approve(h.reviewer, dev.id));
    await expectConflict(dev.id, () => versions().reject(h.reviewer, dev.id, 'no'));
    await expectConflict(dev.id, () => versions().publish(h.ownerA, dev.id));
    await expectConflict(dev.id, () => versions().startGrayRelease(h.ownerA, dev.id));
    await expectConflict(dev.id, () => versions().withdraw(h.ownerA, dev.id));
    await expectConflict(dev.id, () => versions().delist(h.ownerA, dev.id));
    await expectConflict(dev.id, () => versions().forceDelist(h.admin, dev.id, 'abuse'));
    await expectConflict(dev.id, () => versions().stopGrayRelease(h.ownerA, dev.id));

    const submitted = await uploadVersion(h, appId);
    await versions().submit(h.ownerA, submitted.id);
    await expectConflict(submitted.id, () => versions().submit(h.ownerA, submitted.id));
    await expectConflict(submitted.id, () => versions().publish(h.ownerA, submitted.id));

    const approved = await approvedVersion(h, appId);
    await expectConflict(approved.id, () => versions().approve(h.reviewer, approved.id));
    await expectConflict(approved.id, () => versions().submit(h.ownerA, approved.id));
    await expectConflict(approved.id, () => versions().delist(h.ownerA, approved.id));

    const rejected = await uploadVersion(h, appId);
    await versions().submit(h.ownerA, rejected.id);
    await versions().reject(h.reviewer, rejected.id, 'bad');
    await expectConflict(rejected.id, () => versions().publish(h.ownerA, rejected.id));
    await expectConflict(rejected.id, () => versions().submit(h.ownerA, rejected.id));

    const delisted = await publishedVersion(h, appId);
    await versions().forceDelist(h.admin, delisted.id, 'policy violation');
    await expectConflict(delisted.id, () => versions().publish(h.ownerA, delisted.id));
    await expectConflict(delisted.id, () => versions().delist(h.ownerA, delisted.id));
    await expectConflict(delisted.id, () => versions().startGrayRelease(h.ownerA, delisted.id));
  });

  it('keeps at most one PUBLISHED version: publishing another supersedes the current one', async () => {
    const v1 = await publishedVersion(h, appId);
    const v2 = await approvedVersion(h, appId);
    const published = await versions().publish(h.ownerA, v2.id);
    expect(published.previousPublishedVersionId).toBe(v1.id);
    expect((await raw(v1.id))?.status).toBe(S.APPROVED);
    expect((await raw(v1.id))?.publishedSlot).toBeUndefined();
    const all = await versions().list(h.ownerA, appId);
    expect(all.filter((v) => v.status === S.PUBLISHED).map((v) => v.id)).toEqual([v2.id]);
    await eventually(() => expect(types()).toContain('version.superseded'));
  });

  it('lets exactly one of many concurrent publishers win', async () => {
    await publishedVersion(h, appId);
    const candidates = await Promise.all([
      approvedVersion(h, appId),
      approvedVersion(h, appId),
      approvedVersion(h, appId),
      approvedVersion(h, appId),
    ]);
    const outcomes = await Promise.all(candidates.map((v) => codeOf(versions().publish(h.ownerA, v.id))));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'CONFLICT')).toBe(true);
    const all = await versions().list(h.ownerA, appId, { take: 50 });
    expect(all.filter((v) => v.status === S.PUBLISHED)).toHaveLength(1);
  });

  it('lets one of concurrent first publications win when nothing was published yet', async () => {
    const candidates = await Promise.all([
      approvedVersion(h, appId),
      approvedVersion(h, appId),
      approvedVersion(h, appId),
    ]);
    const outcomes = await Promise.all(candidates.map((v) => codeOf(versions().publish(h.ownerA, v.id))));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    const all = await versions().list(h.ownerA, appId, { take: 50 });
    expect(all.filter((v) => v.status === S.PUBLISHED)).toHaveLength(1);
  });

  it('refuses a second PUBLISHED version at the database even when a writer skips the service', async () => {
    const v1 = await publishedVersion(h, appId);
    const v2 = await approvedVersion(h, appId);
    const collection = h.runtime.documents.collection(VersionModel);
    await expect(
      collection.findOneAndUpdate({ _id: v2.id }, { $set: { status: S.PUBLISHED, publishedSlot: appId } }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await raw(v1.id))?.status).toBe(S.PUBLISHED);
  });

  it('resolves racing submit/withdraw and approve/reject with exactly one winner', async () => {
    const v = await uploadVersion(h, appId);
    const submits = await Promise.all([1, 2, 3].map(() => codeOf(versions().submit(h.developerA, v.id))));
    expect(submits.sort()).toEqual(['CONFLICT', 'CONFLICT', 'ok']);

    const decisions = await Promise.all([
      codeOf(versions().approve(h.reviewer, v.id)),
      codeOf(versions().reject(h.admin, v.id, 'no')),
      codeOf(versions().withdraw(h.developerA, v.id)),
    ]);
    expect(decisions.filter((d) => d === 'ok')).toHaveLength(1);
    expect(decisions.filter((d) => d === 'CONFLICT')).toHaveLength(2);
    await eventually(() =>
      expect(
        types().filter((t) => ['version.approved', 'version.rejected', 'version.withdrawn'].includes(t)),
      ).toHaveLength(1),
    );
  });

  it('rolls back to the previously published version, and further back on repeat', async () => {
    const v1 = await publishedVersion(h, appId);
    const v2 = await publishedVersion(h, appId);
    const v3 = await publishedVersion(h, appId);

    const first = await versions().rollback(h.ownerA, appId);
    expect(first.id).toBe(v2.id);
    expect(first.status).toBe(S.PUBLISHED);
    expect((await raw(v3.id))?.status).toBe(S.APPROVED);

    const second = await versions().rollback(h.ownerA, appId);
    expect(second.id).toBe(v1.id);
    expect((await raw(v2.id))?.status).toBe(S.APPROVED);

    await settle();
    const before = await raw(v1.id);
    await expect(versions().rollback(h.ownerA, appId)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'NO_PREVIOUS_VERSION' },
    });
    expect(await raw(v1.id)).toEqual(before);
    await eventually(() => expect(types().filter((t) => t === 'version.rolled-back')).toHaveLength(2));
  });

  it('will not roll back to a delisted version or when nothing is published', async () => {
    await expect(versions().rollback(h.ownerA, appId)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'NOTHING_PUBLISHED' },
    });
    const v1 = await publishedVersion(h, appId);
    const v2 = await publishedVersion(h, appId);
    // v1 went back to APPROVED when v2 replaced it; an operator can no longer delist it, so delist via gray.
    await versions().startGrayRelease(h.ownerA, v1.id);
    await versions().forceDelist(h.admin, v1.id, 'security issue');
    await expectConflict(v2.id, () => versions().rollback(h.ownerA, appId));
  });

  it('keeps one GRAY version at a time and stops gray releases back to APPROVED', async () => {
    const a = await approvedVersion(h, appId);
    const b = await approvedVersion(h, appId);
    await versions().startGrayRelease(h.ownerA, a.id, { grayPercentage: 5 });
    await expect(versions().startGrayRelease(h.ownerA, b.id)).rejects.toBeInstanceOf(ConflictError);
    expect((await raw(b.id))?.status).toBe(S.APPROVED);
    const stopped = await versions().stopGrayRelease(h.ownerA, a.id);
    expect(stopped.status).toBe(S.APPROVED);
    expect(stopped.grayPercentage).toBeUndefined();
    expect((await versions().startGrayRelease(h.ownerA, b.id)).status).toBe(S.GRAY);
  });

  it('blocks submit, publish, gray and rollback of a frozen mini-program until unfrozen', async () => {
    const dev = await uploadVersion(h, appId);
    const approved = await approvedVersion(h, appId);
    await h.app.services.miniPrograms.freeze(h.admin, appId, 'complaints');
    await expectConflict(dev.id, () => versions().submit(h.ownerA, dev.id));
    await expectConflict(approved.id, () => versions().publish(h.ownerA, approved.id));
    await expectConflict(approved.id, () => versions().startGrayRelease(h.ownerA, approved.id));
    await h.app.services.miniPrograms.unfreeze(h.admin, appId);
    expect((await versions().publish(h.ownerA, approved.id)).status).toBe(S.PUBLISHED);
  });

  it('lets operators force-delist but not org developers publish or delist', async () => {
    const v = await approvedVersion(h, appId);
    await expect(versions().publish(h.developerA, v.id)).rejects.toBeInstanceOf(ForbiddenError);
    await versions().publish(h.ownerA, v.id);
    await expect(versions().delist(h.developerA, v.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(versions().forceDelist(h.reviewer, v.id, 'x')).rejects.toBeInstanceOf(ForbiddenError);
    const forced = await versions().forceDelist(h.admin, v.id, 'illegal content');
    expect(forced).toMatchObject({ status: S.DELISTED, forcedDelist: true, delistReason: 'illegal content' });
    await eventually(() => expect(types()).toContain('version.force-delisted'));
  });

  it('lists the review queue oldest first for reviewers only', async () => {
    const a = await uploadVersion(h, appId);
    const b = await uploadVersion(h, appId);
    await versions().submit(h.ownerA, b.id);
    await versions().submit(h.ownerA, a.id);
    const queue = await versions().pendingReviews(h.reviewer);
    expect(queue.items.map((v) => v.id)).toEqual([b.id, a.id]);
    expect(queue.total).toBe(2);
    await expect(versions().pendingReviews(h.ownerA)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
