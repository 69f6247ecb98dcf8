import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { safeReturnPath } from '../auth/require-auth';
import { useDocumentTitle } from '../components/document-title';
import { ErrorSummary, TextField, listProblems } from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { MainContent } from '../components/main-content';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';

type LoginField = 'email' | 'password';
const fieldOrder: readonly LoginField[] = ['email', 'password'];

// Deliberately loose: the server's zod schema is the real check, this only catches typos early.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const showDemoHint = import.meta.env.VITE_DEMO_HINT !== 'off';

const genericProblem: Problem = (t) => t.errors.generic;

function validate(email: string, password: string): FieldProblems<LoginField> {
  const problems: FieldProblems<LoginField> = {};
  if (email.trim() === '') {
    problems.email = (t) => t.login.emailMissing;
  } else if (!emailShape.test(email.trim())) {
    problems.email = (t) => t.login.emailInvalid;
  }
  if (password === '') {
    problems.password = (t) => t.login.passwordMissing;
  }
  return problems;
}

function problemsFromServer(error: ApiError): {
  fields: FieldProblems<LoginField>;
  form: Problem | null;
} {
  if (error.code === 'INVALID_CREDENTIALS') {
    return { fields: {}, form: (t) => t.login.invalidCredentials };
  }
  if (error.code === 'VALIDATION_FAILED') {
    const fields: FieldProblems<LoginField> = {};
    for (const field of fieldOrder) {
      const message = error.fieldMessage(field);
      if (message) {
        fields[field] = () => message;
      }
    }
    const placed = Object.keys(fields).length > 0;
    return { fields, form: placed ? null : () => error.message };
  }
  return { fields: {}, form: (t) => describeError(error, t) };
}

export function LoginPage() {
  const t = useT();
  const { state, login } = useAuth();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldProblems, setFieldProblems] = useState<FieldProblems<LoginField>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  useDocumentTitle(t.login.title);

  if (state.status === 'signed-in') {
    return <Navigate to={safeReturnPath(location.state)} replace />;
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = validate(email, password);
    setFieldProblems(problems);
    setFormProblem(null);
    if (Object.keys(problems).length > 0) {
      return;
    }
    setPending(true);
    try {
      await login({ email: email.trim(), password });
    } catch (error) {
      if (error instanceof ApiError) {
        const fromServer = problemsFromServer(error);
        setFieldProblems(fromServer.fields);
        setFormProblem(() => fromServer.form);
      } else {
        setFormProblem(() => genericProblem);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <MainContent>
      <div className="narrow">
        <h1>{t.login.title}</h1>
        <p className="lead">{t.login.intro}</p>
        <ErrorSummary
          fieldProblems={listProblems(fieldOrder, fieldProblems)}
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
            error={fieldProblems.email?.(t)}
          />
          <TextField
            name="password"
            label={t.login.password}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldProblems.password?.(t)}
          />
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? t.login.submitting : t.login.submit}
          </button>
        </form>
        <nav aria-label={t.emailLinks.alternatives} className="button-row">
          <Link to="/forgot-password">{t.emailLinks.forgotLink}</Link>
          <Link to="/login/link">{t.emailLinks.linkOption}</Link>
        </nav>
        {showDemoHint ? (
          <div className="demo-box">
            <h2 className="demo-box-title">{t.login.demoTitle}</h2>
            <p className="demo-box-credentials">{t.login.demoHint}</p>
            <p className="muted">{t.login.demoMore}</p>
          </div>
        ) : null}
      </div>
    </MainContent>
  );
}
