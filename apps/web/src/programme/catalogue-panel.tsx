import type { Programme, SpeakerView } from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useAnnounce } from '../components/announcer';
import { TextField } from '../components/form-parts';
import { useT } from '../i18n/i18n';

/** Stages, tracks and speaker profiles: add, rename or edit, delete. */
export function CataloguePanel({
  programme,
  onChanged,
}: {
  programme: Programme;
  onChanged: () => void;
}) {
  const t = useT();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const base = `/api/events/${encodeURIComponent(programme.slug)}`;

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      announce(t.manage.saved);
      onChanged();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : t.manage.failed);
      return false;
    }
  };

  return (
    <>
      {error ? (
        <div className="error-summary" role="alert">
          <p className="error-summary-title">{t.manage.failed}</p>
          <p>{error}</p>
        </div>
      ) : null}
      <NamedList
        id="stages"
        title={t.manage.stagesTitle}
        items={programme.stages}
        onAdd={(name) =>
          act(() => api.post(`${base}/stages`, { name, position: programme.stages.length }))
        }
        onRename={(id, name) => act(() => api.patch(`${base}/stages/${id}`, { name }))}
        onDelete={(id) => act(() => api.delete(`${base}/stages/${id}`))}
      />
      <NamedList
        id="tracks"
        title={t.manage.tracksTitle}
        items={programme.tracks}
        onAdd={(name) => act(() => api.post(`${base}/tracks`, { name }))}
        onRename={(id, name) => act(() => api.patch(`${base}/tracks/${id}`, { name }))}
        onDelete={(id) => act(() => api.delete(`${base}/tracks/${id}`))}
      />
      <SpeakerEditor
        speakers={programme.speakers}
        onSave={(id, body) =>
          act(() =>
            id ? api.patch(`${base}/speakers/${id}`, body) : api.post(`${base}/speakers`, body),
          )
        }
        onDelete={(id) => act(() => api.delete(`${base}/speakers/${id}`))}
      />
    </>
  );
}

function NamedList({
  id,
  title,
  items,
  onAdd,
  onRename,
  onDelete,
}: {
  id: string;
  title: string;
  items: Array<{ id: string; name: string }>;
  onAdd: (name: string) => Promise<boolean>;
  onRename: (id: string, name: string) => Promise<boolean>;
  onDelete: (id: string) => Promise<boolean>;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  return (
    <section className="manage-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <ul className="catalogue-list">
        {items.map((item) => (
          <li key={item.id} className="catalogue-item">
            <label className="visually-hidden" htmlFor={`${id}-${item.id}`}>
              {t.manage.name}: {item.name}
            </label>
            <input
              id={`${id}-${item.id}`}
              className="field-input"
              value={names[item.id] ?? item.name}
              onChange={(e) => setNames({ ...names, [item.id]: e.target.value })}
            />
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => void onRename(item.id, names[item.id] ?? item.name)}
            >
              {t.manage.rename}
              <span className="visually-hidden">: {item.name}</span>
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => void onDelete(item.id)}
            >
              {t.manage.remove}
              <span className="visually-hidden">: {item.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="catalogue-add"
        onSubmit={(e) => {
          e.preventDefault();
          void onAdd(name).then((ok) => ok && setName(''));
        }}
      >
        <TextField
          name={`${id}-new`}
          label={`${title}: ${t.manage.name}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button button-primary button-small">
          {t.manage.add}
        </button>
      </form>
    </section>
  );
}

const emptySpeaker = { name: '', title: '', organisation: '', biography: '' };

function SpeakerEditor({
  speakers,
  onSave,
  onDelete,
}: {
  speakers: SpeakerView[];
  onSave: (id: string | null, body: typeof emptySpeaker) => Promise<boolean>;
  onDelete: (id: string) => Promise<boolean>;
}) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(emptySpeaker);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave(editing, form).then((ok) => {
      if (ok) {
        setEditing(null);
        setForm(emptySpeaker);
      }
    });
  };
  return (
    <section className="manage-section" aria-labelledby="speakers-editor-title">
      <h2 id="speakers-editor-title">{t.manage.speakersTitle}</h2>
      <ul className="catalogue-list">
        {speakers.map((s) => (
          <li key={s.id} className="catalogue-item">
            <span className="catalogue-name">{s.name}</span>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setEditing(s.id);
                setForm({
                  name: s.name,
                  title: s.title,
                  organisation: s.organisation,
                  biography: s.biography,
                });
              }}
            >
              {t.manage.editSpeaker}
              <span className="visually-hidden">: {s.name}</span>
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => void onDelete(s.id)}
            >
              {t.manage.remove}
              <span className="visually-hidden">: {s.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={submit}>
        <TextField
          name="speaker-name"
          label={t.manage.name}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <TextField
          name="speaker-title"
          label={t.manage.personTitle}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
        <TextField
          name="speaker-organisation"
          label={t.manage.organisation}
          value={form.organisation}
          onChange={(e) => setForm({ ...form, organisation: e.target.value })}
        />
        <div className="field">
          <label htmlFor="field-speaker-biography" className="field-label">
            {t.manage.biography}
          </label>
          <textarea
            id="field-speaker-biography"
            className="field-input"
            rows={3}
            value={form.biography}
            onChange={(e) => setForm({ ...form, biography: e.target.value })}
          />
        </div>
        <button type="submit" className="button button-primary">
          {editing ? t.manage.save : t.manage.add}
        </button>
      </form>
    </section>
  );
}
