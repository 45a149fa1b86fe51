/**
 * UI runtime configuration (ui.md §2), served by the server at /ui-config.json so one build runs
 * against any DXCP: nothing here is compiled in.
 */
export interface UiConfig {
  apiBase: string;
  auth: { mode: 'oidc' | 'embedded' };
  oidc: {
    issuer: string | null;
    clientId: string | null;
    audience: string | null;
    scope: string;
    rolesClaim: string;
    emailClaim: string;
    redirectPath: string;
  };
}

const DEFAULTS: UiConfig = {
  apiBase: '',
  auth: { mode: 'oidc' },
  oidc: {
    issuer: null,
    clientId: null,
    audience: null,
    scope: 'openid profile email',
    rolesClaim: 'https://dxcp.example/claims/roles',
    emailClaim: 'https://dxcp.example/claims/email',
    redirectPath: '/auth/callback',
  },
};

let current: UiConfig = DEFAULTS;

export function config(): UiConfig {
  return current;
}

/** Loads the served configuration; without one, embedded mode when the development issuer answers. */
export async function loadConfig(): Promise<UiConfig> {
  let served: Partial<UiConfig> = {};
  try {
    const response = await fetch('/ui-config.json', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      served = await response.json();
    }
  } catch {
    // no served configuration: fall back to detection below
  }
  const merged: UiConfig = {
    apiBase: (served.apiBase ?? DEFAULTS.apiBase).replace(/\/$/, ''),
    auth: { mode: served.auth?.mode ?? (await detectMode(served)) },
    oidc: { ...DEFAULTS.oidc, ...stripNulls(served.oidc ?? {}) },
  };
  current = merged;
  return merged;
}

async function detectMode(served: Partial<UiConfig>): Promise<'oidc' | 'embedded'> {
  if (served.oidc?.issuer) {
    return 'oidc';
  }
  try {
    const probe = await fetch(`${served.apiBase ?? ''}/dev-idp/.well-known/openid-configuration`);
    return probe.status === 200 ? 'embedded' : 'oidc';
  } catch {
    return 'oidc';
  }
}

function stripNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
