import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { MainContent } from '../components/main-content';
import { Skeleton } from '../components/status-blocks';
import { useT } from '../i18n/i18n';
import { useAuth } from './auth-context';

/** Where the login page sends a person back to; carried in the router's location state. */
export interface ReturnTo {
  from?: string;
}

export function RequireAuth() {
  const t = useT();
  const { state } = useAuth();
  const location = useLocation();

  if (state.status === 'restoring') {
    return (
      <MainContent busy>
        <p className="lead">{t.app.restoringSession}</p>
        <Skeleton />
      </MainContent>
    );
  }
  if (state.status === 'signed-out') {
    const returnTo: ReturnTo = { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to="/login" replace state={returnTo} />;
  }
  return <Outlet />;
}

/** Accepts only same-app paths, so a crafted state cannot send anyone to another site. */
export function safeReturnPath(state: unknown): string {
  const from = (state as ReturnTo | null)?.from;
  const usable =
    typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('//') &&
    !from.startsWith('/login');
  return usable ? from : '/';
}
