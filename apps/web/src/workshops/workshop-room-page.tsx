import type { WorkshopMaterialView, WorkshopView } from '@plenum/contracts';
import { Suspense, lazy, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { asApiError, useResource } from '../api/use-resource';
import { ChatPanel } from '../chat/chat-panel';
import { useDocumentTitle } from '../components/document-title';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { VideoLoading } from '../components/video-loading';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import { fetchMaterial } from './material-download';
import { WorkshopRegistrants } from './workshop-registrants';

const WorkshopVideo = lazy(() =>
  import('./workshop-video').then((module) => ({ default: module.WorkshopVideo })),
);

/** The room of one workshop: video grid, materials and chat, with the hosts' controls. */
export function WorkshopRoomPage() {
  const { t } = useI18n();
  const event = useEvent();
  const { sessionId = '' } = useParams();
  const base = `/api/events/${encodeURIComponent(event.slug)}/workshops/${sessionId}`;
  const workshop = useResource<WorkshopView>(base);
  const title = workshop.resource.status === 'ready' ? workshop.resource.data.title : '';
  useDocumentTitle(`${title || t.workshops.roomTitle} · ${event.title}`);
  const back = (
    <p>
      <Link to={eventPath(event.slug, 'workshops')}>{t.workshops.backToList}</Link>
    </p>
  );

  if (workshop.resource.status === 'loading') return <Skeleton lines={6} />;
  if (workshop.resource.status === 'error') {
    return (
      <>
        <ErrorNotice
          message={`${t.workshops.loadError} ${describeError(workshop.resource.error, t)}`}
          onRetry={workshop.reload}
        />
        {back}
      </>
    );
  }
  const w = workshop.resource.data;
  const admitted = w.isHost || w.mine?.status === 'confirmed';
  return (
    <>
      <h1>{w.title}</h1>
      {back}
      {admitted ? (
        <div className="workshop-room">
          <Suspense fallback={<VideoLoading label={t.workshops.video} />}>
            <WorkshopVideo slug={event.slug} sessionId={w.id} isHost={w.isHost} />
          </Suspense>
          <Materials base={base} isHost={w.isHost} />
          <ChatPanel room={`workshop:${w.id}`} eventId={event.id} title={t.workshops.chat} />
        </div>
      ) : (
        <p className="notice notice-info">{t.workshops.notAdmitted}</p>
      )}
      {w.isHost ? <WorkshopRegistrants base={base} sessionId={w.id} /> : null}
    </>
  );
}

function Materials({ base, isHost }: { base: string; isHost: boolean }) {
  const { t } = useI18n();
  const { resource, reload, replace } = useResource<WorkshopMaterialView[]>(`${base}/materials`);
  const [linkTitle, setLinkTitle] = useState('');
  const [url, setUrl] = useState('');
  const [fileTitle, setFileTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      replace(
        await api.post<WorkshopMaterialView[]>(`${base}/materials/links`, {
          title: linkTitle,
          url,
        }),
      );
      setLinkTitle('');
      setUrl('');
    } catch (error) {
      setProblem(`${t.workshops.actionFailed} ${describeError(asApiError(error), t)}`);
    }
  };
  const upload = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (!file) return;
    setProblem(null);
    try {
      const query = new URLSearchParams({ title: fileTitle || file.name, name: file.name });
      replace(
        await api.putRaw<WorkshopMaterialView[]>(`${base}/materials/files?${query.toString()}`, {
          data: file,
          contentType: file.type || 'application/octet-stream',
        }),
      );
      setFileTitle('');
      form.reset();
    } catch (error) {
      setProblem(`${t.workshops.actionFailed} ${describeError(asApiError(error), t)}`);
    }
  };
  // Files need the bearer token, which a plain link would not send.
  const download = async (m: WorkshopMaterialView) => {
    try {
      const blob = await fetchMaterial(m.url);
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = m.fileName ?? m.title;
      a.click();
      URL.revokeObjectURL(href);
    } catch (error) {
      setProblem(`${t.workshops.actionFailed} ${describeError(asApiError(error), t)}`);
    }
  };
  const remove = async (id: string) => {
    try {
      replace(await api.delete<WorkshopMaterialView[]>(`${base}/materials/${id}`));
    } catch (error) {
      setProblem(`${t.workshops.actionFailed} ${describeError(asApiError(error), t)}`);
    }
  };

  return (
    <section aria-labelledby="workshop-materials-heading">
      <h2 id="workshop-materials-heading">{t.workshops.materials}</h2>
      {resource.status === 'loading' ? <Skeleton lines={2} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice message={describeError(resource.error, t)} onRetry={reload} />
      ) : null}
      {resource.status === 'ready' && resource.data.length === 0 ? (
        <EmptyState>
          <p>{t.workshops.noMaterials}</p>
        </EmptyState>
      ) : null}
      {resource.status === 'ready' && resource.data.length > 0 ? (
        <ul>
          {resource.data.map((m) => (
            <li key={m.id}>
              {m.kind === 'link' ? (
                <a href={m.url} target="_blank" rel="noopener noreferrer">
                  {m.title}
                </a>
              ) : (
                <button type="button" className="link" onClick={() => void download(m)}>
                  {m.title} ({m.fileName})
                </button>
              )}
              {isHost ? (
                <button type="button" className="link" onClick={() => void remove(m.id)}>
                  {t.workshops.removeMaterial}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {isHost ? (
        <form onSubmit={(e) => void add(e)}>
          <label>
            {t.workshops.linkTitle}
            <input
              required
              maxLength={200}
              value={linkTitle}
              onChange={(e) => setLinkTitle(e.target.value)}
            />
          </label>
          <label>
            {t.workshops.linkUrl}
            <input required type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
          </label>
          <button type="submit">{t.workshops.addLink}</button>
        </form>
      ) : null}
      {isHost ? (
        <form onSubmit={(e) => void upload(e)}>
          <label>
            {t.workshops.fileTitle}
            <input
              maxLength={200}
              value={fileTitle}
              onChange={(e) => setFileTitle(e.target.value)}
            />
          </label>
          <label>
            {t.workshops.file}
            <input
              name="file"
              type="file"
              required
              accept=".pdf,.zip,.docx,.pptx,.xlsx,.odt,.odp,.ods"
            />
          </label>
          <button type="submit">{t.workshops.uploadFile}</button>
        </form>
      ) : null}
    </section>
  );
}
