import { randomBytes } from 'node:crypto';

/** Public, stable app id of a mini-program: 'mp' + 16 hex characters (64 random bits). */
export function newAppId(): string {
  return `mp${randomBytes(8).toString('hex')}`;
}

/** Public SDK key of a host app: 'hk' + 24 hex characters. */
export function newSdkKey(): string {
  return `hk${randomBytes(12).toString('hex')}`;
}
