import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { get, path } from '../../api/client';
import type { RecipeDetail } from '../../api/adminTypes';
import { useAdminWrite } from '../../api/useAdminWrite';
import { useGuardrailsPreview } from '../../api/useGuardrailsPreview';
import { useResource } from '../../api/useResource';
import { ProblemPanel } from '../../components/ProblemPanel';
import { ReviewDialog } from '../../components/ReviewDialog';
import { changes } from '../../lib/adminChanges';
import { previewFields, RECIPE_FIELDS, refusalFields } from '../../lib/adminFields';

const SUMMARY_LIMIT = 240;
const LABELS: Record<string, string> = {
  id: 'Id', name: 'Name', description: 'Description', effective_behavior_summary: 'Behaviour summary',
  spinnaker_application: 'Spinnaker application', deploy_pipeline: 'Deploy pipeline', rollback_pipeline: 'Rollback pipeline',
  status: 'Status',
};

interface RecipeBody {
  id: string;
  name: string;
  description: string | null;
  effective_behavior_summary: string;
  spinnaker_application: string | null;
  deploy_pipeline: string | null;
  rollback_pipeline: string | null;
  status: string;
}

/** The body of POST/PUT /v1/recipes from a recipe as GET shows it to an admin. */
export function recipeBody(recipe: Partial<RecipeDetail>): RecipeBody {
  const text = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);
  return {
    id: (recipe.id ?? '').trim(),
    name: recipe.name ?? '',
    description: text(recipe.description),
    effective_behavior_summary: recipe.effective_behavior_summary ?? '',
    spinnaker_application: text(recipe.spinnaker_application),
    deploy_pipeline: text(recipe.deploy_pipeline),
    rollback_pipeline: text(recipe.rollback_pipeline),
    status: recipe.status ?? 'active',
  };
}

/**
 * ui.md §5.7 recipe form: engine pickers from Spinnaker (free text while the engine cannot answer);
 * Review runs the guardrails preview with the recipe body and says which revision the save makes.
 */
export function RecipeForm({ existing, onDone }: { existing: RecipeDetail | null; onDone: (saved: boolean) => void }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Partial<RecipeDetail>>(() => existing ?? { status: 'active' });
  const [reason, setReason] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const preview = useGuardrailsPreview();
  const save = useAdminWrite();
  const applications = useResource<{ applications: { name: string }[] }>('spinnaker-applications',
    (signal) => get('/v1/spinnaker/applications', signal));
  const application = draft.spinnaker_application?.trim() ?? '';
  const pipelines = useResource<{ pipelines: { id: string; name: string }[] }>(application ? `pipelines:${application}` : null,
    (signal) => get(path('/v1/spinnaker/applications/{application}/pipelines', application), signal));

  const body = recipeBody(draft);
  const changed = changes(existing ? { ...recipeBody(existing) } : null, { ...body }, LABELS);
  const errors = { ...previewFields(preview.state.result?.messages), ...refusalFields(save.error, RECIPE_FIELDS) };
  const summaryLength = (draft.effective_behavior_summary ?? '').length;

  function update(next: Partial<RecipeDetail>) {
    setDraft((d) => ({ ...d, ...next }));
    preview.reset();
    save.setError(null);
  }

  async function submit() {
    const answer = await save.upsert<RecipeDetail>('/v1/recipes', existing?.id, { ...body, change_reason: reason.trim() });
    if (!answer) {
      return;
    }
    setReviewing(false);
    if (existing) {
      onDone(true);
    } else {
      navigate(`/admin/recipes/${encodeURIComponent(answer.data.id)}`);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="recipe-form">
      <Stack>
        <Title order={3}>{existing ? `Edit ${existing.name}` : 'New recipe'}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label="Id" required disabled={!!existing} value={draft.id ?? ''} error={errors.id}
                     onChange={(e) => update({ id: e.currentTarget.value })} data-testid="recipe-field-id" />
          <TextInput label="Name" required value={draft.name ?? ''} error={errors.name}
                     onChange={(e) => update({ name: e.currentTarget.value })} data-testid="recipe-field-name" />
        </SimpleGrid>
        <Textarea label="Behaviour summary" required autosize minRows={2} value={draft.effective_behavior_summary ?? ''}
                  description={`What a deployment with this recipe does, shown to engineers (${summaryLength}/${SUMMARY_LIMIT})`}
                  error={errors.effective_behavior_summary ?? (summaryLength > SUMMARY_LIMIT ? `At most ${SUMMARY_LIMIT} characters` : undefined)}
                  onChange={(e) => update({ effective_behavior_summary: e.currentTarget.value })} data-testid="recipe-field-summary" />
        <Textarea label="Description" autosize minRows={1} value={draft.description ?? ''}
                  onChange={(e) => update({ description: e.currentTarget.value })} />
        {applications.error && (
          <Alert color="yellow" variant="light" data-testid="engine-pickers-unavailable">
            The engine cannot list its applications now ({applications.error.message}); type the names.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput label="Spinnaker application" list="dxcp-applications" value={draft.spinnaker_application ?? ''}
                     error={errors.spinnaker_application} onChange={(e) => update({ spinnaker_application: e.currentTarget.value })}
                     data-testid="recipe-field-application" />
          <TextInput label="Deploy pipeline" list="dxcp-pipelines" value={draft.deploy_pipeline ?? ''} error={errors.deploy_pipeline}
                     onChange={(e) => update({ deploy_pipeline: e.currentTarget.value })} data-testid="recipe-field-deploy" />
          <TextInput label="Rollback pipeline" list="dxcp-pipelines" value={draft.rollback_pipeline ?? ''} error={errors.rollback_pipeline}
                     onChange={(e) => update({ rollback_pipeline: e.currentTarget.value })} data-testid="recipe-field-rollback" />
        </SimpleGrid>
        <datalist id="dxcp-applications">
          {(applications.data?.applications ?? []).map((a) => <option key={a.name} value={a.name} />)}
        </datalist>
        <datalist id="dxcp-pipelines">
          {(pipelines.data?.pipelines ?? []).map((p) => <option key={p.id} value={p.name} />)}
        </datalist>
        <NativeSelect label="Status" w={200} value={draft.status ?? 'active'} error={errors.status}
                      data={['active', 'deprecated']} onChange={(e) => update({ status: e.currentTarget.value as 'active' | 'deprecated' })} />
        {save.error !== null && !reviewing && <ProblemPanel error={save.error} title="Save refused" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => (existing ? onDone(false) : navigate('/admin/recipes'))}>Cancel</Button>
          <Button onClick={() => { setReviewing(true); void preview.run(body); }} data-testid="recipe-review">Review changes</Button>
        </Group>
      </Stack>
      <ReviewDialog opened={reviewing} onClose={() => setReviewing(false)}
                    title={existing ? `Save recipe ${existing.name}` : 'Create recipe'} changes={changed} preview={preview.state}
                    reason={{ value: reason, onChange: setReason }} error={save.error} busy={save.busy}
                    onSave={() => void submit()} saveLabel={existing ? 'Save' : 'Create'}
                    note={(
                      <Text size="sm" c="dimmed" data-testid="recipe-revision-note">
                        {existing
                          ? `Becomes revision ${existing.recipe_revision + 1}; past deployments keep theirs.`
                          : 'Starts at revision 1.'}
                      </Text>
                    )} />
    </Paper>
  );
}
