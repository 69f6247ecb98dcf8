import type {
  PollResults,
  PollView,
  QuestionView,
  RoomAccessChanged,
  RoomAccessReason,
} from '@plenum/contracts';
import { useCallback, useEffect, useState } from 'react';
import { LiveCallError, liveCall, liveSocket } from '../chat/live-connection';

export interface QaState {
  status: 'loading' | 'ready' | 'error';
  error: LiveCallError | null;
  reconnecting: boolean;
  open: boolean;
  canModerate: boolean;
  /** The server took this person out of the session's room (a role ended), and why. */
  removed: RoomAccessReason | null;
  questions: QuestionView[];
  myVotes: ReadonlySet<string>;
  polls: PollView[];
}

const initial: QaState = {
  status: 'loading',
  error: null,
  reconnecting: false,
  open: true,
  canModerate: false,
  removed: null,
  questions: [],
  myVotes: new Set(),
  polls: [],
};

/** Merges a question as this person may see it; the asker's own flag survives other views. */
function upsert(questions: QuestionView[], incoming: QuestionView): QuestionView[] {
  const current = questions.find((q) => q.id === incoming.id);
  const merged: QuestionView = current
    ? {
        ...incoming,
        mine: current.mine || incoming.mine,
        author: incoming.author ?? current.author,
        dismissReason: incoming.dismissReason ?? current.dismissReason,
      }
    : incoming;
  return current
    ? questions.map((q) => (q.id === incoming.id ? merged : q))
    : [merged, ...questions];
}

function withResults(polls: PollView[], results: PollResults): PollView[] {
  return polls.map((p) => (p.id === results.pollId ? { ...p, results } : p));
}

/**
 * Q&A and polls of one stage session: joins the session room (again after every reconnect),
 * reads the current state and then follows the server's events.
 */
export function useSessionQa(sessionId: string) {
  const [state, setState] = useState<QaState>(initial);

  const load = useCallback(async () => {
    try {
      await liveCall('room:join', { room: `session:${sessionId}` });
      const [snapshot, polls] = await Promise.all([
        liveCall('qa:state', { sessionId }),
        liveCall('poll:list', { sessionId }),
      ]);
      setState({
        status: 'ready',
        error: null,
        reconnecting: false,
        open: snapshot.open,
        canModerate: snapshot.canModerate,
        removed: null,
        questions: snapshot.questions,
        myVotes: new Set(snapshot.myVotes),
        polls: polls.polls,
      });
    } catch (err) {
      setState((s) => ({
        ...s,
        status: s.status === 'ready' ? 'ready' : 'error',
        error: err instanceof LiveCallError ? err : null,
      }));
    }
  }, [sessionId]);

  useEffect(() => {
    const socket = liveSocket();
    const mine = (payload: { sessionId: string }) => payload.sessionId === sessionId;
    const onQuestion = (q: QuestionView) => {
      if (mine(q)) setState((s) => ({ ...s, questions: upsert(s.questions, q) }));
    };
    const onRemoved = (r: { sessionId: string; questionId: string }) => {
      if (mine(r)) {
        setState((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== r.questionId) }));
      }
    };
    const onVotes = (v: { sessionId: string; votes: Record<string, number> }) => {
      if (!mine(v)) return;
      setState((s) => ({
        ...s,
        questions: s.questions.map((q) =>
          v.votes[q.id] === undefined ? q : { ...q, votes: v.votes[q.id] ?? q.votes },
        ),
      }));
    };
    const onSettings = (v: { sessionId: string; open: boolean }) => {
      if (mine(v)) setState((s) => ({ ...s, open: v.open }));
    };
    const onScreen = (v: { sessionId: string; question: QuestionView | null }) => {
      if (!mine(v)) return;
      setState((s) => ({
        ...s,
        questions: s.questions.map((q) => ({ ...q, onScreen: q.id === v.question?.id })),
      }));
      if (v.question) onQuestion(v.question);
    };
    const onPoll = (p: PollView) => {
      if (!mine(p)) return;
      setState((s) => {
        const current = s.polls.find((x) => x.id === p.id);
        const merged = current
          ? { ...p, myChoices: current.myChoices, results: p.results ?? current.results }
          : p;
        return {
          ...s,
          polls: current ? s.polls.map((x) => (x.id === p.id ? merged : x)) : [...s.polls, merged],
        };
      });
    };
    const onResults = (r: PollResults) => {
      if (mine(r)) setState((s) => ({ ...s, polls: withResults(s.polls, r) }));
    };
    const onAccess = (change: RoomAccessChanged) => {
      if (change.room !== `session:${sessionId}`) return;
      if (change.joined) {
        // Moderators see more (pending questions, drafts): read the state as it is now.
        void load();
      } else {
        setState((s) => ({ ...s, canModerate: false, removed: change.reason }));
      }
    };
    const onConnect = () => void load();
    const onDisconnect = () => setState((s) => ({ ...s, reconnecting: true }));
    socket.on('qa:question', onQuestion);
    socket.on('qa:removed', onRemoved);
    socket.on('qa:votes', onVotes);
    socket.on('qa:settings', onSettings);
    socket.on('qa:on-screen', onScreen);
    socket.on('poll:updated', onPoll);
    socket.on('poll:results', onResults);
    socket.on('room:access-changed', onAccess);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    if (socket.connected) void load();
    return () => {
      socket.off('room:access-changed', onAccess);
      socket.off('qa:question', onQuestion);
      socket.off('qa:removed', onRemoved);
      socket.off('qa:votes', onVotes);
      socket.off('qa:settings', onSettings);
      socket.off('qa:on-screen', onScreen);
      socket.off('poll:updated', onPoll);
      socket.off('poll:results', onResults);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
    };
  }, [sessionId, load]);

  const setVoted = useCallback((questionId: string, voted: boolean, votes: number) => {
    setState((s) => {
      const myVotes = new Set(s.myVotes);
      if (voted) myVotes.add(questionId);
      else myVotes.delete(questionId);
      return {
        ...s,
        myVotes,
        questions: s.questions.map((q) => (q.id === questionId ? { ...q, votes } : q)),
      };
    });
  }, []);
  const putQuestion = useCallback((q: QuestionView) => {
    setState((s) => ({ ...s, questions: upsert(s.questions, q) }));
  }, []);
  const dropQuestion = useCallback((id: string) => {
    setState((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== id) }));
  }, []);
  const putPoll = useCallback((p: PollView) => {
    setState((s) => ({
      ...s,
      polls: s.polls.some((x) => x.id === p.id)
        ? s.polls.map((x) => (x.id === p.id ? p : x))
        : [...s.polls, p],
    }));
  }, []);

  return { state, reload: load, setVoted, putQuestion, dropQuestion, putPoll };
}
