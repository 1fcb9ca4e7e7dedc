import { ErrorCode, ForbiddenError, LicenseLimitExceededError } from '@grove/platform';
import { assertLicenseActive, checkLimit, isLicenseExpired } from './license.limits';
import type { LicensePayload, LicenseUsage } from './license.schema';

const license: LicensePayload = {
  licenseId: 'lic-1',
  licensee: 'Acme Bank',
  issuedAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2027-01-01T00:00:00.000Z',
  limits: { miniPrograms: 3, hostApps: 1, concurrentGrayReleases: 0, organizations: null },
};
const before = new Date('2026-06-01T00:00:00.000Z');
const usage: LicenseUsage = {
  miniPrograms: 2,
  hostApps: 0,
  concurrentGrayReleases: 0,
  organizations: 10_000,
};

function thrown(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('checkLimit', () => {
  it('allows creating one more while under the limit', () => {
    expect(() => checkLimit(license, usage, 'miniPrograms', before)).not.toThrow();
    expect(() => checkLimit(license, usage, 'hostApps', before)).not.toThrow();
  });

  it('refuses the one that would exceed the limit, naming it', () => {
    const error = thrown(() => checkLimit(license, { ...usage, miniPrograms: 3 }, 'miniPrograms', before));
    expect(error).toBeInstanceOf(LicenseLimitExceededError);
    expect((error as LicenseLimitExceededError).code).toBe(ErrorCode.LICENSE_LIMIT_EXCEEDED);
    expect((error as LicenseLimitExceededError).message).toBe('The license allows at most 3 mini-programs');
    expect((error as LicenseLimitExceededError).details).toEqual({
      limit: 'miniPrograms',
      max: 3,
      current: 3,
    });
    expect(thrown(() => checkLimit(license, { hostApps: 1 }, 'hostApps', before))).toBeInstanceOf(
      LicenseLimitExceededError,
    );
    // Already over (e.g. after installing a smaller license): still refused, nothing is deleted.
    expect(thrown(() => checkLimit(license, { hostApps: 4 }, 'hostApps', before))).toBeInstanceOf(
      LicenseLimitExceededError,
    );
  });

  it('treats a zero limit as "none allowed" and null as unlimited', () => {
    const error = thrown(() =>
      checkLimit(license, usage, 'concurrentGrayReleases', before),
    ) as LicenseLimitExceededError;
    expect(error.message).toBe('The license allows at most 0 concurrent gray releases');
    expect(() => checkLimit(license, usage, 'organizations', before)).not.toThrow();
  });

  it('needs the current count for the checked limit', () => {
    expect(() => checkLimit(license, {}, 'miniPrograms', before)).toThrow(TypeError);
    expect(() => checkLimit(license, { miniPrograms: -1 }, 'miniPrograms', before)).toThrow(TypeError);
  });
});

describe('license expiry', () => {
  const expiry = new Date(license.expiresAt!);

  it('is active until the expiry instant, expired from it on', () => {
    expect(isLicenseExpired(license, new Date(expiry.getTime() - 1))).toBe(false);
    expect(isLicenseExpired(license, expiry)).toBe(true);
    expect(() => assertLicenseActive(license, new Date(expiry.getTime() - 1))).not.toThrow();
  });

  it('stops every write with FORBIDDEN / LICENSE_EXPIRED, even under the limits', () => {
    const error = thrown(() => checkLimit(license, usage, 'organizations', expiry));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).code).toBe(ErrorCode.FORBIDDEN);
    expect((error as ForbiddenError).details).toEqual({
      reason: 'LICENSE_EXPIRED',
      expiresAt: license.expiresAt,
    });
    expect((error as ForbiddenError).message).toMatch(/expired on 2027-01-01T00:00:00.000Z/);
    expect(thrown(() => assertLicenseActive(license, new Date('2030-01-01')))).toBeInstanceOf(ForbiddenError);
  });

  it('never expires a license without expiresAt', () => {
    const perpetual = { ...license, expiresAt: null };
    expect(isLicenseExpired(perpetual, new Date('2999-01-01'))).toBe(false);
    expect(() => checkLimit(perpetual, usage, 'miniPrograms', new Date('2999-01-01'))).not.toThrow();
  });
});
