import { generateKeyPairSync } from 'node:crypto';
import { BadUserInputError } from '@grove/platform';
import type { LicenseDocument, LicensePayload } from './license.schema';
import { canonicalPayload, generateLicenseKeyPair, signLicense, verifyLicense } from './license.signature';

const vendor = generateLicenseKeyPair();
const payload: LicensePayload = {
  licenseId: 'lic-1',
  licensee: 'Acme Bank',
  issuedAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2027-01-01T00:00:00.000Z',
  limits: { miniPrograms: 100, hostApps: 10, concurrentGrayReleases: 5, organizations: null },
};

function rejection(run: () => unknown): BadUserInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return error as BadUserInputError;
  }
  throw new Error('expected a BadUserInputError');
}

const clone = (doc: LicenseDocument): any => JSON.parse(JSON.stringify(doc));

describe('license signatures', () => {
  it('round-trips: sign then verify returns the payload, from an object or JSON text', () => {
    const doc = signLicense(payload, vendor.privateKeyPem);
    expect(doc.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(verifyLicense(doc, vendor.publicKeyPem)).toEqual(payload);
    expect(verifyLicense(JSON.stringify(doc, null, 2), vendor.publicKeyPem)).toEqual(payload);
  });

  it('signs the canonical form: key order in the document does not matter', () => {
    const doc = signLicense(payload, vendor.privateKeyPem);
    const reordered = {
      signature: doc.signature,
      payload: {
        limits: { organizations: null, hostApps: 10, miniPrograms: 100, concurrentGrayReleases: 5 },
        expiresAt: payload.expiresAt,
        licensee: payload.licensee,
        licenseId: payload.licenseId,
        issuedAt: payload.issuedAt,
      },
    };
    expect(verifyLicense(reordered, vendor.publicKeyPem)).toEqual(payload);
    expect(canonicalPayload(payload).toString()).toBe(
      '{"expiresAt":"2027-01-01T00:00:00.000Z","issuedAt":"2026-01-01T00:00:00.000Z","licenseId":"lic-1",' +
        '"licensee":"Acme Bank","limits":{"concurrentGrayReleases":5,"hostApps":10,"miniPrograms":100,"organizations":null}}',
    );
  });

  it.each([
    ['a raised limit', (d: any) => (d.payload.limits.miniPrograms = 1000)],
    ['an unlimited limit', (d: any) => (d.payload.limits.hostApps = null)],
    ['a later expiry', (d: any) => (d.payload.expiresAt = '2099-01-01T00:00:00.000Z')],
    ['no expiry', (d: any) => (d.payload.expiresAt = null)],
    ['another licensee', (d: any) => (d.payload.licensee = 'Mallory')],
  ])('refuses a payload with %s', (_, tamper) => {
    const doc = clone(signLicense(payload, vendor.privateKeyPem));
    tamper(doc);
    const error = rejection(() => verifyLicense(doc, vendor.publicKeyPem));
    expect(error.message).toBe('License signature invalid');
    expect(error.details).toEqual({ reason: 'LICENSE_SIGNATURE_INVALID' });
  });

  it('refuses a tampered signature', () => {
    const doc = clone(signLicense(payload, vendor.privateKeyPem));
    const first = doc.signature[0];
    doc.signature = (first === 'A' ? 'B' : 'A') + doc.signature.slice(1);
    expect(rejection(() => verifyLicense(doc, vendor.publicKeyPem)).message).toBe(
      'License signature invalid',
    );
  });

  it('refuses a license signed with another key', () => {
    const other = generateLicenseKeyPair();
    const forged = signLicense(payload, other.privateKeyPem);
    expect(rejection(() => verifyLicense(forged, vendor.publicKeyPem)).message).toBe(
      'License signature invalid',
    );
  });

  it.each([
    ['not JSON', '{nope', '(root)'],
    ['no signature', { payload }, 'signature'],
    ['a short signature', { payload, signature: 'AAAA' }, 'signature'],
    [
      'an extra payload field',
      { payload: { ...payload, seats: 5 }, signature: 'A'.repeat(86) + '==' },
      'payload',
    ],
    [
      'a missing limit',
      { payload: { ...payload, limits: { miniPrograms: 1 } }, signature: 'A'.repeat(86) + '==' },
      'payload.limits.hostApps',
    ],
    [
      'a fractional limit',
      {
        payload: { ...payload, limits: { ...payload.limits, hostApps: 1.5 } },
        signature: 'A'.repeat(86) + '==',
      },
      'payload.limits.hostApps',
    ],
    [
      'a non-UTC date',
      { payload: { ...payload, expiresAt: '2027-01-01' }, signature: 'A'.repeat(86) + '==' },
      'payload.expiresAt',
    ],
    [
      'expiry before issue',
      { payload: { ...payload, expiresAt: '2025-01-01T00:00:00.000Z' }, signature: 'A'.repeat(86) + '==' },
      'payload.expiresAt',
    ],
  ])('refuses a malformed document: %s', (_, doc, path) => {
    const error = rejection(() => verifyLicense(doc, vendor.publicKeyPem));
    expect(error.message).toBe('License document malformed');
    expect(error.details?.reason).toBe('LICENSE_MALFORMED');
    expect((error.details?.problems as { path: string }[]).map((p) => p.path)).toContain(path);
  });

  it('refuses keys that are not Ed25519 PEM as a configuration error', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const doc = signLicense(payload, vendor.privateKeyPem);
    expect(() => verifyLicense(doc, rsaPem)).toThrow('License public key must be an Ed25519 public key');
    expect(() => verifyLicense(doc, 'not a pem')).toThrow('License public key is not a valid PEM key');
    expect(() => signLicense(payload, vendor.publicKeyPem)).toThrow(/private key/);
  });

  it('refuses to sign an invalid payload', () => {
    expect(() => signLicense({ ...payload, licensee: '' }, vendor.privateKeyPem)).toThrow(BadUserInputError);
  });
});
