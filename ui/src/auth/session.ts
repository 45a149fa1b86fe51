import { config } from '../config';
import { jwtClaims } from '../lib/jwt';
import { roleFromClaims, type Role } from './roles';

export type EmbeddedRole = 'admin' | 'owner' | 'observer';

/**
 * The signed-in user's tokens. ui.md §2: tokens live in memory and at most in sessionStorage (so a
 * reload keeps the tab signed in), never in localStorage or cookies.
 */
export interface Session {
  mode: 'oidc' | 'embedded';
  accessToken: string;
  expiresAt: number;
  role: Role | null;
  email: string | null;
  sub: string | null;
  embedded?: { role: EmbeddedRole; email: string | null };
  idToken?: string;
  refreshToken?: string;
}

const STORAGE_KEY = 'dxcp.session';
type Listener = (session: Session | null) => void;

let current: Session | null = readStored();
const listeners = new Set<Listener>();

function readStored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function session(): Session | null {
  return current;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSession(next: Session | null): void {
  current = next;
  if (next) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } else {
    sessionStorage.removeItem(STORAGE_KEY);
  }
  listeners.forEach((listener) => listener(next));
}

/** A session from an access token: the role and email come from its claims (ui.md §1). */
export function sessionFromToken(
  mode: Session['mode'],
  accessToken: string,
  expiresInSeconds: number | undefined,
  extra: Partial<Session> = {},
): Session {
  const claims = jwtClaims(accessToken);
  const cfg = config().oidc;
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : 0;
  const expiresAt = expiresInSeconds ? Date.now() + expiresInSeconds * 1000 : exp || Date.now() + 3600_000;
  const email = (claims.email as string | undefined) ?? (claims[cfg.emailClaim] as string | undefined) ?? null;
  return {
    mode,
    accessToken,
    expiresAt,
    role: roleFromClaims(claims, cfg.rolesClaim),
    email,
    sub: (claims.sub as string | undefined) ?? null,
    ...extra,
  };
}

/** Where a signed-out user goes to sign in, coming back to `returnTo` afterwards. */
export function signInPath(returnTo: string, reason?: 'expired'): string {
  const params = new URLSearchParams();
  if (returnTo && returnTo !== '/' && !returnTo.startsWith('/signin')) {
    params.set('returnTo', returnTo);
  }
  if (reason) {
    params.set('reason', reason);
  }
  const query = params.toString();
  return query ? `/signin?${query}` : '/signin';
}

export function currentLocation(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}
