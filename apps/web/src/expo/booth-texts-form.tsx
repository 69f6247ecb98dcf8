import { boothTiers } from '@plenum/contracts';
import type { BoothView, UpdateBoothRequest } from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useAnnounce } from '../components/announcer';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../components/form-parts';
import type { Problem } from '../components/form-parts';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';

type Tier = (typeof boothTiers)[number];
const idPrefix = 'booth-edit';

interface Draft {
  organisation: string;
  tagline: string;
  description: string;
  topics: string;
  tier: Tier;
  links: Array<{ label: string; url: string }>;
  openingHours: Array<{ opensAt: string; closesAt: string }>;
}

/** An ISO instant as the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** Back to an instant; an unreadable value goes as it is, so the server names the field. */
function fromLocalInput(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function draftOf(booth: BoothView): Draft {
  return {
    organisation: booth.organisation,
    tagline: booth.tagline,
    description: booth.description,
    topics: booth.topics.join(', '),
    tier: booth.tier,
    links: booth.links.map((l) => ({ ...l })),
    openingHours: booth.openingHours.map((h) => ({
      opensAt: toLocalInput(h.opensAt),
      closesAt: toLocalInput(h.closesAt),
    })),
  };
}

/**
 * The server's field errors by the name of the control they belong to: zod paths such as
 * `links.1.url` are the controls' names; a topic's error goes to the one topics field.
 */
function serverFieldErrors(error: ApiError): Map<string, string> {
  const byField = new Map<string, string>();
  for (const field of error.fields) {
    const name = field.path.startsWith('topics') ? 'topics' : field.path;
    byField.set(name, [byField.get(name), field.message].filter(Boolean).join(' '));
  }
  return byField;
}

/** Texts, links, topics, opening hours and (for organizers) the tier of one booth. */
export function BoothTextsForm({
  slug,
  booth,
  canChangeTier,
  onSaved,
}: {
  slug: string;
  booth: BoothView;
  canChangeTier: boolean;
  onSaved: (booth: BoothView) => void;
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<Draft>(() => draftOf(booth));
  const [fieldErrors, setFieldErrors] = useState<Map<string, string>>(new Map());
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);

  const edit = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [key]: value }));
  };
  const editLink = (index: number, key: 'label' | 'url', value: string) =>
    edit(
      'links',
      draft.links.map((l, i) => (i === index ? { ...l, [key]: value } : l)),
    );
  const editHours = (index: number, key: 'opensAt' | 'closesAt', value: string) =>
    edit(
      'openingHours',
      draft.openingHours.map((h, i) => (i === index ? { ...h, [key]: value } : h)),
    );

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    setSaved(false);
    setFormProblem(null);
    if (draft.organisation.trim() === '') {
      setFieldErrors(new Map([['organisation', t.expo.edit.organisationMissing]]));
      return;
    }
    setFieldErrors(new Map());
    const request: UpdateBoothRequest = {
      organisation: draft.organisation,
      tagline: draft.tagline,
      description: draft.description,
      topics: draft.topics
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      links: draft.links,
      openingHours: draft.openingHours.map((h) => ({
        opensAt: fromLocalInput(h.opensAt),
        closesAt: fromLocalInput(h.closesAt),
      })),
      ...(canChangeTier ? { tier: draft.tier } : {}),
    };
    setPending(true);
    try {
      const updated = await api.patch<BoothView>(
        `/api/events/${encodeURIComponent(slug)}/booths/${booth.id}`,
        request,
      );
      onSaved(updated);
      setDraft(draftOf(updated));
      setSaved(true);
      announce(t.expo.edit.saved);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        setFieldErrors(serverFieldErrors(error));
        if (error.fields.length === 0) setFormProblem(() => () => error.message);
      } else {
        const problem: Problem =
          error instanceof ApiError && error.code === 'FORBIDDEN'
            ? (tt) => tt.expo.edit.forbidden
            : error instanceof ApiError
              ? (tt) => describeError(error, tt)
              : (tt) => tt.errors.generic;
        setFormProblem(() => problem);
      }
    } finally {
      setPending(false);
    }
  };

  const summary = [...fieldErrors].map(([field, message]) => ({
    field,
    problem: () => message,
  }));
  const error = (name: string) => fieldErrors.get(name);

  return (
    <section aria-labelledby="booth-texts-title">
      <h3 id="booth-texts-title">{t.expo.edit.texts}</h3>
      <ErrorSummary fieldProblems={summary} formProblem={formProblem} idPrefix={idPrefix} />
      <form
        className="form booth-editor"
        noValidate
        aria-busy={pending}
        onSubmit={(formEvent) => void submit(formEvent)}
      >
        <TextField
          idPrefix={idPrefix}
          name="organisation"
          label={t.expo.edit.organisation}
          required
          maxLength={200}
          value={draft.organisation}
          onChange={(e) => edit('organisation', e.target.value)}
          error={error('organisation')}
        />
        <TextField
          idPrefix={idPrefix}
          name="tagline"
          label={t.expo.edit.tagline}
          maxLength={300}
          value={draft.tagline}
          onChange={(e) => edit('tagline', e.target.value)}
          error={error('tagline')}
        />
        <TextAreaField
          idPrefix={idPrefix}
          name="description"
          label={t.expo.edit.description}
          hint={t.expo.edit.descriptionHint}
          rows={8}
          value={draft.description}
          onChange={(e) => edit('description', e.target.value)}
          error={error('description')}
        />
        <div className="booth-editor-preview" aria-labelledby="booth-preview-title" role="region">
          <p id="booth-preview-title" className="field-label">
            {t.expo.edit.preview}
          </p>
          {booth.descriptionHtml ? (
            // Rendered on the server from Markdown to an allowlist of tags; see libs/expo.
            <div className="prose" dangerouslySetInnerHTML={{ __html: booth.descriptionHtml }} />
          ) : (
            <p className="muted">{t.expo.edit.previewEmpty}</p>
          )}
        </div>
        <TextField
          idPrefix={idPrefix}
          name="topics"
          label={t.expo.edit.topics}
          hint={t.expo.edit.topicsHint}
          value={draft.topics}
          onChange={(e) => edit('topics', e.target.value)}
          error={error('topics')}
        />
        {canChangeTier ? (
          <SelectField
            idPrefix={idPrefix}
            name="tier"
            label={t.expo.edit.tier}
            options={boothTiers.map((tier) => ({ value: tier, label: t.expo.tiers[tier] }))}
            value={draft.tier}
            onValueChange={(tier) => edit('tier', tier)}
            error={error('tier')}
          />
        ) : null}
        <fieldset>
          <legend>{t.expo.edit.links}</legend>
          {error('links') ? <p className="field-error">{error('links')}</p> : null}
          {draft.links.map((link, i) => (
            <div key={i} className="booth-editor-row">
              <TextField
                idPrefix={idPrefix}
                name={`links.${i}.label`}
                label={t.expo.edit.linkLabel(i + 1)}
                maxLength={80}
                value={link.label}
                onChange={(e) => editLink(i, 'label', e.target.value)}
                error={error(`links.${i}.label`) ?? error(`links.${i}`)}
              />
              <TextField
                idPrefix={idPrefix}
                name={`links.${i}.url`}
                label={t.expo.edit.linkUrl(i + 1)}
                type="url"
                inputMode="url"
                spellCheck={false}
                value={link.url}
                onChange={(e) => editLink(i, 'url', e.target.value)}
                error={error(`links.${i}.url`)}
              />
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  edit(
                    'links',
                    draft.links.filter((_, j) => j !== i),
                  )
                }
              >
                {t.expo.edit.removeLink(i + 1)}
              </button>
            </div>
          ))}
          {draft.links.length < 10 ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => edit('links', [...draft.links, { label: '', url: '' }])}
            >
              {t.expo.edit.addLink}
            </button>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t.expo.edit.hours}</legend>
          <p className="field-hint">{t.expo.edit.hoursHint}</p>
          {error('openingHours') ? <p className="field-error">{error('openingHours')}</p> : null}
          {draft.openingHours.map((hours, i) => (
            <div key={i} className="booth-editor-row">
              <TextField
                idPrefix={idPrefix}
                name={`openingHours.${i}.opensAt`}
                label={t.expo.edit.opensAt(i + 1)}
                type="datetime-local"
                value={hours.opensAt}
                onChange={(e) => editHours(i, 'opensAt', e.target.value)}
                error={error(`openingHours.${i}.opensAt`) ?? error(`openingHours.${i}`)}
              />
              <TextField
                idPrefix={idPrefix}
                name={`openingHours.${i}.closesAt`}
                label={t.expo.edit.closesAt(i + 1)}
                type="datetime-local"
                value={hours.closesAt}
                onChange={(e) => editHours(i, 'closesAt', e.target.value)}
                error={error(`openingHours.${i}.closesAt`)}
              />
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  edit(
                    'openingHours',
                    draft.openingHours.filter((_, j) => j !== i),
                  )
                }
              >
                {t.expo.edit.removeHours(i + 1)}
              </button>
            </div>
          ))}
          {draft.openingHours.length < 20 ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                edit('openingHours', [...draft.openingHours, { opensAt: '', closesAt: '' }])
              }
            >
              {t.expo.edit.addHours}
            </button>
          ) : null}
        </fieldset>
        <div>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? t.expo.edit.saving : t.expo.edit.save}
          </button>
          {saved ? (
            <p className="notice notice-success" role="status">
              {t.expo.edit.saved}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
