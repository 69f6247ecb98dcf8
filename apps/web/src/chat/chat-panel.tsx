import { CHAT_MAX_LENGTH, reactionKinds } from '@plenum/contracts';
import type { ChatMessageView, ReactionKind } from '@plenum/contracts';
import { useEffect, useEffectEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useAuth } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/de';
import { chatTextParts, mentionsMe } from './chat-text';
import { LiveCallError } from './live-connection';
import { useChatRoom } from './use-chat-room';

const NEAR_BOTTOM_PX = 48;
const muteMinutes = [5, 15, 60, 1440];
const slowModeSeconds = [0, 10, 30, 60, 120];
const reactionSymbols: Record<ReactionKind, string> = {
  applause: '👏',
  heart: '❤️',
  'thumbs-up': '👍',
  laughter: '😄',
  surprise: '😮',
};

function errorText(error: unknown, t: Messages): string {
  if (!(error instanceof LiveCallError)) {
    return t.chat.errors.generic;
  }
  const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000));
  switch (error.code) {
    case 'MESSAGE_TOO_LONG':
      return t.chat.errors.tooLong(CHAT_MAX_LENGTH);
    case 'RATE_LIMITED':
      return t.chat.errors.rateLimited(seconds);
    case 'SLOW_MODE':
      return t.chat.errors.slowMode(seconds);
    case 'CHAT_MUTED':
      return t.chat.errors.muted;
    case 'VALIDATION_FAILED':
      return t.chat.errors.empty;
    case 'NETWORK_FAILED':
      return t.chat.errors.network;
    default:
      return t.chat.errors.generic;
  }
}

/** Message text as React text nodes and anchors: markup in a message is shown, never run. */
function MessageBody({ body, me }: { body: string; me: string }) {
  const { t } = useI18n();
  return (
    <p className="chat-body">
      {chatTextParts(body).map((part, index) => {
        switch (part.kind) {
          case 'link':
            return (
              <a
                key={index}
                href={part.href}
                target="_blank"
                rel="noopener noreferrer nofollow ugc"
              >
                {part.text}
              </a>
            );
          case 'mention': {
            const mine = mentionsMe(part.name, me);
            return (
              <mark key={index} className={mine ? 'chat-mention chat-mention-me' : 'chat-mention'}>
                {part.text}
                {mine ? <span className="visually-hidden"> ({t.chat.mentionOfYou})</span> : null}
              </mark>
            );
          }
          case 'text':
            return part.text;
        }
      })}
    </p>
  );
}

