import type { QuestionView } from '@plenum/contracts';
import { QUESTION_MAX_LENGTH } from '@plenum/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { currentAccessToken } from '../api/client';
import { LiveCallError, liveCall } from '../chat/live-connection';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { useT } from '../i18n/i18n';
import type { Messages } from '../i18n/de';
import type { useSessionQa } from './use-session-qa';

type Qa = ReturnType<typeof useSessionQa>;

function errorText(err: unknown, t: Messages): string {
  const code = err instanceof LiveCallError ? err.code : '';
  switch (code) {
    case 'QA_CLOSED':
      return t.stage.qa.errors.closed;
    case 'QUESTION_TOO_LONG':
      return t.stage.qa.errors.tooLong;
    case 'RATE_LIMITED':
    case 'BUSY':
      return t.stage.qa.errors.rateLimited;
    default:
      return t.stage.qa.errors.generic;
  }
}

/** The CSV needs the bearer token, so it is fetched and handed to the browser as a file. */
async function downloadCsv(slug: string, sessionId: string): Promise<void> {
  const response = await fetch(
    `/api/events/${encodeURIComponent(slug)}/sessions/${sessionId}/questions.csv`,
    { headers: { authorization: `Bearer ${currentAccessToken() ?? ''}` } },
  );
  if (!response.ok) throw new Error(`CSV export answered ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `questions-${sessionId}.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

/** The audience's and the moderators' Q&A for one session. */
export function QaPanel({ sessionId, slug, qa }: { sessionId: string; slug: string; qa: Qa }) {
  const t = useT();
  const headingId = useId();
  const [sort, setSort] = useState<'votes' | 'newest'>('votes');
  const [error, setError] = useState<string | null>(null);
  const { state } = qa;

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  if (state.status === 'loading') return <Skeleton lines={4} />;
  if (state.status === 'error') {
    return <ErrorNotice message={t.stage.qa.failed} onRetry={() => void qa.reload()} />;
  }

  const visible = state.questions.filter(
    (q) => q.state === 'approved' || q.state === 'answered' || q.mine,
  );
  const sorted = [...visible].sort((a, b) =>
    sort === 'votes' && b.votes !== a.votes
      ? b.votes - a.votes
      : b.createdAt.localeCompare(a.createdAt),
  );
  const queue = state.questions
    .filter((q) => q.state === 'pending')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  return (
    <section className="qa" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.stage.qa.title}</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {state.removed ? (
        <p className="notice notice-error" role="alert">
          {t.chat.accessLeft(state.removed)}
        </p>
      ) : state.open ? (
        <AskForm sessionId={sessionId} qa={qa} onError={(e) => setError(errorText(e, t))} />
      ) : (
        <p className="qa-closed">{t.stage.qa.closed}</p>
      )}
      {state.canModerate ? (
        <div className="qa-moderation">
          <button
            type="button"
            onClick={() =>
              void run(async () => {
                await liveCall('qa:open', { sessionId, open: !state.open });
              })
            }
          >
            {state.open ? t.stage.qa.closeQa : t.stage.qa.openQa}
          </button>{' '}
          <button type="button" onClick={() => void run(() => downloadCsv(slug, sessionId))}>
            {t.stage.qa.exportCsv}
          </button>
          <h3>{t.stage.qa.queue}</h3>
          {queue.length === 0 ? <p>{t.stage.qa.queueEmpty}</p> : null}
          <ul className="qa-list">
            {queue.map((q) => (
              <li key={q.id} className="qa-question">
                <QuestionText question={q} />
                <ModeratorActions sessionId={sessionId} question={q} qa={qa} run={run} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="qa-sort">
        <label>
          {t.stage.qa.sort}{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as 'votes' | 'newest')}>
            <option value="votes">{t.stage.qa.byVotes}</option>
            <option value="newest">{t.stage.qa.newest}</option>
          </select>
        </label>
      </div>
      {sorted.length === 0 ? <p>{t.stage.qa.empty}</p> : null}
      <ul className="qa-list" aria-live="polite">
        {sorted.map((q) => {
          const voted = state.myVotes.has(q.id);
          return (
            <li key={q.id} className={q.onScreen ? 'qa-question qa-on-screen' : 'qa-question'}>
              <QuestionText question={q} />
              {q.state === 'approved' ? (
                <button
                  type="button"
                  className="qa-vote"
                  aria-pressed={voted}
                  aria-label={t.stage.qa.upvote(q.body)}
                  disabled={!state.open}
                  onClick={() =>
                    void run(async () => {
                      const result = await liveCall('qa:vote', {
                        sessionId,
                        questionId: q.id,
                        voted: !voted,
                      });
                      qa.setVoted(q.id, result.voted, result.votes);
                    })
                  }
                >
                  ▲ {q.votes}
                </button>
              ) : (
                <span className="qa-votes">{t.stage.qa.votes(q.votes)}</span>
              )}
              {q.mine && q.state === 'pending' ? (
                <button
                  type="button"
                  onClick={() =>
                    void run(async () => {
                      await liveCall('qa:withdraw', { sessionId, questionId: q.id });
                      qa.dropQuestion(q.id);
                    })
                  }
                >
                  {t.stage.qa.withdraw}
                </button>
              ) : null}
              {state.canModerate && q.state !== 'pending' ? (
                <ModeratorActions sessionId={sessionId} question={q} qa={qa} run={run} />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function QuestionText({ question }: { question: QuestionView }) {
  const t = useT();
  return (
    <div className="qa-text">
      <p className="qa-body">{question.body}</p>
      <p className="qa-meta">
        {question.author?.displayName ??
          (question.anonymous ? t.stage.qa.anonymousAuthor : t.stage.qa.deletedAuthor)}
        {question.state === 'pending' ? ` · ${t.stage.qa.pending}` : ''}
        {question.state === 'answered' ? ` · ${t.stage.qa.answered}` : ''}
        {question.state === 'dismissed'
          ? ` · ${t.stage.qa.dismissed(question.dismissReason ?? '')}`
          : ''}
        {question.onScreen ? ` · ${t.stage.qa.onScreen}` : ''}
      </p>
    </div>
  );
}

function AskForm({
  sessionId,
  qa,
  onError,
}: {
  sessionId: string;
  qa: Qa;
  onError: (err: unknown) => void;
}) {
  const t = useT();
  const fieldId = useId();
  const hintId = useId();
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    try {
      const { question } = await liveCall('qa:ask', { sessionId, body, anonymous });
      qa.putQuestion(question);
      setBody('');
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="qa-ask" onSubmit={(e) => void submit(e)}>
      <label htmlFor={fieldId}>{t.stage.qa.ask}</label>
      <textarea
        id={fieldId}
        aria-describedby={hintId}
        value={body}
        maxLength={QUESTION_MAX_LENGTH}
        rows={2}
        onChange={(e) => setBody(e.target.value)}
      />
      <p id={hintId} className="form-hint">
        {t.stage.qa.askHint}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
        />{' '}
        {t.stage.qa.anonymous}
      </label>
      <button type="submit" disabled={busy || !body.trim()}>
        {t.stage.qa.send}
      </button>
    </form>
  );
}

function ModeratorActions({
  sessionId,
  question,
  qa,
  run,
}: {
  sessionId: string;
  question: QuestionView;
  qa: Qa;
  run: (action: () => Promise<void>) => Promise<void>;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const ref = { sessionId, questionId: question.id };
  return (
    <div className="qa-actions">
      {question.state === 'pending' ? (
        <button
          type="button"
          onClick={() =>
            void run(async () => qa.putQuestion((await liveCall('qa:approve', ref)).question))
          }
        >
          {t.stage.qa.approve}
        </button>
      ) : null}
      {question.state === 'approved' ? (
        <button
          type="button"
          onClick={() =>
            void run(async () => qa.putQuestion((await liveCall('qa:answer', ref)).question))
          }
        >
          {t.stage.qa.markAnswered}
        </button>
      ) : null}
      {question.state === 'approved' || question.state === 'answered' ? (
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              await liveCall('qa:screen', {
                sessionId,
                questionId: question.onScreen ? null : question.id,
              });
            })
          }
        >
          {question.onScreen ? t.stage.qa.takeOffScreen : t.stage.qa.showOnScreen}
        </button>
      ) : null}
      {question.state === 'pending' || question.state === 'approved' ? (
        <span className="qa-dismiss">
          <label htmlFor={reasonId}>{t.stage.qa.reason}</label>{' '}
          <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />{' '}
          <button
            type="button"
            disabled={!reason.trim()}
            onClick={() =>
              void run(async () =>
                qa.putQuestion((await liveCall('qa:dismiss', { ...ref, reason })).question),
              )
            }
          >
            {t.stage.qa.dismiss}
          </button>
        </span>
      ) : null}
    </div>
  );
}
