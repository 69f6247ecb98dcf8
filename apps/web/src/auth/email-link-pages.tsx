import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api/client';
import { useDocumentTitle } from '../components/document-title';
import { ErrorSummary, TextField, listProblems } from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { MainContent } from '../components/main-content';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';
import { useAuth } from './auth-context';

// Deliberately loose: the server's zod schema is the real check, this only catches typos early.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Mirrors passwordSchema in @plenum/contracts, with messages in the reader's language.
const minPasswordLength = 8;
const maxPasswordLength = 200;

const genericProblem: Problem = (t) => t.errors.generic;
const invalidLinkProblem: Problem = (t) => t.emailLinks.invalid;

function serverProblem(error: unknown): Problem {
  if (!(error instanceof ApiError)) return genericProblem;
  return (t) => describeError(error, t);
}

/** The token of a link from an e-mail: it rides in the fragment, which no server receives. */
function useLinkToken(): string {
  return decodeURIComponent(useLocation().hash.replace(/^#/, ''));
}

type Purpose = 'password-reset' | 'sign-in';

/**
 * Asks for a reset or sign-in link. The answer is the same whether or not the address has an
 * account, and so is what this page says.
 */
export function EmailLinkRequestPage({ purpose }: { purpose: Purpose }) {
  const t = useT();
  const { state } = useAuth();
  const [email, setEmail] = useState('');
  const [emailProblem, setEmailProblem] = useState<Problem | null>(null);
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const title = purpose === 'password-reset' ? t.emailLinks.forgotTitle : t.emailLinks.linkTitle;
  useDocumentTitle(title);

  if (state.status === 'signed-in' && purpose === 'sign-in') {
    return <Navigate to="/" replace />;
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = email.trim();
    const problem: Problem | null =
      address === ''
        ? (tt) => tt.login.emailMissing
        : emailShape.test(address)
          ? null
          : (tt) => tt.login.emailInvalid;
    setEmailProblem(() => problem);
    setFormProblem(null);
    if (problem) return;
    setPending(true);
    try {
      await api.post(
        purpose === 'password-reset'
          ? '/api/auth/password-reset/request'
          : '/api/auth/sign-in-link/request',
        { email: address },
      );
      setSentTo(address);
    } catch (error) {
      setFormProblem(() => serverProblem(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <MainContent>
      <div className="narrow">
        <h1>{title}</h1>
        {sentTo ? (
          <p className="notice notice-success" role="status">
            {t.emailLinks.sent(sentTo)}
          </p>
        ) : (
          <>
            <p className="lead">
              {purpose === 'password-reset' ? t.emailLinks.forgotIntro : t.emailLinks.linkIntro}
            </p>
            <ErrorSummary
              fieldProblems={listProblems(['email'], emailProblem ? { email: emailProblem } : {})}
              formProblem={formProblem}
            />
            <form
              className="form"
              noValidate
              onSubmit={(event) => void submit(event)}
              aria-busy={pending}
            >
              <TextField
                name="email"
                label={t.login.email}
                type="email"
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                autoCapitalize="none"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                error={emailProblem?.(t)}
              />
              <button type="submit" className="button button-primary" disabled={pending}>
                {pending ? t.emailLinks.sending : t.emailLinks.send}
              </button>
            </form>
          </>
        )}
        <p>
          <Link to="/login">{t.emailLinks.backToLogin}</Link>
        </p>
      </div>
    </MainContent>
  );
}

type ResetField = 'password' | 'confirm';
const resetFields: readonly ResetField[] = ['password', 'confirm'];

/** The page behind a reset link: a new password, then signed in here and nowhere else. */
export function ResetPasswordPage() {
  const t = useT();
  const token = useLinkToken();
  const { resetPassword } = useAuth();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldProblems, setFieldProblems] = useState<FieldProblems<ResetField>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [linkInvalid, setLinkInvalid] = useState(token.length < 20);
  const [pending, setPending] = useState(false);
  useDocumentTitle(t.emailLinks.resetTitle);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldProblems<ResetField> = {};
    if (password === '') problems.password = (tt) => tt.invite.passwordMissing;
    else if (password.length < minPasswordLength)
      problems.password = (tt) => tt.invite.passwordTooShort;
    else if (password.length > maxPasswordLength)
      problems.password = (tt) => tt.invite.passwordTooLong;
    if (confirm === '') problems.confirm = (tt) => tt.invite.confirmMissing;
    else if (password !== '' && confirm !== password) problems.confirm = (tt) => tt.invite.mismatch;
    setFieldProblems(problems);
    setFormProblem(null);
    if (Object.keys(problems).length > 0) return;
    setPending(true);
    try {
      await resetPassword({ token, password });
      void navigate('/', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'EMAIL_LINK_INVALID') {
        setLinkInvalid(true);
      } else if (error instanceof ApiError && error.fieldMessage('password')) {
        const message = error.fieldMessage('password') ?? error.message;
        setFieldProblems({ password: () => message });
      } else {
        setFormProblem(() => serverProblem(error));
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <MainContent>
      <div className="narrow">
        <h1>{t.emailLinks.resetTitle}</h1>
        {linkInvalid ? (
          <>
            <p className="notice notice-error" role="alert">
              {t.emailLinks.invalid}
            </p>
            <p>
              <Link to="/forgot-password">{t.emailLinks.newResetLink}</Link>
            </p>
          </>
        ) : (
          <>
            <p className="lead">{t.emailLinks.resetIntro}</p>
            <ErrorSummary
              fieldProblems={listProblems(resetFields, fieldProblems)}
              formProblem={formProblem}
            />
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
                {pending ? t.invite.submitting : t.emailLinks.resetSubmit}
              </button>
            </form>
          </>
        )}
      </div>
    </MainContent>
  );
}

/**
 * The page behind a sign-in link. It signs in on a click, not on load: mail scanners that open
 * links would otherwise use up the single use.
 */
export function SignInLinkPage() {
  const t = useT();
  const token = useLinkToken();
  const { signInWithLink } = useAuth();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(() =>
    token.length < 20 ? invalidLinkProblem : null,
  );
  const [pending, setPending] = useState(false);
  useDocumentTitle(t.emailLinks.signInTitle);

  const signIn = async () => {
    setPending(true);
    setProblem(null);
    try {
      await signInWithLink({ token });
      void navigate('/', { replace: true });
    } catch (error) {
      setProblem(() => serverProblem(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <MainContent busy={pending}>
      <div className="narrow">
        <h1>{t.emailLinks.signInTitle}</h1>
        {problem ? (
          <>
            <p className="notice notice-error" role="alert">
              {problem(t)}
            </p>
            <p>
              <Link to="/login/link">{t.emailLinks.newResetLink}</Link>
            </p>
          </>
        ) : (
          <>
            <p className="lead">{t.emailLinks.signInIntro}</p>
            <button
              type="button"
              className="button button-primary"
              disabled={pending}
              onClick={() => void signIn()}
            >
              {pending ? t.emailLinks.signingIn : t.emailLinks.signInSubmit}
            </button>
          </>
        )}
      </div>
    </MainContent>
  );
}
