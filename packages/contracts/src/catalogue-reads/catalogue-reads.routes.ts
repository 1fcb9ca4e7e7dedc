import type { FastifyInstance } from 'fastify';
import { isPlatformError, type InternalRouteContext } from '@grove/platform';
import { CATALOGUE_READS_CALLER, CATALOGUE_READS_PATH, catalogueReads, isCatalogueReadName, type CatalogueReadHandlers } from './catalogue-reads.contract';

const PARAMS_BODY_LIMIT = 4 * 1024;

/**
 * `POST /internal/catalogue-reads/v1/:read` on an owning service: the search service's credential only, parameters
 * checked against the contract, the answer as `{ result }`; a read this service does not own is 404.
 */
export async function registerCatalogueReadRoutes(app: FastifyInstance, context: InternalRouteContext, handlers: Partial<CatalogueReadHandlers>): Promise<void> {
  app.post<{ Params: { read: string } }>(`${CATALOGUE_READS_PATH}/:read`, { bodyLimit: PARAMS_BODY_LIMIT }, async (request, reply) => {
    try {
      await context.verifyCaller(request.headers, CATALOGUE_READS_CALLER);
      const name = request.params.read;
      const handler = isCatalogueReadName(name) ? (handlers[name] as ((params: unknown) => Promise<unknown>) | undefined) : undefined;
      if (!handler) return reply.code(404).send({ code: 'CATALOGUE_READ_UNKNOWN', error: `This service does not answer the catalogue read "${name}"` });
      const params = catalogueReads[name as keyof typeof catalogueReads].params.safeParse(request.body ?? {});
      if (!params.success) {
        return reply.code(400).send({ code: 'BAD_USER_INPUT', error: 'Invalid catalogue read parameters', fields: params.error.issues.map((i) => i.path.join('.')) });
      }
      return { result: await handler(params.data) };
    } catch (error) {
      if (isPlatformError(error)) return reply.code(error.httpStatus).send({ code: error.code, error: error.message, ...(error.details ?? {}) });
      context.logger.error({ err: error, read: request.params.read }, 'catalogue read failed');
      return reply.code(500).send({ code: 'INTERNAL_SERVER_ERROR', error: 'The catalogue read failed' });
    }
  });
}
