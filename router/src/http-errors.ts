import type { FastifyReply } from 'fastify';
import { RateLimitedError, type PlatformError } from '@grove/platform';

export interface GraphQLErrorBody {
  errors: Array<{ message: string; extensions: Record<string, unknown> & { code: string } }>;
}

export function graphQLErrorBody(
  message: string,
  extensions: Record<string, unknown> & { code: string },
): GraphQLErrorBody {
  return { errors: [{ message, extensions }] };
}

/**
 * Answers a request the router refused before GraphQL execution (auth, rate limit, size) in the
 * GraphQL response shape, so clients handle every refusal the same way.
 */
export function sendPlatformError(reply: FastifyReply, error: PlatformError): FastifyReply {
  if (error instanceof RateLimitedError) {
    void reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  }
  return reply
    .code(error.httpStatus)
    .type('application/json; charset=utf-8')
    .send(graphQLErrorBody(error.message, { code: error.code, ...(error.details ?? {}) }));
}
