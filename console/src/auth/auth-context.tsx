import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import {
  ConsoleMyOrganizationsDocument,
  MeDocument,
  type MeQuery,
  type SessionTokensFragment,
} from '../../../schema/generated/graphql';
import type { SessionManager, SignedOutReason, StoredSession } from './session-manager';

export type Viewer = NonNullable<MeQuery['me']>;

export interface AuthState {
  session: StoredSession | null;
  viewer: Viewer | null;
  /** Operators see the operator console (运营端); everyone else the institution console (企业端). */
  isOperator: boolean;
  loading: boolean;
  manager: SessionManager;
  signIn(payload: SessionTokensFragment): void;
  signOut(): void;
  /** Reads `me` again, after a refreshed token (new memberships once an organization is approved). */
  reload(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** Who is signed in. A session the server ends (revoked, expired) sends the console to the login page. */
export function AuthProvider({ manager, children }: { manager: SessionManager; children: ReactNode }) {
  const navigate = useNavigate();
  const [session, setSession] = useState(manager.current());
  const [{ data, fetching }, reexecute] = useQuery({
    query: MeDocument,
    pause: !session,
    requestPolicy: 'network-only',
  });
  // Asked beside `me`, not after it: the institution pages need the caller's organizations first thing, and the
  // page's own query then answers from the cache (one round trip less before the first list draws).
  useQuery({ query: ConsoleMyOrganizationsDocument, pause: !session });

  useEffect(
    () =>
      manager.subscribe((next, reason?: SignedOutReason) => {
        setSession(next);
        if (!next && reason && reason !== 'logout') navigate('/login', { replace: true, state: { reason } });
      }),
    [manager, navigate],
  );

  const reload = useCallback(async () => {
    await manager.refresh();
    reexecute({ requestPolicy: 'network-only' });
  }, [manager, reexecute]);

  const value = useMemo<AuthState>(() => {
    const viewer = session ? (data?.me ?? null) : null;
    return {
      session,
      viewer,
      isOperator: (viewer?.operatorRoles.length ?? 0) > 0,
      loading: Boolean(session) && (fetching || !data),
      manager,
      signIn: (payload) => {
        manager.signIn(payload);
        reexecute({ requestPolicy: 'network-only' });
      },
      signOut: () => {
        manager.signOut('logout');
        navigate('/login', { replace: true });
      },
      reload,
    };
  }, [session, data, fetching, manager, reexecute, navigate, reload]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
