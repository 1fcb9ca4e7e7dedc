import { LicenseCapacityLedger, type LicenseLimitName } from '@grove/contracts';
import type { BaseDocument, DocumentStore, Filter, ModelClass } from '@grove/platform';

/**
 * How many of a limited thing are in use, for the license query. Default: the capacity ledger the owning
 * services claim from (LedgerUsageSource), the same numbers their guards enforce in any deployment.
 */
export interface LicenseUsageSource {
  count(limit: LicenseLimitName): Promise<number>;
  /** False when this source does not count `limit`: usage shows as unknown and capped checks fail loudly. */
  tracks?(limit: LicenseLimitName): boolean;
}

/** Which documents make up the usage of one limit, e.g. `{ model: MiniProgramModel, filter: { deleted: false } }`. */
export interface CollectionCounter {
  model: ModelClass<BaseDocument>;
  filter?: Filter;
}

/** Usage as document counts through the documents port, configured per limit. */
export class DocumentCountUsageSource implements LicenseUsageSource {
  constructor(
    private readonly documents: DocumentStore,
    private readonly counters: Partial<Record<LicenseLimitName, CollectionCounter>>,
  ) {}

  tracks(limit: LicenseLimitName): boolean {
    return this.counters[limit] !== undefined;
  }

  count(limit: LicenseLimitName): Promise<number> {
    const counter = this.counters[limit];
    // Server misconfiguration, not a client error: surfaces as an internal error with a log entry.
    if (!counter)
      return Promise.reject(new Error(`No usage counter is configured for the license limit ${limit}`));
    return this.documents.collection(counter.model).count(counter.filter ?? {});
  }
}

/** Usage as the owning services' guards count it: the ledger's counters in the shared documents store. */
export class LedgerUsageSource implements LicenseUsageSource {
  private readonly ledger: LicenseCapacityLedger;

  constructor(documents: DocumentStore) {
    this.ledger = new LicenseCapacityLedger(documents);
  }

  tracks(): boolean {
    return true;
  }

  count(limit: LicenseLimitName): Promise<number> {
    return this.ledger.used(limit);
  }
}
