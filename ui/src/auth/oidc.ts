import { config } from '../config';
import { jwtClaims } from '../lib/jwt';
import { uuid } from '../lib/ids';
import { challengeS256, randomVerifier } from '../lib/pkce';
import { session, sessionFromToken, setSession, type Session } from './session';

/**
 * ui.md §2, production sign-in: OAuth 2.0 authorization code flow with PKCE (S256) against the
 * configured issuer, endpoints from its discovery document. The access token (never the ID token)
 * is what the API receives.
 */
interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

interface Pending {
  verifier: string;
  nonce: string;
  returnTo: string;
  redirectUri: string;
}

interface TokenAnswer {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_in?: number;
}

const PENDING_PREFIX = 'dxcp.oidc.pending.';
const SILENT_TIMEOUT_MS = 10_000;
let discovered: Promise<Discovery> | null = null;

function discovery(): Promise<Discovery> {
  if (!discovered) {
    const issuer = config().oidc.issuer;
    if (!issuer) {
      return Promise.reject(new Error('No OIDC issuer is configured (DXCP_OIDC_ISSUER)'));
    }
    discovered = fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)
      .then((response) => {
        if (!response.ok) {
          throw new Error(`The issuer's discovery document answered ${response.status}`);
        }
        return response.json() as Promise<Discovery>;
      })
      .catch((error) => {
        discovered = null;
        throw error;
      });
  }
  return discovered;
}

function redirectUri(): string {
  return window.location.origin + config().oidc.redirectPath;
}

async function authorizeUrl(returnTo: string, prompt?: 'none'): Promise<{ url: string; state: string }> {
  const cfg = config().oidc;
  if (!cfg.clientId) {
    throw new Error('The UI has no OIDC client id (DXCP_UI_OIDC_CLIENT_ID)');
  }
  const endpoints = await discovery();
  const state = uuid();
  const pending: Pending = { verifier: randomVerifier(), nonce: uuid(), returnTo, redirectUri: redirectUri() };
  sessionStorage.setItem(PENDING_PREFIX + state, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: pending.redirectUri,
    scope: cfg.scope,
    state,
    nonce: pending.nonce,
    code_challenge: await challengeS256(pending.verifier),
    code_challenge_method: 'S256',
  });
  if (cfg.audience) {
    params.set('audience', cfg.audience);
  }
  if (prompt) {
    params.set('prompt', prompt);
  }
  const separator = endpoints.authorization_endpoint.includes('?') ? '&' : '?';
  return { url: endpoints.authorization_endpoint + separator + params.toString(), state };
}

/** Leaves for the issuer's sign-in page; the callback returns the user to `returnTo`. */
export async function beginOidcSignIn(returnTo: string): Promise<void> {
  const { url } = await authorizeUrl(returnTo);
  window.location.assign(url);
}

/** The callback: checks state, exchanges the code with the verifier, keeps the tokens. Returns returnTo. */
export async function completeOidcSignIn(query: URLSearchParams): Promise<string> {
  const state = query.get('state');
  const raw = state ? sessionStorage.getItem(PENDING_PREFIX + state) : null;
  if (!state || !raw) {
    throw new Error('This sign-in answer does not match a sign-in started here (state check failed)');
  }
  sessionStorage.removeItem(PENDING_PREFIX + state);
  const pending = JSON.parse(raw) as Pending;
  const error = query.get('error');
  if (error) {
    throw new Error(`The issuer refused the sign-in: ${query.get('error_description') ?? error}`);
  }
  const code = query.get('code');
  if (!code) {
    throw new Error('The issuer sent no authorization code');
  }
  const tokens = await exchange({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    code_verifier: pending.verifier,
  });
  if (tokens.id_token && jwtClaims(tokens.id_token).nonce !== pending.nonce) {
    throw new Error('The ID token does not carry this sign-in\'s nonce');
  }
  keep(tokens);
  return pending.returnTo || '/services';
}

async function exchange(form: Record<string, string>): Promise<TokenAnswer> {
  const endpoints = await discovery();
  const body = new URLSearchParams({ ...form, client_id: config().oidc.clientId ?? '' });
  const response = await fetch(endpoints.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body,
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) {
    throw new Error(`The issuer's token endpoint refused the exchange: ${answer.error_description ?? answer.error ?? response.status}`);
  }
  return answer as TokenAnswer;
}

function keep(tokens: TokenAnswer): Session {
  const previous = session();
  const next = sessionFromToken('oidc', tokens.access_token, tokens.expires_in, {
    idToken: tokens.id_token ?? previous?.idToken,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken,
  });
  setSession(next);
  return next;
}

/** ui.md §2: renew before expiry with the refresh token, else a prompt-less authorize in a hidden frame. */
export async function renewOidc(): Promise<void> {
  const refreshToken = session()?.refreshToken;
  if (refreshToken) {
    try {
      keep(await exchange({ grant_type: 'refresh_token', refresh_token: refreshToken }));
      return;
    } catch {
      // fall through to the prompt-less authorize
    }
  }
  const { url, state } = await authorizeUrl(window.location.pathname + window.location.search, 'none');
  const search = await silentFrame(url, state);
  await completeOidcSignIn(new URLSearchParams(search));
}

function silentFrame(url: string, state: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.display = 'none';
    frame.title = 'session renewal';
    const timer = window.setTimeout(() => finish(() => reject(new Error('Session renewal timed out'))), SILENT_TIMEOUT_MS);
    function onMessage(event: MessageEvent) {
      const data = event.data as { type?: string; search?: string } | null;
      if (event.origin !== window.location.origin || data?.type !== CALLBACK_MESSAGE || !data.search) {
        return;
      }
      if (new URLSearchParams(data.search).get('state') !== state) {
        return;
      }
      finish(() => resolve(data.search as string));
    }
    function finish(settle: () => void) {
      window.clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
      settle();
    }
    window.addEventListener('message', onMessage);
    frame.src = url;
    document.body.appendChild(frame);
  });
}

export const CALLBACK_MESSAGE = 'dxcp-oidc-callback';

/** The issuer's logout page when it advertises one (ui.md §2, sign out). */
export async function endSessionUrl(idToken: string | undefined): Promise<string | null> {
  try {
    const endpoints = await discovery();
    if (!endpoints.end_session_endpoint) {
      return null;
    }
    const params = new URLSearchParams({ post_logout_redirect_uri: window.location.origin + '/signin' });
    if (config().oidc.clientId) {
      params.set('client_id', config().oidc.clientId as string);
    }
    if (idToken) {
      params.set('id_token_hint', idToken);
    }
    return `${endpoints.end_session_endpoint}?${params.toString()}`;
  } catch {
    return null;
  }
}
