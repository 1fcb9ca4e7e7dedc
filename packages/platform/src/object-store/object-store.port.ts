import type { Readable } from 'node:stream';

/**
 * Object store port: mini-program packages, logos, base libraries. Domain code depends on this
 * interface only; drivers are the embedded filesystem store and any S3-compatible service.
 */
export type ObjectStoreDriver = 'fs' | 's3';

export interface ObjectInfo {
  key: string;
  size: number;
  /** Hex SHA-256 of the content, computed while the object was written. */
  sha256: string;
  contentType: string;
  etag?: string;
  lastModified: Date;
  /** Caller metadata given at put time (keys lower-cased). */
  metadata: Record<string, string>;
}

export interface PutObjectOptions {
  /** Defaults to application/octet-stream. */
  contentType?: string;
  /** Keys: lower-case letters, digits and '-'; values: printable ASCII (they travel as HTTP headers). */
  metadata?: Record<string, string>;
}

export interface ObjectStore {
  readonly driver: ObjectStoreDriver;
  /** Streams the body in; the object becomes visible only once fully written (replaces any previous one). */
  put(key: string, body: Buffer | Readable, options?: PutObjectOptions): Promise<ObjectInfo>;
  /** Streamed read; throws NotFoundError when absent. The stream errors if the bytes do not match `info`. */
  get(key: string): Promise<{ info: ObjectInfo; body: Readable }>;
  stat(key: string): Promise<ObjectInfo | null>;
  /** True when an object was removed. */
  delete(key: string): Promise<boolean>;
  /** Time-limited URL that lets anyone holding it download the object without other credentials. */
  presignedGetUrl(key: string, expiresInSec: number): Promise<string>;
  /** Throws UnavailableError when the backend cannot be used. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
