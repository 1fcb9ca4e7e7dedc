import type { FastifyInstance } from 'fastify';
import { isPlatformError, type InternalRouteContext } from '@grove/platform';
import { isRuntimeReadName, runtimeReads, RUNTIME_READS_CALLER, RUNTIME_READS_PATH, type RuntimeReadHandlers } from './runtime-reads.contract';

/** Body limit of a read's parameters: ids and short strings only. */
const PARAMS_BODY_LIMIT = 4 * 1024;

/**
 * `POST /internal/runtime-reads/v1/:read` on an owning service (distributed profile): the SDK runtime's credential
 * only, parameters checked against the contract, the answer as `{ result }`. A read this service does not own is
 * 404 `RUNTIME_READ_UNKNOWN`, so a misrouted SUBGRAPH_URLS entry fails loudly instead of answering "nothing".
 */
export async function registerRuntimeReadRoutes(app: FastifyInstance, context: InternalRouteContext, handlers: Partial<RuntimeReadHandlers>): Promise<void> {
  app.post<{ Params: { read: string } }>(`${RUNTIME_READS_PATH}/:read`, { bodyLimit: PARAMS_BODY_LIMIT }, async (request, reply) => {
    try {
      await context.verifyCaller(request.headers, RUNTIME_READS_CALLER);
      const name = request.params.read;
      const handler = isRuntimeReadName(name) ? (handlers[name] as ((params: unknown) => Promise<unknown>) | undefined) : undefined;
      if (!handler) return reply.code(404).send({ code: 'RUNTIME_READ_UNKNOWN', error: `This service does not answer the runtime read "${name}"` });
      const params = runtimeReads[name as keyof typeof runtimeReads].params.safeParse(request.body ?? {});
      if (!params.success) {
        return reply.code(400).send({ code: 'BAD_USER_INPUT', error: 'Invalid runtime read parameters', fields: params.error.issues.map((i) => i.path.join('.')) });
      }
      return { result: await handler(params.data) };
    } catch (error) {
      if (isPlatformError(error)) return reply.code(error.httpStatus).send({ code: error.code, error: error.message, ...(error.details ?? {}) });
      context.logger.error({ err: error, read: request.params.read }, 'runtime read failed');
      return reply.code(500).send({ code: 'INTERNAL_SERVER_ERROR', error: 'The runtime read failed' });
    }
  });
}
