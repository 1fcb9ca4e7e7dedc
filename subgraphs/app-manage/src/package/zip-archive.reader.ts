import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import * as yauzl from 'yauzl';
import { BadUserInputError } from '@grove/platform';
import {
  COMPRESSION_RATIO_GRACE_BYTES,
  MAX_ENTRY_DEPTH,
  MAX_ENTRY_NAME_BYTES,
  MAX_ENTRY_SEGMENT_BYTES,
  PackageProblem,
} from './package-manifest';

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
};

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Largest inflated size of a kept file: kept files are held whole in memory and parsed. */
  maxKeptBytes: number;
  /** Largest inflated ÷ compressed size of one entry that inflates beyond COMPRESSION_RATIO_GRACE_BYTES. */
  maxCompressionRatio: number;
}

/** Counts the bytes really inflated (kept or not), refused packages included. */
export interface ZipMeter {
  inflatedBytes: number;
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
const UTF8_NAME_FLAG = 0x800;
const INFO_ZIP_UNICODE_PATH = 0x7075;
const LOCAL_FILE_HEADER = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
// C0/C1 controls and DEL: never part of a file name a runtime can open safely.
const CONTROL_CHARACTERS = /\p{Cc}/u;
// Invisible formatting (bidi overrides, zero-width characters) and line/paragraph separators: a name that
// reads differently from what it is would let a reviewer approve one file while another one runs.
const FORMAT_CHARACTERS = /[\p{Cf}\p{Zl}\p{Zp}]/u;
// Windows opens these devices whatever the extension (`nul.js`), so they are not files there.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface ReadEntry {
  entry: Yauzl3Entry;
  name: string;
  keep: boolean;
}

/**
 * Reads every entry of a ZIP held in memory with yauzl, refusing what a safe extractor must refuse and
 * every name that is not canonical (see checkEntryName), symlinks, duplicates (names equal after Unicode
 * normalization and case folding, or a file that is also a directory), local headers that disagree with
 * the central directory or overlap, encryption, methods other than stored/deflate, and more entries,
 * inflated bytes, kept-file bytes or compression ratio than allowed.
 *
 * Two passes: the central directory is checked whole before a single byte is inflated, so a bomb is
 * refused on its declared sizes; then every entry is inflated and its CRC-32 checked, so a damaged
 * package is refused here rather than on a device. yauzl stops an entry that inflates beyond its declared
 * size, so the declared caps also bound what is really inflated (`meter` counts it).
 */
export async function readZipArchive(
  zip: Buffer,
  limits: ZipLimits,
  keep: (name: string) => boolean,
  meter: ZipMeter = { inflatedBytes: 0 },
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
    const all: ReadEntry[] = [];
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
      const kept = !name.endsWith('/') && keep(name);
      checkEntrySize(entry, name, kept, limits);
      all.push({ entry, name, keep: kept });
    }
    checkTree(seen);
    checkLocalHeaders(zip, all);

    for (const { entry, name, keep: kept } of all) {
      if (name.endsWith('/')) continue;
      const data = await inflate(zipfile, entry, name, kept, meter);
      archive.files.set(name, entry.uncompressedSize);
      if (data) archive.contents.set(name, data);
    }
    return archive;
  } finally {
    if (zipfile.isOpen) zipfile.close();
  }
}

function unsafe(name: string, problem: string): BadUserInputError {
  return new BadUserInputError(
    `The package contains an unsafe entry name: ${JSON.stringify(name)} (${problem})`,
    {
      reason: PackageProblem.PACKAGE_UNSAFE_PATH,
      entry: name,
      problem,
    },
  );
}

/**
 * The entry's name exactly as its bytes say, with no decoder guessing: ASCII, or UTF-8 with the UTF-8 flag
 * set. A CP437 name reads differently in a reader that assumes UTF-8, and an Info-ZIP Unicode Path field
 * that differs from the name makes readers that honour it see another file than readers that do not.
 */
function entryName(entry: Yauzl3Entry): string {
  const raw = entry.fileNameRaw;
  const ascii = raw.every((byte) => byte < 0x80);
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    throw unsafe(raw.toString('latin1'), 'name is not UTF-8');
  }
  if (!ascii && (entry.generalPurposeBitFlag & UTF8_NAME_FLAG) === 0)
    throw unsafe(name, 'non-ASCII name without the UTF-8 flag');
  for (const field of entry.extraFields) {
    if (field.id !== INFO_ZIP_UNICODE_PATH) continue;
    let other: string | undefined;
    try {
      other = field.data.length >= 5 ? utf8.decode(field.data.subarray(5)) : undefined;
    } catch {
      other = undefined;
    }
    if (other !== name) throw unsafe(name, 'Unicode path field differs from the name');
  }
  return name;
}

/**
 * Canonical names only, so the path a reviewer reads is the path every extractor writes: relative,
 * `/`-separated, no empty, `.` or `..` segments, no backslash, colon (drive letters, NTFS streams), control
 * or invisible characters, no segment ending in a dot or space (Windows drops them) or naming a Windows
 * device, bounded length and depth. Directory entries end in one `/`.
 */
