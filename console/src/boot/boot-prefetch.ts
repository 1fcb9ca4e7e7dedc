import { REFRESH_MARGIN_MS, SESSION_KEY } from '../auth/session-keys';
import { memberOrganizations } from '../pages/institution/member-organizations';
import { miniProgramListVariables } from '../pages/institution/mini-programs.query';
import { BOOT_STATE_KEY, type BootRequest, type BootState } from './boot-requests';

/**
 * The boot script: index.html runs it inline (build/boot-prefetch.plugin.ts bundles it), before the app's JavaScript
 * has arrived. With a stored session whose access token is still good, it sends the queries the app sends first —
 * `Me` and `ConsoleMyOrganizations` — and, on the mini-program list, the list's own query as soon as those two tell
 * which organization it shows; and it asks for the chunks of the page at the URL (modulepreload). The app's GraphQL
 * client takes these answers (boot-requests.ts) instead of waiting for its first render to ask: the round trips run
 * while the JavaScript downloads and compiles. Without a session (or with one about to be refreshed) it does nothing.
 */

/** The printed operations, filled in at build time (the plugin prints them from schema/generated). */
declare const __BOOT_QUERIES__: Record<'Me' | 'ConsoleMyOrganizations' | 'ConsoleMiniPrograms', string>;
/** Page path patterns (below /console, `[^/]+` for a parameter) → the chunks that page loads, filled in at build time. */
declare const __BOOT_ROUTE_CHUNKS__: Array<[string, string[]]>;
declare const __BOOT_BASE__: string;

interface StoredToken {
  accessToken?: string;
  expiresAt?: number;
}

function storedToken(): string | null {
  try {
    const stored = JSON.parse(window.localStorage.getItem(SESSION_KEY) ?? 'null') as StoredToken | null;
    if (!stored?.accessToken || typeof stored.expiresAt !== 'number') return null;
    return Date.now() < stored.expiresAt - REFRESH_MARGIN_MS ? stored.accessToken : null;
  } catch {
    return null;
  }
}

function preloadChunks(path: string): void {
  const chunks =
    __BOOT_ROUTE_CHUNKS__.find(([pattern]) => new RegExp(`^${pattern}/?$`).test(path))?.[1] ?? [];
  for (const chunk of chunks) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = `${__BOOT_BASE__}${chunk}`;
    document.head.appendChild(link);
  }
}

function boot(): void {
  const path = window.location.pathname.slice(__BOOT_BASE__.length - 1) || '/';
  preloadChunks(path);
  const token = storedToken();
  if (!token) return;
  const state: BootState = { requests: [], at: performance.now() };
  (window as unknown as Record<string, BootState>)[BOOT_STATE_KEY] = state;

  const send = (
    operationName: keyof typeof __BOOT_QUERIES__,
    variables: Promise<Record<string, unknown> | null>,
  ): BootRequest => {
    const response = variables.then((vars) =>
      vars === null
        ? null
        : fetch('/graphql', {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/graphql-response+json, application/graphql+json, application/json',
              authorization: `Bearer ${token}`,
            },
            body: JSON.stringify({ operationName, query: __BOOT_QUERIES__[operationName], variables: vars }),
          }),
    );
    const request: BootRequest = { operationName, variables, token, response };
    state.requests.push(request);
    return request;
  };
  const data = async (request: BootRequest) => {
    const response = await request.response;
    return response?.ok ? ((await response.clone().json()) as { data?: any }).data : undefined;
  };

  const me = send('Me', Promise.resolve({}));
  const organizations = send('ConsoleMyOrganizations', Promise.resolve({}));
  if (/^\/mini-programs\/?$/.test(path)) {
    const listVariables = Promise.all([data(me), data(organizations)])
      .then(([meData, orgData]) => {
        const orgs = memberOrganizations(orgData?.myOrganizations ?? [], meData?.me?.memberships ?? []);
        const variables = miniProgramListVariables(new URLSearchParams(window.location.search), orgs[0]?.id);
        return variables.orgId ? JSON.parse(JSON.stringify(variables)) : null;
      })
      .catch(() => null);
    send('ConsoleMiniPrograms', listVariables);
  }
}

boot();
