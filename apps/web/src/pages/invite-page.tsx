import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { useDocumentTitle } from '../components/document-title';
import { ErrorSummary, TextField, listProblems } from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { MainContent } from '../components/main-content';
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

export function InvitePage() {
  const t = useT();
  const { token = '' } = useParams();
  const { acceptInvitation } = useAuth();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldProblems, setFieldProblems] = useState<FieldProblems<InviteField>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [invitationInvalid, setInvitationInvalid] = useState(false);
  const [pending, setPending] = useState(false);
  useDocumentTitle(t.invite.title);

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
    <MainContent>
      <div className="narrow">
        <h1>{t.invite.title}</h1>
        <p className="lead">{t.invite.intro}</p>
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
      </div>
    </MainContent>
  );
}
