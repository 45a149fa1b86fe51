import { config } from '../config';
import { sessionFromToken, setSession, type EmbeddedRole, type Session } from './session';

/** ui.md §2, embedded mode: the server's development issuer mints a token for the chosen role. */
export async function signInEmbedded(role: EmbeddedRole, email: string | null): Promise<Session> {
  const query = email && email.trim() ? `?email=${encodeURIComponent(email.trim())}` : '';
  const response = await fetch(`${config().apiBase}/dev-idp/token/${role}${query}`, { method: 'POST' });
  if (!response.ok) {
    throw new Error(`The development issuer answered ${response.status}`);
  }
  const body = (await response.json()) as { access_token: string; expires_in: number };
  const next = sessionFromToken('embedded', body.access_token, body.expires_in, {
    embedded: { role, email: email && email.trim() ? email.trim() : null },
  });
  setSession(next);
  return next;
}
