import { BadUserInputError } from '@grove/platform';
import { validateMiniProgramPackage } from './mini-program-package.validator';
import {
  DEFAULT_MAX_MANIFEST_BYTES,
  MAX_MANIFEST_JSON_DEPTH,
  PackageProblem,
  type PackageValidationOptions,
} from './package-manifest';
import {
  buildZip,
  patchCentralDirectory,
  renameEntry,
  w3cFiles,
  w3cManifest,
  wechatFiles,
} from './package-zip.fixtures';

const MiB = 1024 * 1024;
const limits: PackageValidationOptions = { maxBytes: MiB };

async function rejection(
  zip: Buffer,
  options: PackageValidationOptions = limits,
): Promise<BadUserInputError> {
  try {
    await validateMiniProgramPackage(zip, options);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return error as BadUserInputError;
  }
  throw new Error('expected the package to be refused');
}

/** A valid manifest padded with JSON whitespace: tiny deflated, `size` bytes inflated, and parseable. */
function paddedJson(json: string, size: number): Buffer {
  const out = Buffer.alloc(size, 0x20);
  out.write('{', 0);
  out.write(json.slice(1), size - Buffer.byteLength(json) + 1);
  return out;
}

describe('validateMiniProgramPackage: manifest bombs (issue 7 item 6)', () => {
  it('refuses a manifest.json that inflates beyond the cap before inflating anything', async () => {
    // 16 MiB inflated, well inside the package-wide cap (20 × 1 MiB) that used to be the only bound.
    const zip = await buildZip(w3cFiles({ 'manifest.json': paddedJson(w3cManifest(), 16 * MiB) }));
    expect(zip.length).toBeLessThan(100 * 1024);
    const meter = { inflatedBytes: 0 };
    const error = await rejection(zip, { ...limits, meter });
    expect(error.details).toEqual({
      reason: PackageProblem.MANIFEST_TOO_LARGE,
      file: 'manifest.json',
      size: 16 * MiB,
      maxBytes: DEFAULT_MAX_MANIFEST_BYTES,
    });
    expect(meter.inflatedBytes).toBe(0);
  });

  it('stops inflating a manifest whose header understates its size, well below the cap', async () => {
    const honest = await buildZip(w3cFiles({ 'manifest.json': paddedJson(w3cManifest(), 16 * MiB) }));
    const lying = patchCentralDirectory(honest, 'manifest.json', { uncompressedSize: 4096 });
    const meter = { inflatedBytes: 0 };
    const error = await rejection(lying, { ...limits, meter });
    expect(error.details).toMatchObject({ reason: PackageProblem.PACKAGE_CORRUPT, entry: 'manifest.json' });
    expect(meter.inflatedBytes).toBeLessThanOrEqual(4096);
  });

  it('caps app.json the same way, and honours a configured cap', async () => {
    const appJson = JSON.stringify({ pages: ['pages/index/index', 'pages/logs/logs'] });
    const zip = await buildZip(wechatFiles({ 'app.json': paddedJson(appJson, 2 * MiB) }));
    expect((await rejection(zip)).details).toMatchObject({
      reason: PackageProblem.MANIFEST_TOO_LARGE,
      file: 'app.json',
    });
    const small = await buildZip(w3cFiles());
    expect((await rejection(small, { ...limits, maxManifestBytes: 64 })).details).toMatchObject({
      reason: PackageProblem.MANIFEST_TOO_LARGE,
      maxBytes: 64,
    });
    // Just under the cap is fine: the padding is whitespace.
    const atCap = await buildZip(
      w3cFiles({ 'manifest.json': paddedJson(w3cManifest(), DEFAULT_MAX_MANIFEST_BYTES) }),
    );
    await expect(
      validateMiniProgramPackage(atCap, { ...limits, maxCompressionRatio: 2000 }),
    ).resolves.toMatchObject({ format: 'w3c' });
  });

  it('refuses one entry that inflates more than 100 times its compressed size', async () => {
    const meter = { inflatedBytes: 0 };
    const zip = await buildZip(w3cFiles({ 'common/zeros.bin': Buffer.alloc(2 * MiB) }));
    const error = await rejection(zip, { ...limits, meter });
    expect(error.details).toMatchObject({
      reason: PackageProblem.PACKAGE_COMPRESSION_RATIO_TOO_HIGH,
      entry: 'common/zeros.bin',
      maxCompressionRatio: 100,
    });
    expect(meter.inflatedBytes).toBe(0);
    // Small files compress as well as they like; a higher configured ratio lets the big one through.
    const small = await buildZip(w3cFiles({ 'common/blank.txt': Buffer.alloc(100 * 1024) }));
    await expect(validateMiniProgramPackage(small, limits)).resolves.toMatchObject({ format: 'w3c' });
    await expect(
      validateMiniProgramPackage(zip, { ...limits, maxCompressionRatio: 5000 }),
    ).resolves.toMatchObject({
      format: 'w3c',
    });
  });

  it('refuses a manifest nested deeper than the cap without being fooled by brackets in strings', async () => {
    const deep = (n: number): unknown => (n === 0 ? 1 : [deep(n - 1)]);
    const tooDeep = w3cManifest({ extra: deep(MAX_MANIFEST_JSON_DEPTH) });
    expect((await rejection(await buildZip(w3cFiles({ 'manifest.json': tooDeep })))).details).toMatchObject({
      reason: PackageProblem.MANIFEST_INVALID,
      members: ['(root)'],
      problems: [{ member: '(root)', message: `nested deeper than ${MAX_MANIFEST_JSON_DEPTH} levels` }],
    });
    const fine = w3cManifest({ extra: deep(MAX_MANIFEST_JSON_DEPTH - 2), note: '[[[[{{{{"\\"[['.repeat(20) });
    await expect(
      validateMiniProgramPackage(await buildZip(w3cFiles({ 'manifest.json': fine })), limits),
    ).resolves.toMatchObject({ format: 'w3c' });
  });
});

