import { roles } from '@plenum/contracts';
import type { DeliveryStats, ReminderSettings, Role } from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client';
import { asApiError, useResource } from '../api/use-resource';
import { useAuth } from '../auth/auth-context';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';
import { useEvent } from '../layout/event-layout';

/** Organizers: reminder times, announcements and the delivery counts. */
export function RemindersAdminSection({ headingId }: { headingId: string }) {
  const t = useT();
  const event = useEvent();
  const { state } = useAuth();
  const base = `/api/events/${encodeURIComponent(event.slug)}`;
  // The queues hold every event's jobs: only the installation's admins open them.
  const isAdmin = state.status === 'signed-in' && state.user.isPlatformAdmin;
  return (
    <>
      <h2 id={headingId}>{t.reminders.adminTitle}</h2>
      <DeliveryCounts path={`${base}/reminders/deliveries`} />
      {isAdmin ? <QueueDashboardLink /> : null}
      <OffsetsForm path={`${base}/reminders/settings`} />
      <AnnouncementForm path={`${base}/announcements`} />
    </>
  );
}

function DeliveryCounts({ path }: { path: string }) {
  const t = useT();
  const { resource, reload } = useResource<DeliveryStats>(path, { refreshMs: 15_000 });
  return (
    <section aria-labelledby="reminder-stats">
      <h3 id="reminder-stats">{t.reminders.statsTitle}</h3>
      {resource.status === 'loading' ? <Skeleton lines={2} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.reminders.statsError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' ? (
        <>
          <dl className="delivery-counts">
            <dt>{t.reminders.sent}</dt>
            <dd>{resource.data.sent}</dd>
            <dt>{t.reminders.pending}</dt>
            <dd>{resource.data.pending}</dd>
            <dt>{t.reminders.failed}</dt>
            <dd>{resource.data.failed}</dd>
          </dl>
          {resource.data.recentFailures.length > 0 ? (
            <ul>
              {resource.data.recentFailures.map((f) => (
                <li key={`${f.at}-${f.channel}`}>
                  {f.channel}: {f.error}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/**
 * bull-board is a server-rendered page the bearer token does not reach: the api first sets a
 * cookie scoped to /admin/queues, then the browser goes there.
 */
function QueueDashboardLink() {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    setProblem(null);
    try {
      await api.post('/api/admin/queues/session');
      window.location.assign('/admin/queues');
    } catch (error) {
      setProblem(`${t.reminders.queuesError} ${describeError(asApiError(error), t)}`);
    }
  };
  return (
    <section aria-labelledby="reminder-queues">
      <h3 id="reminder-queues">{t.reminders.queuesTitle}</h3>
      <p>{t.reminders.queuesHint}</p>
      <button type="button" className="button button-secondary" onClick={() => void open()}>
        {t.reminders.queuesOpen}
      </button>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

function parseOffsets(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const numbers = parts.map(Number);
  if (
    numbers.length === 0 ||
    numbers.length > 5 ||
    numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 10_080) ||
    new Set(numbers).size !== numbers.length
  ) {
    return null;
  }
  return numbers;
}

function OffsetsForm({ path }: { path: string }) {
  const t = useT();
  const announce = useAnnounce();
  const { resource, reload, replace } = useResource<ReminderSettings>(path);
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (resource.status === 'loading') return <Skeleton lines={1} />;
  if (resource.status === 'error') {
    return <ErrorNotice message={describeError(resource.error, t)} onRetry={reload} />;
  }
  const value = text ?? resource.data.offsetsMinutes.join(', ');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const offsets = parseOffsets(value);
    if (!offsets) {
      setProblem(t.reminders.offsetsInvalid);
      return;
    }
    setBusy(true);
    setProblem(null);
    api
      .put<ReminderSettings>(path, { offsetsMinutes: offsets })
      .then(
        (saved) => {
          replace(saved);
          setText(null);
          announce(t.reminders.saved);
        },
        (err: unknown) =>
          setProblem(`${t.reminders.saveError} ${describeError(asApiError(err), t)}`),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="reminder-offsets">
      <h3 id="reminder-offsets">{t.reminders.offsetsTitle}</h3>
      <label htmlFor="reminder-offsets-input">{t.reminders.offsetsLegend}</label>
      <p className="hint" id="reminder-offsets-hint">
        {t.reminders.offsetsHint}
      </p>
      <input
        id="reminder-offsets-input"
        value={value}
        aria-describedby="reminder-offsets-hint"
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {problem ? <p role="alert">{problem}</p> : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {t.reminders.save}
      </button>
    </form>
  );
}

function AnnouncementForm({ path }: { path: string }) {
  const t = useT();
  const announce = useAnnounce();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [email, setEmail] = useState(true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    api
      .post(path, {
        title,
        body,
        role: role === '' ? null : role,
        channels: email ? ['in-app', 'email'] : ['in-app'],
      })
      .then(
        () => {
          setTitle('');
          setBody('');
          announce(t.reminders.announcementSent);
        },
        (err: unknown) =>
          setProblem(`${t.reminders.announcementError} ${describeError(asApiError(err), t)}`),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="announcement-title">
      <h3 id="announcement-title">{t.reminders.announcementTitle}</h3>
      {problem ? <p role="alert">{problem}</p> : null}
      <label htmlFor="announcement-subject">{t.reminders.announcementSubject}</label>
      <input
        id="announcement-subject"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor="announcement-body">{t.reminders.announcementBody}</label>
      <textarea
        id="announcement-body"
        required
        maxLength={4000}
        rows={4}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <label htmlFor="announcement-role">{t.reminders.announcementRole}</label>
      <select
        id="announcement-role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role | '')}
      >
        <option value="">{t.reminders.everyone}</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t.roles[r]}
          </option>
        ))}
      </select>
      <label className="checkbox">
        <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />{' '}
        {t.reminders.channelEmail}
      </label>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t.reminders.announcementSend}
      </button>
    </form>
  );
}
