import { ForbiddenError, LicenseLimitExceededError } from '@grove/platform';
import type { LicenseLimitName, LicensePayload, LicenseUsage } from './license.schema';

const LABELS: Record<LicenseLimitName, string> = {
  miniPrograms: 'mini-programs',
  hostApps: 'host apps',
  concurrentGrayReleases: 'concurrent gray releases',
  organizations: 'organizations',
};

export function isLicenseExpired(payload: LicensePayload, now: Date): boolean {
  return payload.expiresAt !== null && now.getTime() >= Date.parse(payload.expiresAt);
}

/**
 * Every write checks this. An expired license is a ForbiddenError (code FORBIDDEN) with
 * `details.reason = 'LICENSE_EXPIRED'`: expiry is not "one more than allowed", so
 * LICENSE_LIMIT_EXCEEDED stays reserved for counted limits. Reads keep working.
 */
export function assertLicenseActive(payload: LicensePayload, now: Date): void {
  if (isLicenseExpired(payload, now)) {
    throw new ForbiddenError(
      `The license expired on ${payload.expiresAt}; changes are disabled until a new license is installed`,
      {
        reason: 'LICENSE_EXPIRED',
        expiresAt: payload.expiresAt,
      },
    );
  }
}

/**
 * Call before creating one more `limitName` (mini-program, host app, gray release, organization):
 * throws LicenseLimitExceededError naming the limit when `usage[limitName] + 1` would exceed it.
 */
export function checkLimit(
  payload: LicensePayload,
  usage: Partial<LicenseUsage>,
  limitName: LicenseLimitName,
  now: Date,
): void {
  assertLicenseActive(payload, now);
  const max = payload.limits[limitName];
  if (max === null) return;
  const current = usage[limitName];
  if (current === undefined || !Number.isInteger(current) || current < 0) {
    throw new TypeError(`checkLimit needs the current ${limitName} count as a non-negative integer`);
  }
  if (current + 1 > max) throw limitExceeded(limitName, max, current);
}

/** The error every refused creation carries: stable code LICENSE_LIMIT_EXCEEDED, details naming the limit. */
export function limitExceeded(
  limitName: LicenseLimitName,
  max: number,
  current: number,
): LicenseLimitExceededError {
  return new LicenseLimitExceededError(`The license allows at most ${max} ${LABELS[limitName]}`, {
    limit: limitName,
    max,
    current,
  });
}
