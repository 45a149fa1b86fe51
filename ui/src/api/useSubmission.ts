import { useCallback, useRef, useState } from 'react';
import { ApiError } from './client';
import { submit } from './submit';
import { SubmissionKey } from '../lib/submission';

/**
 * A deploy, rollback or promotion submitted from a screen (ui.md §4.5): one key per set of values,
 * one request at a time (a second click while one is on its way does nothing), the refusal kept for
 * the problem panel. Resolves to the created record, or null when refused or already in flight.
 */
export function useSubmission<T>() {
  const key = useRef(new SubmissionKey());
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = useCallback(async (url: string, body: unknown, values: Record<string, unknown>): Promise<T | null> => {
    // The ref, not the state: a second click can land before React re-renders the disabled button.
    if (inFlight.current) {
      return null;
    }
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      const answer = await submit<T>(url, body, key.current.for(values));
      key.current.discard();
      return answer.data;
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'IDEMPOTENCY_CONFLICT') {
        key.current.discard();
      }
      setError(failure);
      return null;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, error, setError, send };
}
