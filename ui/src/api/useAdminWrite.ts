import { useCallback, useRef, useState } from 'react';
import { request, type ApiResponse } from './client';

/**
 * An admin save (ui.md §5.7): one request at a time (a second click while one is on its way does
 * nothing), the refusal kept for the problem panel and the fields it names. Resolves to the answer,
 * or null when refused or already in flight.
 */
export function useAdminWrite() {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(async <T,>(method: string, path: string, body?: unknown,
                                     idempotencyKey?: string): Promise<ApiResponse<T> | null> => {
    if (inFlight.current) {
      return null;
    }
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      return await request<T>(method, path, { body, idempotencyKey });
    } catch (failure) {
      setError(failure);
      return null;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  /** Creates an object (POST to its collection) or, with the id of an existing one, replaces it (PUT). */
  const upsert = useCallback(<T,>(collection: string, existingId: string | undefined, body: unknown) =>
    existingId === undefined
      ? run<T>('POST', collection, body)
      : run<T>('PUT', `${collection}/${encodeURIComponent(existingId)}`, body), [run]);

  return { busy, error, setError, run, upsert };
}