function ModerationActions({
  message,
  authorName,
  actions,
  onDone,
}: {
  message: ChatMessageView;
  authorName: string;
  actions: ReturnType<typeof useChatRoom>['moderation'];
  onDone: (text: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState(15);
  const [scope, setScope] = useState<'room' | 'event'>('room');
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>, done: string) => {
    setError(null);
    action().then(
      () => onDone(done),
      (err: unknown) => setError(errorText(err, t)),
    );
  };
  return (
    <details className="chat-moderation">
      <summary>
        <span aria-hidden="true">⋯</span>
        <span className="visually-hidden">{t.chat.moderation.actions(authorName)}</span>
      </summary>
      <div className="chat-moderation-body">
        <label className="field-label" htmlFor={`${id}-reason`}>
          {t.chat.moderation.reason}
        </label>
        <input
          id={`${id}-reason`}
          className="field-input"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type="button"
          className="button button-secondary"
          disabled={reason.trim() === ''}
          onClick={() =>
            run(() => actions.remove(message.id, reason.trim()), t.chat.moderation.deletedDone)
          }
        >
          {t.chat.moderation.delete}
        </button>
        {message.author ? (
          <>
            <label className="field-label" htmlFor={`${id}-minutes`}>
              {t.chat.moderation.muteFor}
            </label>
            <select
              id={`${id}-minutes`}
              className="field-input"
              value={minutes}
              onChange={(e) => setMinutes(Number(e.target.value))}
            >
              {muteMinutes.map((n) => (
                <option key={n} value={n}>
                  {t.chat.moderation.minutes(n)}
                </option>
              ))}
            </select>
            <label className="field-label" htmlFor={`${id}-scope`}>
              {t.chat.moderation.muteScope}
            </label>
            <select
              id={`${id}-scope`}
              className="field-input"
              value={scope}
              onChange={(e) => setScope(e.target.value === 'event' ? 'event' : 'room')}
            >
              <option value="room">{t.chat.moderation.scopeRoom}</option>
              <option value="event">{t.chat.moderation.scopeEvent}</option>
            </select>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                const authorId = message.author?.id;
                if (authorId) {
                  run(
                    () => actions.mute(authorId, minutes, scope, reason.trim()),
                    t.chat.moderation.mutedDone(authorName),
                  );
                }
              }}
            >
              {t.chat.moderation.mute}
            </button>
          </>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </details>
  );
}

function Reactions({
  totals,
  pulse,
  onReact,
}: {
  totals: Partial<Record<ReactionKind, number>>;
  pulse: number;
  onReact: (kind: ReactionKind) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="chat-reactions" role="group" aria-label={t.chat.reactions.label}>
      {reactionKinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className={pulse % 2 === 0 ? 'reaction' : 'reaction reaction-pulse'}
          aria-label={t.chat.reactions.count(t.chat.reactions[kind], totals[kind] ?? 0)}
          onClick={() => onReact(kind)}
        >
          <span aria-hidden="true">{reactionSymbols[kind]}</span>
          <span className="reaction-count" aria-hidden="true">
            {totals[kind] ?? 0}
          </span>
        </button>
      ))}
    </div>
  );
}

/**
 * The one chat for the lobby, stages, booths and workshops: history with older pages on
 * scroll, live updates, an unread marker, a reconnect banner, moderation for moderators, and a
 * polite live region that reads out new messages.
 */
