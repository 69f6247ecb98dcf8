import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from './client';
import { isAbortError } from './api-error';

export type Resource<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

interface ResourceOptions {
  /** Re-fetch quietly at this interval, keeping the last good answer on screen meanwhile. */
  refreshMs?: number;
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, 'UNEXPECTED_RESPONSE', error instanceof Error ? error.message : 'Failed');
}

export interface ResourceControls<T> {
  resource: Resource<T>;
  /** Fetches again from scratch, showing the loading state meanwhile. */
  reload: () => void;
  /** Fetches again while the current answer stays on screen, e.g. after a change was saved. */
  refresh: () => void;
  /** Takes an answer the server already gave elsewhere, such as the result of a PATCH. */
  replace: (data: T) => void;
}

/** GETs one api path and keeps the answer, the error or the loading state for rendering. */
export function useResource<T>(path: string, options: ResourceOptions = {}): ResourceControls<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const hasData = useRef(false);
  const { refreshMs } = options;

  useEffect(() => {
    hasData.current = false;
    setResource({ status: 'loading' });
  }, [path]);

  useEffect(() => {
    const controller = new AbortController();
    const load = async (quiet: boolean) => {
      try {
        const data = await api.get<T>(path, { signal: controller.signal });
        hasData.current = true;
        setResource({ status: 'ready', data });
      } catch (error) {
        if (isAbortError(error)) {
          return;
        }
        // A failed background refresh keeps the last answer rather than blanking the page.
        if (!(quiet && hasData.current)) {
          setResource({ status: 'error', error: asApiError(error) });
        }
      }
    };
    void load(false);
    const timer = refreshMs ? window.setInterval(() => void load(true), refreshMs) : undefined;
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [path, attempt, refreshMs]);

  const reload = useCallback(() => {
    hasData.current = false;
    setResource({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const refresh = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  const replace = useCallback((data: T) => {
    hasData.current = true;
    setResource({ status: 'ready', data });
  }, []);

  return { resource, reload, refresh, replace };
}
