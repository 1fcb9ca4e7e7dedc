import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import {
  isPlatformError,
  parseWithTokenLimit,
  RateLimitedError,
  UnauthenticatedError,
  type ParsedOperation,
  type Principal,
} from '@grove/platform';
import { CSRF_MESSAGE, isCsrfSuspect } from './csrf-guard';
import { graphQLErrorBody, sendPlatformError } from './http-errors';
import { findLoginAttempts } from './login-operation';
import { authenticateRequest, type AccessTokenVerifier } from './request-auth';
import type { RequestRateLimits } from './request-rate-limits';
import type { RouterMetrics } from './router-metrics';

export interface GraphqlGuardDeps {
  verifier: AccessTokenVerifier;
  rateLimits: RequestRateLimits;
  metrics: RouterMetrics;
  maxTokens: number;
}

type Parsed = ParsedOperation;

interface GraphqlBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * Runs before Apollo on /graphql, cheapest check first: CSRF, per-IP bucket, bearer token, per-user
 * bucket, token limit (while parsing the document once), login bucket (a known token's revocation read goes out
 * with the per-IP bucket's command). Any refusal is answered
 * here in the GraphQL error shape; documents with syntax errors go on to Apollo, which reports them.
 */
export function createGraphqlGuard(deps: GraphqlGuardDeps) {
  const parsed = new LRUCache<string, Parsed>({
    max: 1000,
    maxSize: 8 * 1024 * 1024,
    sizeCalculation: (_v, k) => k.length || 1,
  });

  const parseOnce = (query: string): Parsed => {
    let entry = parsed.get(query);
    if (!entry) {
      entry = parseWithTokenLimit(query, deps.maxTokens);
      parsed.set(query, entry);
    }
    return entry;
  };

  return async function graphqlGuard(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | void> {
    const state = request.grove;
    if (isCsrfSuspect(request.headers)) {
      state.rejection = 'csrf';
      deps.metrics.reject('csrf');
      return reply.code(400).send(graphQLErrorBody(CSRF_MESSAGE, { code: 'BAD_REQUEST', reason: 'CSRF' }));
    }
    try {
      const authorization = request.headers.authorization;
      const ipConsumed = deps.rateLimits.consumeIp(request.ip);
      // A token verified before needs no signature check: its revocation read and its user bucket go to Redis with
      // the IP bucket's command (auto-pipelined: one write, one round trip instead of three). The answers are still
      // taken in order (IP bucket, then authentication, then user bucket), so the status a client sees is unchanged;
      // the user bucket may lose one point to a request the IP bucket or a revocation refuses, and a revoked token
      // drops out of the verifier's cache, so that happens once. A new token waits for the IP bucket, so a flood
      // from one address cannot buy signature checks.
      const known = deps.verifier.known(authorization);
      let authenticated: Promise<Principal> | undefined;
      let userConsumed: Promise<void> | undefined;
      if (known) {
        authenticated = authenticateRequest(authorization, deps.verifier);
        userConsumed = deps.rateLimits.consumePrincipal(known);
        // Awaited below, in order; a rejection here must not surface as unhandled before then.
        authenticated.catch(() => undefined);
        userConsumed.catch(() => undefined);
      }
      await ipConsumed;
      state.principal = await (authenticated ?? authenticateRequest(authorization, deps.verifier));
      await (userConsumed ?? deps.rateLimits.consumePrincipal(state.principal));

      const body =
        request.method === 'GET' ? (request.query as GraphqlBody) : (request.body as GraphqlBody | undefined);
      if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') return;
      const result = parseOnce(body.query);
      if ('tooManyTokens' in result) {
        state.rejection = 'tokens';
        deps.metrics.reject('tokens');
        return reply
          .code(400)
          .send(graphQLErrorBody(result.tooManyTokens, { code: 'BAD_USER_INPUT', reason: 'MAX_TOKENS' }));
      }
      if (!('document' in result) || request.method !== 'POST') return;
      const variables =
        body.variables && typeof body.variables === 'object'
          ? (body.variables as Record<string, unknown>)
          : undefined;
      const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
      await deps.rateLimits.consumeLogin(
        request.ip,
        findLoginAttempts(result.document, operationName, variables),
      );
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      if (error instanceof RateLimitedError) state.rejection = 'rate_limited';
      else if (error instanceof UnauthenticatedError) state.rejection = 'unauthenticated';
      if (state.rejection) deps.metrics.reject(state.rejection);
      return sendPlatformError(reply, error);
    }
  };
}
