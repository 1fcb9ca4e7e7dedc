import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  isPlatformError,
  OBJECT_URL_PATH,
  RateLimitedError,
  refuseUnreadBody,
  UnauthenticatedError,
  type PlatformError,
} from '@grove/platform';
import { CSRF_MESSAGE, isCsrfSuspect } from './csrf-guard';
import { authenticateRequest, type AccessTokenVerifier } from './request-auth';
import type { RequestRateLimits } from './request-rate-limits';
import type { RouterMetrics } from './router-metrics';

export const UPLOAD_ROUTE_PREFIX = '/uploads/';

export interface RestGuardDeps {
  verifier: AccessTokenVerifier;
  rateLimits: RequestRateLimits;
  metrics: RouterMetrics;
}

type RestRouteKind = 'upload' | 'object';

function kindOf(route: string | undefined): RestRouteKind | undefined {
  if (!route) return undefined;
  if (route.startsWith(UPLOAD_ROUTE_PREFIX)) return 'upload';
  if (route.startsWith(OBJECT_URL_PATH)) return 'object';
  return undefined;
}

/** A refusal in the REST envelope `{ errcode, error, data }`, with Retry-After on 429, body left unread. */
export function sendRestRefusal(
  request: FastifyRequest,
  reply: FastifyReply,
  error: PlatformError,
): FastifyReply {
  if (error instanceof RateLimitedError)
    void reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  return refuseUnreadBody(request, reply, error.httpStatus, {
    errcode: error.code,
    error: error.message,
    data: error.details ?? null,
  });
}

/**
 * `onRequest` guard of the router's REST routes, the /graphql rules before a byte of the body is read:
 * uploads get the CSRF rule, the per-IP bucket, the bearer token (anonymous callers are refused), the per-user
 * bucket and the per-user upload bucket; signed `/objects/...` links get the per-IP bucket. (The SDK runtime
 * routes are limited inside their own scope: per IP first, per host app once the signature is verified.)
 * The principal lands on `request.grove.principal` for the handler (or the proxy to the owning service).
 */
export function createRestGuard(deps: RestGuardDeps) {
  return async function restGuard(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | void> {
    const kind = kindOf(request.routeOptions.url);
    if (!kind) return;
    const state = request.grove;
    if (kind === 'upload' && isCsrfSuspect(request.headers)) {
      if (state) state.rejection = 'csrf';
      deps.metrics.reject('csrf');
      return refuseUnreadBody(request, reply, 400, {
        errcode: 'BAD_REQUEST',
        error: CSRF_MESSAGE,
        data: { reason: 'CSRF' },
      });
    }
    try {
      await deps.rateLimits.consumeIp(request.ip);
      if (kind !== 'upload') return;
      const principal = await authenticateRequest(request.headers.authorization, deps.verifier);
      if (principal.kind === 'anonymous')
        throw new UnauthenticatedError('Sign in to upload', { reason: 'SIGN_IN_REQUIRED' });
      if (state) state.principal = principal;
      await deps.rateLimits.consumePrincipal(principal);
      await deps.rateLimits.consumeUpload(principal);
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      const rejection =
        error instanceof RateLimitedError
          ? 'rate_limited'
          : error instanceof UnauthenticatedError
            ? 'unauthenticated'
            : undefined;
      if (rejection) {
        if (state) state.rejection = rejection;
        deps.metrics.reject(rejection);
      }
      return sendRestRefusal(request, reply, error);
    }
  };
}