function checkEntryName(name: string, rawBytes: number): void {
  if (name.length === 0) throw unsafe(name, 'empty name');
  if (name.includes('\\')) throw unsafe(name, 'backslash');
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw unsafe(name, 'absolute path');
  if (CONTROL_CHARACTERS.test(name)) throw unsafe(name, 'control character');
  if (FORMAT_CHARACTERS.test(name)) throw unsafe(name, 'invisible formatting character');
  if (rawBytes > MAX_ENTRY_NAME_BYTES) throw unsafe(name, `name longer than ${MAX_ENTRY_NAME_BYTES} bytes`);
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.length > MAX_ENTRY_DEPTH) throw unsafe(name, `more than ${MAX_ENTRY_DEPTH} path segments`);
  for (const segment of segments) {
    if (segment === '..') throw unsafe(name, 'parent directory reference');
    if (segment === '.') throw unsafe(name, 'current directory reference');
    if (segment === '') throw unsafe(name, 'empty path segment');
    if (segment.includes(':')) throw unsafe(name, 'colon');
    if (/[. ]$/.test(segment)) throw unsafe(name, 'segment ends with a dot or space');
    if (WINDOWS_DEVICE.test(segment)) throw unsafe(name, 'Windows device name');
    if (Buffer.byteLength(segment) > MAX_ENTRY_SEGMENT_BYTES) {
      throw unsafe(name, `path segment longer than ${MAX_ENTRY_SEGMENT_BYTES} bytes`);
    }
  }
}

/** Case- and normalization-insensitive key: names that differ only there are one file on macOS and Windows. */
function foldName(name: string): string {
  return name.replace(/\/$/, '').normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

function checkEntry(entry: Yauzl3Entry, name: string, seen: Map<string, string>): void {
  checkEntryName(name, entry.fileNameRaw.length);
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw unsafe(name, 'symbolic link');

  // Names must stay distinct after canonical normalization and case folding (W3C MiniApp packaging).
  const key = foldName(name);
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

/** Declared sizes, checked before anything is inflated. */
function checkEntrySize(entry: Yauzl3Entry, name: string, kept: boolean, limits: ZipLimits): void {
  if (name.endsWith('/')) {
    if (entry.uncompressedSize !== 0 || entry.compressedSize !== 0)
      throw corrupt(name, new Error('directory entry with data'));
    return;
  }
  if (kept && entry.uncompressedSize > limits.maxKeptBytes) {
    throw new BadUserInputError(
      `${name} inflates to ${entry.uncompressedSize} bytes; at most ${limits.maxKeptBytes} are allowed`,
      {
        reason: PackageProblem.MANIFEST_TOO_LARGE,
        file: name,
        size: entry.uncompressedSize,
        maxBytes: limits.maxKeptBytes,
      },
    );
  }
  if (entry.uncompressedSize <= COMPRESSION_RATIO_GRACE_BYTES) return;
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (ratio > limits.maxCompressionRatio) {
    throw new BadUserInputError(
      `The package entry ${JSON.stringify(name)} inflates ${Math.floor(ratio)} times its compressed size; at most ${limits.maxCompressionRatio} is allowed`,
      {
        reason: PackageProblem.PACKAGE_COMPRESSION_RATIO_TOO_HIGH,
        entry: name,
        ratio: Math.floor(ratio),
        maxCompressionRatio: limits.maxCompressionRatio,
      },
    );
  }
}

/**
 * Directories too must have one spelling (`Pages/a.html` beside `pages/b.html` is one directory on macOS and
 * Windows, two elsewhere), and a file may not also be a directory (`a` beside `a/b`).
 */
function checkTree(seen: ReadonlyMap<string, string>): void {
  const duplicate = (entry: string, other: string, message: string) =>
    new BadUserInputError(message, { reason: PackageProblem.PACKAGE_DUPLICATE_ENTRY, entry, other });
  const directories = new Map<string, string>();
  for (const name of seen.values()) {
    const segments = name.replace(/\/$/, '').split('/');
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join('/');
      const spelled = directories.get(foldName(dir));
      if (spelled === undefined) directories.set(foldName(dir), dir);
      else if (spelled !== dir) {
        throw duplicate(
          name,
          `${spelled}/`,
          `The package spells the directory ${JSON.stringify(`${spelled}/`)} also as ${JSON.stringify(`${dir}/`)}`,
        );
      }
    }
  }
  for (const [key, name] of seen) {
    const dir = directories.get(key);
    if (dir === undefined) continue;
    if (!name.endsWith('/')) {
      throw duplicate(
        name,
        `${dir}/`,
        `The package has ${JSON.stringify(name)} both as a file and as a directory`,
      );
    }
    if (name !== `${dir}/`) {
      throw duplicate(
        name,
        `${dir}/`,
        `The package spells the directory ${JSON.stringify(`${dir}/`)} also as ${JSON.stringify(name)}`,
      );
    }
  }
}

/**
 * Streaming extractors read local headers, not the central directory: each local header must carry the
 * central directory's name, and no two entries may share data (overlapping entries are the classic way to
 * make a small archive inflate many times over).
 */
function checkLocalHeaders(zip: Buffer, entries: readonly ReadEntry[]): void {
  const spans = entries.map(({ entry, name }) => {
    const at = entry.relativeOffsetOfLocalHeader;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_FILE_HEADER)
      throw corrupt(name, new Error('no local file header'));
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    if (!zip.subarray(at + 30, at + 30 + nameLength).equals(entry.fileNameRaw)) {
      throw unsafe(name, 'local header name differs from the central directory');
    }
    return { name, start: at, end: at + 30 + nameLength + extraLength + entry.compressedSize };
  });
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end)
      throw corrupt(spans[i].name, new Error(`overlaps ${JSON.stringify(spans[i - 1].name)}`));
  }
}

async function inflate(
  zipfile: Yauzl3ZipFile,
  entry: Yauzl3Entry,
  name: string,
  keepData: boolean,
  meter: ZipMeter,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let crc = 0;
  let bytes = 0;
  try {
    const stream = await zipfile.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      meter.inflatedBytes += chunk.length;
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
