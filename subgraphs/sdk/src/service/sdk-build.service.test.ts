import { createHash } from 'node:crypto';
import { type PlatformError } from '@grove/platform';
import { createHarness, eventually, recordEvents, sdkArtifactZip, type Harness } from '../sdk.test-support';
import type { SdkBuildView } from '../store/views';
import { sdkBuildKey } from './sdk-build.service';
import { SdkTopic } from './sdk-events';

async function failure(promise: Promise<unknown>): Promise<{ code: string; reason?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as PlatformError).code, reason: (error as PlatformError).details?.reason };
  }
  throw new Error('expected a failure');
}

describe('SdkBuildService (review)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  async function uploaded(version = '1.0.0'): Promise<SdkBuildView> {
    const zip = await sdkArtifactZip(version);
    return (
      await h.sdk.handleSdkBuildUpload(h.ownerA, zip, {
        contentType: 'application/zip',
        query: { orgId: h.orgA, platform: 'ANDROID', version, notes: 'custom build' },
      })
    ).body;
  }

  it('uploads and submits in one step, under the organization prefix', async () => {
    const zip = await sdkArtifactZip('1.0.0');
    const { statusCode, body } = await h.sdk.handleSdkBuildUpload(h.adminA, zip, {
      contentType: 'application/zip',
      query: { orgId: h.orgA, platform: 'ANDROID', version: '1.0.0' },
    });
    expect(statusCode).toBe(201);
    expect(body).toMatchObject({
      orgId: h.orgA,
      platform: 'ANDROID',
      version: '1.0.0',
      status: 'SUBMITTED',
      artifactKey: sdkBuildKey(h.orgA, body.id),
      artifactSha256: createHash('sha256').update(zip).digest('hex'),
      submittedBy: h.adminA.userId,
    });
    expect((await h.objects.stat(body.artifactKey))?.size).toBe(zip.length);
  });

  it('goes SUBMITTED → APPROVED | REJECTED | WITHDRAWN once, and refuses every other move with CONFLICT', async () => {
    const builds = h.sdk.services.builds;
    const events = await recordEvents(h, SdkTopic.BUILD_REVIEW);

    const a = await uploaded('1.0.0');
    expect(await builds.approve(h.reviewer, a.id)).toMatchObject({
      status: 'APPROVED',
      reviewedBy: h.reviewer.userId,
    });
    for (const move of [
      () => builds.approve(h.admin, a.id),
      () => builds.reject(h.reviewer, a.id, 'late'),
      () => builds.withdraw(h.ownerA, a.id),
    ]) {
      expect(await failure(move())).toMatchObject({ code: 'CONFLICT' });
    }

    const b = await uploaded('1.0.1');
    expect(await failure(builds.reject(h.reviewer, b.id, '  '))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await builds.reject(h.admin, b.id, 'crashes on start')).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'crashes on start',
    });
    expect(await failure(builds.approve(h.reviewer, b.id))).toMatchObject({ code: 'CONFLICT' });

    // Resubmission after a rejection: a new submission naming the same artifact.
    const again = await builds.submit(h.ownerA, {
      orgId: h.orgA,
      platform: 'ANDROID',
      version: '1.0.1',
      artifactKey: b.artifactKey,
      notes: 'fixed',
    });
    expect(again).toMatchObject({ status: 'SUBMITTED', artifactSha256: b.artifactSha256 });
    expect(await builds.withdraw(h.ownerA, again.id)).toMatchObject({ status: 'WITHDRAWN' });
    expect(await failure(builds.approve(h.reviewer, again.id))).toMatchObject({ code: 'CONFLICT' });
    expect(await failure(builds.approve(h.reviewer, 'missing'))).toMatchObject({ code: 'NOT_FOUND' });

    await eventually(() =>
      expect(events.map((e) => e.type)).toEqual([
        'sdk-build.submitted',
        'sdk-build.approved',
        'sdk-build.submitted',
        'sdk-build.rejected',
        'sdk-build.submitted',
        'sdk-build.withdrawn',
      ]),
    );
    expect(events[3]).toMatchObject({
      key: b.id,
      payload: { orgId: h.orgA, status: 'REJECTED', reason: 'crashes on start' },
    });
  });

  it('lets exactly one of two racing reviewers decide', async () => {
    const build = await uploaded();
    const results = await Promise.allSettled([
      h.sdk.services.builds.approve(h.reviewer, build.id),
      h.sdk.services.builds.reject(h.admin, build.id, 'no'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as PlatformError).code).toBe('CONFLICT');
  });

  it("refuses artifact keys outside the organization's prefix or that do not exist", async () => {
    const foreign = (
      await h.sdk.handleSdkBuildUpload(h.ownerB, await sdkArtifactZip('b'), {
        contentType: 'application/zip',
        query: { orgId: h.orgB, platform: 'IOS', version: '2.0.0' },
      })
    ).body;
    const submit = (artifactKey: string) =>
      h.sdk.services.builds.submit(h.ownerA, {
        orgId: h.orgA,
        platform: 'IOS',
        version: '2.0.0',
        artifactKey,
      });
    expect(await failure(submit(foreign.artifactKey))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'ARTIFACT_NOT_FOUND',
    });
    expect(await failure(submit(`sdk-builds/${h.orgA}/nothing.zip`))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'ARTIFACT_NOT_FOUND',
    });
    expect(await failure(submit(`sdk-builds/${h.orgA}/../${h.orgB}/x.zip`))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('lists an organization’s builds and the review queue oldest first', async () => {
    const first = await uploaded('1.0.0');
    const second = await uploaded('1.1.0');
    await h.sdk.services.builds.approve(h.reviewer, first.id);
    expect((await h.sdk.services.builds.listByOrg(h.developerA, h.orgA)).map((b) => b.id)).toEqual([
      second.id,
      first.id,
    ]);
    expect(await h.sdk.services.builds.pending(h.reviewer)).toMatchObject({
      total: 1,
      items: [{ id: second.id }],
    });
  });
});
