import type { BoothSummaryView, BoothView, CreateBoothRequest } from '@plenum/contracts';
import { suggestSlug } from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api/client';
import { problemsFromApiError } from '../admin/api-problems';
import { useAnnounce } from '../components/announcer';
import { ErrorSummary, SelectField, TextField, listProblems } from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';

type BoothField = 'organisation' | 'slug' | 'tier';
const fieldOrder: readonly BoothField[] = ['organisation', 'slug', 'tier'];
const idPrefix = 'booth-create';
// Mirrors slugSchema in @plenum/contracts, with messages in the reader's language.
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const genericProblem: Problem = (t) => t.errors.generic;

/** For organizers: a new booth in the hall; its texts, images and staff follow on its page. */
export function BoothCreateForm() {
  const { t } = useI18n();
  const event = useEvent();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [organisation, setOrganisation] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [tier, setTier] = useState<BoothSummaryView['tier']>('standard');
  const [fieldProblems, setFieldProblems] = useState<FieldProblems<BoothField>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    const problems: FieldProblems<BoothField> = {};
    if (organisation.trim() === '') {
      problems.organisation = (tt) => tt.expo.create.organisationMissing;
    }
    if (slug !== '' && (slug.length < 3 || slug.length > 64 || !slugPattern.test(slug))) {
      problems.slug = (tt) => tt.expo.create.slugInvalid;
    }
    setFieldProblems(problems);
    setFormProblem(null);
    if (Object.keys(problems).length > 0) return;
    // Without a slug the server derives one from the name and numbers it when that is taken.
    const request: CreateBoothRequest = {
      organisation: organisation.trim(),
      tier,
      ...(slug ? { slug } : {}),
    };
    setPending(true);
    try {
      const booth = await api.post<BoothView>(
        `/api/events/${encodeURIComponent(event.slug)}/booths`,
        request,
      );
      announce(t.expo.create.created(booth.organisation));
      void navigate(`${eventPath(event.slug, 'expo')}/${encodeURIComponent(booth.slug)}`);
    } catch (error) {
      if (error instanceof ApiError) {
        const fromServer = problemsFromApiError(error, fieldOrder);
        // The form checked the slug's format already: what the server still refuses is taken.
        if (error.fieldMessage('slug')) fromServer.fields.slug = (tt) => tt.expo.create.slugTaken;
        setFieldProblems(fromServer.fields);
        setFormProblem(() => fromServer.form);
      } else {
        setFormProblem(() => genericProblem);
      }
    } finally {
      setPending(false);
    }
  };

  const tierOptions = (['premium', 'standard', 'basic'] as const).map((value) => ({
    value,
    label: t.expo.tiers[value],
  }));

  return (
    <section className="admin-section" aria-labelledby="booth-create-title">
      <h2 id="booth-create-title">{t.expo.create.title}</h2>
      <p>{t.expo.create.intro}</p>
      <ErrorSummary
        fieldProblems={listProblems(fieldOrder, fieldProblems)}
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
          label={t.expo.create.organisation}
          required
          maxLength={200}
          autoComplete="off"
          value={organisation}
          onChange={(change) => {
            setOrganisation(change.target.value);
            if (!slugTouched) setSlug(suggestSlug(change.target.value, 60));
          }}
          error={fieldProblems.organisation?.(t)}
        />
        <TextField
          idPrefix={idPrefix}
          name="slug"
          label={t.expo.create.slug}
          hint={t.expo.create.slugHint}
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={slug}
          onChange={(change) => {
            setSlugTouched(true);
            setSlug(change.target.value.trim().toLowerCase());
          }}
          error={fieldProblems.slug?.(t)}
        />
        <SelectField
          idPrefix={idPrefix}
          name="tier"
          label={t.expo.create.tier}
          options={tierOptions}
          value={tier}
          onValueChange={setTier}
          error={fieldProblems.tier?.(t)}
        />
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.expo.create.submitting : t.expo.create.submit}
        </button>
      </form>
    </section>
  );
}
