import type { FastifyInstance } from 'fastify';
import type { InternalRouteContext } from '@grove/platform';
import { registerInternalReadRoutes } from '../internal-reads/internal-reads.routes';
import {
  runtimeReads,
  RUNTIME_READS_CALLER,
  RUNTIME_READS_PATH,
  type RuntimeReadHandlers,
} from './runtime-reads.contract';

/**
 * `POST /internal/runtime-reads/v1/:read` on an owning service (distributed profile): the SDK runtime's credential
 * only, parameters checked against the contract, the answer as `{ result }`. A read this service does not own is
 * 404 `RUNTIME_READ_UNKNOWN`, so a misrouted SUBGRAPH_URLS entry fails loudly instead of answering "nothing".
 */
export function registerRuntimeReadRoutes(
  app: FastifyInstance,
  context: InternalRouteContext,
  handlers: Partial<RuntimeReadHandlers>,
): Promise<void> {
  return registerInternalReadRoutes(
    app,
    context,
    {
      reads: runtimeReads,
      path: RUNTIME_READS_PATH,
      caller: RUNTIME_READS_CALLER,
      what: 'runtime read',
      unknownCode: 'RUNTIME_READ_UNKNOWN',
    },
    handlers,
  );
}
