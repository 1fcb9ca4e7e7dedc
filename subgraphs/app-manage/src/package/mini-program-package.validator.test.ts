import { createHash } from 'node:crypto';
import { BadUserInputError, ErrorCode } from '@grove/platform';
import { validateMiniProgramPackage } from './mini-program-package.validator';
import { PackageProblem, type PackageValidationOptions } from './package-manifest';
import {
  buildZip,
  patchCentralDirectory,
  renameEntry,
  w3cFiles,
  w3cManifest,
  wechatFiles,
} from './package-zip.fixtures';

const limits: PackageValidationOptions = { maxBytes: 1024 * 1024 };

async function rejection(
  zip: Buffer,
  options: PackageValidationOptions = limits,
): Promise<BadUserInputError> {
  try {
    await validateMiniProgramPackage(zip, options);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).code).toBe(ErrorCode.BAD_USER_INPUT);
    return error as BadUserInputError;
  }
  throw new Error('expected the package to be refused');
}

describe('validateMiniProgramPackage: accepted packages', () => {
  it('reads a W3C MiniApp package', async () => {
    const files = w3cFiles();
    const zip = await buildZip(files, ['pages/', 'common/']);
    const manifest = await validateMiniProgramPackage(zip, limits);
    expect(manifest).toEqual({
      format: 'w3c',
      appId: 'org.example.shop',
      name: 'Example Shop',
      versionCode: 7,
      versionName: '1.2.0',
      minPlatformCode: 3,
      pages: ['pages/index/index', 'pages/detail/detail'],
      files: Object.keys(files).length,
      uncompressedBytes: Object.values(files).reduce(
        (sum, data) => sum + Buffer.from(data as string | Buffer).length,
        0,
      ),
      size: zip.length,
      sha256: createHash('sha256').update(zip).digest('hex'),
      // Directory entries are not files: the reviewers' list has the files only, with their inflated sizes.
      entries: Object.entries(files).map(([path, data]) => ({
        path,
        size: Buffer.from(data as string | Buffer).length,
      })),
      manifestSource: { file: 'manifest.json', text: files['manifest.json'] },
    });
  });

  it('accepts page resources directly under pages/, stored entries, a BOM and a root-relative icon', async () => {
    const manifest = w3cManifest({ pages: ['pages/list'], icons: [{ src: '/icon.png' }] });
    const zip = await buildZip(
      w3cFiles({
        'manifest.json': {
          data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(manifest)]),
          compress: false,
        },
        'pages/index/index.html': undefined,
        'pages/detail/detail.html': undefined,
        'common/icons/icon-96.png': undefined,
        'pages/list.html': '<view/>',
        'icon.png': Buffer.alloc(10),
      }),
    );
    const result = await validateMiniProgramPackage(zip, limits);
    expect(result.pages).toEqual(['pages/list']);
  });

  it('reads a WeChat-style package with sub-packages', async () => {
    const files = wechatFiles();
    const zip = await buildZip(files);
    const manifest = await validateMiniProgramPackage(zip, limits);
    expect(manifest).toEqual({
      format: 'wechat',
      pages: ['pages/index/index', 'pages/logs/logs', 'packageA/pages/cat/cat'],
      files: Object.keys(files).length,
      uncompressedBytes: Object.values(files).reduce((sum, data) => sum + Buffer.byteLength(data), 0),
      size: zip.length,
      sha256: createHash('sha256').update(zip).digest('hex'),
      entries: Object.entries(files).map(([path, data]) => ({ path, size: Buffer.byteLength(data) })),
      manifestSource: { file: 'app.json', text: files['app.json'] },
    });
  });
});

