import { signInEmbedded } from './embedded';
import { endSessionUrl, renewOidc } from './oidc';
import { currentLocation, session, setSession, signInPath, subscribe } from './session';

/**
 * Keeps the session's access token valid (ui.md §2): renews silently shortly before expiry, once
 * more after a 401; when renewal fails the user goes to sign-in and comes back to the same route.
 */
let inFlight: Promise<boolean> | null = null;
let timer: number | undefined;

/** Seconds before expiry at which the token is renewed: a fifth of its lifetime, at most a minute. */
export function renewalLead(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(1_000, lifetimeMs / 5));
}

export function renew(): Promise<boolean> {
  const current = session();
  if (!current) {
    return Promise.resolve(false);
  }
  if (!inFlight) {
    const attempt = current.mode === 'embedded'
      ? signInEmbedded(current.embedded?.role ?? 'observer', current.embedded?.email ?? null)
      : renewOidc();
    inFlight = attempt
      .then(() => true)
      .catch(() => false)
      .finally(() => {
        inFlight = null;
      });
  }
  return inFlight;
}

/** Called before each API call: a token about to expire is renewed first; failure ends the session. */
export async function ensureFresh(): Promise<void> {
  const current = session();
  if (current && current.expiresAt - Date.now() < 5_000) {
    if (!(await renew())) {
      expire();
    }
  }
}

/** The session could not be kept: back to sign-in, returning to this route afterwards. */
export function expire(): void {
  const returnTo = currentLocation();
  setSession(null);
  if (!window.location.pathname.startsWith('/signin')) {
    window.location.assign(signInPath(returnTo, 'expired'));
  }
}

export async function signOut(): Promise<void> {
  const current = session();
  setSession(null);
  const logout = current?.mode === 'oidc' ? await endSessionUrl(current.idToken) : null;
  window.location.assign(logout ?? '/signin');
}

function schedule(): void {
  window.clearTimeout(timer);
  const current = session();
  if (!current) {
    return;
  }
  const lifetime = Math.max(0, current.expiresAt - Date.now());
  const due = Math.max(0, lifetime - renewalLead(lifetime));
  timer = window.setTimeout(async () => {
    if (session() === current && !(await renew())) {
      expire();
    }
  }, due);
}

export function startRenewal(): void {
  subscribe(() => schedule());
  schedule();
}
