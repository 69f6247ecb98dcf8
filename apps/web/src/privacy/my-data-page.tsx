import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, deleteAccount } from '../api/client';
import { useAnnounce } from '../components/announcer';
import { useDocumentTitle } from '../components/document-title';
import { TextField } from '../components/form-parts';
import { downloadWithToken } from '../expo/download';
import { useT } from '../i18n/i18n';
import { SignInsSection } from './sign-ins-section';

function ExportSection() {
  const t = useT();
  const announce = useAnnounce();
  const [state, setState] = useState<'idle' | 'pending' | 'done' | 'failed'>('idle');
  const download = async () => {
    setState('pending');
    try {
      await downloadWithToken('/api/me/data-export', 'plenum-my-data.json');
      setState('done');
      announce(t.privacy.exportDone);
    } catch {
      setState('failed');
    }
  };
  return (
    <section className="admin-section" aria-labelledby="my-data-export">
      <h2 id="my-data-export">{t.privacy.exportTitle}</h2>
      <p>{t.privacy.exportText}</p>
      <button
        type="button"
        className="button button-primary"
        onClick={() => void download()}
        disabled={state === 'pending'}
      >
        {state === 'pending' ? t.privacy.exporting : t.privacy.exportButton}
      </button>
      {state === 'done' ? <p className="notice notice-success">{t.privacy.exportDone}</p> : null}
      {state === 'failed' ? (
        <p className="notice notice-error" role="alert">
          {t.privacy.exportFailed}
        </p>
      ) : null}
    </section>
  );
}

/** A modal <dialog>: the browser keeps focus inside and Escape closes it. */
function DeleteDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    if (password === '') {
      setError(t.privacy.passwordMissing);
      return;
    }
    setPending(true);
    setError(null);
    try {
      await deleteAccount(password);
      announce(t.privacy.deleted);
      void navigate('/login', { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 422
          ? t.privacy.passwordWrong
          : t.privacy.deleteFailed,
      );
      setPending(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="delete-account-title"
      aria-describedby="delete-account-text"
      onClose={onClose}
    >
      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={pending}>
        <h2 id="delete-account-title">{t.privacy.dialogTitle}</h2>
        <p id="delete-account-text">{t.privacy.dialogText}</p>
        <TextField
          idPrefix="delete-account"
          name="password"
          type="password"
          autoComplete="current-password"
          label={t.privacy.password}
          required
          value={password}
          onChange={(change) => setPassword(change.target.value)}
          error={error ?? undefined}
        />
        <div className="button-row">
          <button type="submit" className="button button-danger" disabled={pending}>
            {pending ? t.privacy.deleting : t.privacy.confirmDelete}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t.privacy.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** "Meine Daten": where I am signed in, download everything about me, or delete my account. */
export function MyDataPage() {
  const t = useT();
  useDocumentTitle(t.privacy.title);
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setConfirming(false);
    opener.current?.focus();
  };
  return (
    <>
      <h1>{t.privacy.title}</h1>
      <p className="lead">{t.privacy.intro}</p>
      <SignInsSection />
      <ExportSection />
      <section className="admin-section" aria-labelledby="my-data-delete">
        <h2 id="my-data-delete">{t.privacy.deleteTitle}</h2>
        <p>{t.privacy.deleteText}</p>
        <button
          ref={opener}
          type="button"
          className="button button-danger"
          onClick={() => setConfirming(true)}
        >
          {t.privacy.deleteButton}
        </button>
        {confirming ? <DeleteDialog onClose={close} /> : null}
      </section>
    </>
  );
}
