import type { RecordingControl } from '@plenum/contracts';
import { RECORDING_UPLOAD_MAX_BYTES, recordingUploadContentTypes } from '@plenum/contracts';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { TextField } from '../components/form-parts';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';

/** Organizers attach a recording by link or upload, and remove one. */
export function RecordingsManager({
  slug,
  sessionId,
  onChange,
}: {
  slug: string;
  sessionId: string;
  onChange: () => void;
}) {
  const t = useT();
  const announce = useAnnounce();
  const headingId = useId();
  const base = `/api/events/${encodeURIComponent(slug)}/sessions/${sessionId}/recordings`;
  const { resource, replace } = useResource<RecordingControl>(base);
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const done = (control: RecordingControl, message: string) => {
    replace(control);
    announce(message);
    onChange();
  };

  const attachUrl = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (url.trim() === '') {
      setUrlError(t.ondemand.recordings.urlMissing);
      return;
    }
    setUrlError(undefined);
    setBusy(true);
    try {
      done(
        await api.post<RecordingControl>(`${base}/url`, { url: url.trim() }),
        t.ondemand.recordings.attached,
      );
      setUrl('');
    } catch (error) {
      // The server says why a link cannot be played (its message names what is accepted).
      setUrlError(
        error instanceof ApiError
          ? (error.fieldMessage('url') ?? describeError(error, t))
          : t.errors.generic,
      );
    } finally {
      setBusy(false);
    }
  };

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setFileError(t.ondemand.session.fileMissing);
    if (!(recordingUploadContentTypes as readonly string[]).includes(file.type)) {
      return setFileError(t.ondemand.recordings.notVideo);
    }
    if (file.size > RECORDING_UPLOAD_MAX_BYTES) {
      return setFileError(t.ondemand.session.tooLarge('500 MB'));
    }
    setFileError(undefined);
    setBusy(true);
    try {
      done(
        await api.putRaw<RecordingControl>(`${base}/upload`, {
          data: file,
          contentType: file.type,
        }),
        t.ondemand.recordings.attached,
      );
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      setFileError(
        error instanceof ApiError && error.fieldMessage('body')
          ? t.ondemand.recordings.notVideo
          : error instanceof ApiError
            ? describeError(error, t)
            : t.errors.generic,
      );
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    try {
      done(await api.delete<RecordingControl>(`${base}/${id}`), t.ondemand.session.removed);
    } catch {
      announce(t.ondemand.session.removeFailed);
    }
  };

  const recordings = resource.status === 'ready' ? resource.data.recordings : [];
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t.ondemand.recordings.attachHeading}</h3>
      {recordings.length > 0 ? (
        <>
          <h4>{t.ondemand.recordings.list}</h4>
          <ul className="card-list">
            {recordings.map((r) => (
              <li key={r.id} className="card">
                <span className="tag">{t.ondemand.recordings.source[r.source]}</span>{' '}
                <span className="tag">{t.ondemand.recordings.state[r.state]}</span>{' '}
                {r.playbackUrl ? (
                  <a href={r.playbackUrl} target="_blank" rel="noopener noreferrer">
                    {t.ondemand.session.openReplay}
                  </a>
                ) : null}{' '}
                {r.state !== 'starting' && r.state !== 'recording' ? (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void remove(r.id)}
                  >
                    {t.ondemand.recordings.remove}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form className="form" noValidate onSubmit={(e) => void attachUrl(e)} aria-busy={busy}>
        <TextField
          idPrefix="recording"
          name="url"
          type="url"
          inputMode="url"
          label={t.ondemand.recordings.urlLabel}
          hint={t.ondemand.recordings.urlHint}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={urlError}
        />
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t.ondemand.recordings.attachUrl}
        </button>
      </form>
      <form className="form" noValidate onSubmit={(e) => void upload(e)} aria-busy={busy}>
        <TextField
          ref={fileInput}
          idPrefix="recording"
          name="file"
          type="file"
          accept={recordingUploadContentTypes.join(',')}
          label={t.ondemand.recordings.videoFile}
          error={fileError}
        />
        <button type="submit" className="button button-secondary" disabled={busy}>
          {busy ? t.ondemand.session.uploading : t.ondemand.recordings.uploadVideo}
        </button>
      </form>
    </section>
  );
}
