import type { BaseDocument, DocumentStore, Filter, ModelClass } from '@grove/platform';
import type { LicenseLimitName } from '../license';

/**
 * How many of a limited thing exist now. Implemented by the domains that own them (app-manage for
 * mini-programs and host apps, the release domain for gray releases, account for organizations).
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
