import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { isPlatformError, UnauthenticatedError } from '../errors/platform-errors';

/** REST envelope of upload routes and other platform REST answers. */
export interface RestEnvelope {
  errcode: string;
  error: string;
  data: unknown;
}

/** The body went past the route's limit while it was being read (the declared length was absent or lied). */
export class UploadTooLargeError extends Error {
  readonly statusCode = 413;
  constructor(readonly limit: number) {
    super(`The upload is larger than ${limit} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

export function tooLargeEnvelope(limit: number): RestEnvelope {
  return {
    errcode: 'BAD_USER_INPUT',
    error: `The upload is larger than the limit of ${limit} bytes`,
    data: { reason: 'PAYLOAD_TOO_LARGE', maxBytes: limit },
  };
}

/** The declared Content-Length, or undefined when absent (chunked) or malformed. */
export function declaredLength(request: FastifyRequest): number | undefined {
  const value = request.headers['content-length'];
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Stops taking bytes of a body nobody will read: Node would otherwise drain it after the answer (keep-alive
 * `_dump`), pulling a refused 200 MB upload off the wire. `read(0)` marks the request as consumed without
 * flowing it, so at most one high-water mark is buffered and the socket is paused by back-pressure.
 */
export function stopReadingBody(raw: IncomingMessage): void {
  raw.removeAllListeners('data');
  raw.pause();
  if (!raw.complete) raw.read(0);
}

/**
 * Answers a request whose body was not (fully) read: `connection: close` so the client does not reuse the
 * connection, and the body is left unread. Node ends the socket only after the answer is flushed, so clients
 * that keep sending (fetch/undici, which reads the answer while writing) still get it; curl sends
 * `Expect: 100-continue` and never sends the body at all.
 */
export function refuseUnreadBody(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  envelope: RestEnvelope,
): FastifyReply {
  if (!request.raw.complete) {
    stopReadingBody(request.raw);
    void reply.header('connection', 'close');
  }
  return reply.code(status).header('cache-control', 'no-store').send(envelope);
}

/**
 * Reads a body into one Buffer, refusing it with UploadTooLargeError as soon as it passes `limit` bytes
 * (and then stops reading). Called only after the caller was authenticated and the declared length checked,
 * so at most `limit` bytes per authenticated upload are ever held.
 */
export function readBodyWithCap(body: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = () => {
      body.removeListener('data', onData);
      body.removeListener('end', onEnd);
      body.removeListener('error', onError);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        cleanup();
        body.pause();
        chunks.length = 0;
        reject(new UploadTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
  });
}

/** The request's media type, lower-cased and without parameters (`application/zip; x=1` → `application/zip`). */
export function mediaTypeOf(value: unknown): string {
  const raw = Array.isArray(value) ? value[0] : value;
  return (typeof raw === 'string' ? raw : '').split(';', 1)[0].trim().toLowerCase();
}

/** What an upload route declares to the gate. */
export interface UploadGateRoute {
  contentTypes: readonly string[];
  bodyLimit: number;
}

/**
 * The checks every upload route runs in `onRequest`, before a byte of the body is read: the caller (anonymous
 * refused), the content type and the declared length. Returns the caller, or null once a refusal was sent (the
 * body left unread): the hook then returns the reply.
 */
export async function admitUpload(
  request: FastifyRequest,
  reply: FastifyReply,
  route: UploadGateRoute,
  authenticate: (headers: FastifyRequest['headers']) => Promise<Principal>,
): Promise<Principal | null> {
  let principal: Principal;
  try {
    principal = await authenticate(request.headers);
    if (principal.kind === 'anonymous') throw new UnauthenticatedError('Sign in to upload');
  } catch (error) {
    if (!isPlatformError(error)) throw error;
    refuseUnreadBody(request, reply, error.httpStatus, {
      errcode: error.code,
      error: error.message,
      data: error.details ?? null,
    });
    return null;
  }
  const type = mediaTypeOf(request.headers['content-type']);
  if (!route.contentTypes.includes(type)) {
    refuseUnreadBody(request, reply, 415, {
      errcode: 'BAD_USER_INPUT',
      error: `Send the raw bytes with Content-Type ${route.contentTypes.join(', ')}`,
      data: { reason: 'UNSUPPORTED_MEDIA_TYPE', contentType: type || null },
    });
    return null;
  }
  if ((declaredLength(request) ?? 0) > route.bodyLimit) {
    refuseUnreadBody(request, reply, 413, tooLargeEnvelope(route.bodyLimit));
    return null;
  }
  return principal;
}
