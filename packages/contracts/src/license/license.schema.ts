import { z } from 'zod';

export const LICENSE_LIMIT_NAMES = [
  'miniPrograms',
  'hostApps',
  'concurrentGrayReleases',
  'organizations',
] as const;
export type LicenseLimitName = (typeof LICENSE_LIMIT_NAMES)[number];

/** A count the license allows; null means unlimited. */
const limit = z.number().int().min(0).max(1_000_000_000).nullable();

export const licenseLimitsSchema = z.strictObject({
  miniPrograms: limit,
  hostApps: limit,
  concurrentGrayReleases: limit,
  organizations: limit,
});

/** UTC ISO-8601 timestamp as produced by Date#toISOString(), so the signed text has one spelling. */
const timestamp = z.iso.datetime({
  error: 'must be an ISO-8601 UTC timestamp (e.g. 2027-01-01T00:00:00.000Z)',
});

export const licensePayloadSchema = z
  .strictObject({
    licenseId: z.string().min(1).max(128),
    licensee: z.string().min(1).max(256),
    issuedAt: timestamp,
    /** null: the license does not expire (the built-in evaluation license; see README). */
    expiresAt: timestamp.nullable(),
    limits: licenseLimitsSchema,
  })
  .refine((p) => p.expiresAt === null || Date.parse(p.expiresAt) > Date.parse(p.issuedAt), {
    error: 'expiresAt must be after issuedAt',
    path: ['expiresAt'],
  });

// Ed25519 signatures are 64 bytes: 88 base64 characters ending in "==".
export const licenseDocumentSchema = z.strictObject({
  payload: licensePayloadSchema,
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, { error: 'must be a base64 Ed25519 signature' }),
});

export type LicenseLimits = z.infer<typeof licenseLimitsSchema>;
export type LicensePayload = z.infer<typeof licensePayloadSchema>;
export type LicenseDocument = z.infer<typeof licenseDocumentSchema>;
export type LicenseUsage = Record<LicenseLimitName, number>;
