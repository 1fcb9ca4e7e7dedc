import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { constants, createWriteStream, type WriteStream } from 'node:fs';
import {
  access,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat as statPath,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFoundError, PlatformError, UnavailableError } from '../errors/platform-errors';
import { newId } from '../ids';
import { DigestingStream, toReadable, verifiedBody } from './object-digest';
import { assertBody, normalizePutOptions, validateExpiresIn, validateObjectKey } from './object-input';
import type { ObjectInfo, ObjectStore, PutObjectOptions } from './object-store.port';
import { assertObjectUrlSecret, signObjectUrl } from './object-url-signing';

export interface FsObjectStoreOptions {
  /** Root directory, e.g. `<DATA_DIR>/objects`; created when missing. */
  rootDir: string;
  /** Base the signed download links start with, e.g. `https://api.example.com`. */
  publicBaseUrl: string;
  /** HMAC secret for download links (>= 32 chars); the HTTP layer verifies with the same secret. */
  urlSigningSecret: string;
}

/** Commit record of one object; the data file it names is immutable. */
interface MetaRecord {
  v: 1;
  key: string;
  version: string;
  size: number;
  sha256: string;
  contentType: string;
  metadata: Record<string, string>;
  lastModified: string;
}

const TMP_DIR = '.tmp';
/** Temp files older than this are leftovers of crashed writers. */
const STALE_TMP_MS = 60 * 60 * 1000;

function isErrno(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' && error !== null && codes.includes((error as NodeJS.ErrnoException).code ?? '')
  );
}

