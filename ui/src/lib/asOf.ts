import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { withParam } from './searchParams';

/** The pages that can show the past (ui.md §4.7): the service page and the deployment detail. */
export const TIME_TRAVEL_PAGES = /^\/(services|deployments)\/[^/]+$/;

/** A link that keeps the moment being viewed: `asOf` travels with it (ui.md §4.7, "links keep the moment"). */
export function keepMoment(to: string, asOf: string | null | undefined): string {
  if (!asOf) {
    return to;
  }
  return `${to}${to.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(asOf)}`;
}

/** The moment a page is viewed at (`asOf` in the URL), or null for now, with setters that keep the other parameters. */
export function useAsOf() {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf');
  const travel = useCallback((moment: string | null) => {
    setParams((current) => withParam(current, 'asOf', moment));
  }, [setParams]);
  return { asOf: asOf && asOf.trim() ? asOf : null, travel };
}

/**
 * A sortable form of a UTC ISO moment to the microsecond (the wire's precision): fractions padded to six
 * digits, so "…00.123Z" sorts before "…00.123456Z". Other offsets go through Date (milliseconds).
 */
export function momentKey(iso: string): string {
  const utc = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(iso);
  if (utc) {
    return `${utc[1]}.${(utc[2] ?? '').padEnd(9, '0')}`;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : momentKey(date.toISOString());
}

/** Whether a moment the server stamped was known at `asOf` (inclusive, docs/TIME_TRAVEL.md). */
export function knownAt(moment: string, asOf: string | null): boolean {
  return !asOf || momentKey(moment) <= momentKey(asOf);
}
