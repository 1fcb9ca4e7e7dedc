/**
 * Stable errcodes of the SDK runtime envelope `{ errcode, error, data }`. SDKs branch on `errcode`; the HTTP status
 * only helps proxies and logs. Never rename a code: add a new one instead.
 */
export const RuntimeErrcode = {
  OK: 'OK',
  /** Conditional fetch: what the SDK already has is current (200 with knownVersion/knownDigest; 304 with If-None-Match). */
  UNCHANGED: 'UNCHANGED',
  BAD_REQUEST: 'BAD_REQUEST',
  APP_KEY_INVALID: 'APP_KEY_INVALID',
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
  TIMESTAMP_EXPIRED: 'TIMESTAMP_EXPIRED',
  NONCE_REPLAYED: 'NONCE_REPLAYED',
  HOST_APP_DISABLED: 'HOST_APP_DISABLED',
  APPLET_NOT_FOUND: 'APPLET_NOT_FOUND',
  APPLET_NOT_LINKED: 'APPLET_NOT_LINKED',
  APPLET_DELISTED: 'APPLET_DELISTED',
  APPLET_FROZEN: 'APPLET_FROZEN',
  /** The host app's or the mini-program's organization is frozen by an operator. */
  ORGANIZATION_FROZEN: 'ORGANIZATION_FROZEN',
  /** A `versionId` asked for by the package download is neither the published nor the live gray version. */
  VERSION_UNAVAILABLE: 'VERSION_UNAVAILABLE',
  BASE_LIBRARY_NOT_FOUND: 'BASE_LIBRARY_NOT_FOUND',
  /** The `trial` grant is malformed, forged, expired, for another app, or its version is no longer the trial version. */
  TRIAL_TOKEN_INVALID: 'TRIAL_TOKEN_INVALID',
  /** A valid `trial` grant, but the request names no `userId` or one that is not a tester of the mini-program. */
  NOT_TRIAL_MEMBER: 'NOT_TRIAL_MEMBER',
  NOT_FOUND: 'NOT_FOUND',
  /** An analytics report over the documented size (MAX_REPORT_BYTES after gzip is undone). */
  REPORT_TOO_LARGE: 'REPORT_TOO_LARGE',
  /** Too many requests from this client IP or for this host app; retry after the `Retry-After` seconds. */
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type RuntimeErrcode = (typeof RuntimeErrcode)[keyof typeof RuntimeErrcode];

export const RUNTIME_HTTP_STATUS: Record<RuntimeErrcode, number> = {
  OK: 200,
  UNCHANGED: 200,
  BAD_REQUEST: 400,
  APP_KEY_INVALID: 401,
  SIGNATURE_INVALID: 401,
  TIMESTAMP_EXPIRED: 401,
  NONCE_REPLAYED: 401,
  HOST_APP_DISABLED: 403,
  APPLET_NOT_FOUND: 404,
  APPLET_NOT_LINKED: 403,
  APPLET_DELISTED: 410,
  APPLET_FROZEN: 403,
  ORGANIZATION_FROZEN: 403,
  VERSION_UNAVAILABLE: 410,
  BASE_LIBRARY_NOT_FOUND: 404,
  TRIAL_TOKEN_INVALID: 403,
  NOT_TRIAL_MEMBER: 403,
  NOT_FOUND: 404,
  REPORT_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface RuntimeEnvelope<T = unknown> {
  errcode: RuntimeErrcode;
  error: string;
  data: T | null;
}

/** A refusal the SDK is meant to understand; anything else is answered as INTERNAL and logged. */
export class RuntimeError extends Error {
  constructor(
    readonly errcode: Exclude<RuntimeErrcode, 'OK' | 'UNCHANGED'>,
    message: string,
  ) {
    super(message);
    this.name = 'RuntimeError';
  }

  get httpStatus(): number {
    return RUNTIME_HTTP_STATUS[this.errcode];
  }
}

export function ok<T>(data: T): RuntimeEnvelope<T> {
  return { errcode: RuntimeErrcode.OK, error: '', data };
}

export function unchanged<T>(data: T): RuntimeEnvelope<T> {
  return { errcode: RuntimeErrcode.UNCHANGED, error: '', data };
}

export function failure(errcode: RuntimeErrcode, message: string): RuntimeEnvelope<null> {
  return { errcode, error: message, data: null };
}
