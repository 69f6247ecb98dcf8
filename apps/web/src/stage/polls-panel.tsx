import type { PollView } from '@plenum/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { liveCall } from '../chat/live-connection';
import { useT } from '../i18n/i18n';
import type { useSessionQa } from './use-session-qa';

type Qa = ReturnType<typeof useSessionQa>;

/** Polls of one session: vote, see results, and for moderators prepare, start and end. */
export function PollsPanel({ sessionId, qa }: { sessionId: string; qa: Qa }) {
  const t = useT();
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch {
      setError(t.stage.qa.errors.generic);
    }
  };
  const { state } = qa;
  if (state.status !== 'ready') return null;
  return (
    <section className="polls" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.stage.polls.title}</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {state.polls.length === 0 ? <p>{t.stage.polls.empty}</p> : null}
      {state.polls.map((poll) => (
        <PollCard key={poll.id} poll={poll} sessionId={sessionId} qa={qa} run={run} />
      ))}
      {state.canModerate ? <PollDraftForm sessionId={sessionId} qa={qa} run={run} /> : null}
    </section>
  );
}

function PollCard({
  poll,
  sessionId,
  qa,
  run,
}: {
  poll: PollView;
  sessionId: string;
  qa: Qa;
  run: (action: () => Promise<void>) => Promise<void>;
}) {
  const t = useT();
  const [choices, setChoices] = useState<number[]>([]);
  const ref = { sessionId, pollId: poll.id };
  const canVote = poll.state === 'open' && poll.myChoices === null;
  const toggle = (index: number, checked: boolean) =>
    setChoices((current) =>
      poll.kind === 'single'
        ? [index]
        : checked
          ? [...current, index]
          : current.filter((c) => c !== index),
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => qa.putPoll((await liveCall('poll:vote', { ...ref, choices })).poll));
  };
  return (
    <article className="poll">
      <h3>
        {poll.question}
        {poll.state === 'draft' ? ` · ${t.stage.polls.draft}` : ''}
        {poll.state === 'closed' ? ` · ${t.stage.polls.closed}` : ''}
      </h3>
      {canVote ? (
        <form onSubmit={submit}>
          <fieldset>
            <legend className="visually-hidden">{poll.question}</legend>
            {poll.options.map((option, index) => (
              <label key={index} className="checkbox">
                <input
                  type={poll.kind === 'single' ? 'radio' : 'checkbox'}
                  name={`poll-${poll.id}`}
                  checked={choices.includes(index)}
                  onChange={(e) => toggle(index, e.target.checked)}
                />{' '}
                {option}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={choices.length === 0}>
            {t.stage.polls.vote}
          </button>
        </form>
      ) : null}
      {poll.myChoices !== null ? <p>{t.stage.polls.voted}</p> : null}
      {poll.results ? (
        <ul className="poll-results" aria-live="polite">
          {poll.options.map((option, index) => {
            const n = poll.results?.counts[index] ?? 0;
            return (
              <li key={index}>
                <span>{option}</span>{' '}
                <progress max={Math.max(1, poll.results?.voters ?? 0)} value={n} /> {n}
              </li>
            );
          })}
          <li>{t.stage.polls.voters(poll.results.voters)}</li>
        </ul>
      ) : null}
      {qa.state.canModerate && poll.state === 'draft' ? (
        <button
          type="button"
          onClick={() => void run(async () => qa.putPoll((await liveCall('poll:open', ref)).poll))}
        >
          {t.stage.polls.open}
        </button>
      ) : null}
      {qa.state.canModerate && poll.state === 'open' ? (
        <button
          type="button"
          onClick={() => void run(async () => qa.putPoll((await liveCall('poll:close', ref)).poll))}
        >
          {t.stage.polls.close}
        </button>
      ) : null}
    </article>
  );
}

function PollDraftForm({
  sessionId,
  qa,
  run,
}: {
  sessionId: string;
  qa: Qa;
  run: (action: () => Promise<void>) => Promise<void>;
}) {
  const t = useT();
  const questionId = useId();
  const optionsId = useId();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [multiple, setMultiple] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { poll } = await liveCall('poll:create', {
        sessionId,
        question,
        kind: multiple ? 'multiple' : 'single',
        options: options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
      });
      qa.putPoll(poll);
      setQuestion('');
      setOptions('');
    });
  };
  return (
    <details className="poll-draft">
      <summary>{t.stage.polls.create}</summary>
      <form onSubmit={submit}>
        <label htmlFor={questionId}>{t.stage.polls.question}</label>
        <input id={questionId} value={question} onChange={(e) => setQuestion(e.target.value)} />
        <label htmlFor={optionsId}>{t.stage.polls.options}</label>
        <textarea
          id={optionsId}
          rows={4}
          value={options}
          onChange={(e) => setOptions(e.target.value)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={multiple}
            onChange={(e) => setMultiple(e.target.checked)}
          />{' '}
          {t.stage.polls.multiple}
        </label>
        <button type="submit" disabled={!question.trim()}>
          {t.stage.polls.save}
        </button>
      </form>
    </details>
  );
}
