import type { FastifyInstance } from 'fastify';
import { isPlatformError, type InternalRouteContext } from '@grove/platform';
import { isReadName, type ReadHandlers, type ReadSet } from './internal-reads.contract';

/** Body limit of a read's parameters: ids and short strings only. */
const PARAMS_BODY_LIMIT = 4 * 1024;

export interface InternalReadRoutes<S extends ReadSet> {
  reads: S;
  /** e.g. `/internal/runtime-reads/v1`. */
  path: string;
  /** The `svc` claim of the only credential accepted. */
  caller: string;
  /** Name of the set in messages and logs, e.g. `runtime read`. */
  what: string;
  /** Code of the 404 for a read this service does not answer, e.g. `RUNTIME_READ_UNKNOWN`. */
  unknownCode: string;
}

/**
 * `POST <path>/:read` on an owning service: the asking service's credential only, parameters checked against the
 * contract, the answer as `{ result }`. A read this service does not own is 404 (`unknownCode`), so a misrouted
 * SUBGRAPH_URLS entry fails loudly instead of answering "nothing".
 */
export async function registerInternalReadRoutes<S extends ReadSet>(
  app: FastifyInstance,
  context: InternalRouteContext,
  routes: InternalReadRoutes<S>,
  handlers: Partial<ReadHandlers<S>>,
): Promise<void> {
  app.post<{ Params: { read: string } }>(
    `${routes.path}/:read`,
    { bodyLimit: PARAMS_BODY_LIMIT },
    async (request, reply) => {
      try {
        await context.verifyCaller(request.headers, routes.caller);
        const name = request.params.read;
        const handler = isReadName(routes.reads, name)
          ? (handlers[name] as ((params: unknown) => Promise<unknown>) | undefined)
          : undefined;
        if (!handler)
          return reply.code(404).send({
            code: routes.unknownCode,
            error: `This service does not answer the ${routes.what} "${name}"`,
          });
        const params = routes.reads[name].params.safeParse(request.body ?? {});
        if (!params.success) {
          return reply.code(400).send({
            code: 'BAD_USER_INPUT',
            error: `Invalid ${routes.what} parameters`,
            fields: params.error.issues.map((i) => i.path.join('.')),
          });
        }
        return { result: await handler(params.data) };
      } catch (error) {
        if (isPlatformError(error))
          return reply
            .code(error.httpStatus)
            .send({ code: error.code, error: error.message, ...(error.details ?? {}) });
        context.logger.error({ err: error, read: request.params.read }, `${routes.what} failed`);
        return reply.code(500).send({ code: 'INTERNAL_SERVER_ERROR', error: `The ${routes.what} failed` });
      }
    },
  );
}
