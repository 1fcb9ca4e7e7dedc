import type { FastifyInstance } from 'fastify';
import type { InternalRouteContext } from '@grove/platform';
import { registerInternalReadRoutes } from '../internal-reads/internal-reads.routes';
import {
  CATALOGUE_READS_CALLER,
  CATALOGUE_READS_PATH,
  catalogueReads,
  type CatalogueReadHandlers,
} from './catalogue-reads.contract';

/**
 * `POST /internal/catalogue-reads/v1/:read` on an owning service: the search service's credential only, parameters
 * checked against the contract, the answer as `{ result }`; a read this service does not own is 404.
 */
export function registerCatalogueReadRoutes(
  app: FastifyInstance,
  context: InternalRouteContext,
  handlers: Partial<CatalogueReadHandlers>,
): Promise<void> {
  return registerInternalReadRoutes(
    app,
    context,
    {
      reads: catalogueReads,
      path: CATALOGUE_READS_PATH,
      caller: CATALOGUE_READS_CALLER,
      what: 'catalogue read',
      unknownCode: 'CATALOGUE_READ_UNKNOWN',
    },
    handlers,
  );
}