/** Filesystem failures become UnavailableError; anything else (e.g. the caller's body stream failing) passes through. */
function mapFsError(error: unknown): Error {
  if (error instanceof PlatformError) return error;
  if (typeof error === 'object' && error !== null && 'syscall' in error) {
    const mapped = new UnavailableError('Object storage is unavailable');
    mapped.cause = error;
    return mapped;
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Embedded driver. Layout under rootDir (keys are hashed, so any valid key maps to a safe, flat name
 * and keys like `a` and `a/b` can coexist):
 *   <h2>/<sha256(key)>.meta.json          commit record (the sidecar), replaced atomically by rename
 *   <h2>/<sha256(key)>.<version>.data     content, written once and never modified
 *   .tmp/                                 uploads in progress
 * An object is visible only once its meta file names a fully written data file, so a crash or a
 * failed upload never exposes a partial object.
 */
export class FsObjectStore implements ObjectStore {
  readonly driver = 'fs' as const;
  private readonly keyLocks = new Map<string, Promise<void>>();

  private constructor(private readonly options: FsObjectStoreOptions) {}

  static async open(options: FsObjectStoreOptions): Promise<FsObjectStore> {
    assertObjectUrlSecret(options.urlSigningSecret);
    new URL(options.publicBaseUrl); // fail fast on a malformed base URL
    const store = new FsObjectStore(options);
    await mkdir(join(options.rootDir, TMP_DIR), { recursive: true });
    await store.sweepStaleTemps();
    return store;
  }

  async put(key: string, body: Buffer | Readable, options?: PutObjectOptions): Promise<ObjectInfo> {
    validateObjectKey(key);
    assertBody(body);
    const { contentType, metadata } = normalizePutOptions(options);
    const { dir, base } = this.locate(key);
    const version = newId();
    const tmpData = join(this.options.rootDir, TMP_DIR, `${version}.data`);
    const dataPath = join(dir, `${base}.${version}.data`);
    let committed = false;
    let out: WriteStream | undefined;
    try {
      const digest = new DigestingStream();
      // flush: fsync before close, so a crash cannot commit a file whose bytes never reached disk.
      out = createWriteStream(tmpData, { flags: 'wx', flush: true });
      await pipeline(toReadable(body), digest, out);
      await mkdir(dir, { recursive: true });
      await rename(tmpData, dataPath);
      const record: MetaRecord = {
        v: 1,
        key,
        version,
        ...digest.result(),
        contentType,
        metadata,
        lastModified: new Date().toISOString(),
      };
      await this.withKeyLock(key, async () => {
        const previous = await this.readMeta(key);
        await this.writeMeta(key, record);
        committed = true;
        if (previous) await unlinkQuietly(join(dir, `${base}.${previous.version}.data`));
      });
      return toInfo(record);
    } catch (error) {
      throw mapFsError(error);
    } finally {
      if (!committed) {
        // A write stream destroyed mid-open still creates its file: wait for it to close, then remove it.
        if (out && !out.closed) await once(out, 'close').catch(() => undefined);
        // Best effort: an undeletable leftover is invisible (no meta names it) and must not mask the cause.
        await unlinkQuietly(tmpData).catch(() => undefined);
        await unlinkQuietly(dataPath).catch(() => undefined);
      }
    }
  }

  async get(key: string): Promise<{ info: ObjectInfo; body: Readable }> {
    validateObjectKey(key);
    try {
      // A concurrent overwrite may remove the data file between reading meta and opening it: re-read.
      for (let attempt = 0; ; attempt++) {
        const record = await this.readMeta(key);
        if (!record) throw new NotFoundError('Object not found', { key });
        const { dir, base } = this.locate(key);
        try {
          const handle = await open(join(dir, `${base}.${record.version}.data`), 'r');
          const info = toInfo(record);
          // An open descriptor keeps the content readable even if an overwrite unlinks the file now.
          return { info, body: verifiedBody(handle.createReadStream(), info, mapFsError) };
        } catch (error) {
          if (!isErrno(error, 'ENOENT') || attempt >= 3) throw error;
        }
      }
    } catch (error) {
      throw mapFsError(error);
    }
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    validateObjectKey(key);
    try {
      const record = await this.readMeta(key);
      return record ? toInfo(record) : null;
    } catch (error) {
      throw mapFsError(error);
    }
  }

  async delete(key: string): Promise<boolean> {
    validateObjectKey(key);
    try {
      return await this.withKeyLock(key, async () => {
        const record = await this.readMeta(key);
        if (!record) return false;
        const { dir, base } = this.locate(key);
        await unlinkQuietly(join(dir, `${base}.meta.json`));
        await unlinkQuietly(join(dir, `${base}.${record.version}.data`));
        return true;
      });
    } catch (error) {
      throw mapFsError(error);
    }
  }

  async presignedGetUrl(key: string, expiresInSec: number): Promise<string> {
    validateObjectKey(key);
    validateExpiresIn(expiresInSec);
    return signObjectUrl({
      publicBaseUrl: this.options.publicBaseUrl,
      key,
      expiresAt: new Date(Date.now() + expiresInSec * 1000),
      secret: this.options.urlSigningSecret,
    });
  }

  async ping(): Promise<void> {
    try {
      await access(join(this.options.rootDir, TMP_DIR), constants.R_OK | constants.W_OK);
    } catch (error) {
      throw mapFsError(error);
    }
  }

  async close(): Promise<void> {
    // Nothing held open: read streams own their descriptors.
  }

  private locate(key: string): { dir: string; base: string } {
    const base = createHash('sha256').update(key).digest('hex');
    return { dir: join(this.options.rootDir, base.slice(0, 2)), base };
  }

  private async readMeta(key: string): Promise<MetaRecord | null> {
    const { dir, base } = this.locate(key);
    let text: string;
    try {
      text = await readFile(join(dir, `${base}.meta.json`), 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    }
    const record = JSON.parse(text) as MetaRecord;
    if (record.v !== 1 || record.key !== key)
      throw new UnavailableError('Object storage metadata is corrupt', { key });
    return record;
  }

  /** Write-to-temp then rename: readers see either the old record or the new one, never a torn file. */
  private async writeMeta(key: string, record: MetaRecord): Promise<void> {
    const { dir, base } = this.locate(key);
    const tmp = join(this.options.rootDir, TMP_DIR, `${record.version}.meta.json`);
    try {
      await writeFile(tmp, JSON.stringify(record), { flag: 'wx', flush: true });
      await rename(tmp, join(dir, `${base}.meta.json`));
    } finally {
      await unlinkQuietly(tmp);
    }
  }

  /** Serializes commits per key within this process so the replaced data file is the one unlinked. */
  private async withKeyLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.keyLocks.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => current);
    this.keyLocks.set(key, chained);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.keyLocks.get(key) === chained) this.keyLocks.delete(key);
    }
  }

  private async sweepStaleTemps(): Promise<void> {
    const tmpDir = join(this.options.rootDir, TMP_DIR);
    const cutoff = Date.now() - STALE_TMP_MS;
    for (const name of await readdir(tmpDir)) {
      const path = join(tmpDir, name);
      const info = await statPath(path).catch(() => null);
      if (info && info.mtimeMs < cutoff) await rm(path, { force: true });
    }
  }
}

async function unlinkQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
}

function toInfo(record: MetaRecord): ObjectInfo {
  return {
    key: record.key,
    size: record.size,
    sha256: record.sha256,
    contentType: record.contentType,
    etag: record.sha256,
    lastModified: new Date(record.lastModified),
    metadata: { ...record.metadata },
  };
}
