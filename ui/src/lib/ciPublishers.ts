import type { CiPublisher } from '../api/adminTypes';
import { shown, type Change } from './adminChanges';

/** The token claims a publisher entry can be narrowed by (governance §3). */
export const CONSTRAINTS = ['issuers', 'audiences', 'authorized_party_azp', 'subjects', 'subject_prefixes', 'emails'] as const;

/** ui.md §5.7: an entry with no constraint admits every token that has the CI role. */
export function matchesEveryToken(publisher: CiPublisher): boolean {
  return CONSTRAINTS.every((key) => !publisher[key] || publisher[key]?.length === 0);
}

const FIELDS = ['provider', ...CONSTRAINTS, 'owner', 'description'] as const;

function describe(publisher: CiPublisher): string {
  return FIELDS.filter((key) => shown(publisher[key]) !== '—' && shown(publisher[key]) !== '(none)')
    .map((key) => `${key}: ${shown(publisher[key])}`).join('; ') || 'no constraints';
}

/** The review of a replaced list, by name: added, removed, and per changed entry the fields that differ. */
export function publisherChanges(before: CiPublisher[], after: CiPublisher[]): Change[] {
  const found: Change[] = [];
  const old = new Map(before.map((p) => [p.name, p]));
  const next = new Map(after.map((p) => [p.name.trim(), { ...p, name: p.name.trim() }]));
  next.forEach((publisher, name) => {
    const previous = old.get(name);
    if (!previous) {
      found.push({ field: `${name || '(no name)'} (added)`, before: '—', after: describe(publisher) });
      return;
    }
    FIELDS.forEach((key) => {
      const was = shown(previous[key] ?? (key === 'provider' ? 'custom' : undefined));
      const now = shown(publisher[key] ?? (key === 'provider' ? 'custom' : undefined));
      if (was !== now) {
        found.push({ field: `${name}: ${key}`, before: was, after: now });
      }
    });
  });
  old.forEach((publisher, name) => {
    if (!next.has(name)) {
      found.push({ field: `${name} (removed)`, before: describe(publisher), after: '—' });
    }
  });
  return found;
}
