import { createHash } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Readable } from 'node:stream';
import { Client, CopyDestinationOptions, CopySourceOptions, type BucketItemStat } from 'minio';
import { NotFoundError, PlatformError, UnavailableError } from '../errors/platform-errors';
import { newId } from '../ids';
import { readHead, sha256Hex, verifiedBody } from './object-digest';
import {
  assertBody,
  isUserMetadataName,
  normalizePutOptions,
  validateExpiresIn,
  validateObjectKey,
  type NormalizedPutOptions,
} from './object-input';
import type { ObjectInfo, ObjectStore, PutObjectOptions } from './object-store.port';

export interface S3ObjectStoreOptions {
  /** Host name or IP of the S3-compatible service (no scheme). */
  endPoint: string;
  port?: number;
  useSSL?: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
  /** Defaults to us-east-1; set explicitly so presigning needs no network round trip. */
  region?: string;
  /** Path-style addressing (`host/bucket/key`); most self-hosted services need it. Default true. */
  pathStyle?: boolean;
  /** Streams up to this size are buffered and sent in one request; larger ones go multipart. Default 16 MiB. */
  singleUploadMaxBytes?: number;
  /** Multipart part size (5 MiB .. 5 GiB; also the memory held per upload). Default 16 MiB. */
  partSize?: number;
}

const DIGEST_METADATA = 'sha256';
/** Large uploads land here first, then are copied into place with their digest (see put). */
const UPLOAD_PREFIX = '.uploads/';
const NOT_FOUND_CODES = new Set(['NoSuchKey', 'NotFound']);
const MiB = 1024 * 1024;

/** Backend failures become platform errors whose messages never name the backend; the original is kept as `cause` for logs. */
function mapS3Error(error: unknown, key?: string): Error {
  if (error instanceof PlatformError) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && NOT_FOUND_CODES.has(code))
    return new NotFoundError('Object not found', key ? { key } : undefined);
  const mapped = new UnavailableError('Object storage is unavailable');
  mapped.cause = error;
  return mapped;
}

/**
 * Driver for any S3-compatible service (MinIO, AWS S3, Ceph, s3rver ...). The content digest is stored
 * as user metadata `x-amz-meta-sha256`. S3 needs metadata before the body, so:
 * - Buffers and streams up to `singleUploadMaxBytes` are hashed first and sent in one PUT;
 * - larger streams are hashed while uploading to a temporary key, then server-side copied to the real
 *   key with the digest (copy is atomic, so readers never see the object without it), then the
 *   temporary object is removed. A crash can leave `.uploads/` leftovers: add a bucket lifecycle rule.
 */
export class S3ObjectStore implements ObjectStore {
  readonly driver = 's3' as const;
  private readonly client: Client;
  private readonly agent: HttpAgent;
  private readonly bucket: string;
  private readonly region: string;
  private readonly singleUploadMaxBytes: number;
  private readonly partSize: number;

  private constructor(options: S3ObjectStoreOptions) {
    this.bucket = options.bucket;
    this.region = options.region ?? 'us-east-1';
    this.singleUploadMaxBytes = options.singleUploadMaxBytes ?? 16 * MiB;
    this.partSize = options.partSize ?? 16 * MiB;
    if (!Number.isInteger(this.partSize) || this.partSize < 5 * MiB || this.partSize > 5 * 1024 * MiB) {
      throw new Error('S3 object store partSize must be between 5 MiB and 5 GiB');
    }
    this.agent = options.useSSL ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
    this.client = new Client({
      endPoint: options.endPoint,
      port: options.port,
      useSSL: options.useSSL ?? false,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: this.region,
      pathStyle: options.pathStyle ?? true,
      transportAgent: this.agent,
    });
  }

  /** Connects and creates the bucket when it does not exist yet. */
  static async open(options: S3ObjectStoreOptions): Promise<S3ObjectStore> {
    const store = new S3ObjectStore(options);
    try {
      await store.ensureBucket();
    } catch (error) {
      await store.close();
      throw mapS3Error(error);
    }
    return store;
  }

