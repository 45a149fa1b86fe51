import { Badge, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError, get, path } from '../../api/client';
import type { Environment } from '../../api/types';
import { useAdminWrite } from '../../api/useAdminWrite';
import { useResource } from '../../api/useResource';
import { useApp } from '../../AppContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import { ProblemPanel } from '../../components/ProblemPanel';
import { ReviewDialog } from '../../components/ReviewDialog';
import { changes } from '../../lib/adminChanges';
import { ENVIRONMENT_FIELDS, refusalFields } from '../../lib/adminFields';
import { KILL_SWITCH_REASON } from '../../shell/Banners';

/** api-contract §10: environment ids. */
const ENVIRONMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LABELS = { environment_id: 'Id', display_name: 'Display name', type: 'Type', lifecycle_state: 'Lifecycle' };
const LIFECYCLE_COLORS: Record<string, string> = { active: 'green', disabled: 'yellow', retired: 'gray' };

interface Draft {
  environment_id: string;
  display_name: string;
  type: 'prod' | 'non_prod';
  lifecycle_state: 'active' | 'disabled';
}

/**
 * ui.md §5.7 Environments: GET /v1/environments (all, for an admin); create, edit and enable/disable
 * with PATCH; retire and delete after a confirmation. A delete refused because the environment is
 * referenced lists the references and offers to retire it instead.
 */
