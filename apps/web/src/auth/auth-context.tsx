import type {
  AcceptInvitationRequest,
  Locale,
  LoginRequest,
  MeResponse,
  MembershipView,
  PasswordResetRequest,
  Role,
  SignInLinkRequest,
  UserView,
} from '@plenum/contracts';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import * as client from '../api/client';
import { isAbortError } from '../api/api-error';
import { asApiError } from '../api/use-resource';
import type { Resource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { useI18n } from '../i18n/i18n';

export type AuthState =
  { status: 'restoring' } | { status: 'signed-out' } | { status: 'signed-in'; user: UserView };

interface AuthValue {
  state: AuthState;
  login: (credentials: LoginRequest) => Promise<UserView>;
  acceptInvitation: (acceptance: AcceptInvitationRequest) => Promise<UserView>;
  resetPassword: (reset: PasswordResetRequest) => Promise<UserView>;
  signInWithLink: (link: SignInLinkRequest) => Promise<UserView>;
  /** After "sign out everywhere": the server has ended this sign-in too. */
  signedOutEverywhere: () => void;
  logout: () => Promise<void>;
  /** Switches the interface language and keeps the choice in the profile when signed in. */
  chooseLocale: (locale: Locale) => void;
  /** The signed-in person's roles per event, loaded once per sign-in from `GET /api/me`. */
  memberships: Resource<MembershipView[]>;
  reloadMemberships: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'restoring' });
  const { t, setLocale } = useI18n();
  const announce = useAnnounce();

  const previousStatus = useRef<AuthState['status']>('restoring');
  const signingOut = useRef(false);
  const choiceBeforeSignIn = useRef<Locale | null>(null);
  const signedIn = state.status === 'signed-in';
  const userId = state.status === 'signed-in' ? state.user.id : null;
  const [memberships, setMemberships] = useState<Resource<MembershipView[]>>({
    status: 'loading',
  });
  const [membershipsAttempt, setMembershipsAttempt] = useState(0);

  const chooseLocale = useCallback(
    (locale: Locale) => {
      setLocale(locale);
      if (signedIn) {
        // If saving fails the switch still holds in this browser; nothing to undo or report.
        client.updateProfile({ locale }).catch(() => undefined);
      } else {
        choiceBeforeSignIn.current = locale;
      }
    },
    [setLocale, signedIn],
  );

  /**
   * The profile's language wins at sign-in, except over a choice made on the login page a
   * moment ago: that one is newer, so it is kept and saved to the profile instead.
   */
  const adoptLocale = useCallback(
    (user: UserView) => {
      const choice = choiceBeforeSignIn.current;
      choiceBeforeSignIn.current = null;
      if (choice && choice !== user.locale) {
        client.updateProfile({ locale: choice }).catch(() => undefined);
      } else {
        setLocale(user.locale);
      }
    },
    [setLocale],
  );

  useEffect(
    () =>
      client.onSessionChange((session) => {
        setState(session ? { status: 'signed-in', user: session.user } : { status: 'signed-out' });
      }),
    [],
  );

  useEffect(() => {
    const previous = previousStatus.current;
    previousStatus.current = state.status;
    if (previous === 'signed-out' && state.status === 'signed-in') {
      announce(t.status.signedIn(state.user.displayName));
    } else if (previous === 'signed-in' && state.status === 'signed-out') {
      // The server can end a session on its own (expiry, revocation); say so, or the jump to
      // the login page looks like a fault.
      announce(signingOut.current ? t.status.signedOut : t.status.sessionLost);
      signingOut.current = false;
    }
  }, [state, announce, t]);

  useEffect(() => {
    let cancelled = false;
    client
      .refreshSession()
      .then((session) => {
        if (cancelled) {
          return;
        }
        if (session) {
          adoptLocale(session.user);
        }
        setState(session ? { status: 'signed-in', user: session.user } : { status: 'signed-out' });
      })
      .catch(() => {
        // Without a reachable server there is no session to restore; the login form will say
        // why when it is used.
        if (!cancelled) {
          setState({ status: 'signed-out' });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [adoptLocale]);

  // Keyed on the user id, not the state object: every token refresh replaces that object.
  useEffect(() => {
    setMemberships({ status: 'loading' });
    if (!userId) {
      return;
    }
    const controller = new AbortController();
    client.api
      .get<MeResponse>('/api/me', { signal: controller.signal })
      .then((me) => setMemberships({ status: 'ready', data: me.memberships }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) {
          setMemberships({ status: 'error', error: asApiError(error) });
        }
      });
    return () => controller.abort();
  }, [userId, membershipsAttempt]);

  const reloadMemberships = useCallback(() => setMembershipsAttempt((n) => n + 1), []);

  /** Every way of signing in ends alike: the answer's person, in their language. */
  const adoptSignIn = useCallback(
    async (answer: Promise<{ user: UserView }>) => {
      const { user } = await answer;
      adoptLocale(user);
      return user;
    },
    [adoptLocale],
  );
  const login = useCallback(
    (credentials: LoginRequest) => adoptSignIn(client.login(credentials)),
    [adoptSignIn],
  );
  const acceptInvitation = useCallback(
    (acceptance: AcceptInvitationRequest) => adoptSignIn(client.acceptInvitation(acceptance)),
    [adoptSignIn],
  );
  const resetPassword = useCallback(
    (reset: PasswordResetRequest) => adoptSignIn(client.resetPassword(reset)),
    [adoptSignIn],
  );
  const signInWithLink = useCallback(
    (link: SignInLinkRequest) => adoptSignIn(client.signInWithLink(link)),
    [adoptSignIn],
  );

  const signedOutEverywhere = useCallback(() => {
    signingOut.current = true;
    client.forgetSession();
  }, []);

  const logout = useCallback(async () => {
    signingOut.current = true;
    try {
      await client.logout();
    } catch (error) {
      signingOut.current = false;
      throw error;
    }
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      state,
      login,
      acceptInvitation,
      resetPassword,
      signInWithLink,
      signedOutEverywhere,
      logout,
      chooseLocale,
      memberships,
      reloadMemberships,
    }),
    [
      state,
      login,
      acceptInvitation,
      resetPassword,
      signInWithLink,
      signedOutEverywhere,
      logout,
      chooseLocale,
      memberships,
      reloadMemberships,
    ],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) {
    throw new Error('useAuth must be used inside <AuthProvider>');
  }
  return value;
}

export type EventRoles =
  | { status: 'loading' }
  | { status: 'error'; error: client.ApiError; retry: () => void }
  | { status: 'ready'; roles: readonly Role[] };

/** The roles the signed-in person holds in one event; none at all for a non-member. */
export function useEventRoles(slug: string): EventRoles {
  const { memberships, reloadMemberships } = useAuth();
  return useMemo<EventRoles>(() => {
    switch (memberships.status) {
      case 'loading':
        return { status: 'loading' };
      case 'error':
        return { status: 'error', error: memberships.error, retry: reloadMemberships };
      case 'ready':
        return {
          status: 'ready',
          roles: memberships.data.filter((m) => m.eventSlug === slug).map((m) => m.role),
        };
    }
  }, [memberships, reloadMemberships, slug]);
}
