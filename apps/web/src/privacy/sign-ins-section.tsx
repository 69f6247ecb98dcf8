import type { SignInView } from '@plenum/contracts';
import { useRef, useState } from 'react';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useAuth } from '../auth/auth-context';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { useI18n } from '../i18n/i18n';

/** "Meine Daten": the devices signed in to this account, and signing out of them. */
export function SignInsSection() {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const { signedOutEverywhere } = useAuth();
  const { resource, reload, refresh } = useResource<SignInView[]>('/api/me/sign-ins');
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );

  const run = async (work: () => Promise<unknown>, done: string) => {
    setPending(true);
    setFailed(false);
    try {
      await work();
      announce(done);
      refresh();
      // The button that was pressed may be gone with its row; focus stays in the section.
      heading.current?.focus();
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  };

  const endEverywhere = async () => {
    setPending(true);
    setFailed(false);
    try {
      await api.post('/api/me/sign-ins/end', { keepThisOne: false });
      // Signed out here too: the page's guard sends the person to the sign-in page, which
      // brings them back here afterwards.
      signedOutEverywhere();
    } catch {
      setFailed(true);
      setPending(false);
    }
  };

  return (
    <section className="admin-section" aria-labelledby="my-data-sign-ins">
      <h2 id="my-data-sign-ins" ref={heading} tabIndex={-1}>
        {t.signIns.title}
      </h2>
      <p>{t.signIns.intro}</p>
      {resource.status === 'loading' ? <Skeleton lines={2} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice message={t.signIns.loadError} onRetry={reload} />
      ) : null}
      {resource.status === 'ready' ? (
        <ul className="sign-in-list">
          {resource.data.map((signIn) => {
            const device = signIn.userAgent ?? t.signIns.unknownDevice;
            return (
              <li key={signIn.id} className="sign-in-item">
                <p>
                  <strong>{device}</strong>
                  {signIn.current ? <span className="tag">{t.signIns.current}</span> : null}
                </p>
                <p className="muted">
                  {t.signIns.since(when(signIn.createdAt))} ·{' '}
                  {t.signIns.lastUsed(when(signIn.lastUsedAt))}
                </p>
                {signIn.current ? null : (
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t.signIns.endLabel(device)}
                    disabled={pending}
                    onClick={() =>
                      void run(() => api.delete(`/api/me/sign-ins/${signIn.id}`), t.signIns.ended)
                    }
                  >
                    {t.signIns.end}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {failed ? (
        <p className="notice notice-error" role="alert">
          {t.signIns.failed}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={pending}
          onClick={() =>
            void run(
              () => api.post('/api/me/sign-ins/end', { keepThisOne: true }),
              t.signIns.othersEnded,
            )
          }
        >
          {t.signIns.endOthers}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={pending}
          onClick={() => void endEverywhere()}
        >
          {t.signIns.endAll}
        </button>
      </div>
    </section>
  );
}
