import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, get, path, query } from './client';
import type { DeploymentRecord, Failure, TimelineEvent } from './types';
import { isTerminal, pollDelay, timelineStale } from '../lib/live';

export interface LiveDeployment {
  record: DeploymentRecord | undefined;
  timeline: TimelineEvent[] | undefined;
  failures: Failure[] | undefined;
  error: ApiError | Error | undefined;
  /** True while polling: the record is not terminal yet. */
  live: boolean;
  updatedAt: number | undefined;
  reload: () => void;
}

/**
 * ui.md §4.6, live deployment progress: GET /v1/deployments/{id} every 3 s for the first 2 minutes,
 * then every 10 s; /timeline again only when state or updatedAt changed; polling stops at a
 * terminal state, after which /failures is loaded once. A hidden tab pauses; visible again fetches at once.
 * With `asOf` (ui.md §4.7) the record, timeline and failures are read once as of that moment: no polling.
 */
export function useLiveDeployment(id: string | undefined, asOf?: string | null): LiveDeployment {
  const [record, setRecord] = useState<DeploymentRecord>();
  const [timeline, setTimeline] = useState<TimelineEvent[]>();
  const [failures, setFailures] = useState<Failure[]>();
  const [error, setError] = useState<ApiError | Error>();
  const [updatedAt, setUpdatedAt] = useState<number>();
  const [generation, setGeneration] = useState(0);
  const seen = useRef<{ state: string; updatedAt: string } | undefined>(undefined);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (!id) {
      return undefined;
    }
    let stopped = false;
    let timer: number | undefined;
    const startedWatching = Date.now();
    seen.current = undefined;
    setRecord(undefined);
    setTimeline(undefined);
    setFailures(undefined);
    setError(undefined);

    async function tick() {
      if (stopped) {
        return;
      }
      if (document.visibilityState === 'hidden') {
        return; // resumed by the visibility listener
      }
      try {
        const moment = query({ asOf });
        const next = await get<DeploymentRecord>(path('/v1/deployments/{id}', id as string) + moment);
        if (stopped) {
          return;
        }
        setRecord(next);
        setUpdatedAt(Date.now());
        setError(undefined);
        if (timelineStale(seen.current, next)) {
          seen.current = { state: next.state, updatedAt: next.updatedAt };
          const events = await get<TimelineEvent[]>(path('/v1/deployments/{id}/timeline', id as string) + moment);
          if (!stopped) {
            setTimeline(events);
          }
        }
        if (isTerminal(next.state) || asOf) {
          const found = await get<Failure[]>(path('/v1/deployments/{id}/failures', id as string) + moment);
          if (!stopped) {
            setFailures(found);
          }
          stopped = true;
          return;
        }
      } catch (failure) {
        if (stopped) {
          return;
        }
        setError(failure as Error);
        if (asOf || (failure instanceof ApiError && (failure.status === 404 || failure.status === 403))) {
          stopped = true;
          return;
        }
      }
      timer = window.setTimeout(tick, pollDelay(Date.now() - startedWatching));
    }

    function onVisibility() {
      if (document.visibilityState === 'visible' && !stopped) {
        window.clearTimeout(timer);
        void tick();
      }
    }

    document.addEventListener('visibilitychange', onVisibility);
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [id, asOf, generation]);

  return { record, timeline, failures, error, live: !asOf && !!record && !isTerminal(record.state), updatedAt, reload };
}
