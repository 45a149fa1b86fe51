import type { DeploymentRecord, Environment } from '../api/types';
import { isInFlight } from './live';

/** ui.md §5.1: one cell of "what runs where". */
export interface Cell {
  /** The server's current-running rule: the first SUCCEEDED record of the scope in history order. */
  running: DeploymentRecord | undefined;
  /** The scope's first record, when it is in flight or ended FAILED/CANCELED. */
  flagged: DeploymentRecord | undefined;
  flag: 'in-flight' | 'failed' | null;
}

/** History order (domain §7): createdAt descending, then id descending. */
export function historyOrder(records: DeploymentRecord[]): DeploymentRecord[] {
  return [...records].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1);
}

/**
 * The environment columns: the environments returned (promotion order, then name), plus any
 * environment seen in records; `sandbox` when there is none.
 */
export function environmentColumns(environments: Environment[] | undefined, records: DeploymentRecord[]): string[] {
  const listed = [...(environments ?? [])]
    .filter((env) => env.lifecycle_state !== 'retired')
    .sort((a, b) => {
      const orderA = a.promotion_order ?? Number.MAX_SAFE_INTEGER;
      const orderB = b.promotion_order ?? Number.MAX_SAFE_INTEGER;
      return orderA !== orderB ? orderA - orderB : a.name.localeCompare(b.name);
    })
    .map((env) => env.name);
  const columns = Array.from(new Set(listed));
  const seen = Array.from(new Set(records.map((record) => record.environment)))
    .filter((env) => !columns.includes(env))
    .sort();
  columns.push(...seen);
  return columns.length ? columns : ['sandbox'];
}

export function cellFor(orderedRecords: DeploymentRecord[], service: string, environment: string): Cell {
  const scope = orderedRecords.filter((record) => record.service === service && record.environment === environment);
  const running = scope.find((record) => record.state === 'SUCCEEDED');
  const first = scope[0];
  if (first && isInFlight(first.state)) {
    return { running, flagged: first, flag: 'in-flight' };
  }
  if (first && (first.state === 'FAILED' || first.state === 'CANCELED')) {
    return { running, flagged: first, flag: 'failed' };
  }
  return { running, flagged: undefined, flag: null };
}

export function lastActivity(orderedRecords: DeploymentRecord[], service: string): string | undefined {
  return orderedRecords.find((record) => record.service === service)?.createdAt;
}
