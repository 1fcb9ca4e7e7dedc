import {
  BadUserInputError,
  describeOperation,
  ForbiddenError,
  isOperator,
  Permission,
  requireOperatorPermission,
  requireUser,
  type Principal,
  type TransactionalOutbox,
  type UserPrincipal,
} from '@grove/platform';
import {
  isLicenseExpired,
  LICENSE_LIMIT_NAMES,
  verifyLicense,
  type LicenseLimitName,
  type LicensePayload,
} from '../license';
import type { LicenseInstallationStore } from '../store/license-installation.store';
import type { ActiveLicense, ActiveLicenseReader, LicenseSource } from '@grove/contracts';
import type { LicenseUsageSource } from './license-usage';

export interface LicenseLimitView {
  name: LicenseLimitName;
  max: number | null;
  used: number | null;
  remaining: number | null;
}

export interface LicenseView {
  licenseId: string;
  licensee: string;
  issuedAt: Date;
  expiresAt: Date | null;
  expired: boolean;
  source: LicenseSource;
  installedAt: Date | null;
  limits: LicenseLimitView[];
}

export interface LicenseInstallationView {
  id: string;
  licenseId: string;
  licensee: string;
  installedAt: Date;
  installedBy: string;
  valid: boolean;
  active: boolean;
  issuedAt: Date | null;
  expiresAt: Date | null;
  limits: LicenseLimitView[] | null;
}

/** Upper bound of an uploaded document; real licenses are well under 1 KB. */
export const MAX_LICENSE_DOCUMENT_LENGTH = 16 * 1024;
const MAX_PAGE = 100;

/**
 * Reading and installing licenses. Operators (any operator role) see the license in force and its
 * usage; installing and the history need platform:configure (OPERATOR_ADMIN). Institution users
 * see nothing of it (FORBIDDEN).
 */
export class LicenseService {
  constructor(
    private readonly store: LicenseInstallationStore,
    private readonly reader: ActiveLicenseReader,
    private readonly usage: LicenseUsageSource,
    private readonly publicKeyPem: string,
    /** The unit of work an installation commits in, with its operation log line (ADR 0013). */
    private readonly unitOfWork: Pick<TransactionalOutbox, 'transaction'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async current(principal: Principal): Promise<LicenseView> {
    requireOperator(principal);
    return this.view(await this.reader.active());
  }

  /**
   * Verifies the vendor signature with the configured public key and makes the license the one in
   * force. Malformed, tampered, foreign-key and already-expired documents are refused and nothing is stored.
   * The installation and its operation log line commit in one unit of work: neither exists without the other.
   */
  async install(principal: Principal, document: string): Promise<LicenseView> {
    const admin = requireOperatorPermission(principal, Permission.PLATFORM_CONFIGURE);
    if (document.length > MAX_LICENSE_DOCUMENT_LENGTH) {
      throw new BadUserInputError('License document malformed', {
        reason: 'LICENSE_MALFORMED',
        problems: [{ path: '(root)', message: `longer than ${MAX_LICENSE_DOCUMENT_LENGTH} characters` }],
      });
    }
    const payload = verifyLicense(document, this.publicKeyPem);
    if (isLicenseExpired(payload, this.clock())) {
      throw new BadUserInputError(`The license expired on ${payload.expiresAt}`, {
        reason: 'LICENSE_EXPIRED',
        expiresAt: payload.expiresAt,
      });
    }
    describeOperation({
      target: { type: 'license', id: payload.licenseId },
      organizationId: null,
      summary: installSummary(payload),
    });
    await this.unitOfWork.transaction(() =>
      this.store.insert({
        licenseId: payload.licenseId,
        licensee: payload.licensee,
        document,
        installedBy: admin.userId,
      }),
    );
    return this.view(await this.reader.active());
  }

  async history(
    principal: Principal,
    skip: number,
    take: number,
  ): Promise<{ items: LicenseInstallationView[]; total: number }> {
    requireOperatorPermission(principal, Permission.PLATFORM_CONFIGURE);
    if (!Number.isInteger(skip) || skip < 0)
      throw new BadUserInputError('skip must be a non-negative integer', { field: 'skip' });
    if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE) {
      throw new BadUserInputError(`take must be between 1 and ${MAX_PAGE}`, { field: 'take' });
    }
    const [active, installations, total] = await Promise.all([
      this.reader.active(),
      this.store.newestFirst(skip, take),
      this.store.count(),
    ]);
    const items = installations.map((installation): LicenseInstallationView => {
      const payload = this.reader.verify(installation);
      return {
        id: installation._id,
        licenseId: installation.licenseId,
        licensee: installation.licensee,
        installedAt: installation.createdAt,
        installedBy: installation.installedBy,
        valid: payload !== undefined,
        active: active.installation?._id === installation._id,
        issuedAt: payload ? new Date(payload.issuedAt) : null,
        expiresAt: payload?.expiresAt ? new Date(payload.expiresAt) : null,
        limits: payload
          ? LICENSE_LIMIT_NAMES.map((name) => ({
              name,
              max: payload.limits[name],
              used: null,
              remaining: null,
            }))
          : null,
      };
    });
    return { items, total };
  }

  private async view(active: ActiveLicense): Promise<LicenseView> {
    const { payload } = active;
    return {
      licenseId: payload.licenseId,
      licensee: payload.licensee,
      issuedAt: new Date(payload.issuedAt),
      expiresAt: payload.expiresAt ? new Date(payload.expiresAt) : null,
      expired: isLicenseExpired(payload, this.clock()),
      source: active.source,
      installedAt: active.installation?.createdAt ?? null,
      limits: await Promise.all(LICENSE_LIMIT_NAMES.map((name) => this.limitView(payload, name))),
    };
  }

  private async limitView(payload: LicensePayload, name: LicenseLimitName): Promise<LicenseLimitView> {
    const max = payload.limits[name];
    const used = this.usage.tracks?.(name) === false ? null : await this.usage.count(name);
    return { name, max, used, remaining: max === null || used === null ? null : Math.max(0, max - used) };
  }
}

/** `installed license <id> for <licensee>, expires <time|never>; limits miniPrograms=3, hostApps=unlimited, …`. */
function installSummary(payload: LicensePayload): string {
  const limits = LICENSE_LIMIT_NAMES.map((name) => `${name}=${payload.limits[name] ?? 'unlimited'}`);
  return `installed license ${payload.licenseId} for ${payload.licensee}, expires ${payload.expiresAt ?? 'never'}; limits ${limits.join(', ')}`;
}

function requireOperator(principal: Principal): UserPrincipal {
  const user = requireUser(principal);
  if (!isOperator(user)) throw new ForbiddenError('Only operators can see the license');
  return user;
}