export function ChatPanel({
  room,
  eventId,
  title,
  reactions = false,
}: {
  room: string;
  eventId: string;
  title: string;
  reactions?: boolean;
}) {
  const { t, intlLocale } = useI18n();
  const { state: auth } = useAuth();
  const me = auth.status === 'signed-in' ? auth.user : null;
  const { state, loadOlder, send, moderation, react } = useChatRoom(room, eventId);
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const logRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const fromBottomBeforeOlder = useRef<number | null>(null);
  const seenLastSeq = useRef<number | undefined>(undefined);
  const [unread, setUnread] = useState(0);
  const [firstUnreadSeq, setFirstUnreadSeq] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [status, setStatus] = useState('');
  const wasReconnecting = useRef(false);

  const time = new Intl.DateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit' });
  const nameOf = (message: ChatMessageView) =>
    message.author ? message.author.displayName : t.chat.formerMember;

  // Who I am and the wording are read as they are when messages arrive; only new messages drive
  // the effect below. Announces the latest message of others and returns the others' messages.
  const announceFresh = useEffectEvent((fresh: ChatMessageView[]) => {
    const fromOthers = fresh.filter((m) => m.author?.id !== me?.id);
    const latest = fromOthers.at(-1);
    if (latest) {
      const body = latest.body.slice(0, 200);
      setAnnouncement(
        fromOthers.length === 1
          ? t.chat.announceOne(nameOf(latest), body)
          : t.chat.announceMany(fromOthers.length, nameOf(latest), body),
      );
    }
    return fromOthers;
  });

  // New messages: follow them when at the bottom, otherwise count them and mark where they start.
  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) {
      return;
    }
    if (fromBottomBeforeOlder.current !== null) {
      log.scrollTop = log.scrollHeight - fromBottomBeforeOlder.current;
      fromBottomBeforeOlder.current = null;
      return;
    }
    if (state.status !== 'ready') {
      return;
    }
    const previous = seenLastSeq.current;
    const last = state.messages.at(-1)?.seq ?? 0;
    seenLastSeq.current = Math.max(last, previous ?? 0);
    if (previous === undefined) {
      // The history on opening: start at the latest message, announce nothing.
      log.scrollTop = log.scrollHeight;
      return;
    }
    if (last <= previous) {
      return;
    }
    const fromOthers = announceFresh(state.messages.filter((m) => m.seq > previous));
    if (atBottom.current || fromOthers.length === 0) {
      log.scrollTop = log.scrollHeight;
    } else {
      setUnread((n) => {
        if (n === 0) {
          setFirstUnreadSeq(fromOthers[0]?.seq ?? null);
        }
        return n + fromOthers.length;
      });
    }
  }, [state.messages, state.status]);

  useEffect(() => {
    if (state.connection === 'reconnecting') {
      wasReconnecting.current = true;
    } else if (state.connection === 'online' && wasReconnecting.current) {
      wasReconnecting.current = false;
      setStatus(t.chat.reconnected);
    }
  }, [state.connection, t]);

  const olderPage = () => {
    const log = logRef.current;
    if (!log || loadingOlder || !state.hasOlder) {
      return;
    }
    setLoadingOlder(true);
    fromBottomBeforeOlder.current = log.scrollHeight - log.scrollTop;
    loadOlder()
      .catch(() => {
        fromBottomBeforeOlder.current = null;
      })
      .finally(() => setLoadingOlder(false));
  };

  const onScroll = () => {
    const log = logRef.current;
    if (!log) {
      return;
    }
    atBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
    if (atBottom.current) {
      setUnread(0);
    }
    if (log.scrollTop < NEAR_BOTTOM_PX) {
      olderPage();
    }
  };

  const jumpToNew = () => {
    const log = logRef.current;
    if (log) {
      log.scrollTop = log.scrollHeight;
    }
    atBottom.current = true;
    setUnread(0);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '' || sending) {
      return;
    }
    setSending(true);
    setSendError(null);
    send(draft)
      .then(() => {
        setDraft('');
        jumpToNew();
      })
      .catch((error: unknown) => setSendError(errorText(error, t)))
      .finally(() => setSending(false));
  };

  const left = CHAT_MAX_LENGTH - [...draft].length;
  // Taken out of the room by the server (a role or registration ended): nothing to send to.
  const writable = state.status === 'ready' && state.access?.joined !== false;
  const muteUntil = state.mute
    ? new Intl.DateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit' }).format(
        new Date(state.mute.until),
      )
    : '';

  return (
    <section className="chat" aria-labelledby={headingId}>
      <div className="chat-header">
        <h2 id={headingId} className="chat-title">
          {title}
        </h2>
        {state.viewers !== null ? (
          <p className="chat-viewers">{t.chat.viewers(state.viewers)}</p>
        ) : null}
      </div>
      {state.connection === 'reconnecting' ? (
        <p className="notice notice-info chat-banner" role="status">
          {t.chat.reconnecting}
        </p>
      ) : null}
      {state.status === 'error' ? (
        <p className="notice notice-error" role="alert">
          {state.error?.code === 'FORBIDDEN' ? t.chat.notAllowed : t.chat.joinFailed}
        </p>
      ) : null}
      {state.access?.joined === false ? (
        <p className="notice notice-error" role="alert">
          {t.chat.accessLeft(state.access.reason)}
        </p>
      ) : state.access ? (
        <p className="notice notice-info chat-banner" role="status">
          {t.chat.accessChanged(state.access.canModerate)}
        </p>
      ) : null}
      {reactions && state.canReact ? (
        <Reactions
          totals={state.reactions}
          pulse={state.reactionPulse}
          onReact={(kind) => void react(kind).catch(() => undefined)}
        />
      ) : null}
      {state.canModerate ? (
        <p className="chat-slow-mode-control">
          <label htmlFor={`${inputId}-slow`}>{t.chat.moderation.slowMode}</label>{' '}
          <select
            id={`${inputId}-slow`}
            className="field-input chat-select"
            value={state.slowModeSeconds}
            onChange={(e) =>
              void moderation.slowMode(Number(e.target.value)).then(
                () => setStatus(t.chat.moderation.slowModeDone),
                (err: unknown) => setStatus(errorText(err, t)),
              )
            }
          >
            {slowModeSeconds.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? t.chat.moderation.slowModeOff : t.chat.moderation.seconds(n)}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <div
        ref={logRef}
        className="chat-log"
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label={t.chat.messages}
        aria-busy={state.status === 'joining' || loadingOlder}
      >
        {state.hasOlder ? (
          <button type="button" className="button button-quiet chat-older" onClick={olderPage}>
            {loadingOlder ? t.chat.loadingOlder : t.chat.loadOlder}
          </button>
        ) : null}
        {state.status === 'ready' && state.messages.length === 0 ? (
          <p className="muted chat-empty">{t.chat.noMessages}</p>
        ) : null}
        <ol className="chat-messages">
          {state.messages.map((message) => (
            <li
              key={message.seq}
              className={
                message.seq === firstUnreadSeq ? 'chat-message chat-first-unread' : 'chat-message'
              }
            >
              {message.seq === firstUnreadSeq ? (
                <p className="chat-unread-marker">{t.chat.newMarker}</p>
              ) : null}
              <p className="chat-meta">
                <span className="chat-author">
                  {message.author?.id === me?.id ? t.chat.you : nameOf(message)}
                </span>{' '}
                <time className="chat-time" dateTime={message.createdAt}>
                  {time.format(new Date(message.createdAt))}
                </time>
              </p>
              {message.deleted ? (
                <p className="chat-body chat-tombstone">{t.chat.deleted(message.deleted.reason)}</p>
              ) : (
                <MessageBody body={message.body} me={me?.displayName ?? ''} />
              )}
              {state.canModerate && !message.deleted && message.author?.id !== me?.id ? (
                <ModerationActions
                  message={message}
                  authorName={nameOf(message)}
                  actions={moderation}
                  onDone={setStatus}
                />
              ) : null}
            </li>
          ))}
        </ol>
      </div>
      {unread > 0 ? (
        <button type="button" className="button button-secondary chat-jump" onClick={jumpToNew}>
          {t.chat.jumpToNew(unread)}
        </button>
      ) : null}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <div className="visually-hidden" role="status">
        {status}
      </div>
      {state.mute ? (
        <p className="notice notice-info chat-muted">
          {t.chat.mutedUntil(muteUntil, state.mute.reason)}
        </p>
      ) : null}
      {state.slowModeSeconds > 0 ? (
        <p className="chat-hint">{t.chat.slowModeOn(state.slowModeSeconds)}</p>
      ) : null}
      <form className="chat-form" onSubmit={submit}>
        <label className="field-label" htmlFor={inputId}>
          {t.chat.messageLabel}
        </label>
        <p className="field-hint" id={hintId}>
          {t.chat.messageHint(CHAT_MAX_LENGTH)} {t.chat.charactersLeft(left)}
        </p>
        <div className="chat-form-row">
          <textarea
            id={inputId}
            className={left < 0 ? 'field-input chat-input field-invalid' : 'field-input chat-input'}
            rows={2}
            value={draft}
            aria-describedby={hintId}
            aria-invalid={left < 0}
            disabled={!writable || state.mute !== null}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                submit(e);
              }
            }}
          />
          <button
            type="submit"
            className="button button-primary"
            disabled={sending || !writable || state.mute !== null || left < 0}
          >
            {sending ? t.chat.sending : t.chat.send}
          </button>
        </div>
        {sendError ? (
          <p className="field-error" role="alert">
            {sendError}
          </p>
        ) : null}
      </form>
    </section>
  );
}