export function EnvironmentsPage() {
  const app = useApp();
  const envs = useResource<Environment[]>('environments', (signal) => get('/v1/environments', signal));
  const [form, setForm] = useState<{ existing: Environment | null } | null>(null);
  const [pending, setPending] = useState<{ env: Environment; action: 'retire' | 'delete' } | null>(null);
  const write = useAdminWrite();
  const toggle = useAdminWrite();
  const paused = app.settings.mutations_disabled;

  async function confirm() {
    if (!pending) {
      return;
    }
    const answer = pending.action === 'delete'
      ? await write.run('DELETE', path('/v1/environments/{environment_id}', pending.env.id))
      : await write.run('PATCH', path('/v1/environments/{environment_id}', pending.env.id), { lifecycle_state: 'retired' });
    if (answer) {
      setPending(null);
      envs.reload();
    }
  }

  async function setEnabled(env: Environment, enabled: boolean) {
    if (await toggle.run('PATCH', path('/v1/environments/{environment_id}', env.id), { is_enabled: enabled })) {
      envs.reload();
    }
  }

  const blockedDelete = write.error instanceof ApiError && write.error.code === 'ENVIRONMENT_DELETE_BLOCKED_REFERENCED' ? write.error : null;
  const references = (blockedDelete?.details?.references ?? []) as { reference_type: string; count: number; examples?: unknown[]; message?: string }[];
  return (
    <Stack>
      <Panel title="Environments" resource={envs} testId="environment-list"
             actions={<Button size="xs" onClick={() => setForm({ existing: null })} data-testid="environment-new">New environment</Button>}>
        {(list) => list.length === 0 ? <Text size="sm" c="dimmed">No environments yet.</Text> : (
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr><Table.Th>Environment</Table.Th><Table.Th>Type</Table.Th><Table.Th>Lifecycle</Table.Th><Table.Th>Order</Table.Th><Table.Th>Enabled</Table.Th><Table.Th /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((env) => (
                <Table.Tr key={env.id} data-testid={`environment-row-${env.id}`}>
                  <Table.Td><Text fw={600} size="sm">{env.display_name}</Text><Text size="xs" c="dimmed">{env.id}</Text></Table.Td>
                  <Table.Td>{env.type === 'prod' ? <Badge color="red" variant="light">prod</Badge> : <Badge color="gray" variant="light">non_prod</Badge>}</Table.Td>
                  <Table.Td><Badge color={LIFECYCLE_COLORS[env.lifecycle_state] ?? 'gray'} variant="light" data-testid="environment-lifecycle">{env.lifecycle_state}</Badge></Table.Td>
                  <Table.Td>{env.promotion_order ?? '—'}</Table.Td>
                  <Table.Td>
                    <Switch checked={env.lifecycle_state === 'active'} disabled={paused || toggle.busy || env.lifecycle_state === 'retired'}
                            title={paused ? KILL_SWITCH_REASON : undefined} data-testid={`environment-enabled-${env.id}`}
                            onChange={(e) => void setEnabled(env, e.currentTarget.checked)} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setForm({ existing: env })} data-testid={`environment-edit-${env.id}`}>Edit</Button>
                      {env.lifecycle_state !== 'retired' && (
                        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => { write.setError(null); setPending({ env, action: 'retire' }); }}>Retire</Button>
                      )}
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => { write.setError(null); setPending({ env, action: 'delete' }); }}
                              data-testid={`environment-delete-${env.id}`}>Delete</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Panel>
      {toggle.error !== null && <ProblemPanel error={toggle.error} refusal={{ action: 'Environment change' }} />}
      {form && <EnvironmentForm key={form.existing?.id ?? 'new'} existing={form.existing}
                                onDone={(saved) => { setForm(null); if (saved) { envs.reload(); } }} />}
      <ConfirmDialog opened={pending !== null} onClose={() => setPending(null)} busy={write.busy} error={write.error}
                     title={pending?.action === 'delete' ? `Delete environment ${pending?.env.id}` : `Retire environment ${pending?.env.id}`}
                     confirmLabel={pending?.action === 'delete' ? 'Delete' : 'Retire'} color={pending?.action === 'delete' ? 'red' : 'gray'}
                     blocked={paused ? KILL_SWITCH_REASON : null} onConfirm={() => void confirm()}
                     afterError={blockedDelete && (
                       <Stack gap={4} data-testid="environment-references">
                         <List size="sm">
                           {references.map((ref) => (
                             <List.Item key={ref.reference_type}>
                               {ref.message ?? ref.reference_type} ({ref.count}){ref.examples?.length ? `: ${ref.examples.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join(', ')}` : ''}
                             </List.Item>
                           ))}
                         </List>
                         <Group>
                           <Button size="xs" variant="light" data-testid="environment-retire-instead"
                                   onClick={() => { if (pending) { write.setError(null); setPending({ env: pending.env, action: 'retire' }); } }}>
                             Retire instead
                           </Button>
                         </Group>
                       </Stack>
                     )}>
        {pending?.action === 'delete'
          ? <Text size="sm">The environment is removed. An environment that deployments, routes or groups refer to cannot be deleted; retire it instead.</Text>
          : <Text size="sm">A retired environment takes no new deployments and cannot be enabled again; its history stays.</Text>}
      </ConfirmDialog>
    </Stack>
  );
}

function EnvironmentForm({ existing, onDone }: { existing: Environment | null; onDone: (saved: boolean) => void }) {
  const original: Draft | null = existing ? {
    environment_id: existing.id, display_name: existing.display_name, type: existing.type,
    lifecycle_state: existing.lifecycle_state === 'disabled' ? 'disabled' : 'active',
  } : null;
  const [draft, setDraft] = useState<Draft>(original ?? { environment_id: '', display_name: '', type: 'non_prod', lifecycle_state: 'active' });
  const [reviewing, setReviewing] = useState(false);
  const save = useAdminWrite();
  const errors = refusalFields(save.error, ENVIRONMENT_FIELDS);
  const idProblem = !existing && draft.environment_id && !ENVIRONMENT_ID.test(draft.environment_id)
    ? 'Lower-case letters and digits, words joined by single dashes' : undefined;
  const changed = changes(original ? { ...original, lifecycle_state: existing?.lifecycle_state } : null,
    existing ? { ...draft, lifecycle_state: existing.lifecycle_state } : { ...draft }, LABELS);

  function update(next: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...next }));
    save.setError(null);
  }

  async function submit() {
    const answer = existing
      ? await save.run('PATCH', path('/v1/environments/{environment_id}', existing.id), { display_name: draft.display_name, type: draft.type })
      : await save.run('POST', '/v1/environments', { ...draft, display_name: draft.display_name || draft.environment_id });
    if (answer) {
      setReviewing(false);
      onDone(true);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="environment-form">
      <Stack>
        <Title order={4}>{existing ? `Edit ${existing.id}` : 'New environment'}</Title>
        <SimpleGrid cols={{ base: 1, md: existing ? 2 : 4 }}>
          {!existing && (
            <TextInput label="Id" required value={draft.environment_id} error={errors.environment_id ?? idProblem}
                       onChange={(e) => update({ environment_id: e.currentTarget.value })} data-testid="environment-field-id" />
          )}
          <TextInput label="Display name" value={draft.display_name} placeholder={draft.environment_id}
                     onChange={(e) => update({ display_name: e.currentTarget.value })} data-testid="environment-field-display" />
          <NativeSelect label="Type" value={draft.type} error={errors.type} data={['non_prod', 'prod']}
                        onChange={(e) => update({ type: e.currentTarget.value as Draft['type'] })} data-testid="environment-field-type" />
          {!existing && (
            <NativeSelect label="Lifecycle" value={draft.lifecycle_state} error={errors.lifecycle_state} data={['active', 'disabled']}
                          onChange={(e) => update({ lifecycle_state: e.currentTarget.value as Draft['lifecycle_state'] })} />
          )}
        </SimpleGrid>
        {save.error !== null && !reviewing && <ProblemPanel error={save.error} title="Save refused" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>Cancel</Button>
          <Button onClick={() => setReviewing(true)} disabled={!!idProblem || (!existing && !draft.environment_id)} data-testid="environment-review">Review changes</Button>
        </Group>
      </Stack>
      <ReviewDialog opened={reviewing} onClose={() => setReviewing(false)} title={existing ? `Save environment ${existing.id}` : 'Create environment'}
                    changes={changed} error={save.error} busy={save.busy} onSave={() => void submit()} saveLabel={existing ? 'Save' : 'Create'} />
    </Paper>
  );
}
