import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  /** Reads were refused with 429 RATE_LIMITED: the last data stays, a retry follows in a minute. */
  rateLimited: boolean;
  updatedAt: number | undefined;
  reload: () => void;
}

const RATE_LIMIT_RETRY_MS = 60_000;

/**
 * One panel's data (ui.md §4.2, §4.6): loads when `key` changes, keeps the last data when a refresh
 * fails, refreshes every `refreshSeconds` while the tab is visible, pauses after a 429.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>,
                               refreshSeconds?: number | null): Resource<T> {
  const [state, setState] = useState<Omit<Resource<T>, 'reload'>>({
    data: undefined, error: undefined, loading: key !== null, rateLimited: false, updatedAt: undefined,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    if (key === null) {
      return undefined;
    }
    const controller = new AbortController();
    const keyChanged = lastKey.current !== key;
    lastKey.current = key;
    setState((s) => ({ ...s, loading: true, ...(keyChanged ? { data: undefined, error: undefined } : {}) }));
    let retry: number | undefined;
    loadRef.current(controller.signal).then(
      (data) => setState({ data, error: undefined, loading: false, rateLimited: false, updatedAt: Date.now() }),
      (error) => {
        if (controller.signal.aborted) {
          return;
        }
        const rateLimited = error instanceof ApiError && error.code === 'RATE_LIMITED';
        setState((s) => ({
          ...s,
          // A refused refresh keeps the data it had (ui.md §4.2): only a first load shows the problem.
          error: rateLimited && s.data !== undefined ? s.error : error,
          loading: false,
          rateLimited,
        }));
        if (rateLimited) {
          retry = window.setTimeout(reload, RATE_LIMIT_RETRY_MS);
        }
      },
    );
    return () => {
      controller.abort();
      window.clearTimeout(retry);
    };
  }, [key, generation, reload]);

  useEffect(() => {
    if (key === null || !refreshSeconds || refreshSeconds <= 0) {
      return undefined;
    }
    const interval = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        reload();
      }
    }, refreshSeconds * 1000);
    return () => window.clearInterval(interval);
  }, [key, refreshSeconds, reload]);

  return { ...state, reload };
}
