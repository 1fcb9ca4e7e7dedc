import { createHash } from 'node:crypto';
import { type PlatformError } from '@grove/platform';
import { readdir } from 'node:fs/promises';
import {
  baseLibraryZip,
  createHarness,
  emptyDirectoryZip,
  recordEvents,
  uploadBaseLibrary,
  eventually,
  type Harness,
} from '../sdk.test-support';
import { SdkTopic } from './sdk-events';

async function failure(promise: Promise<unknown>): Promise<{ code: string; reason?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as PlatformError).code, reason: (error as PlatformError).details?.reason };
  }
  throw new Error('expected a failure');
}

describe('BaseLibraryService', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  describe('resolve', () => {
    // version, minSdkVersion, platforms, enabled
    const LIBRARIES: Array<[string, string, string, boolean]> = [
      ['1.9.0', '1.0.0', 'IOS,ANDROID', true],
      ['1.10.0', '2.0.0', 'IOS,ANDROID', true],
      ['2.0.0', '3.0.0', 'IOS,ANDROID', true],
      ['2.1.0', '2.5.0', 'IOS', true],
      ['2.2.0', '2.0.0', 'IOS,ANDROID', false],
      ['1.5.0', '1.0.0', 'HARMONY', false],
    ];

    beforeEach(async () => {
      for (const [version, minSdkVersion, platform, enabled] of LIBRARIES) {
        const library = await uploadBaseLibrary(h, { version, minSdkVersion, platform });
        if (!enabled) await h.sdk.services.baseLibraries.setEnabled(h.admin, library.id, false);
      }
    });

    it.each([
      // sdkVersion, platform, expected: why
      ['2.0.0', 'ANDROID', '1.10.0'], // newest compatible (2.0.0 needs SDK 3, 2.2.0 is disabled); 1.10.0 > 1.9.0 in semver
      ['2.6.0', 'IOS', '2.1.0'], // the iOS-only library qualifies on iOS
      ['2.6.0', 'ANDROID', '1.10.0'], // ... but not on Android
      ['3.0.0', 'ANDROID', '2.0.0'], // minSdkVersion is inclusive
      ['1.2.3', 'ANDROID', '1.9.0'], // old SDK: only the oldest one is compatible
      ['0.9.0', 'ANDROID', '2.0.0'], // nothing compatible: the newest enabled one for the platform
      ['0.9.0', 'IOS', '2.1.0'], // same fallback on iOS
      ['3.0.0-beta.1', 'ANDROID', '1.10.0'], // a pre-release SDK is below its release
    ])('SDK %s on %s gets %s', async (sdkVersion, platform, expected) => {
      expect((await h.sdk.services.baseLibraries.resolve({ sdkVersion, platform }))?.version).toBe(expected);
    });

    it('answers null when the platform has no enabled base library', async () => {
      expect(
        await h.sdk.services.baseLibraries.resolve({ sdkVersion: '9.0.0', platform: 'HARMONY' }),
      ).toBeNull();
    });

    it('follows enable/disable at once', async () => {
      const [, v110] = await h.sdk.services.baseLibraries
        .list(h.admin, { platform: 'ANDROID' })
        .then((all) => all.filter((l) => ['2.2.0', '1.10.0'].includes(l.version)));
      await h.sdk.services.baseLibraries.setEnabled(h.admin, v110.id, false);
      expect(
        (await h.sdk.services.baseLibraries.resolve({ sdkVersion: '2.0.0', platform: 'ANDROID' }))?.version,
      ).toBe('1.9.0');
    });

    it('refuses a version that is not semver and an unknown platform', async () => {
      expect(
        await failure(h.sdk.services.baseLibraries.resolve({ sdkVersion: 'latest', platform: 'IOS' })),
      ).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(
        await failure(h.sdk.services.baseLibraries.resolve({ sdkVersion: '1.0.0', platform: 'WINDOWS' })),
      ).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('lists newest first by semver; disabled ones only for operators who manage them', async () => {
      const all = await h.sdk.services.baseLibraries.list(h.admin);
      expect(all.map((l) => l.version)).toEqual(['2.2.0', '2.1.0', '2.0.0', '1.10.0', '1.9.0', '1.5.0']);
      expect(
        (await h.sdk.services.baseLibraries.list(h.ownerA, { platform: 'ANDROID' })).map((l) => l.version),
      ).toEqual(['2.0.0', '1.10.0', '1.9.0']);
      expect(await h.sdk.services.baseLibraries.list(h.ownerA, { enabled: false })).toEqual([]);
      expect(
        (await h.sdk.services.baseLibraries.list(h.admin, { enabled: false })).map((l) => l.version),
      ).toEqual(['2.2.0', '1.5.0']);
      const disabled = all.find((l) => l.version === '2.2.0')!;
      expect(await failure(h.sdk.services.baseLibraries.get(h.ownerA, disabled.id))).toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('upload', () => {
    it('stores the ZIP and records its SHA-256, size and file count', async () => {
      const zip = await baseLibraryZip('3.1.0');
      const events = await recordEvents(h, SdkTopic.BASE_LIBRARY);
      const { statusCode, body } = await h.sdk.handleBaseLibraryUpload(h.admin, zip, {
        contentType: 'application/zip; charset=binary',
        query: {
          version: 'v3.1.0',
          minSdkVersion: '2.0.0',
          platform: 'android,ios',
          releaseNotes: 'Faster start',
        },
      });
      expect(statusCode).toBe(201);
      expect(body).toMatchObject({
        version: '3.1.0',
        minSdkVersion: '2.0.0',
        platforms: ['IOS', 'ANDROID'],
        releaseNotes: 'Faster start',
        packageSha256: createHash('sha256').update(zip).digest('hex'),
        packageSize: zip.length,
        packageFiles: 2,
        enabled: true,
      });
      expect(await h.objects.stat(body.packageKey)).toMatchObject({
        sha256: body.packageSha256,
        size: zip.length,
        contentType: 'application/zip',
      });
      await eventually(() =>
        expect(events).toEqual([expect.objectContaining({ type: 'base-library.uploaded', key: body.id })]),
      );
    });

    it.each([
      ['not a ZIP', async () => Buffer.from('definitely not a zip archive'), 'NOT_ZIP'],
      ['an empty body', async () => Buffer.alloc(0), 'EMPTY_UPLOAD'],
      ['a ZIP with only directories', async () => emptyDirectoryZip(), 'EMPTY_ZIP'],
      ['a truncated ZIP', async () => (await baseLibraryZip('1.0.0')).subarray(0, 60), 'NOT_ZIP'],
    ])('refuses %s', async (_label, body, reason) => {
      const result = await failure(
        h.sdk.handleBaseLibraryUpload(h.admin, await body(), {
          contentType: 'application/zip',
          query: { version: '1.0.0', minSdkVersion: '1.0.0', platform: 'IOS' },
        }),
      );
      expect(result).toEqual({ code: 'BAD_USER_INPUT', reason });
      expect(await h.sdk.services.baseLibraries.list(h.admin)).toEqual([]);
    });

    it('refuses bodies above the limit, bad query values and wrong content types before storing anything', async () => {
      const small = await createHarness({ settings: { maxBaseLibraryBytes: 100 } });
      try {
        expect(
          await failure(
            small.sdk.handleBaseLibraryUpload(small.admin, await baseLibraryZip('1.0.0'), {
              contentType: 'application/zip',
              query: { version: '1.0.0', minSdkVersion: '1.0.0', platform: 'IOS' },
            }),
          ),
        ).toEqual({ code: 'BAD_USER_INPUT', reason: 'ARTIFACT_TOO_LARGE' });
      } finally {
        await small.dispose();
      }
      const zip = await baseLibraryZip('1.0.0');
      for (const query of [
        { version: 'one', minSdkVersion: '1.0.0', platform: 'IOS' },
        { version: '1.0.0', platform: 'IOS' },
        { version: '1.0.0', minSdkVersion: '1.0.0', platform: '' },
      ]) {
        expect(
          await failure(
            h.sdk.handleBaseLibraryUpload(h.admin, zip, { contentType: 'application/zip', query }),
          ),
        ).toMatchObject({ code: 'BAD_USER_INPUT' });
      }
      expect(
        await failure(
          h.sdk.handleBaseLibraryUpload(h.admin, zip, {
            contentType: 'text/plain',
            query: { version: '1.0.0', minSdkVersion: '1.0.0', platform: 'IOS' },
          }),
        ),
      ).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'UNSUPPORTED_MEDIA_TYPE',
      });
    });

    it('refuses a second upload of the same version and removes its object', async () => {
      const first = await uploadBaseLibrary(h, { version: '1.0.0' });
      const result = await failure(uploadBaseLibrary(h, { version: '1.0.0' }));
      expect(result.code).toBe('CONFLICT');
      const libraries = await h.sdk.services.baseLibraries.list(h.admin);
      expect(libraries.map((l) => l.id)).toEqual([first.id]);
      // The filesystem store keeps one `.meta.json` commit record per object: the refused upload left none.
      const files = (await readdir(`${h.runtime.dataDir}/objects`, { recursive: true })) as string[];
      expect(files.filter((f) => f.endsWith('.meta.json'))).toHaveLength(1);
      expect(await h.objects.stat(first.packageKey)).not.toBeNull();
    });
  });

  it('updates metadata and refuses enabling what is enabled', async () => {
    const library = await uploadBaseLibrary(h, { version: '1.0.0', releaseNotes: 'first' });
    const updated = await h.sdk.services.baseLibraries.update(h.admin, library.id, {
      minSdkVersion: '1.2.0',
      platforms: ['HARMONY'],
      releaseNotes: null,
    });
    expect(updated).toMatchObject({
      minSdkVersion: '1.2.0',
      platforms: ['HARMONY'],
      releaseNotes: undefined,
    });
    expect(await failure(h.sdk.services.baseLibraries.update(h.admin, library.id, {}))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await failure(h.sdk.services.baseLibraries.setEnabled(h.admin, library.id, true))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await failure(h.sdk.services.baseLibraries.setEnabled(h.admin, 'missing', false))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
