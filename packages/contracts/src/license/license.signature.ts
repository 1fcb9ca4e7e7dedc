import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { BadUserInputError } from '@grove/platform';
import {
  licenseDocumentSchema,
  licensePayloadSchema,
  type LicenseDocument,
  type LicensePayload,
} from './license.schema';

/** The bytes that are signed: JSON of the payload with object keys sorted at every level, no whitespace. */
export function canonicalPayload(payload: LicensePayload): Buffer {
  return Buffer.from(stableStringify(payload), 'utf8');
}

/**
 * The spelling fast-json-stable-stringify produces (licenses already issued were signed over it): keys sorted,
 * undefined members left out, non-finite numbers as null. Kept here so the format needs no extra dependency.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
    return JSON.stringify(value) ?? 'null';
  }
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return stableStringify(json.call(value));
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : stableStringify(item))).join(',')}]`;
  const members = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

export interface LicenseKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

export function generateLicenseKeyPair(): LicenseKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Vendor side: validates the payload and signs it. */
export function signLicense(payload: LicensePayload, privateKeyPem: string): LicenseDocument {
  const parsed = licensePayloadSchema.safeParse(payload);
  if (!parsed.success) {
    throw new BadUserInputError('License payload invalid', { problems: problemsOf(parsed.error) });
  }
  const key = ed25519Key(createPrivateKey, privateKeyPem, 'private');
  return {
    payload: parsed.data,
    signature: sign(null, canonicalPayload(parsed.data), key).toString('base64'),
  };
}

/**
 * Accepts a license document (object or JSON text) and returns its payload when the signature is
 * valid for `publicKeyPem`. Malformed documents and bad signatures are a BadUserInputError with
 * `details.reason` LICENSE_MALFORMED / LICENSE_SIGNATURE_INVALID. Expiry is not checked here (see
 * assertLicenseActive), so an expired license can still be shown to the operator.
 */
export function verifyLicense(document: unknown, publicKeyPem: string): LicensePayload {
  const key = ed25519Key(createPublicKey, publicKeyPem, 'public');
  let input = document;
  if (typeof document === 'string') {
    try {
      input = JSON.parse(document);
    } catch {
      throw new BadUserInputError('License document malformed', {
        reason: 'LICENSE_MALFORMED',
        problems: [{ path: '(root)', message: 'not JSON' }],
      });
    }
  }
  const parsed = licenseDocumentSchema.safeParse(input);
  if (!parsed.success) {
    throw new BadUserInputError('License document malformed', {
      reason: 'LICENSE_MALFORMED',
      problems: problemsOf(parsed.error),
    });
  }
  const signature = Buffer.from(parsed.data.signature, 'base64');
  // Refuse non-canonical base64 spellings too, so one license has exactly one accepted text form.
  const valid =
    signature.toString('base64') === parsed.data.signature &&
    verify(null, canonicalPayload(parsed.data.payload), key, signature);
  if (!valid)
    throw new BadUserInputError('License signature invalid', { reason: 'LICENSE_SIGNATURE_INVALID' });
  return parsed.data.payload;
}

/** Throws a plain Error unless `publicKeyPem` is an Ed25519 public key in PEM form (checked at startup). */
export function assertLicensePublicKey(publicKeyPem: string): void {
  ed25519Key(createPublicKey, publicKeyPem, 'public');
}

/** A configured key that is not Ed25519 PEM is an operator mistake, not user input: plain Error. */
function ed25519Key(load: (pem: string) => KeyObject, pem: string, kind: 'public' | 'private'): KeyObject {
  let key: KeyObject;
  try {
    key = load(pem);
  } catch {
    throw new Error(`License ${kind} key is not a valid PEM key`);
  }
  if (key.asymmetricKeyType !== 'ed25519' || key.type !== kind)
    throw new Error(`License ${kind} key must be an Ed25519 ${kind} key`);
  return key;
}

function problemsOf(error: {
  issues: { path: PropertyKey[]; message: string }[];
}): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}
