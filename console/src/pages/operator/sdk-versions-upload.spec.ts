import { describe, expect, it } from 'vitest';
import { isSemver, releaseUploadUrl, uploadErrorFields } from './sdk-versions-upload';

describe('release uploads', () => {
  it('checks semantic versions as the server does', () => {
    for (const ok of ['1.2.3', '2.0.0-beta.1', '1.0.0+build.5', ' 3.4.5 ']) expect(isSemver(ok)).toBe(true);
    for (const bad of ['1.2', '1.2.3.4', '01.2.3', 'latest', '', `1.2.3-${'a'.repeat(70)}`])
      expect(isSemver(bad)).toBe(false);
  });

  it('puts a base library’s details in the query string, platforms comma-joined, blank notes left out', () => {
    expect(
      releaseUploadUrl({
        kind: 'base-library',
        version: ' 2.1.0 ',
        minSdkVersion: '1.0.0',
        platforms: ['IOS', 'ANDROID'],
        releaseNotes: '  ',
      }),
    ).toBe('/uploads/base-libraries?version=2.1.0&minSdkVersion=1.0.0&platform=IOS%2CANDROID');
  });

  it('sends an SDK release to its own route with the notes encoded', () => {
    expect(
      releaseUploadUrl({
        kind: 'sdk-version',
        version: '3.0.0',
        platform: 'HARMONY',
        releaseNotes: '修复 & fixes',
      }),
    ).toBe('/uploads/sdk-versions?version=3.0.0&platform=HARMONY&releaseNotes=%E4%BF%AE%E5%A4%8D+%26+fixes');
  });

  it('names the form fields a refusal points at', () => {
    expect(uploadErrorFields({ fields: ['version', 'platforms.0', 3] })).toEqual(['version', 'platforms']);
    expect(uploadErrorFields(null)).toEqual([]);
  });
});
