/** What validateMiniProgramPackage learned about an accepted package. */
export interface PackageManifest {
  /** `w3c`: W3C MiniApp package (`manifest.json`); `wechat`: WeChat-style layout (`app.json`). */
  format: 'w3c' | 'wechat';
  appId?: string;
  name?: string;
  versionCode?: number;
  versionName?: string;
  minPlatformCode?: number;
  /** Page routes in manifest order (WeChat sub-package pages prefixed with their root). */
  pages: string[];
  /** File entries (directories not counted). */
  files: number;
  /** Every file entry with its inflated size, in archive order (at most maxEntries: the reviewers' file list). */
  entries: PackageEntry[];
  /** The manifest file (`manifest.json` or `app.json`) and its text, already validated (at most maxManifestBytes). */
  manifestSource: { file: string; text: string };
  uncompressedBytes: number;
  /** Size of the ZIP itself in bytes. */
  size: number;
  /** Hex sha256 of the ZIP bytes, as stored and served to the SDK. */
  sha256: string;
}

export interface PackageEntry {
  path: string;
  size: number;
}

export interface PackageValidationOptions {
  /** Largest accepted ZIP, in bytes. */
  maxBytes: number;
  /** Most entries (files and directories) in the ZIP. Default DEFAULT_MAX_ENTRIES. */
  maxEntries?: number;
  /** Most bytes all entries may inflate to. Default DEFAULT_UNCOMPRESSED_FACTOR × maxBytes. */
  maxUncompressedBytes?: number;
  /** Largest inflated `manifest.json` / `app.json` (they are held in memory and parsed). Default DEFAULT_MAX_MANIFEST_BYTES. */
  maxManifestBytes?: number;
  /** Largest inflated ÷ compressed size of one entry above COMPRESSION_RATIO_GRACE_BYTES. Default DEFAULT_MAX_COMPRESSION_RATIO. */
  maxCompressionRatio?: number;
  /** Receives the bytes really inflated, also when the package is refused (metrics, tests). */
  meter?: { inflatedBytes: number };
}

export const DEFAULT_MAX_ENTRIES = 5000;
/** Overall inflation allowed by default: source packages compress about 3-10×; bombs compress thousands of times. */
export const DEFAULT_UNCOMPRESSED_FACTOR = 20;
/** Real manifests are a few KB; 1 MiB parses in milliseconds, where a 380 MB one stalled the event loop for seconds. */
export const DEFAULT_MAX_MANIFEST_BYTES = 1024 * 1024;
/** 100:1 as Apache POI's ZipSecureFile: source and assets stay far below it, deflate bombs approach 1032:1. */
export const DEFAULT_MAX_COMPRESSION_RATIO = 100;
/** Entries that inflate to at most this many bytes skip the ratio check (a small file of blanks compresses very well). */
export const COMPRESSION_RATIO_GRACE_BYTES = 100 * 1024;
/** Longest entry name in UTF-8 bytes (a 255-character page route plus its extension fits). */
export const MAX_ENTRY_NAME_BYTES = 512;
/** Longest path segment in UTF-8 bytes: NAME_MAX of common file systems. */
export const MAX_ENTRY_SEGMENT_BYTES = 255;
/** Most path segments in an entry name. */
export const MAX_ENTRY_DEPTH = 32;
/** Deepest nesting of arrays/objects in a manifest: real ones stay under 6, and shallow JSON is cheap to walk. */
export const MAX_MANIFEST_JSON_DEPTH = 32;

/** `details.reason` of every BadUserInputError the validator throws. Stable: clients branch on them. */
export const PackageProblem = {
  PACKAGE_TOO_LARGE: 'PACKAGE_TOO_LARGE',
  PACKAGE_NOT_ZIP: 'PACKAGE_NOT_ZIP',
  /** The container parses but an entry's data is damaged (CRC or size mismatch, bad deflate data). */
  PACKAGE_CORRUPT: 'PACKAGE_CORRUPT',
  PACKAGE_ENCRYPTED: 'PACKAGE_ENCRYPTED',
  PACKAGE_UNSUPPORTED_COMPRESSION: 'PACKAGE_UNSUPPORTED_COMPRESSION',
  PACKAGE_UNSAFE_PATH: 'PACKAGE_UNSAFE_PATH',
  PACKAGE_DUPLICATE_ENTRY: 'PACKAGE_DUPLICATE_ENTRY',
  PACKAGE_TOO_MANY_FILES: 'PACKAGE_TOO_MANY_FILES',
  PACKAGE_UNCOMPRESSED_TOO_LARGE: 'PACKAGE_UNCOMPRESSED_TOO_LARGE',
  /** One entry inflates far more than real files do (a zip bomb). */
  PACKAGE_COMPRESSION_RATIO_TOO_HIGH: 'PACKAGE_COMPRESSION_RATIO_TOO_HIGH',
  /** `manifest.json` / `app.json` inflates beyond maxManifestBytes; refused before it is inflated. */
  MANIFEST_TOO_LARGE: 'MANIFEST_TOO_LARGE',
  MANIFEST_MISSING: 'MANIFEST_MISSING',
  MANIFEST_INVALID: 'MANIFEST_INVALID',
  APP_FILE_MISSING: 'APP_FILE_MISSING',
  ICON_MISSING: 'ICON_MISSING',
  PAGE_MISSING: 'PAGE_MISSING',
} as const;
export type PackageProblem = (typeof PackageProblem)[keyof typeof PackageProblem];
