/**
 * GraphQL requests the boot script (boot-prefetch.ts, inlined in index.html) sent before the app's JavaScript arrived,
 * and how the app's GraphQL client takes their answers instead of asking again.
 *
 * An answer is taken once, by the first request of the app with the same operation name, the same variables and the
 * same bearer token; anything else (another token after a refresh, other variables, a boot request that failed) goes
 * to the network as usual. What the app does with the answer is unchanged: an UNAUTHENTICATED answer still makes the
 * client refresh the session and ask again.
 */
export interface BootRequest {
  operationName: string;
  /** Known once the answers it depends on arrived (the list's organization); null: the boot did not send it. */
  variables: Promise<Record<string, unknown> | null>;
  token: string;
  response: Promise<Response | null>;
  taken?: boolean;
}

export interface BootState {
  requests: BootRequest[];
  /** performance.now() when the boot script ran: answers older than BOOT_ANSWER_TTL_MS are not used. */
  at: number;
}

/** Past this, a boot answer is old news: the app asks the network itself. */
export const BOOT_ANSWER_TTL_MS = 60_000;

/** The property of `window` the boot script writes and the app reads. */
export const BOOT_STATE_KEY = '__groveBoot';

/** JSON of `value` with object keys sorted and undefined members left out (as JSON.stringify sends them). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    member && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(
          Object.entries(member as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : member,
  );
}

function bearer(headers: HeadersInit | undefined): string | null {
  const value = new Headers(headers).get('authorization');
  return value?.startsWith('Bearer ') ? value.slice(7) : null;
}

/**
 * A `fetch` for the GraphQL client: a POST whose operation the boot already sent gets the boot's answer (the
 * network's, if the boot's request failed or does not match); everything else is a plain fetch.
 */
export function bootAwareFetch(
  state: BootState | undefined,
  now: () => number = () => performance.now(),
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): typeof fetch {
  if (!state) return fetchImpl;
  return async (input, init) => {
    if (typeof init?.body !== 'string' || now() - state.at > BOOT_ANSWER_TTL_MS)
      return fetchImpl(input, init);
    let body: { operationName?: string; variables?: unknown };
    try {
      body = JSON.parse(init.body) as typeof body;
    } catch {
      return fetchImpl(input, init);
    }
    const token = bearer(init.headers);
    const variables = canonicalJson(body.variables ?? {});
    for (const request of state.requests) {
      if (request.taken || request.operationName !== body.operationName || request.token !== token) continue;
      const sent = await request.variables;
      if (request.taken || sent === null || canonicalJson(sent) !== variables) continue;
      request.taken = true;
      const response = await request.response.catch(() => null);
      return response?.ok ? response : fetchImpl(input, init);
    }
    return fetchImpl(input, init);
  };
}

/** The boot's requests, if the boot script ran on this page. */
export function readBootState(): BootState | undefined {
  return (window as unknown as Record<string, BootState | undefined>)[BOOT_STATE_KEY];
}
