import { createHash } from 'node:crypto';
import { verifyPresignedObjectUrl, type PlatformError } from '@grove/platform';
import { VersionContentsModel } from '../store/version-contents.model';
import { VersionModel, VersionStatus } from '../store/version.model';
import {
  buildZip,
  createApp,
  createHarness,
  errorCodes,
  execute,
  uploadVersion,
  w3cPackage,
  type Harness,
} from '../app-manage.test-support';

const URL_SECRET = 'test-url-signing-secret-of-sufficient-length';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as PlatformError).code ?? String(error);
  }
}

describe('review loop: a rejected version gives its name back', () => {
  let h: Harness;
  let appId: string;
  beforeAll(async () => {
    h = await createHarness();
  });
  beforeEach(async () => {
    appId = (await createApp(h)).appId;
  });
  afterAll(() => h.dispose());

  const versions = () => h.app.services.versions;
  const upload = async (name: string) =>
    versions().upload(h.ownerA, { appId, versionName: name, zip: await w3cPackage(appId, name) });
  const rejected = async (name: string, reason: string) => {
    const v = await upload(name);
    await versions().submit(h.ownerA, v.id);
    return versions().reject(h.reviewer, v.id, reason);
  };

  it('takes a fixed build under the name of a rejected version and keeps the rejected one listed with its reason', async () => {
    const first = await rejected('2.0.0', 'crashes on start');
    const fixed = await upload('2.0.0');
    expect(fixed).toMatchObject({ versionName: '2.0.0', status: VersionStatus.DEVELOPMENT });
    expect(fixed.id).not.toBe(first.id);
    await versions().submit(h.ownerA, fixed.id);
    expect((await versions().approve(h.reviewer, fixed.id)).status).toBe(VersionStatus.APPROVED);

    const listed = await versions().list(h.ownerA, appId);
    expect(listed.map((v) => [v.id, v.status, v.rejectionReason])).toEqual(
      expect.arrayContaining([
        [first.id, VersionStatus.REJECTED, 'crashes on start'],
        [fixed.id, VersionStatus.APPROVED, undefined],
      ]),
    );
  });

  it('allows as many rejected attempts as it takes, but never two live versions of one name', async () => {
    await rejected('3.0.0', 'first try');
    await rejected('3.0.0', 'second try');
    const live = await upload('3.0.0');
    const refusal = await versions()
      .upload(h.ownerA, { appId, versionName: '3.0.0', zip: await w3cPackage(appId, '3.0.0') })
      .catch((e: PlatformError) => e);
    expect(refusal).toMatchObject({
      code: 'CONFLICT',
      details: { field: 'versionName', reason: 'VERSION_NAME_TAKEN' },
    });
    // Submitted, approved or published: still taken.
    await versions().submit(h.ownerA, live.id);
    expect(await codeOf(upload('3.0.0'))).toBe('CONFLICT');
    await versions().approve(h.reviewer, live.id);
    expect(await codeOf(upload('3.0.0'))).toBe('CONFLICT');
    expect((await versions().list(h.ownerA, appId)).filter((v) => v.versionName === '3.0.0')).toHaveLength(3);
  });

  it('two racing uploads of a freed name: the slot index lets exactly one in', async () => {
    await rejected('4.0.0', 'no');
    const zip = await w3cPackage(appId, '4.0.0');
    const results = await Promise.all(
      [0, 1, 2].map(() => codeOf(versions().upload(h.ownerA, { appId, versionName: '4.0.0', zip }))),
    );
    expect(results.sort()).toEqual(['CONFLICT', 'CONFLICT', 'ok']);
  });

  it('still refuses the name of a version stored before name slots existed', async () => {
    const legacy = await upload('5.0.0');
    await h.runtime.documents
      .collection(VersionModel)
      .updateOne({ _id: legacy.id }, { $unset: { nameSlot: '' } });
    expect(await codeOf(upload('5.0.0'))).toBe('CONFLICT');
  });

  it('the same name in another mini-program is unaffected', async () => {
    await upload('6.0.0');
    const other = (await createApp(h)).appId;
    const v = await versions().upload(h.ownerA, {
      appId: other,
      versionName: '6.0.0',
      zip: await w3cPackage(other, '6.0.0'),
    });
    expect(v.versionName).toBe('6.0.0');
  });
});

