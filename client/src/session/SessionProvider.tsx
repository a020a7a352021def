// Who is signed in. The HttpOnly cookie is the credential; this only mirrors GET /api/me.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Locale, Me, MembershipSummary } from '../../../server/contracts/api';
import { login, logout, register, type LoginInput, type RegisterInput } from '../api/auth';
import { ApiRequestError } from '../api/errors';
import { getMe, updateMe } from '../api/me';
import { useI18n, type I18n } from '../i18n/I18nProvider';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'failed'; error: unknown }
  | { status: 'signedIn'; me: Me; memberships: MembershipSummary[] };

export interface Session {
  state: SessionState;
  signIn: (input: LoginInput) => Promise<void>;
  register: (input: RegisterInput) => Promise<void>;
  signOut: () => Promise<void>;
  /** Reloads the user and memberships, e.g. after joining a community. */
  refresh: () => Promise<void>;
  /** Switches the interface language and tells the server, which writes notifications in it. */
  changeLocale: (locale: Locale) => void;
}

type Arrival = 'restored' | 'signedIn' | 'registered';

const SessionContext = createContext<Session | null>(null);

// A choice made on this device (or the language a new account registered in) wins and is sent to the server;
// otherwise the account's own language is adopted.
function reconcileLocale(i18n: I18n, me: Me, arrival: Arrival): void {
  if (me.locale === i18n.locale) return;
  if (i18n.chosen || arrival === 'registered') {
    updateMe({ locale: i18n.locale }).catch(() => undefined);
  } else {
    i18n.setLocale(me.locale, { persist: false });
  }
}

/** Provides the session and the actions that change it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // i18n changes identity with the language; loading the session must not depend on it, only read its latest value.
  const i18nRef = useRef(i18n);
  useEffect(() => {
    i18nRef.current = i18n;
  }, [i18n]);

  const load = useCallback(async (arrival: Arrival) => {
    try {
      const { user, memberships } = await getMe();
      setState({ status: 'signedIn', me: user, memberships });
      reconcileLocale(i18nRef.current, user, arrival);
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) setState({ status: 'signedOut' });
      else setState({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void load('restored');
  }, [load]);

  const value = useMemo<Session>(
    () => ({
      state,
      signIn: async (input) => {
        await login(input);
        await load('signedIn');
      },
      register: async (input) => {
        await register(input);
        await load('registered');
      },
      signOut: async () => {
        await logout();
        setState({ status: 'signedOut' });
      },
      refresh: () => load('restored'),
      changeLocale: (locale) => {
        i18n.setLocale(locale, { persist: true });
        if (state.status === 'signedIn') updateMe({ locale }).catch(() => undefined);
      },
    }),
    [state, load, i18n],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session and its actions. */
export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for screens that are shown signed in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe while signed out');
  return state.me;
}
