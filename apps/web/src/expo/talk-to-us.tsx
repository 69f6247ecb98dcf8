import type { ConversationOffer, ConversationView } from '@plenum/contracts';
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useAuth } from '../auth/auth-context';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { liveSocket } from '../chat/live-connection';
import { VideoLoading } from '../components/video-loading';
import { useI18n } from '../i18n/i18n';

// livekit-client is loaded only when a call starts.
const BoothCall = lazy(() => import('./booth-call').then((m) => ({ default: m.BoothCall })));

/** A visitor asks for a video conversation and sees their place in the queue live. */
export function TalkToUs({
  slug,
  boothId,
  staffOnline,
}: {
  slug: string;
  boothId: string;
  staffOnline: number;
}) {
  const { t } = useI18n();
  const base = `/api/events/${encodeURIComponent(slug)}/booths/${boothId}/conversations`;
  const { resource, reload, replace } = useResource<{ conversation: ConversationView | null }>(
    `${base}/mine`,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<ConversationView | null>(null);
  const [hungUp, setHungUp] = useState(false);

  useEffect(() => {
    const socket = liveSocket();
    const onUpdate = (update: ConversationView) => {
      if (update.boothId !== boothId) return;
      setLast(update);
      replace({
        conversation: update.state === 'waiting' || update.state === 'active' ? update : null,
      });
    };
    socket.on('expo:conversation-updated', onUpdate);
    return () => {
      socket.off('expo:conversation-updated', onUpdate);
    };
  }, [boothId, replace]);

  const act = async (run: () => Promise<ConversationView>) => {
    setBusy(true);
    setError(null);
    try {
      const view = await run();
      setLast(view);
      replace({ conversation: view.state === 'waiting' || view.state === 'active' ? view : null });
    } catch {
      setError(t.expo.talk.failed);
      reload();
    } finally {
      setBusy(false);
    }
  };

  if (resource.status === 'loading') return <Skeleton lines={2} />;
  if (resource.status === 'error')
    return <ErrorNotice message={t.expo.talk.failed} onRetry={reload} />;
  const current = resource.data.conversation;

  return (
    <section aria-labelledby="talk-title" className="card">
      <h2 id="talk-title" className="card-title">
        {t.expo.talk.title}
      </h2>
      <div aria-live="polite">
        {current?.state === 'waiting' ? <p>{t.expo.talk.waiting(current.position ?? 1)}</p> : null}
        {current?.state === 'active' ? (
          <p className="notice notice-success">{t.expo.talk.accepted}</p>
        ) : null}
        {!current && last?.state === 'ended' ? (
          <p>{hungUp ? t.expo.talk.ended : t.expo.call.endedByOther}</p>
        ) : null}
      </div>
      {current?.state === 'active' ? (
        <Suspense fallback={<VideoLoading label={t.expo.call.title} />}>
          <BoothCall
            key={current.id}
            slug={slug}
            boothId={boothId}
            peerName={null}
            hangingUp={busy}
            onHangUp={() => {
              setHungUp(true);
              void act(() => api.delete<ConversationView>(`${base}/mine`));
            }}
          />
        </Suspense>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {current?.state === 'waiting' ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => void act(() => api.delete<ConversationView>(`${base}/mine`))}
        >
          {t.expo.talk.leave}
        </button>
      ) : current ? null : staffOnline > 0 ? (
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => {
            setHungUp(false);
            void act(() => api.post<ConversationView>(base));
          }}
        >
          {t.expo.talk.request}
        </button>
      ) : (
        <p className="muted">{t.expo.talk.noStaff}</p>
      )}
    </section>
  );
}

/** For the booth's staff: who waits, live offers, accept the next person and end a talk. */
export function ConversationDesk({ slug, boothId }: { slug: string; boothId: string }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const base = `/api/events/${encodeURIComponent(slug)}/booths/${boothId}/conversations`;
  const { resource, reload, refresh } = useResource<ConversationView[]>(base, {
    refreshMs: 15_000,
  });
  const [error, setError] = useState<string | null>(null);
  const { state: auth } = useAuth();
  const userId = auth.status === 'signed-in' ? auth.user.id : null;
  const mine =
    resource.status === 'ready'
      ? (resource.data.find((c) => c.state === 'active' && c.staffId === userId) ?? null)
      : null;
  // The call this person holds, to tell "the visitor hung up" from "I ended it".
  const held = useRef<{ id: string; endingMyself: boolean } | null>(null);
  const [endedByVisitor, setEndedByVisitor] = useState(false);
  const [ending, setEnding] = useState(false);
  const mineId = mine?.id ?? null;
  useEffect(() => {
    if (mineId && held.current?.id !== mineId) held.current = { id: mineId, endingMyself: false };
  }, [mineId]);

  useEffect(() => {
    const socket = liveSocket();
    const onOffer = (offer: ConversationOffer) => {
      if (offer.boothId !== boothId) return;
      announce(t.expo.talk.offered(offer.waiting));
      refresh();
    };
    const onUpdate = (update: ConversationView) => {
      if (update.boothId !== boothId) return;
      if (
        update.state === 'ended' &&
        held.current?.id === update.id &&
        !held.current.endingMyself
      ) {
        setEndedByVisitor(true);
      }
      refresh();
    };
    socket.on('expo:conversation-offered', onOffer);
    socket.on('expo:conversation-updated', onUpdate);
    return () => {
      socket.off('expo:conversation-offered', onOffer);
      socket.off('expo:conversation-updated', onUpdate);
    };
  }, [boothId, announce, refresh, t]);

  const run = async (path: string) => {
    setError(null);
    setEndedByVisitor(false);
    try {
      await api.post(path);
    } catch (e) {
      setError(
        (e as { code?: string }).code === 'STAFF_BUSY' ? t.expo.talk.busy : t.expo.talk.failed,
      );
    }
    refresh();
  };

  return (
    <section aria-labelledby="desk-title" className="admin-section">
      <h2 id="desk-title">{t.expo.talk.staffTitle}</h2>
      {resource.status === 'loading' ? <Skeleton lines={2} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice message={t.expo.talk.failed} onRetry={reload} />
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {endedByVisitor ? <p role="status">{t.expo.call.endedByOther}</p> : null}
      {mine ? (
        <Suspense fallback={<VideoLoading label={t.expo.call.title} />}>
          <BoothCall
            key={mine.id}
            slug={slug}
            boothId={boothId}
            peerName={mine.visitorName}
            hangingUp={ending}
            onHangUp={() => {
              if (held.current) held.current.endingMyself = true;
              setEnding(true);
              void run(`${base}/${mine.id}/end`).finally(() => setEnding(false));
            }}
          />
        </Suspense>
      ) : null}
      {resource.status === 'ready' ? (
        <>
          {resource.data.length === 0 ? <p className="muted">{t.expo.talk.staffEmpty}</p> : null}
          <ul>
            {resource.data.map((c) => (
              <li key={c.id}>
                {c.visitorName} –{' '}
                {c.state === 'waiting'
                  ? `${t.expo.talk.stateWaiting} (${c.position ?? ''})`
                  : t.expo.talk.stateActive}{' '}
                {c.state === 'active' && c.id !== mine?.id ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void run(`${base}/${c.id}/end`)}
                  >
                    {t.expo.talk.end}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {resource.data.some((c) => c.state === 'waiting') ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => void run(`${base}/accept`)}
            >
              {t.expo.talk.accept}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
