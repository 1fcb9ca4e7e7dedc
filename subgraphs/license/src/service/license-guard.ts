import { assertLicenseActive, checkLimit, type LicenseLimitName } from '../license';
import type { ActiveLicense, ActiveLicenseReader } from './active-license.reader';
import type { LicenseUsageSource } from './license-usage';

/**
 * What other domains call before they write. `assertCanCreate` before creating one more limited thing
 * (LicenseLimitExceededError naming the limit), `assertActive` before any other change
 * (ForbiddenError with reason LICENSE_EXPIRED once the license has expired). Reads need no check.
 *
 * The count and the caller's insert are not atomic: concurrent creations can overshoot a limit by the
 * number of requests racing at that moment.
 */
export class LicenseGuard {
  constructor(
    private readonly reader: ActiveLicenseReader,
    private readonly usage: LicenseUsageSource,
  ) {}

  current(): Promise<ActiveLicense> {
    return this.reader.active();
  }

  async assertActive(now: Date = new Date()): Promise<void> {
    assertLicenseActive((await this.reader.active()).payload, now);
  }

  async assertCanCreate(limit: LicenseLimitName, now: Date = new Date()): Promise<void> {
    const { payload } = await this.reader.active();
    assertLicenseActive(payload, now);
    if (payload.limits[limit] === null) return; // unlimited: nothing to count
    checkLimit(payload, { [limit]: await this.usage.count(limit) }, limit, now);
  }
}