describe('validateMiniProgramPackage: container problems', () => {
  it('refuses a package larger than maxBytes before reading it', async () => {
    const zip = await buildZip(w3cFiles());
    const error = await rejection(zip, { maxBytes: zip.length - 1 });
    expect(error.details).toEqual({
      reason: PackageProblem.PACKAGE_TOO_LARGE,
      size: zip.length,
      maxBytes: zip.length - 1,
    });
    await expect(validateMiniProgramPackage(zip, { maxBytes: zip.length })).resolves.toMatchObject({
      format: 'w3c',
    });
  });

  it.each([
    ['random bytes', () => Promise.resolve(Buffer.from('definitely not a zip file, just some text'))],
    ['an empty buffer', () => Promise.resolve(Buffer.alloc(0))],
    ['a truncated ZIP', async () => (await buildZip(w3cFiles())).subarray(0, 200)],
  ])('refuses %s as PACKAGE_NOT_ZIP', async (_, make) => {
    const error = await rejection(await make());
    expect(error.message).toBe('The package is not a readable ZIP archive');
    expect(error.details?.reason).toBe(PackageProblem.PACKAGE_NOT_ZIP);
  });

  it('refuses an entry whose data was damaged (CRC check)', async () => {
    const zip = await buildZip(w3cFiles({ 'app.css': { data: 'page { color: #333; }', compress: false } }));
    const at = zip.indexOf('page { color');
    zip[at] = 'P'.charCodeAt(0);
    const error = await rejection(zip);
    expect(error.details).toMatchObject({
      reason: PackageProblem.PACKAGE_CORRUPT,
      entry: 'app.css',
      problem: 'CRC-32 mismatch',
    });
  });

  it.each([
    ['../', 'xx/evil.js', '../evil.js', 'parent directory reference'],
    ['a nested ../', 'pages/xx/xx/x.js', 'pages/../../x.js', 'parent directory reference'],
    ['an absolute path', '_etc/cron.d/job', '/etc/cron.d/job', 'absolute path'],
    ['a drive letter', 'Cx/win.ini', 'C:/win.ini', 'absolute path'],
    ['a backslash', 'pages_x.js', 'pages\\x.js', 'backslash'],
    ['a control character', 'pages/a_b.js', 'pages/a\nb.js', 'control character'],
  ])('refuses zip-slip: %s', async (_, placeholder, name, problem) => {
    const zip = renameEntry(await buildZip(w3cFiles({ [placeholder]: 'boom' })), placeholder, name);
    const error = await rejection(zip);
    expect(error.details).toEqual({ reason: PackageProblem.PACKAGE_UNSAFE_PATH, entry: name, problem });
  });

  it('refuses symbolic links', async () => {
    const zip = await buildZip(w3cFiles({ 'common/link': { data: '/etc/passwd', mode: 0o120777 } }));
    expect((await rejection(zip)).details).toMatchObject({
      reason: PackageProblem.PACKAGE_UNSAFE_PATH,
      entry: 'common/link',
      problem: 'symbolic link',
    });
  });

  it('refuses names that collide after case folding', async () => {
    const zip = await buildZip(w3cFiles({ 'pages/Index/index.js': 'x' }));
    expect((await rejection(zip)).details).toMatchObject({
      reason: PackageProblem.PACKAGE_DUPLICATE_ENTRY,
      entry: 'pages/Index/index.js',
      other: 'pages/index/index.js',
    });
  });

  it('refuses more entries than maxEntries', async () => {
    const files = w3cFiles();
    const zip = await buildZip(files);
    const count = Object.keys(files).length;
    expect((await rejection(zip, { ...limits, maxEntries: count - 1 })).details).toEqual({
      reason: PackageProblem.PACKAGE_TOO_MANY_FILES,
      entries: count,
      maxEntries: count - 1,
    });
    await expect(validateMiniProgramPackage(zip, { ...limits, maxEntries: count })).resolves.toMatchObject({
      files: count,
    });
  });

  it('refuses a zip bomb: tiny on the wire, huge inflated', async () => {
    const zip = await buildZip(w3cFiles({ 'common/zeros.bin': Buffer.alloc(30 * 1024 * 1024) }));
    expect(zip.length).toBeLessThan(100 * 1024); // ratio above 300:1
    const explicit = await rejection(zip, { maxBytes: 1024 * 1024, maxUncompressedBytes: 5 * 1024 * 1024 });
    expect(explicit.details).toEqual({
      reason: PackageProblem.PACKAGE_UNCOMPRESSED_TOO_LARGE,
      maxUncompressedBytes: 5 * 1024 * 1024,
      entry: 'common/zeros.bin',
    });
    // Default cap: 20 × maxBytes.
    expect((await rejection(zip, { maxBytes: 1024 * 1024 })).details?.maxUncompressedBytes).toBe(
      20 * 1024 * 1024,
    );
  });

  it('refuses an entry that inflates beyond its declared size (lying header)', async () => {
    const zip = patchCentralDirectory(
      await buildZip(w3cFiles({ 'common/zeros.bin': Buffer.alloc(1024 * 1024) })),
      'common/zeros.bin',
      {
        uncompressedSize: 1024,
      },
    );
    expect((await rejection(zip)).details).toMatchObject({
      reason: PackageProblem.PACKAGE_CORRUPT,
      entry: 'common/zeros.bin',
    });
  });

  it('refuses encrypted entries and compression methods other than stored/deflate', async () => {
    const zip = await buildZip(w3cFiles());
    const encrypted = patchCentralDirectory(zip, 'app.js', { generalPurposeBitFlag: 0x0801 });
    expect((await rejection(encrypted)).details).toEqual({
      reason: PackageProblem.PACKAGE_ENCRYPTED,
      entry: 'app.js',
    });
    const bzip2 = patchCentralDirectory(zip, 'app.js', { compressionMethod: 12 });
    expect((await rejection(bzip2)).details).toEqual({
      reason: PackageProblem.PACKAGE_UNSUPPORTED_COMPRESSION,
      entry: 'app.js',
      compressionMethod: 12,
    });
  });
});

