import { ZipFile } from 'yazl';

/** Test support: real ZIPs written by yazl, plus byte patches for what no honest writer produces. */
export interface ZipEntrySpec {
  data: string | Buffer;
  /** Unix mode including the file type bits (e.g. 0o120777 for a symlink). */
  mode?: number;
  compress?: boolean;
}

export async function buildZip(
  entries: Record<string, string | Buffer | ZipEntrySpec>,
  directories: string[] = [],
): Promise<Buffer> {
  const zip = new ZipFile();
  for (const dir of directories) zip.addEmptyDirectory(dir, { mtime: new Date('2026-01-01T00:00:00Z') });
  for (const [name, value] of Object.entries(entries)) {
    const spec: ZipEntrySpec = typeof value === 'string' || Buffer.isBuffer(value) ? { data: value } : value;
    const data = typeof spec.data === 'string' ? Buffer.from(spec.data, 'utf8') : spec.data;
    zip.addBuffer(data, name, {
      mtime: new Date('2026-01-01T00:00:00Z'),
      mode: spec.mode,
      compress: spec.compress ?? true,
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Renames an entry in place to a same-length name yazl refuses to write (`to` as raw bytes for a name that is
 * not UTF-8); `where: 'central'` leaves the local header alone, as a forger of ambiguous archives would.
 */
export function renameEntry(
  zip: Buffer,
  from: string,
  to: string | Buffer,
  where: 'both' | 'central' = 'both',
): Buffer {
  const bytes = typeof to === 'string' ? Buffer.from(to, 'utf8') : to;
  if (Buffer.byteLength(from) !== bytes.length)
    throw new Error('renameEntry needs names of equal byte length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from, 'utf8');
  let hits = 0;
  for (let i = out.indexOf(needle); i !== -1; i = out.indexOf(needle, i + 1)) {
    if (where === 'both' || hits > 0) bytes.copy(out, i);
    hits++;
  }
  if (hits < 2) throw new Error(`renameEntry: ${from} not found in both headers`);
  return out;
}

const CENTRAL_DIRECTORY_HEADER = 0x02014b50;

/** Edits the central directory record of one entry (what readers trust): flags, method or declared size. */
export function patchCentralDirectory(
  zip: Buffer,
  name: string,
  patch: {
    generalPurposeBitFlag?: number;
    compressionMethod?: number;
    uncompressedSize?: number;
    localHeaderOffset?: number;
  },
): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i <= out.length - 46; i++) {
    if (out.readUInt32LE(i) !== CENTRAL_DIRECTORY_HEADER) continue;
    const nameLength = out.readUInt16LE(i + 28);
    if (out.subarray(i + 46, i + 46 + nameLength).toString('utf8') !== name) continue;
    if (patch.generalPurposeBitFlag !== undefined) out.writeUInt16LE(patch.generalPurposeBitFlag, i + 8);
    if (patch.compressionMethod !== undefined) out.writeUInt16LE(patch.compressionMethod, i + 10);
    if (patch.uncompressedSize !== undefined) out.writeUInt32LE(patch.uncompressedSize, i + 24);
    if (patch.localHeaderOffset !== undefined) out.writeUInt32LE(patch.localHeaderOffset, i + 42);
    return out;
  }
  throw new Error(`patchCentralDirectory: no central directory record for ${name}`);
}

export function w3cManifest(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    app_id: 'org.example.shop',
    name: 'Example Shop',
    version: { code: 7, name: '1.2.0' },
    platform_version: { min_code: 3, target_code: 5, release_type: 'Release' },
    pages: ['pages/index/index', 'pages/detail/detail'],
    icons: [{ src: 'common/icons/icon-96.png', sizes: '96x96' }],
    window: { navigationBarTitleText: 'Shop' },
    ...overrides,
  });
}

/** A complete W3C MiniApp package; pass `undefined` for a file to leave it out. */
export function w3cFiles(
  overrides: Record<string, string | Buffer | ZipEntrySpec | undefined> = {},
): Record<string, string | Buffer | ZipEntrySpec> {
  const files: Record<string, string | Buffer | ZipEntrySpec | undefined> = {
    'manifest.json': w3cManifest(),
    'app.js': 'export default { onLaunch() {} };',
    'app.css': 'page { color: #333; }',
    'pages/index/index.html': '<view>Hello</view>',
    'pages/index/index.js': 'export default { data: {} };',
    'pages/index/index.css': '.title { font-weight: bold; }',
    'pages/detail/detail.html': '<view>Detail</view>',
    'common/icons/icon-96.png': Buffer.from('89504e470d0a1a0a', 'hex'),
    'i18n/en-US.json': '{"title":"Shop"}',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(files).filter((e): e is [string, string | Buffer | ZipEntrySpec] => e[1] !== undefined),
  );
}

/** A complete WeChat-style package with one sub-package. */
export function wechatFiles(
  overrides: Record<string, string | Buffer | undefined> = {},
): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer | undefined> = {
    'app.json': JSON.stringify({
      pages: ['pages/index/index', 'pages/logs/logs'],
      subPackages: [{ root: 'packageA', pages: ['pages/cat/cat'] }],
      window: { navigationBarTitleText: 'Demo' },
    }),
    'app.js': 'App({})',
    'app.wxss': 'page { color: #333; }',
    'pages/index/index.js': 'Page({})',
    'pages/index/index.wxml': '<view>Hi</view>',
    'pages/index/index.json': '{}',
    'pages/logs/logs.js': 'Page({})',
    'pages/logs/logs.wxml': '<view>Logs</view>',
    'packageA/pages/cat/cat.js': 'Page({})',
    'packageA/pages/cat/cat.wxml': '<view>Cat</view>',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(files).filter((e): e is [string, string | Buffer] => e[1] !== undefined),
  );
}
