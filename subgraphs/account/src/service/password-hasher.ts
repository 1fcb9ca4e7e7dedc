import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;
const SALT_BYTES = 16;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function memoryFor(cost: number, blockSize: number): number {
  // scrypt needs 128 * N * r bytes; leave headroom so node does not refuse the parameters.
  return 256 * 2 ** cost * blockSize;
}

/**
 * scrypt password hashes in the form `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64url). Parameters travel
 * with the hash, so raising the cost later still verifies old hashes.
 */
export class PasswordHasher {
  /** @param cost log2 of scrypt's N (15 = 32768). */
  constructor(private readonly cost = 15) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await scryptAsync(password, salt, KEY_LENGTH, {
      N: 2 ** this.cost,
      r: BLOCK_SIZE,
      p: PARALLELISM,
      maxmem: memoryFor(this.cost, BLOCK_SIZE),
    });
    return [
      'scrypt',
      this.cost,
      BLOCK_SIZE,
      PARALLELISM,
      salt.toString('base64url'),
      key.toString('base64url'),
    ].join('$');
  }

  /** False for a wrong password or a malformed hash; comparison is constant-time. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parts = stored.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
    const [cost, blockSize, parallelism] = parts.slice(1, 4).map(Number);
    if (![cost, blockSize, parallelism].every((n) => Number.isInteger(n) && n > 0) || cost > 22) return false;
    const salt = Buffer.from(parts[4], 'base64url');
    const expected = Buffer.from(parts[5], 'base64url');
    if (expected.length === 0) return false;
    const actual = await scryptAsync(password, salt, expected.length, {
      N: 2 ** cost,
      r: blockSize,
      p: parallelism,
      maxmem: memoryFor(cost, blockSize),
    });
    return timingSafeEqual(actual, expected);
  }
}
