import type { BoothView, DeleteBoothRequest } from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api/client';
import { problemsFromApiError } from '../admin/api-problems';
import { useAnnounce } from '../components/announcer';
import { ErrorSummary, TextField } from '../components/form-parts';
import type { Problem } from '../components/form-parts';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';

const idPrefix = 'booth-delete';
const genericProblem: Problem = (t) => t.errors.generic;
const confirmMissing: Problem = (t) => t.expo.remove.confirmMissing;
const confirmWrong: Problem = (t) => t.expo.remove.confirmWrong;
const hasLeads: Problem = (t) => t.expo.remove.hasLeads;

/**
 * For organizers: removes the booth for good. The booth's name is typed again, and the server
 * checks it too; a booth with leads is refused there and the reason shown here.
 */
export function BoothDeleteForm({ booth }: { booth: BoothView }) {
  const { t } = useI18n();
  const event = useEvent();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [confirm, setConfirm] = useState('');
  const [fieldProblem, setFieldProblem] = useState<Problem | null>(null);
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    setFormProblem(null);
    if (confirm.trim() === '') {
      setFieldProblem(() => confirmMissing);
      return;
    }
    if (confirm.trim() !== booth.organisation.trim()) {
      setFieldProblem(() => confirmWrong);
      return;
    }
    setFieldProblem(null);
    const request: DeleteBoothRequest = { organisation: confirm.trim() };
    setPending(true);
    try {
      await api.delete(
        `/api/events/${encodeURIComponent(event.slug)}/booths/${encodeURIComponent(booth.id)}`,
        request,
      );
      announce(t.expo.remove.removed(booth.organisation));
      void navigate(eventPath(event.slug, 'expo'), {
        state: { notice: t.expo.remove.removed(booth.organisation) },
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'BOOTH_HAS_LEADS') {
        setFormProblem(() => hasLeads);
      } else if (error instanceof ApiError) {
        const fromServer = problemsFromApiError(error, ['organisation'] as const);
        if (fromServer.fields.organisation) {
          setFieldProblem(() => confirmWrong);
        }
        setFormProblem(() => fromServer.form);
      } else {
        setFormProblem(() => genericProblem);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <section aria-labelledby="booth-delete-title">
      <h3 id="booth-delete-title">{t.expo.remove.title}</h3>
      <p>{t.expo.remove.intro}</p>
      <ErrorSummary
        fieldProblems={fieldProblem ? [{ field: 'organisation', problem: fieldProblem }] : []}
        formProblem={formProblem}
        idPrefix={idPrefix}
      />
      <form
        className="form admin-form"
        noValidate
        aria-busy={pending}
        onSubmit={(formEvent) => void submit(formEvent)}
      >
        <TextField
          idPrefix={idPrefix}
          name="organisation"
          label={t.expo.remove.confirm(booth.organisation)}
          autoComplete="off"
          required
          value={confirm}
          onChange={(change) => setConfirm(change.target.value)}
          error={fieldProblem?.(t)}
        />
        <button type="submit" className="button button-danger" disabled={pending}>
          {pending ? t.expo.remove.submitting : t.expo.remove.submit}
        </button>
      </form>
    </section>
  );
}
