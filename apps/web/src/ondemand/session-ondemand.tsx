import './ondemand.css';
import type { SessionOnDemand, SlideView } from '@plenum/contracts';
import { SLIDES_MAX_BYTES } from '@plenum/contracts';
import { Suspense, lazy, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { ErrorSummary, TextField, listProblems } from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { RecordingsManager } from './recordings-manager';
import { VideoLoading } from '../components/video-loading';
import { formatBytes } from './upload-limits';

// hls.js is loaded only when a replay is shown.
const ReplayPlayer = lazy(() =>
  import('./replay-player').then((m) => ({ default: m.ReplayPlayer })),
);

/**
 * A session page's part after the session: the replay, the slides and the questions that were
 * answered; slides can be shared before, by the session's speakers and the organizers.
 */
export function SessionOnDemandSection({
  slug,
  sessionId,
  title,
  ended,
}: {
  slug: string;
  sessionId: string;
  title: string;
  ended: boolean;
}) {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const headingId = useId();
  const path = `/api/events/${encodeURIComponent(slug)}/sessions/${sessionId}/ondemand`;
  const { resource, reload, refresh } = useResource<SessionOnDemand>(path);

  if (resource.status === 'loading') return <Skeleton lines={3} />;
  if (resource.status === 'error') {
    return (
      <ErrorNotice
        message={`${t.ondemand.session.loadError} ${describeError(resource.error, t)}`}
        onRetry={reload}
      />
    );
  }
  const data = resource.data;
  if (!ended && data.slides.length === 0 && !data.mayUploadSlides && !data.mayManageRecordings) {
    return null;
  }
  const removeSlides = async (slide: SlideView) => {
    try {
      await api.delete(
        `/api/events/${encodeURIComponent(slug)}/sessions/${sessionId}/slides/${slide.id}`,
      );
      announce(t.ondemand.session.removed);
      refresh();
    } catch {
      announce(t.ondemand.session.removeFailed);
    }
  };

  return (
    <section aria-labelledby={headingId} className="session-ondemand">
      <h2 id={headingId}>{t.ondemand.session.heading}</h2>
      {ended ? (
        <>
          <h3>{t.ondemand.session.replayHeading}</h3>
          {data.replay ? (
            <Suspense fallback={<VideoLoading label={title} />}>
              <ReplayPlayer replay={data.replay} title={title} />
            </Suspense>
          ) : (
            <p className="muted">{t.ondemand.session.noReplay}</p>
          )}
        </>
      ) : null}
      {data.mayManageRecordings ? (
        <RecordingsManager slug={slug} sessionId={sessionId} onChange={refresh} />
      ) : null}
      <h3>{t.ondemand.session.slidesHeading}</h3>
      {data.slides.length === 0 ? (
        <p className="muted">{t.ondemand.session.noSlides}</p>
      ) : (
        <ul className="card-list">
          {data.slides.map((slide) => (
            <li key={slide.id} className="card">
              <a href={slide.downloadUrl} download>
                {t.ondemand.session.download(slide.title, formatBytes(slide.sizeBytes, intlLocale))}
              </a>
              {data.mayUploadSlides ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void removeSlides(slide)}
                  >
                    {t.ondemand.session.removeSlides(slide.title)}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {data.mayUploadSlides ? (
        <SlidesUpload slug={slug} sessionId={sessionId} onUploaded={refresh} />
      ) : null}
      {ended && data.answeredQuestions.length > 0 ? (
        <>
          <h3>{t.ondemand.session.questionsHeading}</h3>
          <ul className="card-list">
            {data.answeredQuestions.map((q) => (
              <li key={q.id} className="card">
                <p>{q.body}</p>
                <p className="muted">
                  {q.author ?? t.ondemand.session.anonymous} ·{' '}
                  {t.ondemand.session.votes(q.voteCount)}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

type SlideField = 'slidesTitle' | 'slidesFile';
const slideFields: readonly SlideField[] = ['slidesTitle', 'slidesFile'];

function SlidesUpload({
  slug,
  sessionId,
  onUploaded,
}: {
  slug: string;
  sessionId: string;
  onUploaded: () => void;
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<FieldProblems<SlideField>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldProblems<SlideField> = {};
    if (title.trim() === '') found.slidesTitle = (m) => m.ondemand.session.titleMissing;
    if (!file) found.slidesFile = (m) => m.ondemand.session.fileMissing;
    else if (file.type !== 'application/pdf') found.slidesFile = (m) => m.ondemand.session.notPdf;
    else if (file.size > SLIDES_MAX_BYTES) {
      found.slidesFile = (m) => m.ondemand.session.tooLarge('30 MB');
    }
    setProblems(found);
    setFormProblem(null);
    if (Object.keys(found).length > 0 || !file) return;
    setBusy(true);
    try {
      const query = new URLSearchParams({ title: title.trim(), name: file.name });
      await api.putRaw(
        `/api/events/${encodeURIComponent(slug)}/sessions/${sessionId}/slides?${query.toString()}`,
        { data: file, contentType: 'application/pdf' },
      );
      setTitle('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      announce(t.ondemand.session.uploaded);
      onUploaded();
    } catch (error) {
      if (error instanceof ApiError && (error.fieldMessage('body') || error.status === 415)) {
        setProblems({ slidesFile: (m) => m.ondemand.session.notPdf });
      } else {
        const problem: Problem = (m) =>
          error instanceof ApiError ? describeError(error, m) : m.errors.generic;
        setFormProblem(() => problem);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h4>{t.ondemand.session.uploadSlides}</h4>
      <ErrorSummary
        fieldProblems={listProblems(slideFields, problems)}
        formProblem={formProblem}
        idPrefix="slides"
      />
      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <TextField
          idPrefix="slides"
          name="slidesTitle"
          label={t.ondemand.session.slidesTitle}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={problems.slidesTitle?.(t)}
        />
        <TextField
          ref={fileInput}
          idPrefix="slides"
          name="slidesFile"
          type="file"
          accept="application/pdf"
          label={t.ondemand.session.slidesFile}
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={problems.slidesFile?.(t)}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t.ondemand.session.uploading : t.ondemand.session.upload}
        </button>
      </form>
    </>
  );
}
