import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import * as yauzl from 'yauzl';
import { BadUserInputError } from '@grove/platform';
import { PackageProblem } from './package-manifest';

/** The parts of yauzl 3 used here that its published (v2) typings do not declare. */
interface Yauzl3Entry extends yauzl.Entry {
  fileNameRaw: Buffer;
}
interface Yauzl3ZipFile {
  readonly entryCount: number;
  readonly isOpen: boolean;
  eachEntry(): AsyncIterableIterator<Yauzl3Entry>;
  openReadStreamPromise(entry: Yauzl3Entry): Promise<Readable>;
  close(): void;
}
const yauzl3 = yauzl as unknown as {
  fromBufferPromise(
    buffer: Buffer,
    options: yauzl.Options & { strictFileNames?: boolean },
  ): Promise<Yauzl3ZipFile>;
  getFileNameLowLevel(
    generalPurposeBitFlag: number,
    fileNameRaw: Buffer,
    extraFields: Array<{ id: number; data: Buffer }>,
    strictFileNames: boolean,
  ): string;
  validateFileName(fileName: string): string | null;
};

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

export interface ZipArchive {
  /** File entries (directories excluded) and their uncompressed sizes. */
  files: Map<string, number>;
  /** Contents of the files the caller asked to keep. */
  contents: Map<string, Buffer>;
  uncompressedBytes: number;
}

const STORED = 0;
const DEFLATED = 8;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
// C0/C1 controls and DEL: never part of a file name a runtime can open safely.
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Reads every entry of a ZIP held in memory with yauzl, refusing what a safe extractor must refuse:
 * unsafe names (zip-slip, absolute, backslash, control characters), symlinks, duplicates (names equal
 * after Unicode normalization and case folding), encryption, methods other than stored/deflate, and
 * more entries or inflated bytes than allowed. Every entry is inflated and its CRC-32 checked, so a
 * damaged package is refused here rather than on a device; the declared sizes are capped before
 * inflating, and yauzl refuses data that inflates beyond its declared size.
 */
export async function readZipArchive(
  zip: Buffer,
  limits: ZipLimits,
  keep: (name: string) => boolean,
): Promise<ZipArchive> {
  let zipfile: Yauzl3ZipFile;
  try {
    // decodeStrings: false so unsafe names reach our own checks (and stable error codes) instead of a generic yauzl error.
    zipfile = await yauzl3.fromBufferPromise(zip, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw notZip(error);
  }
  try {
    if (zipfile.entryCount > limits.maxEntries) {
      throw new BadUserInputError(
        `The package has ${zipfile.entryCount} entries; at most ${limits.maxEntries} are allowed`,
        {
          reason: PackageProblem.PACKAGE_TOO_MANY_FILES,
          entries: zipfile.entryCount,
          maxEntries: limits.maxEntries,
        },
      );
    }
    const archive: ZipArchive = { files: new Map(), contents: new Map(), uncompressedBytes: 0 };
    const seen = new Map<string, string>();
    const entries = zipfile.eachEntry();
    for (;;) {
      let next: IteratorResult<Yauzl3Entry>;
      try {
        next = await entries.next();
      } catch (error) {
        throw notZip(error);
      }
      if (next.done) break;
      const entry = next.value;
      const name = entryName(entry);
      checkEntry(entry, name, seen);

      archive.uncompressedBytes += entry.uncompressedSize;
      if (archive.uncompressedBytes > limits.maxUncompressedBytes) {
        throw new BadUserInputError(
          `The package inflates to more than ${limits.maxUncompressedBytes} bytes`,
          {
            reason: PackageProblem.PACKAGE_UNCOMPRESSED_TOO_LARGE,
            maxUncompressedBytes: limits.maxUncompressedBytes,
            entry: name,
          },
        );
      }
      if (name.endsWith('/')) continue;
      const data = await inflate(zipfile, entry, name, keep(name));
      archive.files.set(name, entry.uncompressedSize);
      if (data) archive.contents.set(name, data);
    }
    return archive;
  } finally {
    if (zipfile.isOpen) zipfile.close();
  }
}

function entryName(entry: Yauzl3Entry): string {
  // strict: keep backslashes so they are refused, not silently turned into directory separators.
  return yauzl3.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

function checkEntry(entry: Yauzl3Entry, name: string, seen: Map<string, string>): void {
  const unsafe = (problem: string) =>
    new BadUserInputError(`The package contains an unsafe entry name: ${JSON.stringify(name)} (${problem})`, {
      reason: PackageProblem.PACKAGE_UNSAFE_PATH,
      entry: name,
      problem,
    });
  if (name.length === 0) throw unsafe('empty name');
  if (yauzl3.validateFileName(name) !== null) {
    throw unsafe(
      name.includes('\\')
        ? 'backslash'
        : /^([a-zA-Z]:|\/)/.test(name)
          ? 'absolute path'
          : 'parent directory reference',
    );
  }
  if (CONTROL_CHARACTERS.test(name)) throw unsafe('control character');
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw unsafe('symbolic link');

  // Names in one directory must stay distinct after canonical normalization and case folding (W3C MiniApp packaging).
  const key = name.replace(/\/$/, '').normalize('NFC').toLowerCase();
  const previous = seen.get(key);
  if (previous !== undefined) {
    throw new BadUserInputError(
      `The package contains ${JSON.stringify(name)} twice (also as ${JSON.stringify(previous)})`,
      {
        reason: PackageProblem.PACKAGE_DUPLICATE_ENTRY,
        entry: name,
        other: previous,
      },
    );
  }
  seen.set(key, name);

  if (entry.isEncrypted()) {
    throw new BadUserInputError(
      `The package entry ${JSON.stringify(name)} is encrypted; packages must not use ZIP encryption`,
      {
        reason: PackageProblem.PACKAGE_ENCRYPTED,
        entry: name,
      },
    );
  }
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new BadUserInputError(
      `The package entry ${JSON.stringify(name)} uses compression method ${entry.compressionMethod}; only stored and deflate are allowed`,
      {
        reason: PackageProblem.PACKAGE_UNSUPPORTED_COMPRESSION,
        entry: name,
        compressionMethod: entry.compressionMethod,
      },
    );
  }
}

async function inflate(
  zipfile: Yauzl3ZipFile,
  entry: Yauzl3Entry,
  name: string,
  keepData: boolean,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let crc = 0;
  let bytes = 0;
  try {
    const stream = await zipfile.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > entry.uncompressedSize) {
        stream.destroy();
        throw new Error('more data than declared');
      }
      crc = crc32(chunk, crc);
      if (keepData) chunks.push(chunk);
    }
  } catch (error) {
    throw corrupt(name, error);
  }
  if (bytes !== entry.uncompressedSize || crc !== entry.crc32) {
    throw corrupt(name, new Error(bytes !== entry.uncompressedSize ? 'size mismatch' : 'CRC-32 mismatch'));
  }
  return keepData ? Buffer.concat(chunks, bytes) : undefined;
}

function notZip(error: unknown): BadUserInputError {
  return new BadUserInputError('The package is not a readable ZIP archive', {
    reason: PackageProblem.PACKAGE_NOT_ZIP,
    problem: error instanceof Error ? error.message : String(error),
  });
}

function corrupt(name: string, error: unknown): BadUserInputError {
  return new BadUserInputError(`The package entry ${JSON.stringify(name)} is damaged`, {
    reason: PackageProblem.PACKAGE_CORRUPT,
    entry: name,
    problem: error instanceof Error ? error.message : String(error),
  });
}
