import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { useT } from '../i18n/i18n';
import { LanguageSwitch } from './language-switch';

export function AppHeader() {
  const t = useT();
  const { state, logout } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  const signOut = async () => {
    setPending(true);
    setFailed(false);
    try {
      await logout();
      void navigate('/login', { replace: true });
    } catch {
      // Staying signed in is the honest outcome: the refresh cookie is still valid on the server.
      setFailed(true);
    } finally {
      setPending(false);
    }
  };

  return (
    <header className="app-header">
      <div className="container app-header-bar">
        <Link to="/" className="app-name">
          {t.app.name}
        </Link>
        <div className="app-header-tools">
          {state.status === 'signed-in' ? (
            <p className="current-user">
              <span className="visually-hidden">{t.header.signedInAs} </span>
              {state.user.displayName}
            </p>
          ) : null}
          {state.status === 'signed-in' ? (
            <Link to="/my-data" className="button button-quiet">
              {t.header.myData}
            </Link>
          ) : null}
          <LanguageSwitch />
          {state.status === 'signed-in' ? (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void signOut()}
              disabled={pending}
            >
              {pending ? t.header.loggingOut : t.header.logout}
            </button>
          ) : null}
        </div>
      </div>
      {failed ? (
        <div className="container">
          <p className="notice notice-error" role="alert">
            {t.header.logoutFailed}
          </p>
        </div>
      ) : null}
    </header>
  );
}
