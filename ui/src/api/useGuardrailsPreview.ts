import { useCallback, useState } from 'react';
import type { GuardrailsPreview } from './adminTypes';
import { post } from './client';
import type { PreviewState } from '../components/ReviewDialog';

/** POST /v1/admin/guardrails/validate (api-contract §11): the server's preview of a group or recipe body; saves nothing. */
export function useGuardrailsPreview() {
  const [state, setState] = useState<PreviewState>({ loading: false, result: null, error: null });
  const run = useCallback(async (body: unknown) => {
    setState({ loading: true, result: null, error: null });
    try {
      const answer = await post<GuardrailsPreview>('/v1/admin/guardrails/validate', body);
      setState({ loading: false, result: answer.data, error: null });
    } catch (failure) {
      setState({ loading: false, result: null, error: failure });
    }
  }, []);
  const reset = useCallback(() => setState({ loading: false, result: null, error: null }), []);
  return { state, run, reset };
}
