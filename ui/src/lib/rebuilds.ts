import type { RebuildProgress } from '../api/adminTypes';

/** A rebuild still running: replaying or switching generations (README "Read models"). */
export function isRebuilding(rebuild: RebuildProgress | null | undefined): boolean {
  return !!rebuild && (rebuild.status === 'rebuilding' || rebuild.status === 'switching');
}

/** Time left at the rate so far, or null when there is no rate yet. */
export function secondsLeft(rebuild: RebuildProgress): number | null {
  if (!isRebuilding(rebuild) || rebuild.eventsPerSecond <= 0) {
    return null;
  }
  return Math.max(0, (rebuild.headAtStart - rebuild.position) / rebuild.eventsPerSecond);
}
