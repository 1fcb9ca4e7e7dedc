import type { Logger } from 'pino';
import { UnauthenticatedError } from '../errors';
import type { TokenService } from '../auth/token.service';
import type { AuthorizationGate } from '../auth/authorization-epochs';
import { newId } from '../ids';
import type { SubgraphContext } from './subgraph-context';

/** Headers the router sets on every subgraph fetch. */
export const INTERNAL_PRINCIPAL_HEADER = 'x-grove-principal';
export const REQUEST_ID_HEADER = 'x-request-id';

type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface SubgraphAuthOptions {
  /**
   * Also accept an end-user access token without the router (SUBGRAPH_ACCEPT_USER_TOKENS). Off by default:
   * such callers skip the router's rate limits, so the subgraph then applies its own operation limits.
   */
  acceptUserTokens?: boolean;
}

/**
 * Builds the subgraph context from an HTTP request in distributed mode. A request must come through the
 * router (signed internal principal), or, only when `acceptUserTokens` is set, carry a valid access token
 * itself; anything else is refused, even for operations that are public at the router.
 */
export async function authenticateSubgraphRequest(
  headers: HeaderBag,
  tokens: TokenService,
  logger: Logger,
  gate?: AuthorizationGate,
  options: SubgraphAuthOptions = {},
): Promise<SubgraphContext> {
  const internal = header(headers, INTERNAL_PRINCIPAL_HEADER);
  if (internal) {
    const { principal, claims } = await tokens.verifyInternal(internal);
    const requestId = typeof claims.rid === 'string' ? claims.rid : newId();
    return {
      principal,
      requestId,
      logger: logger.child({ requestId }),
      clientIp: typeof claims.ip === 'string' ? claims.ip : undefined,
      deviceId: typeof claims.dev === 'string' ? claims.dev : undefined,
      userAgent: typeof claims.ua === 'string' ? claims.ua : undefined,
      authorization: gate,
    };
  }
  const authorization = header(headers, 'authorization');
  if (options.acceptUserTokens && authorization?.startsWith('Bearer ')) {
    const principal = await tokens.verifyAccessToken(authorization.slice('Bearer '.length).trim());
    const requestId = header(headers, REQUEST_ID_HEADER) ?? newId();
    return {
      principal,
      requestId,
      logger: logger.child({ requestId }),
      deviceId: header(headers, 'x-device-id'),
      authorization: gate,
    };
  }
  throw new UnauthenticatedError(
    options.acceptUserTokens
      ? 'Subgraphs only answer the router or a caller with a valid credential'
      : 'Subgraphs only answer the router',
    { reason: 'ROUTER_REQUIRED' },
  );
}
