import {
  Badge, Button, Checkbox, Group, Paper, ScrollArea, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import * as data from '../../api/data';
import type { DeliveryGroupDetail } from '../../api/adminTypes';
import type { DeliveryGroup, Environment, Recipe, ServiceEntry } from '../../api/types';
import { useAdminWrite } from '../../api/useAdminWrite';
import { useGuardrailsPreview } from '../../api/useGuardrailsPreview';
import { useResource } from '../../api/useResource';
import { ProblemPanel } from '../../components/ProblemPanel';
import { ReviewDialog } from '../../components/ReviewDialog';
import { changes } from '../../lib/adminChanges';
import { GROUP_FIELDS, previewFields, refusalFields } from '../../lib/adminFields';
import { ownersOf } from '../../lib/ownership';

const GUARDRAILS = [
  ['max_concurrent_deployments', 'Deployments running at once'],
  ['daily_deploy_quota', 'Deploys a day per environment'],
  ['daily_rollback_quota', 'Rollbacks a day per environment'],
] as const;
type GuardrailKey = typeof GUARDRAILS[number][0];

const LABELS: Record<string, string> = {
  id: 'Id', name: 'Name', description: 'Description', owner: 'Owners', services: 'Services',
  allowed_recipes: 'Allowed recipes', allowed_environments: 'Allowed environments',
  max_concurrent_deployments: 'Deployments running at once', daily_deploy_quota: 'Deploys a day',
  daily_rollback_quota: 'Rollbacks a day',
};

interface Draft {
  id: string;
  name: string;
  description: string;
  owners: string[];
  services: string[];
  recipes: string[];
  /** null: any environment (the group's bindings decide); only offered while the stored value is null. */
  environments: string[] | null;
  guardrails: Record<GuardrailKey, string>;
}

function draftOf(group: DeliveryGroupDetail | null): Draft {
  return {
    id: group?.id ?? '',
    name: group?.name ?? '',
    description: group?.description ?? '',
    owners: ownersOf(group),
    services: group?.services ?? [],
    recipes: group?.allowed_recipes ?? [],
    environments: group ? group.allowed_environments : null,
    guardrails: {
      max_concurrent_deployments: String(group?.guardrails?.max_concurrent_deployments ?? ''),
      daily_deploy_quota: String(group?.guardrails?.daily_deploy_quota ?? ''),
      daily_rollback_quota: String(group?.guardrails?.daily_rollback_quota ?? ''),
    },
  };
}

/** Blank means the default (null); anything else goes to the server as typed, which decides (INVALID_GUARDRAIL). */
function guardrailValue(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function bodyOf(draft: Draft) {
  return {
    id: draft.id.trim(),
    name: draft.name,
    description: draft.description.trim() || null,
    owner: draft.owners.length ? draft.owners.join(', ') : null,
    services: draft.services,
    allowed_recipes: draft.recipes,
    allowed_environments: draft.environments,
    guardrails: Object.fromEntries(GUARDRAILS.map(([key]) => [key, guardrailValue(draft.guardrails[key])])),
  };
}

function flat(body: ReturnType<typeof bodyOf>): Record<string, unknown> {
  const { guardrails, ...rest } = body;
  return { ...rest, ...guardrails };
}

interface Props {
  existing: DeliveryGroupDetail | null;
  onDone: (saved: boolean) => void;
}

/**
 * ui.md §5.7 delivery group form: Review sends the body to the guardrails preview (ERROR blocks Save,
 * WARNING needs the tick), Save is POST (create) or PUT with the change reason; a refusal marks its field.
 */
export function GroupForm({ existing, onDone }: Props) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const [reason, setReason] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [serviceFilter, setServiceFilter] = useState('');
  const preview = useGuardrailsPreview();
  const save = useAdminWrite();
  const services = useResource<ServiceEntry[]>('services', data.services);
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups);
  const recipes = useResource<Recipe[]>('recipes', data.recipes);
  const envs = useResource<Environment[]>('environments', data.environments);

  const otherGroupOf = useMemo(() => {
    const owners = new Map<string, string>();
    (groups.data ?? []).filter((g) => g.id !== existing?.id).forEach((g) => g.services.forEach((s) => owners.set(s, g.name)));
    return owners;
  }, [groups.data, existing?.id]);
  const body = bodyOf(draft);
  const before = existing ? flat(bodyOf(draftOf(existing))) : null;
  const changed = changes(before, flat(body), LABELS);
  const errors = { ...previewFields(preview.state.result?.messages), ...refusalFields(save.error, GROUP_FIELDS) };
  const guardrailError = errors.guardrails;

  function update(next: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...next }));
    preview.reset();
    save.setError(null);
  }

  function review() {
    setReviewing(true);
    void preview.run(body);
  }

  async function submit() {
    const answer = await save.upsert<DeliveryGroupDetail>('/v1/delivery-groups', existing?.id, { ...body, change_reason: reason.trim() });
    if (!answer) {
      return;
    }
    setReviewing(false);
    if (existing) {
      onDone(true);
    } else {
      navigate(`/admin/groups/${encodeURIComponent(answer.data.id)}`);
    }
  }

  const shownServices = (services.data ?? []).filter((s) => s.service_name.includes(serviceFilter.trim()));
  return (
    <Paper withBorder p="md" radius="md" data-testid="group-form">
      <Stack>
        <Title order={3}>{existing ? `Edit ${existing.name}` : 'New delivery group'}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label="Id" required disabled={!!existing} value={draft.id} error={errors.id}
                     description={existing ? 'An id cannot change' : 'Lower-case letters, digits and dashes'}
                     onChange={(e) => update({ id: e.currentTarget.value })} data-testid="group-field-id" />
          <TextInput label="Name" required value={draft.name} error={errors.name}
                     onChange={(e) => update({ name: e.currentTarget.value })} data-testid="group-field-name" />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={1} value={draft.description}
                  onChange={(e) => update({ description: e.currentTarget.value })} />
        <TagsInput label="Owners" description="Emails of the delivery owners; press Enter after each" value={draft.owners}
                   error={errors.owner} onChange={(owners) => update({ owners })} data-testid="group-field-owner" />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {GUARDRAILS.map(([key, label]) => (
            <TextInput key={key} label={label} inputMode="numeric" placeholder="default" value={draft.guardrails[key]}
                       description="Positive integer; blank = default" error={errors[key] ?? (guardrailError ? ' ' : undefined)}
                       onChange={(e) => update({ guardrails: { ...draft.guardrails, [key]: e.currentTarget.value } })}
                       data-testid={`group-field-${key}`} />
          ))}
        </SimpleGrid>
        {guardrailError && <Text size="xs" c="red" data-testid="group-field-guardrails-error">{guardrailError}</Text>}
        <Checkbox.Group label="Services" description="A service belongs to one group; services of another group are marked"
                        value={draft.services} error={errors.services} data-testid="group-field-services"
                        onChange={(value) => update({ services: value })}>
          <TextInput size="xs" mt={6} placeholder="Filter services" value={serviceFilter} w={260}
                     onChange={(e) => setServiceFilter(e.currentTarget.value)} />
          <ScrollArea.Autosize mah={220} mt={6} type="auto">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={6}>
              {shownServices.map((s) => (
                <Checkbox key={s.service_name} value={s.service_name} data-testid={`service-option-${s.service_name}`}
                          label={<Group gap={4} wrap="nowrap">{s.service_name}
                            {otherGroupOf.has(s.service_name) && <Badge size="xs" color="orange" variant="light">in {otherGroupOf.get(s.service_name)}</Badge>}
                          </Group>} />
              ))}
            </SimpleGrid>
          </ScrollArea.Autosize>
        </Checkbox.Group>
        <Checkbox.Group label="Allowed recipes" value={draft.recipes} error={errors.allowed_recipes}
                        onChange={(value) => update({ recipes: value })} data-testid="group-field-allowed_recipes">
          <Group mt={6}>
            {(recipes.data ?? []).map((r) => (
              <Checkbox key={r.id} value={r.id} data-testid={`recipe-option-${r.id}`}
                        label={<>{r.name}{r.status === 'deprecated' && <Badge size="xs" color="gray" ml={4}>deprecated</Badge>}</>} />
            ))}
          </Group>
        </Checkbox.Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>Allowed environments</Text>
          {existing?.allowed_environments === null || !existing ? (
            <Checkbox label="Any environment (the group's environment bindings decide)" checked={draft.environments === null}
                      onChange={(e) => update({ environments: e.currentTarget.checked ? null : [] })} data-testid="group-any-environment" />
          ) : null}
          <Checkbox.Group value={draft.environments ?? []} error={errors.allowed_environments}
                          onChange={(value) => update({ environments: value })}>
            <Group mt={2}>
              {(envs.data ?? []).map((env) => (
                <Checkbox key={env.id} value={env.id} disabled={draft.environments === null} label={env.display_name || env.id}
                          data-testid={`environment-option-${env.id}`} />
              ))}
            </Group>
          </Checkbox.Group>
        </Stack>
        {save.error !== null && !reviewing && <ProblemPanel error={save.error} title="Save refused" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => (existing ? onDone(false) : navigate('/admin/groups'))}>Cancel</Button>
          <Button onClick={review} data-testid="group-review">Review changes</Button>
        </Group>
      </Stack>
      <ReviewDialog opened={reviewing} onClose={() => setReviewing(false)}
                    title={existing ? `Save delivery group ${existing.name}` : 'Create delivery group'}
                    changes={changed} preview={preview.state} reason={{ value: reason, onChange: setReason }}
                    error={save.error} busy={save.busy} onSave={() => void submit()}
                    saveLabel={existing ? 'Save' : 'Create'} />
    </Paper>
  );
}
