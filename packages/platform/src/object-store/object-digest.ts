import { createHash, type Hash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { UnavailableError } from '../errors/platform-errors';

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Pass-through that hashes and counts the bytes flowing to storage. */
export class DigestingStream extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private hex?: string;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.hex = this.hash.digest('hex');
    callback();
  }

  /** Available once the stream has finished. */
  result(): { size: number; sha256: string } {
    if (this.hex === undefined) throw new Error('DigestingStream has not finished');
    return { size: this.bytes, sha256: this.hex };
  }
}

/** Fails the stream at its end when the bytes read differ from what was recorded at write time. */
class VerifyingStream extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  constructor(private readonly expected: { size: number; sha256: string }) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const sha256 = this.hash.digest('hex');
    // An empty recorded digest means the object was written outside this store: size is all we can check.
    const digestOk = !this.expected.sha256 || sha256 === this.expected.sha256;
    if (this.bytes !== this.expected.size || !digestOk) {
      callback(
        new UnavailableError('Stored object changed or failed its integrity check; retry the download'),
      );
      return;
    }
    callback();
  }
}

/**
 * Wraps a storage read stream: verifies size and digest, translates storage errors with `mapError`,
 * and releases the source when the consumer stops early.
 */
export function verifiedBody(
  source: Readable,
  expected: { size: number; sha256: string },
  mapError: (error: unknown) => Error,
): Readable {
  const verifier = new VerifyingStream(expected);
  source.once('error', (error) => verifier.destroy(mapError(error)));
  verifier.once('close', () => {
    if (!source.destroyed) source.destroy();
  });
  source.pipe(verifier);
  return verifier;
}

export function toReadable(body: Buffer | Readable): Readable {
  // Readable.from(buffer) would iterate single bytes; wrap it in an array.
  return Buffer.isBuffer(body) ? Readable.from([body]) : body;
}

/**
 * Reads up to `limit` bytes. When the stream ends within the limit the whole body is returned as a
 * Buffer; otherwise `rest` replays the bytes already read followed by the remainder of the stream.
 */
export async function readHead(
  stream: Readable,
  limit: number,
): Promise<{ complete: true; buffer: Buffer } | { complete: false; rest: Readable }> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return { complete: true, buffer: Buffer.concat(chunks, size) };
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
    if (size > limit) break;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield* chunks;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      }
    } finally {
      // Destroys the caller's stream when the upload stops early.
      await iterator.return?.();
    }
  }
  return { complete: false, rest: Readable.from(replay(), { objectMode: false }) };
}
