import { createHash } from 'node:crypto';

/** Refresh and invitation tokens are high-entropy random values, so a plain sha256 is enough at rest. */
export function hashSecret(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
