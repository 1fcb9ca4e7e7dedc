/** How the license page warns about the end of the license in force. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export type LicenseExpiryState =
  | { kind: 'perpetual' }
  | { kind: 'expired'; daysAgo: number }
  | { kind: 'expiring'; daysLeft: number }
  | { kind: 'valid'; daysLeft: number };

/**
 * `expired` follows the server (it decides whether writes are refused); the days left are counted from the page's
 * clock: fewer than 30 days left is a warning, and a license past its date the server has not yet called expired
 * shows as expiring today rather than as valid.
 */
export function licenseExpiry(
  license: { expiresAt?: string | null; expired: boolean },
  now: Date,
): LicenseExpiryState {
  if (!license.expiresAt) return license.expired ? { kind: 'expired', daysAgo: 0 } : { kind: 'perpetual' };
  const left = new Date(license.expiresAt).getTime() - now.getTime();
  if (license.expired) return { kind: 'expired', daysAgo: Math.max(0, Math.floor(-left / DAY_MS)) };
  const daysLeft = Math.max(0, Math.ceil(left / DAY_MS));
  return left < EXPIRY_WARNING_DAYS * DAY_MS ? { kind: 'expiring', daysLeft } : { kind: 'valid', daysLeft };
}

/** Share of a limit used, 0–100 (null when unlimited or not tracked), for the usage bars. */
export function usagePercent(limit: { max?: number | null; used?: number | null }): number | null {
  if (limit.max === null || limit.max === undefined || limit.used === null || limit.used === undefined)
    return null;
  if (limit.max <= 0) return 100;
  return Math.min(100, Math.round((limit.used / limit.max) * 100));
}
