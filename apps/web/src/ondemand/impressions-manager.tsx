import type { ImpressionView } from '@plenum/contracts';
import { IMPRESSION_MAX_BYTES, impressionContentTypes } from '@plenum/contracts';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useAnnounce } from '../components/announcer';
import { ErrorSummary, TextField, listProblems } from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';

type Field = 'file' | 'alt' | 'caption';
const fieldOrder: readonly Field[] = ['file', 'alt', 'caption'];
const idPrefix = 'impression';

/** Organizers add photos (alt text required), order and remove them. */
export function ImpressionsManager({
  slug,
  photos,
  onChange,
}: {
  slug: string;
  photos: ImpressionView[];
  onChange: (photos: ImpressionView[]) => void;
}) {
  const t = useT();
  const announce = useAnnounce();
  const headingId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/events/${encodeURIComponent(slug)}/impressions`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldProblems<Field> = {};
    if (!file) found.file = (m) => m.ondemand.session.fileMissing;
    else if (!(impressionContentTypes as readonly string[]).includes(file.type)) {
      found.file = (m) => m.ondemand.gallery.notImage;
    } else if (file.size > IMPRESSION_MAX_BYTES) {
      found.file = (m) => m.ondemand.session.tooLarge('8 MB');
    }
    if (alt.trim() === '') found.alt = (m) => m.ondemand.gallery.altMissing;
    setProblems(found);
    setFormProblem(null);
    if (Object.keys(found).length > 0 || !file) return;
    setBusy(true);
    try {
      const query = new URLSearchParams({ alt: alt.trim(), caption: caption.trim() });
      const saved = await api.putRaw<ImpressionView[]>(`${base}?${query.toString()}`, {
        data: file,
        contentType: file.type,
      });
      onChange(saved);
      setFile(null);
      setAlt('');
      setCaption('');
      if (fileInput.current) fileInput.current.value = '';
      announce(t.ondemand.gallery.added);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      const field = apiError?.fields?.[0]?.path;
      if (field === 'alt') setProblems({ alt: (m) => m.ondemand.gallery.altMissing });
      else if (field === 'body' || apiError?.status === 415) {
        setProblems({ file: (m) => m.ondemand.gallery.notImage });
      } else {
        const problem: Problem = (m) => (apiError ? describeError(apiError, m) : m.errors.generic);
        setFormProblem(() => problem);
      }
    } finally {
      setBusy(false);
    }
  };

  const act = async (change: () => Promise<ImpressionView[]>) => {
    try {
      onChange(await change());
    } catch {
      announce(t.ondemand.recordings.failed);
    }
  };
  const move = (index: number, delta: number) => {
    const other = photos[index + delta];
    const photo = photos[index];
    if (!photo || !other) return;
    void act(async () => {
      await api.patch(`${base}/${photo.id}`, { position: other.position });
      return api.patch<ImpressionView[]>(`${base}/${other.id}`, { position: photo.position });
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.ondemand.gallery.manage}</h2>
      {photos.length > 0 ? (
        <ul className="gallery-admin-list">
          {photos.map((photo, index) => (
            <li key={photo.id}>
              <img src={photo.imageUrl} alt="" />
              <span>{photo.caption || photo.altText}</span>
              <button
                type="button"
                className="button button-secondary"
                disabled={index === 0}
                aria-label={t.ondemand.gallery.moveUp(photo.altText)}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={index === photos.length - 1}
                aria-label={t.ondemand.gallery.moveDown(photo.altText)}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t.ondemand.gallery.remove(photo.altText)}
                onClick={() => void act(() => api.delete<ImpressionView[]>(`${base}/${photo.id}`))}
              >
                {t.ondemand.recordings.remove}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorSummary
        fieldProblems={listProblems(fieldOrder, problems)}
        formProblem={formProblem}
        idPrefix={idPrefix}
      />
      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <TextField
          ref={fileInput}
          idPrefix={idPrefix}
          name="file"
          type="file"
          accept={impressionContentTypes.join(',')}
          label={t.ondemand.gallery.file}
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={problems.file?.(t)}
        />
        <TextField
          idPrefix={idPrefix}
          name="alt"
          label={t.ondemand.gallery.alt}
          hint={t.ondemand.gallery.altHint}
          required
          maxLength={500}
          value={alt}
          onChange={(e) => setAlt(e.target.value)}
          error={problems.alt?.(t)}
        />
        <TextField
          idPrefix={idPrefix}
          name="caption"
          label={t.ondemand.gallery.caption}
          maxLength={300}
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t.ondemand.session.uploading : t.ondemand.gallery.add}
        </button>
      </form>
    </section>
  );
}
