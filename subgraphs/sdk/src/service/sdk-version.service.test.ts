import { type PlatformError } from '@grove/platform';
import { createHarness, eventually, recordEvents, sdkArtifactZip, type Harness } from '../sdk.test-support';
import { SdkTopic } from './sdk-events';

async function failure(promise: Promise<unknown>): Promise<{ code: string; reason?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as PlatformError).code, reason: (error as PlatformError).details?.reason };
  }
  throw new Error('expected a failure');
}

describe('SdkVersionService', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('publishes uploaded and pre-placed artifacts, newest first per platform, unique per platform and version', async () => {
    const versions = h.sdk.services.sdkVersions;
    const events = await recordEvents(h, SdkTopic.SDK_VERSION);
    const uploaded = (
      await h.sdk.handleSdkVersionUpload(h.admin, await sdkArtifactZip('2.9.0'), {
        contentType: 'application/zip',
        query: { platform: 'ANDROID', version: '2.9.0' },
      })
    ).body;
    const placed = await h.objects.put('releases/android-2.10.0.zip', await sdkArtifactZip('2.10.0'));
    const published = await versions.publish(h.admin, {
      platform: 'ANDROID',
      version: '2.10.0',
      artifactKey: 'releases/android-2.10.0.zip',
      releaseNotes: 'New APIs',
    });
    expect(published).toMatchObject({
      artifactSha256: placed.sha256,
      artifactSize: placed.size,
      enabled: true,
      releaseNotes: 'New APIs',
    });
    await versions.publish(h.admin, {
      platform: 'IOS',
      version: '2.10.0',
      artifactKey: 'releases/android-2.10.0.zip',
    });

    expect((await versions.list(h.ownerA, { platform: 'ANDROID' })).map((v) => v.version)).toEqual([
      '2.10.0',
      '2.9.0',
    ]);
    expect(
      await failure(
        versions.publish(h.admin, {
          platform: 'ANDROID',
          version: '2.10.0',
          artifactKey: 'releases/android-2.10.0.zip',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await failure(
        versions.publish(h.admin, {
          platform: 'ANDROID',
          version: '3.0.0',
          artifactKey: 'releases/missing.zip',
        }),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'ARTIFACT_NOT_FOUND' });
    // Only release artifacts: a stored mini-program package or an organization's SDK build is not an SDK version.
    await h.objects.put('sdk-builds/some-org/build.zip', Buffer.from('PK'));
    for (const artifactKey of ['sdk-builds/some-org/build.zip', 'packages/app/v1.zip', '../releases/x.zip']) {
      expect(
        await failure(versions.publish(h.admin, { platform: 'ANDROID', version: '3.0.1', artifactKey })),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    }
    expect(
      await failure(
        versions.publish(h.admin, {
          platform: 'ANDROID',
          version: '3.0.1',
          artifactKey: 'sdk-builds/some-org/build.zip',
        }),
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'ARTIFACT_NOT_PUBLISHABLE',
    });

    await versions.setEnabled(h.admin, uploaded.id, false);
    expect((await versions.list(h.ownerA, { platform: 'ANDROID' })).map((v) => v.version)).toEqual([
      '2.10.0',
    ]);
    expect((await versions.list(h.admin, { platform: 'ANDROID' })).map((v) => v.version)).toEqual([
      '2.10.0',
      '2.9.0',
    ]);
    expect(await failure(versions.get(h.ownerB, uploaded.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(versions.setEnabled(h.admin, uploaded.id, false))).toMatchObject({
      code: 'CONFLICT',
    });
    await eventually(() =>
      expect(events.map((e) => e.type)).toEqual([
        'sdk-version.published',
        'sdk-version.published',
        'sdk-version.published',
        'sdk-version.disabled',
      ]),
    );
  });
});
