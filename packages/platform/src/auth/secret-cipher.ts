import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const MIN_SECRET_KEY_LENGTH = 32;

/**
 * AES-256-GCM for SDK secrets at rest (app-manage) and in the runtime's shared cache. The 256-bit key is derived with HKDF from the configured key material,
 * and the associated data binds each ciphertext to its record, so a ciphertext copied onto another host app
 * (or an older secret version) fails to decrypt.
 */
export class SecretCipher {
  private readonly key: Buffer;

  constructor(keyMaterial: string) {
    if (typeof keyMaterial !== 'string' || keyMaterial.length < MIN_SECRET_KEY_LENGTH) {
      throw new Error(`The secret encryption key must be at least ${MIN_SECRET_KEY_LENGTH} characters`);
    }
    this.key = Buffer.from(hkdfSync('sha256', keyMaterial, 'grove-app-manage', 'sdk-secret-aes-256-gcm', 32));
  }

  encrypt(plaintext: string, associatedData: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the ciphertext was altered, belongs to other associated data, or was made with another key. */
  decrypt(token: string, associatedData: string): string {
    const [format, iv, ciphertext, tag] = token.split('.');
    if (format !== FORMAT || !iv || ciphertext === undefined || !tag)
      throw new Error('Unknown secret ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
