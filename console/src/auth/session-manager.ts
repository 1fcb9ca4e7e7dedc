import { stringifyDocument } from '@urql/core';
import { RefreshSessionDocument, type SessionTokensFragment } from '../../../schema/generated/graphql';
import { REFRESH_MARGIN_MS, SESSION_KEY } from './session-keys';

/** What the console keeps of a signed-in session (localStorage): the token pair and when each expires. */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
  refreshExpiresAt: number;
  userId: string;
  displayName: string;
}

/** The part of Web Storage the manager uses (window.localStorage in the browser). */
export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionManagerOptions {
  /** The router's /graphql URL. */
  endpoint: string;
  storage: SessionStorageLike;
  /** Injected clock (tests move it past the access token's expiry). */
  now?: () => number;
  fetch?: typeof fetch;
  /** Refresh this long before the access token expires. */
  refreshMarginMs?: number;
}

export type SignedOutReason = 'logout' | 'expired' | 'revoked';
type Listener = (session: StoredSession | null, reason?: SignedOutReason) => void;

const KEY = SESSION_KEY;

export function toStoredSession(payload: SessionTokensFragment): StoredSession {
  return {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    expiresAt: Date.parse(payload.expiresAt),
    refreshExpiresAt: Date.parse(payload.refreshExpiresAt),
    userId: payload.user.id,
    displayName: payload.user.displayName,
  };
}

/**
 * The console's session: keeps the token pair, refreshes the access token silently before it expires (one refresh in
 * flight however many requests wait for it; the refresh token rotates, so two concurrent refreshes would look like a
 * reused token and revoke the session), and signs out when the server refuses the refresh (session revoked, refresh
 * token expired or reused): the app then goes back to the login page.
 */
export class SessionManager {
  private session: StoredSession | null;
  private refreshing: Promise<StoredSession | null> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;
  private readonly margin: number;

  constructor(private readonly options: SessionManagerOptions) {
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetch ?? ((...args) => fetch(...args));
    this.margin = options.refreshMarginMs ?? REFRESH_MARGIN_MS;
    this.session = SessionManager.read(options.storage);
  }

  private static read(storage: SessionStorageLike): StoredSession | null {
    try {
      const raw = storage.getItem(KEY);
      const parsed = raw ? (JSON.parse(raw) as StoredSession) : null;
      return parsed && typeof parsed.accessToken === 'string' && typeof parsed.refreshToken === 'string'
        ? parsed
        : null;
    } catch {
      return null;
    }
  }

  current(): StoredSession | null {
    return this.session;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signIn(payload: SessionTokensFragment): StoredSession {
    this.set(toStoredSession(payload));
    return this.session!;
  }

  signOut(reason: SignedOutReason = 'logout'): void {
    this.set(null, reason);
  }

  /** True when the access token is expired or about to be (a request with it would be refused). */
  needsRefresh(): boolean {
    return this.session !== null && this.now() >= this.session.expiresAt - this.margin;
  }

  /** A usable access token, refreshing first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (!this.session) return null;
    if (this.needsRefresh()) return (await this.refresh())?.accessToken ?? null;
    return this.session.accessToken;
  }

  /** Rotates the token pair (single flight). Signs out when the server refuses: the session is over. */
  refresh(): Promise<StoredSession | null> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<StoredSession | null> {
    const session = this.session;
    if (!session) return null;
    if (this.now() >= session.refreshExpiresAt) {
      this.signOut('expired');
      return null;
    }
    let response: Response;
    try {
      response = await this.fetchImpl(this.options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: stringifyDocument(RefreshSessionDocument),
          operationName: 'RefreshSession',
          variables: { refreshToken: session.refreshToken },
        }),
      });
    } catch {
      // Offline or the router restarting: keep the session, the next request tries again.
      return null;
    }
    const body = (await response.json().catch(() => ({}))) as {
      data?: { refreshSession?: SessionTokensFragment } | null;
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    const payload = body.data?.refreshSession;
    if (payload) return this.signIn(payload);
    const code = body.errors?.[0]?.extensions?.code;
    if (
      code === 'UNAUTHENTICATED' ||
      code === 'FORBIDDEN' ||
      code === 'BAD_USER_INPUT' ||
      code === 'NOT_FOUND'
    )
      this.signOut('revoked');
    return null;
  }

  private set(session: StoredSession | null, reason?: SignedOutReason): void {
    this.session = session;
    if (session) this.options.storage.setItem(KEY, JSON.stringify(session));
    else this.options.storage.removeItem(KEY);
    for (const listener of this.listeners) listener(session, reason);
  }
}
