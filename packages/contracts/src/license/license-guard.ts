import type { DocumentStore, Logger } from '@grove/platform';
import { ActiveLicenseReader, type ActiveLicense } from './active-license.reader';
import { EVALUATION_PUBLIC_KEY_PEM } from './evaluation-license';
import {
  LicenseCapacityLedger,
  LicenseHoldExistsError,
  type LicenseCapacityLedgerOptions,
  type OwnedCollection,
  type ReconcileReport,
} from './license-capacity.ledger';
import { assertLicenseActive } from './license.limits';
import type { LicenseLimitName } from './license.schema';
import { assertLicensePublicKey } from './license.signature';

/** What a domain that creates limited things needs of the license (the services depend on this, not the class). */
export interface LicenseCapacity {
  /**
   * Takes one unit of `limit` for `holderId` (the id the new thing will have), runs `create`, and gives the
   * unit back when `create` throws. LicenseLimitExceededError when the license allows no more; ForbiddenError
   * (LICENSE_EXPIRED) once the license has expired.
   */
  claim<T>(limit: LicenseLimitName, holderId: string, create: () => Promise<T>): Promise<T>;
  /** The thing was deleted or finished (a plan COMPLETED, REVERTED or FAILED): its unit is free again. Idempotent. */
  release(limit: LicenseLimitName, holderId: string): Promise<void>;
}

export interface LicenseGuardOptions extends LicenseCapacityLedgerOptions {
  /** Ed25519 public key (PEM) installed licenses must verify with; default the evaluation key. */
  publicKeyPem?: string;
  /** The limits this service owns, and which of its documents hold a unit: reconciled on first claim and by `reconcile()`. */
  owned?: Partial<Record<LicenseLimitName, OwnedCollection>>;
}

/**
 * The license in force and its capacity, over the shared documents store: every service that creates limited
 * things builds one (embedded and standalone alike), so no service depends on the license service being up.
 */
export class LicenseGuard implements LicenseCapacity {
  private readonly reader: ActiveLicenseReader;
  private readonly ledger: LicenseCapacityLedger;
  private readonly owned: Partial<Record<LicenseLimitName, OwnedCollection>>;
  private readonly clock: () => Date;
  private readonly reconciled = new Map<LicenseLimitName, Promise<unknown>>();

  constructor(
    private readonly documents: DocumentStore,
    private readonly logger: Logger,
    options: LicenseGuardOptions = {},
  ) {
    const publicKeyPem = options.publicKeyPem ?? EVALUATION_PUBLIC_KEY_PEM;
    assertLicensePublicKey(publicKeyPem); // a wrong key is a startup error, not a per-request one
    this.reader = new ActiveLicenseReader(documents, publicKeyPem, logger);
    this.ledger = new LicenseCapacityLedger(documents, options);
    this.owned = options.owned ?? {};
    this.clock = options.clock ?? (() => new Date());
  }

  current(): Promise<ActiveLicense> {
    return this.reader.active();
  }

  /** Before any change that creates nothing limited: ForbiddenError (LICENSE_EXPIRED) once expired. */
  async assertActive(now: Date = this.clock()): Promise<void> {
    assertLicenseActive((await this.reader.active()).payload, now);
  }

  async claim<T>(limit: LicenseLimitName, holderId: string, create: () => Promise<T>): Promise<T> {
    const { payload } = await this.reader.active();
    assertLicenseActive(payload, this.clock());
    await this.reconcileOnce(limit);
    try {
      await this.ledger.take(limit, holderId, payload.limits[limit]);
    } catch (error) {
      // Already held (e.g. approving an approved organization): the owner's own rules answer, nothing to give back.
      if (error instanceof LicenseHoldExistsError) return create();
      throw error;
    }
    try {
      return await create();
    } catch (error) {
      // Written anyway (e.g. another request did the same change with this holder): the unit stays held.
      if (await this.owns(limit, holderId).catch(() => false)) throw error;
      await this.ledger.release(limit, holderId).catch((releaseError: unknown) => {
        // The unit stays taken until reconciliation finds no holder: capacity lost for a while, never over-granted.
        this.logger.warn(
          { err: releaseError, limit, holderId },
          'license unit not given back after a failed create',
        );
      });
      throw error;
    }
  }

  async release(limit: LicenseLimitName, holderId: string): Promise<void> {
    await this.ledger.release(limit, holderId);
  }

  /** Units in use, as the ledger counts them (the same number every service and the license query see). */
  used(limit: LicenseLimitName): Promise<number> {
    return this.ledger.used(limit);
  }

  /** Reconciles every owned limit with this service's data (run at start; safe at any time and in any replica). */
  async reconcile(): Promise<ReconcileReport[]> {
    const reports: ReconcileReport[] = [];
    for (const [limit, owned] of Object.entries(this.owned) as [LicenseLimitName, OwnedCollection][]) {
      const report = await this.ledger.reconcile(limit, owned);
      this.reconciled.set(limit, Promise.resolve(report));
      if (report.released || report.adopted) this.logger.info(report, 'license usage reconciled');
      reports.push(report);
    }
    return reports;
  }

  private async owns(limit: LicenseLimitName, holderId: string): Promise<boolean> {
    const owned = this.owned[limit];
    if (!owned) return false;
    return (await this.documents.collection(owned.model).count({ ...owned.filter, _id: holderId })) > 0;
  }

  private reconcileOnce(limit: LicenseLimitName): Promise<unknown> {
    const owned = this.owned[limit];
    if (!owned) return Promise.resolve();
    let pending = this.reconciled.get(limit);
    if (!pending) {
      pending = this.ledger.reconcile(limit, owned).catch((error: unknown) => {
        this.reconciled.delete(limit);
        throw error;
      });
      this.reconciled.set(limit, pending);
    }
    return pending;
  }
}

/** A LicenseGuard over a runtime's documents store, logging as the license component. */
export function createLicenseGuard(
  runtime: { documents: DocumentStore; logger: Logger },
  options: LicenseGuardOptions = {},
): LicenseGuard {
  return new LicenseGuard(runtime.documents, runtime.logger.child({ component: 'license' }), options);
}

/**
 * The vendor public key from LICENSE_PUBLIC_KEY (PEM; `\n` escapes accepted), for every standalone service that
 * builds a guard; the evaluation key when unset. A key that is not Ed25519 stops the service at start.
 */
export function licensePublicKeyFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const pem = env.LICENSE_PUBLIC_KEY?.replace(/\\n/g, '\n');
  if (!pem) return EVALUATION_PUBLIC_KEY_PEM;
  assertLicensePublicKey(pem);
  return pem;
}
