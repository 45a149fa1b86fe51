import { base64Url } from './jwt';

/** RFC 7636: a high-entropy code verifier (32 random bytes → 43 characters). */
export function randomVerifier(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64Url(bytes);
}

/** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))). Needs a secure context (https or localhost). */
export async function challengeS256(verifier: string): Promise<string> {
  if (!crypto.subtle) {
    throw new Error('Sign-in needs a secure context: serve DXCP over https (or use localhost)');
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
