import type { AcceptedInvitation, InvitationDetails } from '@plenum/contracts';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../api/client';
import { asApiError } from '../api/use-resource';
import type { Resource } from '../api/use-resource';
import { useAuth } from '../auth/auth-context';
import type { ReturnTo } from '../auth/require-auth';
import { useDocumentTitle } from '../components/document-title';
import { ErrorSummary, TextField, listProblems } from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { MainContent } from '../components/main-content';
import { Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';

type InviteField = 'password' | 'confirm';
const fieldOrder: readonly InviteField[] = ['password', 'confirm'];

// Mirrors passwordSchema in @plenum/contracts, with messages in the reader's language.
const minPasswordLength = 8;
const maxPasswordLength = 200;

const genericProblem: Problem = (t) => t.errors.generic;
const invalidProblem: Problem = (t) => t.invite.invalid;

function validate(password: string, confirm: string): FieldProblems<InviteField> {
  const problems: FieldProblems<InviteField> = {};
  if (password === '') {
    problems.password = (t) => t.invite.passwordMissing;
  } else if (password.length < minPasswordLength) {
    problems.password = (t) => t.invite.passwordTooShort;
  } else if (password.length > maxPasswordLength) {
    problems.password = (t) => t.invite.passwordTooLong;
  }
  if (confirm === '') {
    problems.confirm = (t) => t.invite.confirmMissing;
  } else if (password !== '' && confirm !== password) {
    problems.confirm = (t) => t.invite.mismatch;
  }
  return problems;
}

/**
 * The page behind an invitation link. The token is in the fragment (`/invite#…`; links sent
 * before that have it in the path). An account without a password sets one here; an account
 * that has one is asked to sign in and then accepts or declines: the link never sets its password.
 */
export function InvitePage() {
  const t = useT();
  const { token: pathToken } = useParams();
  const location = useLocation();
  const token = pathToken ?? decodeURIComponent(location.hash.replace(/^#/, ''));
  const [details, setDetails] = useState<Resource<InvitationDetails>>({ status: 'loading' });
  useDocumentTitle(t.invite.title);

  useEffect(() => {
    let current = true;
    api
      .post<InvitationDetails>('/api/auth/invitations/lookup', { token })
      .then((data) => current && setDetails({ status: 'ready', data }))
      .catch(
        (error: unknown) => current && setDetails({ status: 'error', error: asApiError(error) }),
      );
    return () => {
      current = false;
    };
  }, [token]);

  return (
    <MainContent busy={details.status === 'loading'}>
      <div className="narrow">
        <h1>{t.invite.title}</h1>
        {details.status === 'loading' ? <Skeleton lines={3} /> : null}
        {details.status === 'error' ? (
          <>
            <p className="notice notice-error" role="alert">
              {details.error.code === 'INVITATION_INVALID' || details.error.status === 422
                ? t.invite.invalid
                : describeError(details.error, t)}
            </p>
            <p>
              <Link to="/login">{t.invite.toLogin}</Link>
            </p>
          </>
        ) : null}
        {details.status === 'ready' ? (
          <>
            <p className="lead">
              {t.invite.about(
                details.data.eventTitle,
                t.roles[details.data.role],
                details.data.scopeName,
              )}
            </p>
            {details.data.needsPassword ? (
              <SetPasswordForm token={token} />
            ) : (
              <AnswerInvitation token={token} details={details.data} />
            )}
          </>
        ) : null}
      </div>
    </MainContent>
  );
}

/** An account that has a password: its owner signs in, then accepts or declines. */
function AnswerInvitation({ token, details }: { token: string; details: InvitationDetails }) {
  const t = useT();
  const { state, reloadMemberships } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [declined, setDeclined] = useState(false);

  const accept = async () => {
    setPending(true);
    setProblem(null);
    try {
      const accepted = await api.post<AcceptedInvitation>('/api/me/invitations/accept', { token });
      reloadMemberships();
      void navigate(`/e/${encodeURIComponent(accepted.eventSlug)}`, { replace: true });
    } catch (error) {
      const apiError = asApiError(error);
      setProblem(
        apiError.code === 'INVITATION_OTHER_ACCOUNT'
          ? t.invite.otherAccount(details.email)
          : apiError.code === 'INVITATION_INVALID'
            ? t.invite.invalid
            : describeError(apiError, t),
      );
    } finally {
      setPending(false);
    }
  };

  const decline = async () => {
    setPending(true);
    setProblem(null);
    try {
      await api.post('/api/auth/invitations/decline', { token });
      setDeclined(true);
    } catch (error) {
      setProblem(describeError(asApiError(error), t));
    } finally {
      setPending(false);
    }
  };

  if (declined) {
    return (
      <p role="status" className="notice">
        {t.invite.declined}
      </p>
    );
  }
  const returnTo: ReturnTo = { from: `/invite#${token}` };
  return (
    <>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {state.status === 'signed-in' ? (
        <p>{t.invite.signedInAs(state.user.email)}</p>
      ) : (
        <p>{t.invite.signInFirst(details.email)}</p>
      )}
      <div className="button-row">
        {state.status === 'signed-in' ? (
          <button
            type="button"
            className="button button-primary"
            disabled={pending}
            onClick={() => void accept()}
          >
            {t.invite.accept}
          </button>
        ) : (
          <Link className="button button-primary" to="/login" state={returnTo}>
            {t.invite.signInToAccept}
          </Link>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={pending}
          onClick={() => void decline()}
        >
          {t.invite.decline}
        </button>
      </div>
    </>
  );
}

/** An account the invitation made: its first password, then signed in at the event. */
function SetPasswordForm({ token }: { token: string }) {
  const t = useT();
  const { acceptInvitation } = useAuth();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldProblems, setFieldProblems] = useState<FieldProblems<InviteField>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [invitationInvalid, setInvitationInvalid] = useState(false);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = validate(password, confirm);
    setFieldProblems(problems);
    setFormProblem(null);
    if (Object.keys(problems).length > 0) {
      return;
    }
    setPending(true);
    try {
      await acceptInvitation({ token, password });
      void navigate('/', { replace: true });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFormProblem(() => genericProblem);
      } else if (error.code === 'INVITATION_INVALID' || error.fieldMessage('token')) {
        setInvitationInvalid(true);
        setFormProblem(() => invalidProblem);
      } else if (error.code === 'VALIDATION_FAILED' && error.fieldMessage('password')) {
        const message = error.fieldMessage('password') ?? error.message;
        setFieldProblems({ password: () => message });
      } else {
        const problem: Problem = (tt) => describeError(error, tt);
        setFormProblem(() => problem);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <p>{t.invite.intro}</p>
      <ErrorSummary
        fieldProblems={listProblems(fieldOrder, fieldProblems)}
        formProblem={formProblem}
      />
      {invitationInvalid ? (
        <p>
          <Link to="/login">{t.invite.toLogin}</Link>
        </p>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(event) => void submit(event)}
          aria-busy={pending}
        >
          <TextField
            name="password"
            label={t.invite.password}
            hint={t.invite.passwordHint}
            type="password"
            autoComplete="new-password"
            minLength={minPasswordLength}
            maxLength={maxPasswordLength}
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldProblems.password?.(t)}
          />
          <TextField
            name="confirm"
            label={t.invite.confirm}
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            error={fieldProblems.confirm?.(t)}
          />
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? t.invite.submitting : t.invite.submit}
          </button>
        </form>
      )}
    </>
  );
}