  async put(key: string, body: Buffer | Readable, options?: PutObjectOptions): Promise<ObjectInfo> {
    validateObjectKey(key);
    assertBody(body);
    const normalized = normalizePutOptions(options);
    // The caller's stream failing is the caller's error, not a storage outage.
    let bodyError: unknown;
    if (!Buffer.isBuffer(body)) body.once('error', (error) => (bodyError = error));
    try {
      if (Buffer.isBuffer(body)) return await this.putBuffer(key, body, normalized);
      const head = await readHead(body, this.singleUploadMaxBytes);
      if (head.complete) return await this.putBuffer(key, head.buffer, normalized);
      return await this.putLarge(key, head.rest, normalized);
    } catch (error) {
      if (bodyError !== undefined) throw bodyError;
      throw mapS3Error(error, key);
    }
  }

  async get(key: string): Promise<{ info: ObjectInfo; body: Readable }> {
    validateObjectKey(key);
    const info = await this.stat(key);
    if (!info) throw new NotFoundError('Object not found', { key });
    try {
      const source = await this.client.getObject(this.bucket, key);
      // Verification also catches an overwrite that lands between the stat and the read.
      return { info, body: verifiedBody(source, info, (error) => mapS3Error(error, key)) };
    } catch (error) {
      throw mapS3Error(error, key);
    }
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    validateObjectKey(key);
    try {
      return toInfo(key, await this.client.statObject(this.bucket, key));
    } catch (error) {
      const mapped = mapS3Error(error, key);
      if (mapped instanceof NotFoundError) return null;
      throw mapped;
    }
  }

  async delete(key: string): Promise<boolean> {
    validateObjectKey(key);
    // S3 deletes succeed whether or not the object existed, so look first to report it.
    const existed = (await this.stat(key)) !== null;
    if (!existed) return false;
    try {
      await this.client.removeObject(this.bucket, key);
      return true;
    } catch (error) {
      throw mapS3Error(error, key);
    }
  }

  async presignedGetUrl(key: string, expiresInSec: number): Promise<string> {
    validateObjectKey(key);
    validateExpiresIn(expiresInSec);
    try {
      return await this.client.presignedGetObject(this.bucket, key, expiresInSec);
    } catch (error) {
      throw mapS3Error(error, key);
    }
  }

  async ping(): Promise<void> {
    let exists: boolean;
    try {
      exists = await this.client.bucketExists(this.bucket);
    } catch (error) {
      throw mapS3Error(error);
    }
    if (!exists) throw new UnavailableError('Object storage is unavailable');
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }

  private async ensureBucket(): Promise<void> {
    if (await this.client.bucketExists(this.bucket)) return;
    try {
      await this.client.makeBucket(this.bucket, this.region);
    } catch (error) {
      // Another instance may have created it in between.
      const code = (error as { code?: unknown }).code;
      if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error;
    }
  }

  private async putBuffer(key: string, buffer: Buffer, options: NormalizedPutOptions): Promise<ObjectInfo> {
    const sha256 = sha256Hex(buffer);
    const result = await this.client.putObject(
      this.bucket,
      key,
      buffer,
      buffer.length,
      headersFor(options, sha256),
    );
    return this.infoAfterWrite(key, result.etag, { size: buffer.length, sha256 }, options);
  }

  private async putLarge(key: string, body: Readable, options: NormalizedPutOptions): Promise<ObjectInfo> {
    const tempKey = `${UPLOAD_PREFIX}${newId()}`;
    try {
      const { size, sha256 } = await this.uploadMultipart(tempKey, body, {
        'Content-Type': options.contentType,
      });
      await this.client.copyObject(
        new CopySourceOptions({ Bucket: this.bucket, Object: tempKey }),
        new CopyDestinationOptions({
          Bucket: this.bucket,
          Object: key,
          MetadataDirective: 'REPLACE',
          Headers: headersFor(options, sha256),
        }),
      );
      // The copy response's ETag placement varies by service; the digest identifies our write.
      return await this.infoAfterWrite(key, undefined, { size, sha256 }, options);
    } finally {
      await this.client.removeObject(this.bucket, tempKey).catch(() => undefined);
    }
  }

