/**
 * ui.md §5.7: every admin Save passes a review listing what changes, old → new. Values are compared
 * as shown, so a list in another order or a blank that was null is no change.
 */
export interface Change {
  field: string;
  before: string;
  after: string;
}

export function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? '(none)' : value.map((item) => shown(item)).join(', ');
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

function comparable(value: unknown): string {
  if (Array.isArray(value)) {
    return shown([...value].map((item) => shown(item)).sort());
  }
  return shown(value);
}

/** The fields whose shown value differs, labelled, in the order of `labels`. */
export function changes(before: Record<string, unknown> | null, after: Record<string, unknown>,
                        labels: Record<string, string>): Change[] {
  return Object.entries(labels)
    .filter(([field]) => comparable(before?.[field]) !== comparable(after[field]))
    .map(([field, label]) => ({ field: label, before: before ? shown(before[field]) : '—', after: shown(after[field]) }));
}
