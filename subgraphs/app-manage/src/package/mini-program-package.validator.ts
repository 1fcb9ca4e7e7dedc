import { createHash } from 'node:crypto';
import { BadUserInputError } from '@grove/platform';
import {
  DEFAULT_MAX_COMPRESSION_RATIO,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_MANIFEST_BYTES,
  DEFAULT_UNCOMPRESSED_FACTOR,
  PackageProblem,
  type PackageManifest,
  type PackageValidationOptions,
} from './package-manifest';
import { checkW3cLayout, W3C_MANIFEST_FILE } from './w3c-miniapp.layout';
import { checkWechatLayout, WECHAT_APP_FILE } from './wechat-miniprogram.layout';
import { readZipArchive } from './zip-archive.reader';

/**
 * Checks an uploaded mini-program package before it is stored: size, ZIP integrity, extraction safety
 * (zip-slip, non-canonical names, symlinks, zip bombs, manifest bombs) and the layout of a W3C MiniApp package (`manifest.json`) or a
 * WeChat-style one (`app.json`). A package with both is read as W3C. Every problem is a
 * BadUserInputError whose `details.reason` is a PackageProblem.
 */
export async function validateMiniProgramPackage(
  zip: Buffer,
  options: PackageValidationOptions,
): Promise<PackageManifest> {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const maxUncompressedBytes = options.maxUncompressedBytes ?? options.maxBytes * DEFAULT_UNCOMPRESSED_FACTOR;
  const maxManifestBytes = options.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
  const maxCompressionRatio = options.maxCompressionRatio ?? DEFAULT_MAX_COMPRESSION_RATIO;
  for (const [name, value] of Object.entries({
    maxBytes: options.maxBytes,
    maxEntries,
    maxUncompressedBytes,
    maxManifestBytes,
    maxCompressionRatio,
  })) {
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new TypeError(`validateMiniProgramPackage: ${name} must be a positive integer`);
  }
  if (zip.length > options.maxBytes) {
    throw new BadUserInputError(
      `The package is ${zip.length} bytes; at most ${options.maxBytes} are allowed`,
      {
        reason: PackageProblem.PACKAGE_TOO_LARGE,
        size: zip.length,
        maxBytes: options.maxBytes,
      },
    );
  }

  const archive = await readZipArchive(
    zip,
    { maxEntries, maxUncompressedBytes, maxKeptBytes: maxManifestBytes, maxCompressionRatio },
    (name) => name === W3C_MANIFEST_FILE || name === WECHAT_APP_FILE,
    options.meter,
  );
  const common = {
    files: archive.files.size,
    entries: [...archive.files].map(([path, size]) => ({ path, size })),
    uncompressedBytes: archive.uncompressedBytes,
    size: zip.length,
    sha256: createHash('sha256').update(zip).digest('hex'),
  };

  const w3c = archive.contents.get(W3C_MANIFEST_FILE);
  if (w3c) {
    const manifest = checkW3cLayout(archive.files, w3c);
    return {
      manifestSource: manifestSource(W3C_MANIFEST_FILE, w3c),
      format: 'w3c',
      appId: manifest.app_id,
      name: manifest.name,
      versionCode: manifest.version.code,
      versionName: manifest.version.name,
      minPlatformCode: manifest.platform_version.min_code,
      pages: manifest.pages,
      ...common,
    };
  }
  const wechat = archive.contents.get(WECHAT_APP_FILE);
  if (wechat) {
    return {
      format: 'wechat',
      pages: checkWechatLayout(archive.files, wechat),
      manifestSource: manifestSource(WECHAT_APP_FILE, wechat),
      ...common,
    };
  }

  // A common mistake: zipping the project folder instead of its contents.
  const nested = [...archive.files.keys()].find((name) => /(^|\/)(manifest|app)\.json$/.test(name));
  throw new BadUserInputError(
    `The package has neither ${W3C_MANIFEST_FILE} nor ${WECHAT_APP_FILE} at its root`,
    {
      reason: PackageProblem.MANIFEST_MISSING,
      ...(nested ? { foundAt: nested } : {}),
    },
  );
}

/** The layout check decoded and parsed it already, so this cannot fail. */
function manifestSource(file: string, data: Buffer): { file: string; text: string } {
  return { file, text: data.toString('utf8').replace(/^\uFEFF/, '') };
}