describe('reviewer view of a package', () => {
  let h: Harness;
  let appId: string;
  let versionId: string;
  let zip: Buffer;
  beforeAll(async () => {
    h = await createHarness();
    appId = (await createApp(h)).appId;
    zip = await w3cPackage(appId, '1.2.3');
    const v = await h.app.services.versions.upload(h.ownerA, { appId, versionName: '1.2.3', zip });
    await h.app.services.versions.submit(h.ownerA, v.id);
    versionId = v.id;
  });
  afterAll(() => h.dispose());

  const QUERY = `query($v: ID!, $skip: Int, $take: Int) {
    miniProgramVersion(id: $v) { id packageDownloadUrl manifest packageFileList(skip: $skip, take: $take) { total items { path size } } }
  }`;

  it('gives a reviewer the file list, the manifest and a short-lived link to the exact ZIP', async () => {
    const result = await execute(h, QUERY, h.reviewer, { v: versionId });
    expect(result.errors).toBeUndefined();
    const version = result.data!.miniProgramVersion as {
      packageDownloadUrl: string;
      manifest: unknown;
      packageFileList: { total: number; items: unknown[] };
    };
    expect(version.packageFileList).toEqual({
      total: 5,
      items: [
        { path: 'manifest.json', size: expect.any(Number) },
        { path: 'app.js', size: 7 },
        { path: 'app.css', size: 20 },
        { path: 'pages/index/index.html', size: 18 },
        { path: 'images/icon.png', size: 10 },
      ],
    });
    expect(version.manifest).toMatchObject({
      app_id: appId,
      version: { name: '1.2.3' },
      pages: ['pages/index/index'],
    });

    const { key, expiresAt } = verifyPresignedObjectUrl(version.packageDownloadUrl, { secret: URL_SECRET });
    expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 300_000 + 1000);
    const { body } = await h.objects.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
    expect(createHash('sha256').update(Buffer.concat(chunks)).digest('hex')).toBe(
      createHash('sha256').update(zip).digest('hex'),
    );
  });

  it('pages the file list', async () => {
    const result = await execute(h, QUERY, h.ownerA, { v: versionId, skip: 3, take: 1 });
    expect((result.data!.miniProgramVersion as { packageFileList: unknown }).packageFileList).toEqual({
      total: 5,
      items: [{ path: 'pages/index/index.html', size: 18 }],
    });
    expect(errorCodes(await execute(h, QUERY, h.ownerA, { v: versionId, take: 5000 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('refuses another organization, field by field as well', async () => {
    expect(errorCodes(await execute(h, QUERY, h.ownerB, { v: versionId }))).toContain('FORBIDDEN');
    const { versions } = h.app.services;
    expect(await codeOf(versions.packageDownloadUrl(h.ownerB, versionId))).toBe('FORBIDDEN');
    expect(await codeOf(versions.packageFiles(h.ownerB, versionId))).toBe('FORBIDDEN');
    expect(await codeOf(versions.manifest(h.ownerB, versionId))).toBe('FORBIDDEN');
    expect(await codeOf(versions.manifest(h.admin, versionId))).toBe('ok');
  });

  it('reads the contents of a version uploaded before they were recorded from the stored package, once', async () => {
    const contents = h.runtime.documents.collection(VersionContentsModel);
    await contents.deleteOne({ _id: versionId });
    expect((await h.app.services.versions.packageFiles(h.reviewer, versionId)).total).toBe(5);
    expect(await contents.findById(versionId)).toMatchObject({
      _id: versionId,
      appId,
      manifestFile: 'manifest.json',
    });
  });

  it('records a WeChat-style package’s app.json as its manifest, and no manifest above 64 KiB', async () => {
    const wechatApp = (await createApp(h)).appId;
    const wechat = await buildZip({
      'app.json': JSON.stringify({
        pages: ['pages/index/index'],
        window: { navigationBarTitleText: 'x'.repeat(70 * 1024) },
      }),
      'app.js': 'App({})',
      'pages/index/index.js': 'Page({})',
      'pages/index/index.wxml': '<view/>',
    });
    const v = await h.app.services.versions.upload(h.ownerA, {
      appId: wechatApp,
      versionName: '1.0.0',
      zip: wechat,
    });
    expect(await h.app.services.versions.manifest(h.reviewer, v.id)).toBeNull();
    expect((await h.app.services.versions.packageFiles(h.reviewer, v.id)).items.map((f) => f.path)).toContain(
      'app.json',
    );
    const small = await uploadVersion(h, wechatApp);
    expect(await h.app.services.versions.manifest(h.reviewer, small.id)).toMatchObject({ app_id: wechatApp });
  });
});
