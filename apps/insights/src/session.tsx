import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { backend } from './backend.js';
import { createApiClient, type ApiClient } from './api-client.js';
import type { SessionView } from './shared/api-types.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: SessionView; client: ApiClient };

interface SessionContextValue {
  state: SessionState;
  signIn(businessName: string): Promise<void>;
  signOut(): Promise<void>;
  reload(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * The signed-in business and a client for the Codat-style API with its company-scoped token. The token is fetched
 * from Insights' backend on load and refreshed before it expires; the API key never reaches the browser.
 */
export function SessionProvider({ children }: { children: ReactNode }): ReactNode {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const refreshTimer = useRef<number | undefined>(undefined);

  const adopt = useCallback((session: SessionView | null) => {
    window.clearTimeout(refreshTimer.current);
    if (!session) {
      setState({ status: 'signed-out' });
      return;
    }
    setState({ status: 'signed-in', session, client: createApiClient(session) });
    // Refresh the token at 90 % of its life (capped to what setTimeout can hold).
    const delay = Math.min(session.expiresIn * 900, 2 ** 31 - 1);
    refreshTimer.current = window.setTimeout(() => {
      void backend.session().then(adopt, () => undefined);
    }, delay);
  }, []);

  useEffect(() => {
    let cancelled = false;
    backend.session().then(
      (session) => {
        if (!cancelled) adopt(session);
      },
      (error: unknown) => {
        if (!cancelled)
          setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [adopt, attempt]);

  useEffect(() => () => window.clearTimeout(refreshTimer.current), []);

  const signIn = useCallback(
    async (businessName: string) => {
      adopt(await backend.signIn(businessName));
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    await backend.signOut();
    adopt(null);
  }, [adopt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, reload }), [state, signIn, signOut, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

/** The signed-in session; only for pages rendered behind the sign-in gate. */
export function useSignedIn(): { session: SessionView; client: ApiClient } {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn() while not signed in');
  return { session: state.session, client: state.client };
}
