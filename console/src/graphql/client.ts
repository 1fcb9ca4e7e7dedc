import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import type { SessionManager } from '../auth/session-manager';

/**
 * The console's GraphQL client over the router's /graphql: every operation carries the session's bearer token,
 * the token is refreshed before it expires (and once more when the server answers UNAUTHENTICATED), and a session
 * the server no longer accepts signs the console out (SessionManager tells the app, which shows the login page).
 * POST only: the router's CSRF rule refuses simple GET requests without a preflight header.
 */
export function createGraphqlClient(
  session: SessionManager,
  endpoint = '/graphql',
  fetchImpl?: typeof fetch,
): Client {
  return new Client({
    url: endpoint,
    // The first client takes the answers the boot script already asked for (boot/boot-requests.ts).
    fetch: fetchImpl,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = session.current()?.accessToken;
          return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
        },
        willAuthError: () => session.needsRefresh(),
        didAuthError: (error) =>
          session.current() !== null &&
          error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'),
        async refreshAuth() {
          if (!(await session.refresh())) session.signOut('revoked');
        },
      })),
      fetchExchange,
    ],
  });
}