describe('validateMiniProgramPackage: W3C layout', () => {
  it('refuses a package without manifest.json or app.json, pointing at a nested one', async () => {
    const files = w3cFiles();
    const nested = Object.fromEntries(Object.entries(files).map(([name, data]) => [`shop/${name}`, data]));
    expect((await rejection(await buildZip(nested))).details).toEqual({
      reason: PackageProblem.MANIFEST_MISSING,
      foundAt: 'shop/manifest.json',
    });
    expect((await rejection(await buildZip({ 'readme.txt': 'hi' }))).details).toEqual({
      reason: PackageProblem.MANIFEST_MISSING,
    });
  });

  it('names every missing or malformed manifest member', async () => {
    const manifest = JSON.stringify({
      name: '',
      version: { code: 1.5 },
      platform_version: {},
      pages: [],
      icons: 'icon.png',
    });
    const error = await rejection(await buildZip(w3cFiles({ 'manifest.json': manifest })));
    expect(error.details?.reason).toBe(PackageProblem.MANIFEST_INVALID);
    expect(error.details?.file).toBe('manifest.json');
    expect(error.details?.members).toEqual(
      expect.arrayContaining([
        'app_id',
        'name',
        'version.code',
        'version.name',
        'platform_version.min_code',
        'pages',
        'icons',
      ]),
    );
    expect(error.message).toMatch(/^manifest\.json is invalid: /);
  });

  it.each([
    ['not JSON', '{"app_id": ', ['(root)']],
    ['an array', '[]', ['(root)']],
    ['a page route escaping the package', w3cManifest({ pages: ['../outside'] }), ['pages.0']],
    ['an absolute page route', w3cManifest({ pages: ['/pages/index/index'] }), ['pages.0']],
    ['an icon outside the package', w3cManifest({ icons: [{ src: '../icon.png' }] }), ['icons.0.src']],
    ['an icon URL', w3cManifest({ icons: [{ src: 'https://cdn.example/icon.png' }] }), ['icons.0.src']],
    ['no icons', w3cManifest({ icons: [] }), ['icons']],
    ['a string version code', w3cManifest({ version: { code: '7', name: '1.2.0' } }), ['version.code']],
  ])('refuses a manifest with %s', async (_, manifest, members) => {
    const error = await rejection(await buildZip(w3cFiles({ 'manifest.json': manifest })));
    expect(error.details).toMatchObject({ reason: PackageProblem.MANIFEST_INVALID, members });
  });

  it.each([['app.js'], ['app.css']])('refuses a package without %s', async (file) => {
    const error = await rejection(await buildZip(w3cFiles({ [file]: undefined })));
    expect(error.details).toEqual({ reason: PackageProblem.APP_FILE_MISSING, files: [file] });
  });

  it('refuses pages that have no HTML resource, listing them', async () => {
    const manifest = w3cManifest({
      pages: [
        'pages/index/index',
        'pages/ghost/ghost',
        'pages/detail/detail',
        'pages/styles-only/styles-only',
      ],
    });
    const zip = await buildZip(
      w3cFiles({
        'manifest.json': manifest,
        'pages/detail/detail.html': undefined,
        'pages/detail/detail.js': 'export default {}',
        'pages/styles-only/styles-only.css': '.a{}',
      }),
    );
    expect((await rejection(zip)).details).toEqual({
      reason: PackageProblem.PAGE_MISSING,
      pages: ['pages/ghost/ghost', 'pages/detail/detail', 'pages/styles-only/styles-only'],
      missingFiles: [
        'pages/ghost/ghost.html',
        'pages/detail/detail.html',
        'pages/styles-only/styles-only.html',
      ],
    });
  });

  it('refuses icons that are not in the package', async () => {
    const error = await rejection(await buildZip(w3cFiles({ 'common/icons/icon-96.png': undefined })));
    expect(error.details).toEqual({
      reason: PackageProblem.ICON_MISSING,
      icons: ['common/icons/icon-96.png'],
    });
  });
});

