import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from '@grove/platform';
import { graphQLErrorBody } from './http-errors';
import type { RejectionReason, RouterMetrics } from './router-metrics';

interface KnownFastifyError {
  status: number;
  reason: string;
  message: string;
  rejection?: RejectionReason;
}

/** Fastify's own refusals (before a route runs) in the GraphQL error shape with a stable reason. */
const KNOWN: Record<string, KnownFastifyError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    reason: 'BODY_TOO_LARGE',
    message: 'Request body is too large',
    rejection: 'body_size',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    reason: 'BODY_TOO_LARGE',
    message: 'Request body length does not match Content-Length',
    rejection: 'body_size',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    reason: 'MALFORMED_BODY',
    message: 'Request body is not valid JSON',
    rejection: 'malformed',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    reason: 'MALFORMED_BODY',
    message: 'Request body is empty',
    rejection: 'malformed',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    reason: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported Content-Type',
    rejection: 'malformed',
  },
};

export function registerHttpErrorHandlers(
  app: FastifyInstance,
  deps: { metrics: RouterMetrics; logger: Logger },
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error.code ? KNOWN[error.code] : undefined;
    if (known) {
      if (known.rejection) deps.metrics.reject(known.rejection);
      return reply
        .code(known.status)
        .send(graphQLErrorBody(known.message, { code: 'BAD_USER_INPUT', reason: known.reason }));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send(graphQLErrorBody(error.message, { code: 'BAD_REQUEST', reason: error.code ?? 'BAD_REQUEST' }));
    }
    const requestId = request.grove?.requestId ?? request.id;
    (request.grove?.logger ?? deps.logger).error({ err: error, requestId }, 'unexpected error');
    return reply
      .code(500)
      .send(graphQLErrorBody('Internal server error', { code: 'INTERNAL_SERVER_ERROR', requestId }));
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(graphQLErrorBody('Not found', { code: 'NOT_FOUND', reason: 'ROUTE_NOT_FOUND' })),
  );
}
