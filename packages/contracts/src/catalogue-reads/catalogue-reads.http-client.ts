import { INTERNAL_PRINCIPAL_HEADER, UnavailableError, type Logger } from '@grove/platform';
import {
  CATALOGUE_READ_NAMES,
  CATALOGUE_READS_PATH,
  catalogueReads,
  type CatalogueReadHandlers,
  type CatalogueReadName,
  type CatalogueReadOwner,
} from './catalogue-reads.contract';

export interface CatalogueReadsOverHttpOptions {
  /** Base URL of each owner (its SUBGRAPH_URLS entry; only the origin is used). */
  origins: Record<CatalogueReadOwner, string>;
  /** The search service's credential (`TokenService.signServiceCall('search')`), signed per call. */
  credential: () => Promise<string>;
  timeoutMs: number;
  logger: Logger;
}

/**
 * The catalogue reads as calls to app-manage and account (distributed profile). Any failure is UNAVAILABLE: the
 * indexer's event is retried by the bus, a rebuild fails loudly, never indexing "nothing there".
 */
export function catalogueReadsOverHttp(options: CatalogueReadsOverHttpOptions): CatalogueReadHandlers {
  const origins = Object.fromEntries(Object.entries(options.origins).map(([owner, url]) => [owner, new URL(url).origin])) as Record<CatalogueReadOwner, string>;
  const call = async (name: CatalogueReadName, params: unknown): Promise<unknown> => {
    const contract = catalogueReads[name];
    try {
      const response = await fetch(`${origins[contract.owner]}${CATALOGUE_READS_PATH}/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_PRINCIPAL_HEADER]: await options.credential() },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = (await response.json()) as { result?: unknown; code?: string };
      if (!response.ok) throw new Error(`status ${response.status} ${body.code ?? ''}`);
      return contract.result.parse(body.result);
    } catch (error) {
      options.logger.warn({ err: error, owner: contract.owner, read: name }, 'catalogue read failed');
      throw new UnavailableError(`The ${contract.owner} service did not answer`, { reason: 'CATALOGUE_READ_FAILED' });
    }
  };
  return Object.fromEntries(CATALOGUE_READ_NAMES.map((name) => [name, (params: unknown) => call(name, params)])) as unknown as CatalogueReadHandlers;
}

/** The owners' addresses from SUBGRAPH_URLS; throws naming the owners that have none. */
export function catalogueReadOrigins(subgraphUrls: Record<string, string>): Record<CatalogueReadOwner, string> {
  const owners = [...new Set(CATALOGUE_READ_NAMES.map((name) => catalogueReads[name].owner))];
  const missing = owners.filter((owner) => !subgraphUrls[owner]);
  if (missing.length > 0) throw new Error(`SUBGRAPH_URLS has no entry for ${missing.join(', ')}: the search service reads the catalogue from them`);
  return Object.fromEntries(owners.map((owner) => [owner, subgraphUrls[owner]])) as Record<CatalogueReadOwner, string>;
}
