import { monotonicFactory } from 'ulid';
import { randomBytes } from 'node:crypto';

const nextUlid = monotonicFactory();

/** Sortable string id (ULID). Ids are never ObjectIds so every document driver behaves alike. */
export function newId(): string {
  return nextUlid();
}

/** URL-safe random token with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
