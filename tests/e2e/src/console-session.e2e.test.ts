import { LoginDocument, LogoutDocument, MeDocument, SignUpDocument } from '../../../schema/generated/graphql';
import {
  SessionManager,
  type SessionStorageLike,
  type SignedOutReason,
} from '../../../console/src/auth/session-manager';
import { dataOf, execute } from './graphql-client';
import { E2E_START_TIMEOUT_MS, startE2EPlatform, type E2EPlatform } from './platform-harness';

/**
 * The web console's session (console/src/auth/session-manager.ts) against the real platform: the access token is
 * refreshed silently once the (injected) clock passes its expiry, concurrent requests share one refresh (the refresh
 * token rotates: a second use would revoke the session), and a session the server ended signs the console out.
 */
let e2e: E2EPlatform;
beforeAll(async () => {
  e2e = await startE2EPlatform({ mode: 'embedded' });
}, E2E_START_TIMEOUT_MS);
afterAll(() => e2e?.stop());

/** Web Storage's contract over a Map (the browser's localStorage in the console). */
class MapStorage implements SessionStorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

let seq = 0;
async function signedIn() {
  const email = `console-session-${++seq}@example.test`;
  dataOf(
    await execute(e2e.url, SignUpDocument, {
      input: { email, password: 'Console-pass-1', displayName: 'Console' },
    }),
  );
  const payload = dataOf(
    await execute(e2e.url, LoginDocument, { input: { identifier: email, password: 'Console-pass-1' } }),
  ).login;
  let now = Date.now();
  const storage = new MapStorage();
  const manager = new SessionManager({ endpoint: e2e.url, storage, now: () => now });
  const signedOut: Array<SignedOutReason | undefined> = [];
  manager.subscribe((session, reason) => {
    if (!session) signedOut.push(reason);
  });
  manager.signIn(payload);
  return { manager, storage, payload, signedOut, advanceTo: (ms: number) => (now = ms) };
}

it('keeps the token while it is fresh, and refreshes it silently once it is about to expire', async () => {
  const { manager, payload, advanceTo, storage } = await signedIn();
  expect(await manager.accessToken()).toBe(payload.accessToken);

  advanceTo(Date.parse(payload.expiresAt) - 1_000);
  const refreshed = await manager.accessToken();
  expect(refreshed).not.toBe(payload.accessToken);
  expect(manager.current()!.refreshToken).not.toBe(payload.refreshToken);
  // The new token works, and the stored session (what a reload reads) is the new one.
  expect(dataOf(await execute(e2e.url, MeDocument, {}, { token: refreshed! })).me?.user.displayName).toBe(
    'Console',
  );
  expect(JSON.parse([...storage.items.values()][0]!).accessToken).toBe(refreshed);
  expect(new SessionManager({ endpoint: e2e.url, storage }).current()?.accessToken).toBe(refreshed);
});

it('refreshes once for concurrent requests (a rotated refresh token used twice would revoke the session)', async () => {
  const { manager, payload, advanceTo, signedOut } = await signedIn();
  advanceTo(Date.parse(payload.expiresAt));
  const tokens = await Promise.all([manager.accessToken(), manager.accessToken(), manager.accessToken()]);
  expect(new Set(tokens).size).toBe(1);
  expect(signedOut).toEqual([]);
  // And the session lives on: the next refresh works too.
  advanceTo(manager.current()!.expiresAt);
  expect(await manager.accessToken()).not.toBe(tokens[0]);
  expect(signedOut).toEqual([]);
});

it('signs out when the server ended the session (logged out elsewhere)', async () => {
  const { manager, payload, advanceTo, signedOut } = await signedIn();
  dataOf(await execute(e2e.url, LogoutDocument, {}, { token: payload.accessToken }));
  advanceTo(Date.parse(payload.expiresAt));
  expect(await manager.accessToken()).toBeNull();
  expect(signedOut).toEqual(['revoked']);
  expect(manager.current()).toBeNull();
});

it('signs out without asking once the refresh token itself has expired', async () => {
  const { manager, payload, advanceTo, signedOut } = await signedIn();
  advanceTo(Date.parse(payload.refreshExpiresAt) + 1);
  expect(await manager.accessToken()).toBeNull();
  expect(signedOut).toEqual(['expired']);
});
