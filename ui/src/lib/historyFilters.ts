import type { DeploymentRecord } from '../api/types';

/** ui.md §5.4: every history filter lives in the URL. */
export const FILTER_KEYS = ['service', 'environment', 'state', 'kind', 'outcome', 'group', 'category', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type HistoryFilters = Partial<Record<FilterKey, string>>;

export const FILTER_LABELS: Record<FilterKey, string> = {
  service: 'Service', environment: 'Environment', state: 'State', kind: 'Kind', outcome: 'Outcome',
  group: 'Group', category: 'Failure category', from: 'Created from', to: 'Created to',
};

export function filtersFrom(params: URLSearchParams): HistoryFilters {
  const filters: HistoryFilters = {};
  FILTER_KEYS.forEach((key) => {
    const value = params.get(key);
    if (value) {
      filters[key] = value;
    }
  });
  return filters;
}

/** The filters the server applies (api-contract §5: service, environment, state). */
export function serverParams(filters: HistoryFilters): Record<string, string | undefined> {
  return { service: filters.service, environment: filters.environment, state: filters.state };
}

/** domain §9: category names are normalized; INFRA reads INFRASTRUCTURE, anything unknown UNKNOWN. */
export function normalizedCategory(category: string | null | undefined): string {
  const upper = (category ?? '').toUpperCase();
  if (upper === 'INFRA') {
    return 'INFRASTRUCTURE';
  }
  return ['VALIDATION', 'POLICY', 'ARTIFACT', 'INFRASTRUCTURE', 'CONFIG', 'APP', 'TIMEOUT', 'ROLLBACK', 'UNKNOWN']
    .includes(upper) ? upper : 'UNKNOWN';
}

/** Filters the server does not apply: kind, outcome, group, failure category and the createdAt range. */
export function applyClientFilters(records: DeploymentRecord[], filters: HistoryFilters): DeploymentRecord[] {
  const from = filters.from ? dayStart(filters.from) : undefined;
  const to = filters.to ? dayEnd(filters.to) : undefined;
  return records.filter((record) =>
    (!filters.kind || record.deploymentKind === filters.kind)
    && (!filters.outcome || record.outcome === filters.outcome)
    && (!filters.group || record.deliveryGroupId === filters.group)
    && (!filters.category || (record.failures ?? []).some((failure) => normalizedCategory(failure.category) === filters.category))
    && (!from || record.createdAt >= from)
    && (!to || record.createdAt <= to));
}

/** A date (YYYY-MM-DD, UTC) as the first and last instants of that day, comparable with createdAt. */
function dayStart(day: string): string {
  return day.length === 10 ? `${day}T00:00:00.000000Z` : day;
}

function dayEnd(day: string): string {
  return day.length === 10 ? `${day}T23:59:59.999999Z` : day;
}
