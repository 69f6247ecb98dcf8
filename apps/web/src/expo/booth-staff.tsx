import type {
  InvitationRequest,
  InvitationResponse,
  MemberView,
  PendingInvitationView,
} from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useResource } from '../api/use-resource';
import { InvitationLink } from '../admin/invite-form';
import type { Invited } from '../admin/invite-form';
import { problemsFromApiError } from '../admin/api-problems';
import { useAnnounce } from '../components/announcer';
import { ErrorSummary, TextField, listProblems } from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { useEvent } from '../layout/event-layout';

type StaffField = 'email' | 'displayName';
const fieldOrder: readonly StaffField[] = ['email', 'displayName'];
const idPrefix = 'booth-staff';

/** For organizers: who staffs this booth, and an invitation that makes someone its exhibitor. */
export function BoothStaffPanel({ boothId }: { boothId: string }) {
  const { t } = useI18n();
  const event = useEvent();
  const announce = useAnnounce();
  const base = `/api/events/${encodeURIComponent(event.slug)}`;
  const { resource, reload, refresh } = useResource<MemberView[]>(`${base}/members`);
  const invitations = useResource<PendingInvitationView[]>(`${base}/invitations`);
  const [listProblem, setListProblem] = useState<Problem | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [fieldProblems, setFieldProblems] = useState<FieldProblems<StaffField>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [invited, setInvited] = useState<Invited | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    const problems: FieldProblems<StaffField> = {};
    if (email.trim() === '') problems.email = (tt) => tt.expo.staff.emailMissing;
    if (displayName.trim() === '') problems.displayName = (tt) => tt.expo.staff.displayNameMissing;
    setFieldProblems(problems);
    setFormProblem(null);
    if (Object.keys(problems).length > 0) return;
    const request: InvitationRequest = {
      email: email.trim(),
      displayName: displayName.trim(),
      role: 'exhibitor',
      boothId,
      locale: event.defaultLocale,
    };
    setPending(true);
    try {
      const response = await api.post<InvitationResponse>(`${base}/invitations`, request);
      setInvited({ response, email: request.email, displayName: request.displayName });
      setEmail('');
      setDisplayName('');
      announce(t.admin.invitation.announced(request.displayName));
      refresh();
      invitations.refresh();
    } catch (error) {
      if (error instanceof ApiError) {
        const fromServer = problemsFromApiError(error, fieldOrder);
        setFieldProblems(fromServer.fields);
        setFormProblem(() => fromServer.form);
      } else {
        const generic: Problem = (tt) => tt.errors.generic;
        setFormProblem(() => generic);
      }
    } finally {
      setPending(false);
    }
  };

  /** Removes a staff role or withdraws an invitation, then says so or why it failed. */
  const act = async (id: string, path: string, done: string) => {
    setBusyId(id);
    setListProblem(null);
    try {
      await api.delete(path);
      announce(done);
      refresh();
      invitations.refresh();
    } catch (error) {
      const problem: Problem =
        error instanceof ApiError
          ? (tt) => `${tt.expo.staff.removeFailed} ${describeError(error, tt)}`
          : (tt) => tt.errors.generic;
      setListProblem(() => problem);
    } finally {
      setBusyId(null);
    }
  };

  const openInvitations =
    invitations.resource.status === 'ready'
      ? invitations.resource.data.filter((i) => i.boothId === boothId)
      : [];
  const staff =
    resource.status === 'ready'
      ? resource.data.filter((m) => m.boothId === boothId && m.role === 'exhibitor')
      : [];

  return (
    <section aria-labelledby="booth-staff-title">
      <h3 id="booth-staff-title">{t.expo.staff.title}</h3>
      <p>{t.expo.staff.intro}</p>
      <h4>{t.expo.staff.listTitle}</h4>
      {resource.status === 'loading' ? <Skeleton lines={2} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice message={t.expo.staff.loadError} onRetry={reload} />
      ) : null}
      {resource.status === 'ready' && staff.length === 0 ? (
        <p className="muted">{t.expo.staff.empty}</p>
      ) : null}
      {staff.length > 0 ? (
        <ul>
          {staff.map((m) => (
            <li key={m.membershipId}>
              {m.displayName} <span className="muted">({m.email})</span>{' '}
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t.expo.staff.remove(m.displayName)}
                disabled={busyId === m.membershipId}
                onClick={() =>
                  void act(
                    m.membershipId,
                    `${base}/members/${m.membershipId}`,
                    t.expo.staff.removed(m.displayName),
                  )
                }
              >
                {t.expo.staff.removeLabel}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {openInvitations.length > 0 ? (
        <>
          <h4>{t.expo.staff.pendingTitle}</h4>
          <ul>
            {openInvitations.map((i) => (
              <li key={i.invitationId}>
                {i.email}{' '}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t.expo.staff.withdraw(i.email)}
                  disabled={busyId === i.invitationId}
                  onClick={() =>
                    void act(
                      i.invitationId,
                      `${base}/invitations/${i.invitationId}`,
                      t.expo.staff.withdrawn(i.email),
                    )
                  }
                >
                  {t.expo.staff.withdrawLabel}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {listProblem ? <ErrorNotice message={listProblem(t)} /> : null}
      <p className="muted">{t.expo.staff.existingAccountHint}</p>
      <ErrorSummary
        fieldProblems={listProblems(fieldOrder, fieldProblems)}
        formProblem={formProblem}
        idPrefix={idPrefix}
      />
      <form
        className="form"
        noValidate
        aria-busy={pending}
        onSubmit={(formEvent) => void submit(formEvent)}
      >
        <TextField
          idPrefix={idPrefix}
          name="email"
          label={t.expo.staff.email}
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldProblems.email?.(t)}
        />
        <TextField
          idPrefix={idPrefix}
          name="displayName"
          label={t.expo.staff.displayName}
          autoComplete="off"
          required
          maxLength={120}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={fieldProblems.displayName?.(t)}
        />
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.expo.staff.inviting : t.expo.staff.invite}
        </button>
      </form>
      {invited ? <InvitationLink key={invited.response.invitationId} invited={invited} /> : null}
    </section>
  );
}
