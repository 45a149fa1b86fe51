import { Anchor, Badge, Button, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, get, path } from '../../api/client';
import * as data from '../../api/data';
import type { RecipeDetail } from '../../api/adminTypes';
import type { DeliveryGroup } from '../../api/types';
import { useAdminWrite } from '../../api/useAdminWrite';
import { useResource } from '../../api/useResource';
import { useApp } from '../../AppContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FieldRow } from '../../components/FieldRow';
import { Panel } from '../../components/Panel';
import { Time } from '../../components/Time';
import { KILL_SWITCH_REASON } from '../../shell/Banners';
import { RecipeForm, recipeBody } from './RecipeForm';

function usedBy(groups: DeliveryGroup[] | undefined, recipeId: string): DeliveryGroup[] {
  return (groups ?? []).filter((g) => g.allowed_recipes.includes(recipeId));
}

function StatusBadge({ status }: { status: string }) {
  return <Badge color={status === 'active' ? 'green' : 'gray'} variant="light" data-testid="recipe-status">{status}</Badge>;
}

/** ui.md §5.7 Recipes: GET /v1/recipes with the groups that allow each. */
export function RecipeList() {
  const recipes = useResource<RecipeDetail[]>('recipes', (signal) => get('/v1/recipes', signal));
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups);
  return (
    <Panel title="Recipes" resource={recipes} testId="recipe-list"
           actions={<Button component={Link} to="/admin/recipes/new" size="xs" data-testid="recipe-new">New recipe</Button>}>
      {(list) => list.length === 0 ? <Text size="sm" c="dimmed">No recipes yet; a recipe maps deployments to engine pipelines.</Text> : (
        <Table fz="sm" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Status</Table.Th><Table.Th>Revision</Table.Th><Table.Th>Engine pipeline</Table.Th><Table.Th>Used by groups</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((recipe) => (
              <Table.Tr key={recipe.id} data-testid={`recipe-row-${recipe.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/recipes/${encodeURIComponent(recipe.id)}`} fw={600}>{recipe.name}</Anchor>
                  <Text size="xs" c="dimmed">{recipe.id}</Text>
                </Table.Td>
                <Table.Td><StatusBadge status={recipe.status} /></Table.Td>
                <Table.Td>{recipe.recipe_revision}</Table.Td>
                <Table.Td>{recipe.spinnaker_application ? `${recipe.spinnaker_application} / ${recipe.deploy_pipeline ?? '—'}` : '—'}</Table.Td>
                <Table.Td>{usedBy(groups.data, recipe.id).map((g) => g.name).join(', ') || <Text span c="dimmed">none</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}

/** One recipe, read-only until Edit; Deprecate and Delete confirm first. `/admin/recipes/new` creates one. */
export function RecipePage() {
  const { id = '' } = useParams();
  const app = useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState<'deprecate' | 'delete' | null>(null);
  const [reason, setReason] = useState('');
  const write = useAdminWrite();
  const recipe = useResource<RecipeDetail>(id === 'new' ? null : `recipe:${id}`, (signal) => get(path('/v1/recipes/{id}', id), signal));
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups);
  const paused = app.settings.mutations_disabled;

  if (id === 'new') {
    return <RecipeForm existing={null} onDone={() => undefined} />;
  }
  if (editing && recipe.data) {
    return <RecipeForm existing={recipe.data} onDone={(saved) => { setEditing(false); if (saved) { recipe.reload(); } }} />;
  }

  async function confirm() {
    const current = recipe.data as RecipeDetail;
    if (action === 'deprecate') {
      const answer = await write.run('PUT', path('/v1/recipes/{id}', current.id),
        { ...recipeBody(current), status: 'deprecated', change_reason: reason.trim() });
      if (answer) {
        setAction(null);
        recipe.reload();
      }
    } else if (action === 'delete') {
      const answer = await write.run('DELETE', path('/v1/admin/recipes/{id}', current.id));
      if (answer) {
        navigate('/admin/recipes');
      }
    }
  }

  const inUse = write.error instanceof ApiError && write.error.code === 'RECIPE_IN_USE' ? write.error : null;
  const references = (inUse?.details?.references ?? []) as Record<string, string>[];
  return (
    <Stack>
      <Panel resource={recipe} testId="recipe-detail" title={<Title order={3}>{recipe.data?.name ?? id}</Title>}
             actions={(
               <Group gap="xs">
                 <Button size="xs" onClick={() => setEditing(true)} disabled={!recipe.data} data-testid="recipe-edit">Edit</Button>
                 {recipe.data?.status === 'active' && (
                   <Button size="xs" variant="light" color="gray" onClick={() => { write.setError(null); setReason(''); setAction('deprecate'); }}
                           data-testid="recipe-deprecate">Deprecate</Button>
                 )}
                 <Button size="xs" variant="light" color="red" onClick={() => { write.setError(null); setAction('delete'); }}
                         disabled={!recipe.data} data-testid="recipe-delete">Delete</Button>
               </Group>
             )}>
        {(r) => (
          <Stack gap={6}>
            <FieldRow label="Id">{r.id}</FieldRow>
            <FieldRow label="Status"><StatusBadge status={r.status} /></FieldRow>
            <FieldRow label="Revision" testId="recipe-revision">{r.recipe_revision}</FieldRow>
            <FieldRow label="Behaviour">{r.effective_behavior_summary}</FieldRow>
            <FieldRow label="Description">{r.description || <Text span c="dimmed">none</Text>}</FieldRow>
            <FieldRow label="Spinnaker application">{r.spinnaker_application || '—'}</FieldRow>
            <FieldRow label="Deploy pipeline">{r.deploy_pipeline || '—'}</FieldRow>
            <FieldRow label="Rollback pipeline">{r.rollback_pipeline || <Text span c="dimmed">none (rollbacks use the deploy pipeline)</Text>}</FieldRow>
            <FieldRow label="Used by groups">{usedBy(groups.data, r.id).map((g) => g.name).join(', ') || <Text span c="dimmed">none</Text>}</FieldRow>
            <FieldRow label="Last change reason">{r.last_change_reason || <Text span c="dimmed">none</Text>}</FieldRow>
            <FieldRow label="Updated"><Time iso={r.updated_at} /> {r.updated_by ? `by ${r.updated_by}` : ''}</FieldRow>
          </Stack>
        )}
      </Panel>
      <Anchor component={Link} to="/admin/recipes" size="sm">All recipes</Anchor>
      <ConfirmDialog opened={action !== null} onClose={() => setAction(null)} busy={write.busy} error={write.error}
                     title={action === 'delete' ? `Delete recipe ${id}` : `Deprecate recipe ${id}`}
                     confirmLabel={action === 'delete' ? 'Delete' : 'Deprecate'} color={action === 'delete' ? 'red' : 'gray'}
                     blocked={paused ? KILL_SWITCH_REASON : action === 'deprecate' && !reason.trim() ? 'A change reason is needed' : null}
                     onConfirm={() => void confirm()}
                     afterError={inUse && (
                       <Stack gap={4} data-testid="recipe-in-use">
                         <Text size="sm">Still referenced ({String(inUse.details?.reference_type ?? '')}, {String(inUse.details?.reference_count ?? references.length)}):</Text>
                         <List size="sm">
                           {references.map((ref, index) => <List.Item key={index}>{Object.values(ref).join(' / ')}</List.Item>)}
                         </List>
                         <Text size="sm">Deprecate it instead: existing routes keep working and no new deployment can choose it.</Text>
                         <Group>
                           <Button size="xs" variant="light" onClick={() => { write.setError(null); setReason(''); setAction('deprecate'); }}
                                   data-testid="recipe-deprecate-instead">Deprecate instead</Button>
                         </Group>
                       </Stack>
                     )}>
        {action === 'delete' ? (
          <Text size="sm">The recipe is removed. Deployment history keeps its name and revision. A recipe still routed or allowed by a group cannot be deleted.</Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm">New deployments can no longer choose it; past deployments keep their revision.</Text>
            <Textarea label="Change reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="recipe-deprecate-reason" />
          </Stack>
        )}
      </ConfirmDialog>
    </Stack>
  );
}
