import { createHmac, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, PlatformError } from '../errors/platform-errors';
import { validateObjectKey } from './object-input';

/**
 * HMAC-signed download links for the filesystem driver:
 * `<publicBaseUrl>/objects/<key>?expires=<unix seconds>&signature=<base64url HMAC-SHA256>`.
 * The signature covers the key and expiry only (not the host), so links survive reverse proxies.
 */
export const OBJECT_URL_PATH = '/objects/';
export const MIN_OBJECT_URL_SECRET_LENGTH = 32;

export function assertObjectUrlSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_OBJECT_URL_SECRET_LENGTH) {
    throw new Error(`Object URL signing secret must be at least ${MIN_OBJECT_URL_SECRET_LENGTH} characters`);
  }
}

function sign(key: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`grove-object-get\n${key}\n${expires}`).digest('base64url');
}

export function encodeObjectKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

export function signObjectUrl(params: {
  publicBaseUrl: string;
  key: string;
  expiresAt: Date;
  secret: string;
}): string {
  assertObjectUrlSecret(params.secret);
  const key = validateObjectKey(params.key);
  const expires = Math.floor(params.expiresAt.getTime() / 1000);
  const base = params.publicBaseUrl.replace(/\/+$/, '');
  return `${base}${OBJECT_URL_PATH}${encodeObjectKeyPath(key)}?expires=${expires}&signature=${sign(key, expires, params.secret)}`;
}

export interface VerifiedObjectUrl {
  key: string;
  expiresAt: Date;
}

export interface VerifyObjectUrlOptions {
  secret: string;
  /** Defaults to the current time. */
  now?: Date;
}

function rejected(reason: 'malformed' | 'expired' | 'bad_signature', message: string): never {
  throw new ForbiddenError(message, { reason });
}

/**
 * Checks a link produced by the filesystem driver. Accepts an absolute URL or the request target an
 * HTTP server sees (`/objects/<key>?expires=..&signature=..`, possibly under a path prefix).
 * Returns the object key to serve; throws ForbiddenError (details.reason) otherwise.
 */
export function verifyPresignedObjectUrl(
  url: string | URL,
  options: VerifyObjectUrlOptions,
): VerifiedObjectUrl {
  assertObjectUrlSecret(options.secret);
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://localhost');
  } catch {
    return rejected('malformed', 'Invalid download link');
  }
  const at = parsed.pathname.indexOf(OBJECT_URL_PATH);
  const expiresParam = parsed.searchParams.get('expires');
  const signature = parsed.searchParams.get('signature');
  if (at < 0 || !expiresParam || !/^\d{1,12}$/.test(expiresParam) || !signature) {
    return rejected('malformed', 'Invalid download link');
  }
  let key: string;
  try {
    key = validateObjectKey(
      parsed.pathname
        .slice(at + OBJECT_URL_PATH.length)
        .split('/')
        .map(decodeURIComponent)
        .join('/'),
    );
  } catch (error) {
    if (error instanceof PlatformError || error instanceof URIError)
      return rejected('malformed', 'Invalid download link');
    throw error;
  }
  const expires = Number(expiresParam);
  const expected = Buffer.from(sign(key, expires, options.secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return rejected('bad_signature', 'Invalid download link');
  }
  const nowSec = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (expires < nowSec) return rejected('expired', 'Download link has expired');
  return { key, expiresAt: new Date(expires * 1000) };
}
