import { describe, expect, it } from 'vitest';
import { licenseExpiry, usagePercent } from './license-expiry';

describe('license expiry warning', () => {
  const now = new Date('2026-03-15T12:00:00Z');
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

  it('says nothing for a license that does not expire', () => {
    expect(licenseExpiry({ expiresAt: null, expired: false }, now)).toEqual({ kind: 'perpetual' });
  });

  it('warns when fewer than 30 days are left, not before', () => {
    expect(licenseExpiry({ expiresAt: at(30), expired: false }, now)).toEqual({
      kind: 'valid',
      daysLeft: 30,
    });
    expect(licenseExpiry({ expiresAt: at(29.5), expired: false }, now)).toEqual({
      kind: 'expiring',
      daysLeft: 30,
    });
    expect(licenseExpiry({ expiresAt: at(10), expired: false }, now)).toEqual({
      kind: 'expiring',
      daysLeft: 10,
    });
    expect(licenseExpiry({ expiresAt: at(0.2), expired: false }, now)).toEqual({
      kind: 'expiring',
      daysLeft: 1,
    });
  });

  it('follows the server on expiry, counting the days since', () => {
    expect(licenseExpiry({ expiresAt: at(-3.5), expired: true }, now)).toEqual({
      kind: 'expired',
      daysAgo: 3,
    });
    // The page's clock may run ahead of the server's: past the date but not yet refused is "expiring, 0 days".
    expect(licenseExpiry({ expiresAt: at(-0.01), expired: false }, now)).toEqual({
      kind: 'expiring',
      daysLeft: 0,
    });
  });

  it('reads usage as a share of the limit', () => {
    expect(usagePercent({ max: 20, used: 5 })).toBe(25);
    expect(usagePercent({ max: 3, used: 5 })).toBe(100);
    expect(usagePercent({ max: null, used: 5 })).toBeNull();
    expect(usagePercent({ max: 5, used: null })).toBeNull();
    expect(usagePercent({ max: 0, used: 0 })).toBe(100);
  });
});