describe('validateMiniProgramPackage: WeChat layout', () => {
  it('refuses pages missing their .js or .wxml, sub-package pages included', async () => {
    const zip = await buildZip(
      wechatFiles({ 'pages/logs/logs.wxml': undefined, 'packageA/pages/cat/cat.js': undefined }),
    );
    expect((await rejection(zip)).details).toEqual({
      reason: PackageProblem.PAGE_MISSING,
      pages: ['pages/logs/logs', 'packageA/pages/cat/cat'],
      missingFiles: ['pages/logs/logs.wxml', 'packageA/pages/cat/cat.js'],
    });
  });

  it('refuses an app.json without pages and a package without app.js', async () => {
    const noPages = await buildZip(wechatFiles({ 'app.json': JSON.stringify({ window: {} }) }));
    expect((await rejection(noPages)).details).toMatchObject({
      reason: PackageProblem.MANIFEST_INVALID,
      file: 'app.json',
      members: ['pages'],
    });
    const emptyPages = await buildZip(wechatFiles({ 'app.json': JSON.stringify({ pages: [] }) }));
    expect((await rejection(emptyPages)).details).toMatchObject({
      reason: PackageProblem.MANIFEST_INVALID,
      members: ['pages'],
    });
    const noAppJs = await buildZip(wechatFiles({ 'app.js': undefined }));
    expect((await rejection(noAppJs)).details).toEqual({
      reason: PackageProblem.APP_FILE_MISSING,
      files: ['app.js'],
    });
  });
});

describe('validateMiniProgramPackage: options', () => {
  it('refuses nonsensical limits as a programming error', async () => {
    const zip = await buildZip(w3cFiles());
    await expect(validateMiniProgramPackage(zip, { maxBytes: 0 })).rejects.toThrow(TypeError);
    await expect(validateMiniProgramPackage(zip, { maxBytes: 1000, maxEntries: -1 })).rejects.toThrow(
      TypeError,
    );
  });
});
