import { Alert, Badge, Button, Group, NativeSelect, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { get, post } from '../../../api/client';
import type { EngineAdapter, EngineCheck, EngineConfig, EngineMode } from '../../../api/adminTypes';
import { useAdminWrite } from '../../../api/useAdminWrite';
import { useResource } from '../../../api/useResource';
import { ProblemPanel } from '../../../components/ProblemPanel';
import { ReviewDialog, type PreviewState } from '../../../components/ReviewDialog';
import { changes } from '../../../lib/adminChanges';
import { refusalFields } from '../../../lib/adminFields';
import { checkAsPreview, engineProposal, MODE_FIELDS, SECRETS, type SecretEdit, type EngineDraft } from '../../../lib/engineAdapter';
import { SettingCard } from './SettingCard';

const URL = '/v1/admin/system/engine-adapters/main';
const LABELS: Record<string, string> = {
  mode: 'Mode', gate_url: 'Gate URL', header_name: 'Header name', header_value: 'Header value', token_url: 'Token URL',
  client_id: 'Client id', client_secret: 'Client secret', audience: 'Audience', scope: 'Scope',
  refresh_skew_seconds: 'Renew tokens this many seconds early', client_cert_path: 'Client certificate (PEM)',
  client_key_path: 'Client key (PEM)', keystore_path: 'Keystore (PKCS#12)', keystore_password: 'Keystore password',
  ca_bundle_path: 'CA bundle (PEM)', server_name: 'TLS server name',
};

/**
 * ui.md §5.7 engine adapter: a form over GET's `config`. Secrets are write-only — shown as configured
 * or not set, replaced or cleared, left out of the PUT when untouched. Check posts the proposal to
 * …/validate: INVALID blocks Save, WARNING needs the tick; a refused save marks `details.errors` fields.
 */
export function EngineAdapterCard() {
  const adapter = useResource<EngineAdapter>('engine-adapter', (signal) => get(URL, signal));
  const [draft, setDraft] = useState<EngineDraft | null>(null);
  const [check, setCheck] = useState<{ loading: boolean; result: EngineCheck | null; error: unknown }>({ loading: false, result: null, error: null });
  const [reviewing, setReviewing] = useState(false);
  const save = useAdminWrite();

  function startEditing(config: EngineConfig) {
    save.setError(null);
    setCheck({ loading: false, result: null, error: null });
    setDraft({ config: { ...config }, secrets: { header_value: { action: 'keep' }, client_secret: { action: 'keep' }, keystore_password: { action: 'keep' } } });
  }

  function update(next: Partial<EngineConfig>) {
    setDraft((d) => d && { ...d, config: { ...d.config, ...next } });
    setCheck({ loading: false, result: null, error: null });
  }

  function secret(name: typeof SECRETS[number], edit: SecretEdit) {
    setDraft((d) => d && { ...d, secrets: { ...d.secrets, [name]: edit } });
    setCheck({ loading: false, result: null, error: null });
  }

  async function runCheck(proposal: Record<string, unknown>) {
    setCheck({ loading: true, result: null, error: null });
    try {
      setCheck({ loading: false, result: (await post<EngineCheck>(`${URL}/validate`, proposal)).data, error: null });
    } catch (failure) {
      setCheck({ loading: false, result: null, error: failure });
    }
  }

  async function submit(proposal: Record<string, unknown>) {
    if (await save.run<EngineAdapter>('PUT', URL, proposal)) {
      setReviewing(false);
      setDraft(null);
      adapter.reload();
    }
  }

  return (
    <SettingCard id="engine-adapter" title="Engine adapter" resource={adapter}
                 actions={adapter.data && !draft && <Button size="xs" onClick={() => startEditing(adapter.data?.config as EngineConfig)} data-testid="engine-edit">Edit</Button>}>
      {(current) => {
        if (!draft) {
          return <EngineSummary config={current.config} label={current.label} />;
        }
        const mode = (draft.config.mode ?? 'http') as EngineMode;
        const proposal = engineProposal(current.config, draft);
        const fieldErrors: Record<string, string> = {
          ...Object.fromEntries((check.result?.errors ?? []).map((p) => [p.field, p.message])),
          ...refusalFields(save.error, {}),
        };
        const warnings = Object.fromEntries((check.result?.warnings ?? []).map((p) => [p.field, p.message]));
        const shownChanges = changes({ ...current.config, ...Object.fromEntries(SECRETS.map((s) => [s, current.config[`${s}_configured`] ? 'configured' : 'not set'])) },
          { ...draft.config, ...Object.fromEntries(SECRETS.map((s) => [s, draft.secrets[s].action === 'keep'
            ? (current.config[`${s}_configured`] ? 'configured' : 'not set')
            : draft.secrets[s].action === 'clear' ? 'not set' : 'replaced'])) },
          Object.fromEntries(Object.entries(LABELS).filter(([key]) => key === 'mode' || MODE_FIELDS[mode].includes(key)
            || proposal[key] === null)));
        const preview: PreviewState = { loading: check.loading, result: check.result ? checkAsPreview(check.result) : null, error: check.error };
        return (
          <Stack data-testid="engine-form">
            <NativeSelect label="Mode" w={260} value={mode} data-testid="engine-mode"
                          data={[{ value: 'http', label: 'http — Gate over HTTP(S)' }, { value: 'mtls', label: 'mtls — client certificate' },
                            { value: 'stub', label: 'stub — built-in Gate simulator' }]}
                          onChange={(e) => update({ mode: e.currentTarget.value as EngineMode })} error={fieldErrors.mode} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {MODE_FIELDS[mode].map((field) => (SECRETS as readonly string[]).includes(field) ? (
                <SecretField key={field} name={field as typeof SECRETS[number]} label={LABELS[field]}
                             configured={!!current.config[`${field}_configured` as keyof EngineConfig]}
                             edit={draft.secrets[field as typeof SECRETS[number]]} error={fieldErrors[field]}
                             onChange={(edit) => secret(field as typeof SECRETS[number], edit)} />
              ) : (
                <TextInput key={field} label={LABELS[field]} value={String(draft.config[field as keyof EngineConfig] ?? '')}
                           error={fieldErrors[field]} description={warnings[field]} data-testid={`engine-${field}`}
                           onChange={(e) => update({ [field]: e.currentTarget.value } as Partial<EngineConfig>)} />
              ))}
            </SimpleGrid>
            {check.result && (
              <Alert color={check.result.status === 'VALID' ? 'green' : check.result.status === 'WARNING' ? 'yellow' : 'red'} variant="light"
                     data-testid="engine-check" data-status={check.result.status}
                     title={<Group gap="xs">Check <Badge>{check.result.status}</Badge></Group>}>
                <Text size="sm">{check.result.summary}</Text>
                {[...check.result.errors, ...check.result.warnings].map((p, i) => <Text key={i} size="sm">• <b>{p.field}</b>: {p.message}</Text>)}
              </Alert>
            )}
            {check.error !== null && <ProblemPanel error={check.error} title="Check failed" />}
            {save.error !== null && !reviewing && <ProblemPanel error={save.error} title="Save refused" />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDraft(null)}>Cancel</Button>
              <Button variant="light" onClick={() => void runCheck(proposal)} loading={check.loading} data-testid="engine-check-button">Check</Button>
              <Button onClick={() => { save.setError(null); setReviewing(true); void runCheck(proposal); }} data-testid="engine-review">Review changes</Button>
            </Group>
            <ReviewDialog opened={reviewing} onClose={() => setReviewing(false)} title="Save engine adapter" changes={shownChanges}
                          preview={preview} error={save.error} busy={save.busy} onSave={() => void submit(proposal)}
                          note={<Text size="sm" c="dimmed">The new settings apply at the next engine call, also for deployments in flight.</Text>} />
          </Stack>
        );
      }}
    </SettingCard>
  );
}

function EngineSummary({ config, label }: { config: EngineConfig; label: string }) {
  const mode = (config.mode ?? 'http') as EngineMode;
  return (
    <Stack gap={4} data-testid="engine-summary">
      <Text size="sm">{label}: mode <b data-testid="engine-summary-mode">{config.mode ?? 'not set'}</b>{config.gate_url ? <> · Gate <code>{config.gate_url}</code></> : null}</Text>
      <Group gap="xs">
        {SECRETS.filter((s) => MODE_FIELDS[mode].includes(s)).map((s) => (
          <Badge key={s} variant="light" color={config[`${s}_configured`] ? 'green' : 'gray'} data-testid={`engine-secret-${s}`}>
            {LABELS[s]}: {config[`${s}_configured`] ? 'configured' : 'not set'}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

function SecretField({ name, label, configured, edit, error, onChange }: {
  name: string; label: string; configured: boolean; edit: SecretEdit; error?: string; onChange: (edit: SecretEdit) => void;
}) {
  if (edit.action === 'replace') {
    return (
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <PasswordInput label={`${label} (new value)`} style={{ flex: 1 }} value={edit.value ?? ''} error={error} autoComplete="new-password"
                       onChange={(e) => onChange({ action: 'replace', value: e.currentTarget.value })} data-testid={`engine-${name}`} />
        <Button size="xs" variant="subtle" onClick={() => onChange({ action: 'keep' })}>Keep saved</Button>
      </Group>
    );
  }
  const state = edit.action === 'clear' ? 'will be cleared' : configured ? 'configured' : 'not set';
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>{label}</Text>
      <Group gap="xs">
        <Badge variant="light" color={edit.action === 'clear' ? 'orange' : configured ? 'green' : 'gray'} data-testid={`engine-${name}-state`}>{state}</Badge>
        <Button size="compact-xs" variant="light" onClick={() => onChange({ action: 'replace', value: '' })} data-testid={`engine-${name}-replace`}>Replace</Button>
        {configured && edit.action !== 'clear' && <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange({ action: 'clear' })}>Clear</Button>}
        {edit.action === 'clear' && <Button size="compact-xs" variant="subtle" onClick={() => onChange({ action: 'keep' })}>Keep saved</Button>}
      </Group>
      {error && <Text size="xs" c="red">{error}</Text>}
    </Stack>
  );
}
