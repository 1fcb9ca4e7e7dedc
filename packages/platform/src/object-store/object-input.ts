import { Readable } from 'node:stream';
import { BadUserInputError } from '../errors/platform-errors';
import type { PutObjectOptions } from './object-store.port';

export const MAX_OBJECT_KEY_LENGTH = 512;
/** Same ceiling as S3 presigned URLs (7 days). */
export const MAX_PRESIGN_EXPIRY_SEC = 7 * 24 * 3600;
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

// URL- and filesystem-safe; '/' separates segments. Segments may not start with '.', which rules out
// '.', '..', hidden files and the drivers' reserved '.'-prefixed areas (temp uploads).
const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;
const CONTENT_TYPE =
  /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;\s*[a-z0-9_.-]+=("[\x20-\x21\x23-\x7e]*"|[a-z0-9!#$&^_.+-]+))*$/i;
const METADATA_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const METADATA_VALUE = /^[\x20-\x7e]*$/;
/** Names S3 clients treat as real headers rather than user metadata, plus our own digest entry. */
const RESERVED_METADATA = /^(sha256$|content-|cache-control$|expires$|if-|x-amz-)/;
const MAX_METADATA_BYTES = 2048;

function invalidKey(reason: string): never {
  throw new BadUserInputError(`Invalid object key: ${reason}`, { field: 'key' });
}

export function validateObjectKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) invalidKey('must be a non-empty string');
  if (key.length > MAX_OBJECT_KEY_LENGTH) invalidKey(`must be at most ${MAX_OBJECT_KEY_LENGTH} characters`);
  if (key.startsWith('/')) invalidKey('must not start with "/"');
  if (key.endsWith('/')) invalidKey('must not end with "/"');
  for (const segment of key.split('/')) {
    if (segment === '') invalidKey('must not contain empty path segments');
    if (segment === '.' || segment === '..') invalidKey('must not contain "." or ".." segments');
    if (!SEGMENT.test(segment)) {
      invalidKey('segments may use only letters, digits, ".", "_", "-", "~" and must not start with "."');
    }
  }
  return key;
}

export function validateExpiresIn(expiresInSec: unknown): number {
  if (
    typeof expiresInSec !== 'number' ||
    !Number.isInteger(expiresInSec) ||
    expiresInSec < 1 ||
    expiresInSec > MAX_PRESIGN_EXPIRY_SEC
  ) {
    throw new BadUserInputError(
      `URL expiry must be a whole number of seconds between 1 and ${MAX_PRESIGN_EXPIRY_SEC}`,
      {
        field: 'expiresInSec',
      },
    );
  }
  return expiresInSec;
}

export function assertBody(body: unknown): asserts body is Buffer | Readable {
  if (!Buffer.isBuffer(body) && !(body instanceof Readable)) {
    throw new BadUserInputError('Object body must be a Buffer or a readable stream', { field: 'body' });
  }
}

export interface NormalizedPutOptions {
  contentType: string;
  metadata: Record<string, string>;
}

export function normalizePutOptions(options: PutObjectOptions = {}): NormalizedPutOptions {
  const contentType = options.contentType ?? DEFAULT_CONTENT_TYPE;
  if (typeof contentType !== 'string' || contentType.length > 255 || !CONTENT_TYPE.test(contentType)) {
    throw new BadUserInputError('Invalid content type', { field: 'contentType' });
  }
  const metadata: Record<string, string> = {};
  let bytes = 0;
  for (const [rawKey, value] of Object.entries(options.metadata ?? {})) {
    const key = rawKey.toLowerCase();
    if (!METADATA_KEY.test(key) || RESERVED_METADATA.test(key)) {
      throw new BadUserInputError(`Invalid or reserved metadata name "${rawKey}"`, { field: 'metadata' });
    }
    if (typeof value !== 'string' || !METADATA_VALUE.test(value)) {
      throw new BadUserInputError(`Metadata "${rawKey}" must be printable ASCII text`, { field: 'metadata' });
    }
    if (key in metadata)
      throw new BadUserInputError(`Duplicate metadata name "${rawKey}"`, { field: 'metadata' });
    metadata[key] = value;
    bytes += key.length + value.length;
  }
  if (bytes > MAX_METADATA_BYTES) {
    throw new BadUserInputError(`Metadata must total at most ${MAX_METADATA_BYTES} bytes`, {
      field: 'metadata',
    });
  }
  return { contentType, metadata };
}

/** Keeps user metadata apart from the headers and digest that S3 clients report alongside it. */
export function isUserMetadataName(name: string): boolean {
  return METADATA_KEY.test(name) && !RESERVED_METADATA.test(name);
}