describe('validateMiniProgramPackage: canonical entry names (issue 7 item 7)', () => {
  it.each([
    [
      'a . segment beside the real page',
      'pages/x/index/index.html',
      'pages/./index/index.html',
      'current directory reference',
    ],
    ['a leading ./', 'xxapp.js', './app.js', 'current directory reference'],
    ['an empty segment', 'pages/xindex.js', 'pages//index.js', 'empty path segment'],
    ['a trailing dot', 'app.jsx', 'app.js.', 'segment ends with a dot or space'],
    ['a trailing space', 'app.cssx', 'app.css ', 'segment ends with a dot or space'],
    ['a colon (NTFS stream)', 'app.js_x', 'app.js:x', 'colon'],
    ['a Windows device name', 'common/aux_x.png', 'common/aux.x.png', 'Windows device name'],
    ['a NUL character', 'pages/a_b.js', 'pages/a\u0000b.js', 'control character'],
    ['a right-to-left override', 'pages/xxxgnp.js', 'pages/\u202egnp.js', 'invisible formatting character'],
  ])('refuses %s', async (_, placeholder, name, problem) => {
    const zip = renameEntry(await buildZip(w3cFiles({ [placeholder]: 'x' })), placeholder, name);
    expect((await rejection(zip)).details).toEqual({
      reason: PackageProblem.PACKAGE_UNSAFE_PATH,
      entry: name,
      problem,
    });
  });

  it('refuses an empty segment in a directory entry', async () => {
    const zip = renameEntry(await buildZip(w3cFiles(), ['pages/xx/']), 'pages/xx/', 'pages//x/');
    expect((await rejection(zip)).details).toMatchObject({
      entry: 'pages//x/',
      problem: 'empty path segment',
    });
  });

  it('refuses names too long or too deep', async () => {
    const cases: Array<[string, string]> = [
      [`common/${'a'.repeat(256)}.png`, 'path segment longer than 255 bytes'],
      [`${'d/'.repeat(32)}x.js`, 'more than 32 path segments'],
      [`${'a'.repeat(200)}/${'b'.repeat(200)}/${'c'.repeat(200)}`, 'name longer than 512 bytes'],
    ];
    for (const [name, problem] of cases) {
      const error = await rejection(await buildZip(w3cFiles({ [name]: 'x' })));
      expect(error.details).toEqual({ reason: PackageProblem.PACKAGE_UNSAFE_PATH, entry: name, problem });
    }
  });

  it('refuses names that are equal after Unicode normalization (NFC beside NFD)', async () => {
    const nfc = 'pages/caf\u00e9.html';
    const nfd = 'pages/cafe\u0301.html';
    const zip = await buildZip(w3cFiles({ [nfc]: '<view/>', [nfd]: '<view>other</view>' }));
    expect((await rejection(zip)).details).toEqual({
      reason: PackageProblem.PACKAGE_DUPLICATE_ENTRY,
      entry: nfd,
      other: nfc,
    });
  });

  it('refuses case-only duplicates in any letter case, directories included', async () => {
    const zip = await buildZip(w3cFiles({ 'APP.JS': 'evil()' }));
    expect((await rejection(zip)).details).toMatchObject({
      reason: PackageProblem.PACKAGE_DUPLICATE_ENTRY,
      other: 'app.js',
    });
    const dirs = await buildZip(w3cFiles({ 'Pages/extra.html': '<view/>' }));
    expect((await rejection(dirs)).details).toEqual({
      reason: PackageProblem.PACKAGE_DUPLICATE_ENTRY,
      entry: 'Pages/extra.html',
      other: 'pages/',
    });
    const entries = await buildZip(w3cFiles(), ['PAGES/']);
    expect((await rejection(entries)).details).toMatchObject({
      reason: PackageProblem.PACKAGE_DUPLICATE_ENTRY,
      entry: 'PAGES/',
    });
  });

  it('refuses a file that is also a directory', async () => {
    const zip = await buildZip(w3cFiles({ common: 'i am a file' }));
    expect((await rejection(zip)).details).toEqual({
      reason: PackageProblem.PACKAGE_DUPLICATE_ENTRY,
      entry: 'common',
      other: 'common/',
    });
  });

  it('refuses names that are not UTF-8, or non-ASCII without the UTF-8 flag (decoded differently by readers)', async () => {
    const notUtf8 = renameEntry(
      await buildZip(w3cFiles({ 'pages/cafe.js': 'x' })),
      'pages/cafe.js',
      Buffer.from('pages/caf\xe9.js', 'latin1'),
    );
    expect((await rejection(notUtf8)).details).toMatchObject({
      reason: PackageProblem.PACKAGE_UNSAFE_PATH,
      problem: 'name is not UTF-8',
    });
    const renamed = renameEntry(
      await buildZip(w3cFiles({ 'pages/cafxx.js': 'x' })),
      'pages/cafxx.js',
      'pages/caf\u00e9.js',
    );
    const unflagged = patchCentralDirectory(renamed, 'pages/caf\u00e9.js', { generalPurposeBitFlag: 0 });
    expect((await rejection(unflagged)).details).toEqual({
      reason: PackageProblem.PACKAGE_UNSAFE_PATH,
      entry: 'pages/caf\u00e9.js',
      problem: 'non-ASCII name without the UTF-8 flag',
    });
    // The same name with the flag set is fine.
    const flagged = patchCentralDirectory(renamed, 'pages/caf\u00e9.js', { generalPurposeBitFlag: 0x800 });
    await expect(validateMiniProgramPackage(flagged, limits)).resolves.toMatchObject({ format: 'w3c' });
  });

  it('refuses a local header whose name differs from the central directory (what streaming extractors read)', async () => {
    const zip = renameEntry(
      await buildZip(w3cFiles({ 'pages/x.js': 'x' })),
      'pages/x.js',
      'pages/y.js',
      'central',
    );
    expect((await rejection(zip)).details).toEqual({
      reason: PackageProblem.PACKAGE_UNSAFE_PATH,
      entry: 'pages/y.js',
      problem: 'local header name differs from the central directory',
    });
  });

  it('refuses entries whose data overlaps another entry', async () => {
    // b.js's local header and data hidden inside a.bin's data, and b.js's central record pointing there.
    const inner = await buildZip({ 'b.js': { data: 'hidden()', compress: false } });
    const innerRecord = inner.subarray(0, inner.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    const zip = await buildZip(
      w3cFiles({
        'a.bin': { data: innerRecord, compress: false },
        'b.js': { data: 'hidden()', compress: false },
      }),
    );
    const hiddenAt = zip.indexOf(innerRecord);
    const overlapping = patchCentralDirectory(zip, 'b.js', { localHeaderOffset: hiddenAt });
    await expect(validateMiniProgramPackage(zip, limits)).resolves.toMatchObject({ format: 'w3c' });
    expect((await rejection(overlapping)).details).toMatchObject({
      reason: PackageProblem.PACKAGE_CORRUPT,
      entry: 'b.js',
      problem: 'overlaps "a.bin"',
    });
  });

  it('still accepts dot files, non-ASCII names and nested directories', async () => {
    const zip = await buildZip(
      w3cFiles({
        '.well-known/info.txt': 'x',
        'pages/\u4e2d\u6587/\u9875\u9762.html': '<view/>',
        'a/b/c/d/e.js': 'x',
      }),
      ['pages/', 'a/', 'a/b/'],
    );
    await expect(validateMiniProgramPackage(zip, limits)).resolves.toMatchObject({ format: 'w3c' });
  });
});
