import type { EngineCheck, EngineConfig, EngineMode, GuardrailsPreview } from '../api/adminTypes';

/** The write-only settings: GET shows only `<name>_configured` (api-contract §11). */
export const SECRETS = ['header_value', 'client_secret', 'keystore_password'] as const;
export type SecretName = typeof SECRETS[number];

/** What the admin did to a secret: nothing (left out of the PUT), a new value, or clear (null). */
export interface SecretEdit {
  action: 'keep' | 'replace' | 'clear';
  value?: string;
}

export interface EngineDraft {
  config: EngineConfig;
  secrets: Record<SecretName, SecretEdit>;
}

/** Which settings each mode uses; the server refuses settings of another mode (decision 52). */
export const MODE_FIELDS: Record<EngineMode, string[]> = {
  http: ['gate_url', 'header_name', 'header_value', 'token_url', 'client_id', 'client_secret', 'audience', 'scope', 'refresh_skew_seconds'],
  mtls: ['gate_url', 'client_cert_path', 'client_key_path', 'keystore_path', 'keystore_password', 'ca_bundle_path', 'server_name'],
  stub: [],
};

const TEXTS = ['gate_url', 'header_name', 'token_url', 'client_id', 'audience', 'scope', 'client_cert_path', 'client_key_path',
  'keystore_path', 'ca_bundle_path', 'server_name'] as const;

/**
 * The body of PUT and …/validate: the mode's settings (blank text is null), the other modes' settings
 * null, secrets only when replaced or cleared — and a configured secret of another mode cleared, since
 * the server would refuse to keep it.
 */
export function engineProposal(saved: EngineConfig, draft: EngineDraft): Record<string, unknown> {
  const mode = (draft.config.mode ?? 'http') as EngineMode;
  const used = MODE_FIELDS[mode];
  const body: Record<string, unknown> = { mode };
  TEXTS.forEach((field) => {
    const value = draft.config[field];
    body[field] = used.includes(field) && typeof value === 'string' && value.trim() ? value.trim() : null;
  });
  const skew = String(draft.config.refresh_skew_seconds ?? '').trim();
  body.refresh_skew_seconds = used.includes('refresh_skew_seconds') && skew ? (/^-?\d+$/.test(skew) ? Number(skew) : skew) : null;
  SECRETS.forEach((name) => {
    const edit = draft.secrets[name];
    if (!used.includes(name)) {
      if (saved[`${name}_configured`]) {
        body[name] = null;
      }
    } else if (edit.action === 'replace') {
      body[name] = edit.value ?? '';
    } else if (edit.action === 'clear') {
      body[name] = null;
    }
  });
  return body;
}

/** A check answer in the review's terms: INVALID blocks Save like a preview ERROR, WARNING needs the tick. */
export function checkAsPreview(check: EngineCheck): GuardrailsPreview {
  return {
    validation_status: check.status === 'VALID' ? 'OK' : check.status === 'WARNING' ? 'WARNING' : 'ERROR',
    messages: [
      ...check.errors.map((p) => ({ type: 'ERROR' as const, field: p.field, message: p.message })),
      ...check.warnings.map((p) => ({ type: 'WARNING' as const, field: p.field, message: p.message })),
    ],
  };
}
