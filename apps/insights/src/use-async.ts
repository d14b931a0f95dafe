import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown };

/**
 * Runs `load` when `key` changes (and on `reload()`), aborting the previous run. `refresh()` re-runs it without
 * going back to the loading state, for polling and after actions.
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): AsyncState<T> & { reload: () => void; refresh: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [run, setRun] = useState(0);
  const quiet = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    if (!quiet.current) setState({ status: 'loading' });
    quiet.current = false;
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [key, run]);

  const reload = useCallback(() => setRun((n) => n + 1), []);
  const refresh = useCallback(() => {
    quiet.current = true;
    setRun((n) => n + 1);
  }, []);
  return { ...state, reload, refresh };
}

/** A readable sentence for an error from the API client or the backend. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: string; status?: number; body?: { error?: string }; message?: string };
    if (e.name === 'NetworkError')
      return 'The data platform could not be reached. Check your connection and try again.';
    if (e.name === 'ApiError' && e.body?.error) return e.body.error;
    if (e.message) return e.message;
  }
  return 'Something went wrong.';
}
