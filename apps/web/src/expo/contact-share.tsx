import { leadFields } from '@plenum/contracts';
import type { LeadField, MyShareView } from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { useI18n } from '../i18n/i18n';

/** The attendee's explicit share: nothing is sent until they tick fields and press "Share". */
export function ContactShare({ slug, boothId }: { slug: string; boothId: string }) {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const base = `/api/events/${encodeURIComponent(slug)}`;
  const { resource, reload, refresh } = useResource<MyShareView[]>(`${base}/me/contact-shares`);
  const [fields, setFields] = useState<LeadField[]>(['name', 'email']);
  const [organisation, setOrganisation] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (resource.status === 'loading') return <Skeleton lines={2} />;
  if (resource.status === 'error') {
    return <ErrorNotice message={t.expo.contact.failed} onRetry={reload} />;
  }
  const share = resource.data.find((s) => s.boothId === boothId && !s.withdrawnAt);

  const toggle = (field: LeadField, on: boolean) =>
    setFields((current) => (on ? [...current, field] : current.filter((f) => f !== field)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!fields.includes('name') && !fields.includes('email')) {
      setError(t.expo.contact.needNameOrEmail);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`${base}/booths/${boothId}/contact`, {
        fields,
        ...(fields.includes('organisation') ? { organisation } : {}),
        ...(fields.includes('message') ? { message } : {}),
      });
      refresh();
    } catch {
      setError(t.expo.contact.failed);
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    setBusy(true);
    try {
      await api.delete(`${base}/booths/${boothId}/contact`);
      announce(t.expo.contact.withdrawn);
      refresh();
    } catch {
      setError(t.expo.contact.failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="contact-share-title" className="card">
      <h2 id="contact-share-title" className="card-title">
        {t.expo.contact.title}
      </h2>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {share ? (
        <>
          <p className="notice notice-success">
            {t.expo.contact.shared(
              new Date(share.consentedAt).toLocaleString(intlLocale, {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
            )}{' '}
            {t.expo.contact.sharedFields(
              share.sharedFields.map((f) => t.expo.contact.fields[f]).join(', '),
            )}
          </p>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void withdraw()}
          >
            {t.expo.contact.withdraw}
          </button>
        </>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <p>{t.expo.contact.intro}</p>
          <fieldset className="toggle-group">
            <legend className="toggle-group-label">{t.expo.contact.title}</legend>
            {leadFields.map((field) => (
              <label key={field} className="toggle">
                <input
                  type="checkbox"
                  checked={fields.includes(field)}
                  onChange={(e) => toggle(field, e.target.checked)}
                />{' '}
                {t.expo.contact.fields[field]}
              </label>
            ))}
          </fieldset>
          {fields.includes('organisation') ? (
            <div className="field">
              <label className="field-label" htmlFor="share-organisation">
                {t.expo.contact.organisationLabel}
              </label>
              <input
                id="share-organisation"
                className="field-input"
                maxLength={200}
                value={organisation}
                onChange={(e) => setOrganisation(e.target.value)}
              />
            </div>
          ) : null}
          {fields.includes('message') ? (
            <div className="field">
              <label className="field-label" htmlFor="share-message">
                {t.expo.contact.messageLabel}
              </label>
              <textarea
                id="share-message"
                className="field-textarea"
                maxLength={1000}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
              />
            </div>
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy}>
            {t.expo.contact.share}
          </button>
        </form>
      )}
    </section>
  );
}