  /**
   * Multipart upload driven here rather than by the client's putObject, which looks up resumable
   * uploads first (not every service supports that) and does not propagate a failing input stream.
   * One part is held in memory at a time; a failure aborts the upload so no parts linger.
   */
  private async uploadMultipart(
    key: string,
    body: Readable,
    headers: Record<string, string>,
  ): Promise<{ size: number; sha256: string }> {
    const uploadId = await this.client.initiateNewMultipartUpload(this.bucket, key, headers);
    try {
      const hash = createHash('sha256');
      const etags: { part: number; etag: string }[] = [];
      let size = 0;
      for await (const part of fixedSizeParts(body, this.partSize)) {
        hash.update(part);
        size += part.length;
        const partNumber = etags.length + 1;
        const uploaded = await this.client.uploadPart(
          {
            bucketName: this.bucket,
            objectName: key,
            uploadID: uploadId,
            partNumber,
            headers: { 'Content-Length': String(part.length) },
          },
          part,
        );
        etags.push({ part: partNumber, etag: uploaded.etag });
      }
      await this.client.completeMultipartUpload(this.bucket, key, uploadId, etags);
      return { size, sha256: hash.digest('hex') };
    } catch (error) {
      await this.client.abortMultipartUpload(this.bucket, key, uploadId).catch(() => undefined);
      throw error;
    }
  }

  /** Reads back server-assigned fields; falls back to what was written if a concurrent put replaced it. */
  private async infoAfterWrite(
    key: string,
    etag: string | undefined,
    written: { size: number; sha256: string },
    options: NormalizedPutOptions,
  ): Promise<ObjectInfo> {
    const info = await this.stat(key);
    if (info && info.sha256 === written.sha256 && (!etag || info.etag === etag)) return info;
    return {
      key,
      ...written,
      contentType: options.contentType,
      etag,
      lastModified: new Date(),
      metadata: { ...options.metadata },
    };
  }
}

/** Re-chunks a stream into parts of exactly `partSize` bytes (the last may be shorter). */
async function* fixedSizeParts(body: Readable, partSize: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  for await (const chunk of body) {
    let data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    while (pendingSize + data.length >= partSize) {
      const take = partSize - pendingSize;
      pending.push(data.subarray(0, take));
      yield Buffer.concat(pending, partSize);
      data = data.subarray(take);
      pending = [];
      pendingSize = 0;
    }
    if (data.length > 0) {
      pending.push(data);
      pendingSize += data.length;
    }
  }
  if (pendingSize > 0) yield Buffer.concat(pending, pendingSize);
}

function headersFor(options: NormalizedPutOptions, sha256: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': options.contentType,
    [`X-Amz-Meta-${DIGEST_METADATA}`]: sha256,
  };
  for (const [name, value] of Object.entries(options.metadata)) headers[`X-Amz-Meta-${name}`] = value;
  return headers;
}

function toInfo(key: string, stat: BucketItemStat): ObjectInfo {
  const meta = stat.metaData as Record<string, string | undefined>;
  const metadata: Record<string, string> = {};
  // The client merges user metadata (prefix stripped) with a few standard headers; keep only ours.
  for (const [name, value] of Object.entries(meta)) {
    if (typeof value === 'string' && isUserMetadataName(name.toLowerCase()))
      metadata[name.toLowerCase()] = value;
  }
  return {
    key,
    size: stat.size,
    sha256: meta[DIGEST_METADATA] ?? '',
    contentType: meta['content-type'] ?? 'application/octet-stream',
    etag: stat.etag,
    lastModified: stat.lastModified,
    metadata,
  };
}
