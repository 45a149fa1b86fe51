import type { DeploymentState } from '../api/types';

/** ui.md §4.6: these states end live progress. */
export const TERMINAL_STATES: DeploymentState[] = ['SUCCEEDED', 'FAILED', 'CANCELED', 'ROLLED_BACK'];
export const IN_FLIGHT_STATES: DeploymentState[] = ['PENDING', 'ACTIVE', 'IN_PROGRESS'];

export function isTerminal(state: DeploymentState | string | null | undefined): boolean {
  return TERMINAL_STATES.includes(state as DeploymentState);
}

export function isInFlight(state: DeploymentState | string | null | undefined): boolean {
  return IN_FLIGHT_STATES.includes(state as DeploymentState);
}

/** Every 3 s for the first 2 minutes of watching, then every 10 s (ui.md §4.6). */
export function pollDelay(watchingForMs: number): number {
  return watchingForMs < 120_000 ? 3_000 : 10_000;
}

/** The timeline is fetched again only when the record's state or updatedAt changed. */
export function timelineStale(previous: { state: string; updatedAt: string } | undefined,
                              next: { state: string; updatedAt: string }): boolean {
  return !previous || previous.state !== next.state || previous.updatedAt !== next.updatedAt;
}
