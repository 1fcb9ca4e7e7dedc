import { BadUserInputError } from '@grove/platform';
import { buildZip, createApp, createHarness, type Harness } from '../app-manage.test-support';
import { MiniProgramModel } from '../store/mini-program.model';
import { VersionModel } from '../store/version.model';
import { PackageAppIdProblem } from './package-app-id';

/** A W3C package whose manifest carries `appId` as its app_id. */
function w3cPackageWith(appId: string, versionName: string): Promise<Buffer> {
  return buildZip({
    'manifest.json': JSON.stringify({
      app_id: appId,
      name: 'Shop',
      version: { code: 1, name: versionName },
      platform_version: { min_code: 1 },
      pages: ['pages/index/index'],
      icons: [{ src: 'icon.png' }],
    }),
    'app.js': 'App({})',
    'app.css': 'page {}',
    'pages/index/index.html': '<view/>',
    'icon.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  });
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    return String(error.details?.reason);
  }
}

describe('W3C manifest app_id binding (issue 7 item 16)', () => {
  let h: Harness;
  let appId: string;
  let seq = 0;
  beforeEach(async () => {
    h = await createHarness();
    appId = (await createApp(h)).appId;
  });
  afterEach(() => h.dispose());

  const upload = async (id: string, packageAppId: string, owner = h.ownerA) =>
    h.app.services.versions.upload(owner, {
      appId: id,
      zip: await w3cPackageWith(packageAppId, `1.0.${++seq}`),
    });
  const stored = (id: string) => h.runtime.documents.collection(MiniProgramModel).findById(id);
  const versionCount = async (id: string) =>
    (await h.runtime.documents.collection(VersionModel).find({ appId: id })).length;

  it('binds the developer app_id at the first upload and holds later uploads to it', async () => {
    await upload(appId, 'com.example.shop');
    expect(await stored(appId)).toMatchObject({ packageAppId: 'com.example.shop' });
    await upload(appId, 'com.example.shop');

    let refused: unknown;
    await upload(appId, 'com.example.other').catch((error: unknown) => (refused = error));
    expect(refused).toBeInstanceOf(BadUserInputError);
    expect((refused as BadUserInputError).details).toEqual({
      reason: PackageAppIdProblem.APP_ID_MISMATCH,
      packageAppId: 'com.example.other',
      expected: ['com.example.shop', appId],
    });
    expect(await versionCount(appId)).toBe(2);
    expect(await stored(appId)).toMatchObject({ packageAppId: 'com.example.shop' });
  });

  it("keeps accepting Grove's own id, before and after binding, without binding it", async () => {
    await upload(appId, appId);
    expect((await stored(appId))?.packageAppId).toBeUndefined();
    await upload(appId, 'com.example.shop');
    await upload(appId, appId);
    expect(await versionCount(appId)).toBe(3);
  });

  it("refuses another mini-program's Grove id", async () => {
    const other = (await createApp(h, 'Other')).appId;
    expect(await reasonOf(upload(appId, other))).toBe(PackageAppIdProblem.APP_ID_MISMATCH);
    expect((await stored(appId))?.packageAppId).toBeUndefined();
  });

  it('lets one of two racing first uploads with different app_ids bind, and refuses the other', async () => {
    const results = await Promise.all([
      reasonOf(upload(appId, 'com.example.a')),
      reasonOf(upload(appId, 'com.example.b')),
    ]);
    expect(results.sort()).toEqual([PackageAppIdProblem.APP_ID_MISMATCH, 'ok']);
    const bound = (await stored(appId))?.packageAppId;
    expect(['com.example.a', 'com.example.b']).toContain(bound);
    expect(await versionCount(appId)).toBe(1);
  });

  it('refuses an app_id already bound to another mini-program of the organization, not of another organization', async () => {
    const sibling = (await createApp(h, 'Sibling')).appId;
    await upload(sibling, 'com.example.shop');
    let refused: unknown;
    await upload(appId, 'com.example.shop').catch((error: unknown) => (refused = error));
    expect((refused as BadUserInputError).details).toEqual({
      reason: PackageAppIdProblem.APP_ID_TAKEN,
      packageAppId: 'com.example.shop',
      usedBy: sibling,
    });
    expect((await stored(appId))?.packageAppId).toBeUndefined();

    const elsewhere = (await createApp(h, 'Elsewhere', h.ownerB, h.orgB)).appId;
    await upload(elsewhere, 'com.example.shop', h.ownerB);
    expect(await stored(elsewhere)).toMatchObject({ packageAppId: 'com.example.shop' });
  });
});
