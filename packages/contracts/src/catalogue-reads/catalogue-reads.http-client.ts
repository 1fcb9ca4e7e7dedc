import type { Logger } from '@grove/platform';
import { internalReadsOverHttp } from '../internal-reads/internal-reads.http-client';
import { readOrigins } from '../internal-reads/internal-reads.contract';
import {
  CATALOGUE_READS_PATH,
  catalogueReads,
  type CatalogueReadHandlers,
  type CatalogueReadOwner,
} from './catalogue-reads.contract';

export interface CatalogueReadsOverHttpOptions {
  /** Base URL of each owner (its SUBGRAPH_URLS entry; only the origin is used). */
  origins: Record<CatalogueReadOwner, string>;
  /** The search service's credential (`TokenService.signServiceCall('search')`). */
  credential: () => Promise<string>;
  timeoutMs: number;
  logger: Logger;
}

/**
 * The catalogue reads as calls to app-manage and account (distributed profile). A failure is UNAVAILABLE
 * (`CATALOGUE_READ_FAILED`): the indexer's event is retried by the bus, a rebuild fails loudly, never indexing
 * "nothing there".
 */
export function catalogueReadsOverHttp(options: CatalogueReadsOverHttpOptions): CatalogueReadHandlers {
  return internalReadsOverHttp({
    ...options,
    reads: catalogueReads,
    path: CATALOGUE_READS_PATH,
    what: 'catalogue read',
    failureReason: 'CATALOGUE_READ_FAILED',
  });
}

/** The owners' addresses from SUBGRAPH_URLS; throws naming the owners that have none. */
export function catalogueReadOrigins(
  subgraphUrls: Record<string, string>,
): Record<CatalogueReadOwner, string> {
  return readOrigins(catalogueReads, subgraphUrls, 'the search service reads the catalogue from them');
}
