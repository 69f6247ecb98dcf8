import type { UnsubscribeResult } from '@plenum/contracts';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { useDocumentTitle } from '../components/document-title';
import { MainContent } from '../components/main-content';
import { useT } from '../i18n/i18n';

type State = { status: 'working' } | { status: 'done'; eventTitle: string } | { status: 'failed' };

/** The page behind the link in every e-mail; the signed token stands in for signing in. */
export function UnsubscribePage() {
  const t = useT();
  useDocumentTitle(t.reminders.unsubscribeTitle);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<State>(token ? { status: 'working' } : { status: 'failed' });

  useEffect(() => {
    if (!token) return;
    let current = true;
    api.post<UnsubscribeResult>('/api/reminders/unsubscribe', { token }).then(
      (result) => current && setState({ status: 'done', eventTitle: result.eventTitle }),
      () => current && setState({ status: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [token]);

  return (
    <MainContent busy={state.status === 'working'}>
      <h1>{t.reminders.unsubscribeTitle}</h1>
      <p role="status">
        {state.status === 'working'
          ? t.reminders.unsubscribeWorking
          : state.status === 'done'
            ? t.reminders.unsubscribeDone(state.eventTitle)
            : t.reminders.unsubscribeFailed}
      </p>
    </MainContent>
  );
}
