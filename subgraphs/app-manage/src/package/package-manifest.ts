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
  uncompressedBytes: number;
  /** Size of the ZIP itself in bytes. */
  size: number;
  /** Hex sha256 of the ZIP bytes, as stored and served to the SDK. */
  sha256: string;
}

export interface PackageValidationOptions {
  /** Largest accepted ZIP, in bytes. */
  maxBytes: number;
  /** Most entries (files and directories) in the ZIP. Default DEFAULT_MAX_ENTRIES. */
  maxEntries?: number;
  /** Most bytes all entries may inflate to. Default DEFAULT_UNCOMPRESSED_FACTOR × maxBytes. */
  maxUncompressedBytes?: number;
}

export const DEFAULT_MAX_ENTRIES = 5000;
/** Overall inflation allowed by default: source packages compress about 3-10×; bombs compress thousands of times. */
export const DEFAULT_UNCOMPRESSED_FACTOR = 20;

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
  MANIFEST_MISSING: 'MANIFEST_MISSING',
  MANIFEST_INVALID: 'MANIFEST_INVALID',
  APP_FILE_MISSING: 'APP_FILE_MISSING',
  ICON_MISSING: 'ICON_MISSING',
  PAGE_MISSING: 'PAGE_MISSING',
} as const;
export type PackageProblem = (typeof PackageProblem)[keyof typeof PackageProblem];
