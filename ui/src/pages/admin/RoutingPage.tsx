import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { get, path } from '../../api/client';
import * as data from '../../api/data';
import type { ServiceRoute } from '../../api/adminTypes';
import type { Recipe, ServiceEntry } from '../../api/types';
import { useAdminWrite } from '../../api/useAdminWrite';
import { useResource } from '../../api/useResource';
import { useApp } from '../../AppContext';
import { Panel } from '../../components/Panel';
import { ProblemPanel } from '../../components/ProblemPanel';
import { ReviewDialog } from '../../components/ReviewDialog';
import { KILL_SWITCH_REASON } from '../../shell/Banners';

/**
 * ui.md §5.7 Routing: per service, the recipe each environment routes to (GET
 * /v1/admin/services/{service}/environments), changed with PUT …/environments/{environment_id} {"recipe_id"}.
 */
export function RoutingPage() {
  const { service = '' } = useParams();
  const navigate = useNavigate();
  const services = useResource<ServiceEntry[]>('services', data.services);
  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect label="Service" w={320} value={service} data-testid="routing-service"
                      data={[{ value: '', label: 'Choose a service' }, ...(services.data ?? []).map((s) => s.service_name)]}
                      onChange={(e) => navigate(`/admin/routing/${encodeURIComponent(e.currentTarget.value)}`)} />
        {service && <Anchor component={Link} to={`/services/${encodeURIComponent(service)}`} size="sm" mb={8}>Service page</Anchor>}
      </Group>
      {service ? <ServiceRoutes service={service} key={service} /> : <Text size="sm" c="dimmed">Choose a service to see which recipe each environment uses.</Text>}
    </Stack>
  );
}

function ServiceRoutes({ service }: { service: string }) {
  const app = useApp();
  const routes = useResource<ServiceRoute[]>(`routes:${service}`,
    (signal) => get(path('/v1/admin/services/{service}/environments', service), signal));
  const recipes = useResource<Recipe[]>('recipes', data.recipes);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [reviewing, setReviewing] = useState<ServiceRoute | null>(null);
  const save = useAdminWrite();
  const paused = app.settings.mutations_disabled;

  async function submit(route: ServiceRoute) {
    const answer = await save.run('PUT', path('/v1/admin/services/{service}/environments/{environment_id}', service, route.environment_id),
      { recipe_id: chosen[route.environment_id] });
    if (answer) {
      setReviewing(null);
      setChosen((c) => ({ ...c, [route.environment_id]: '' }));
      routes.reload();
    }
  }

  return (
    <Panel title={`Routing of ${service}`} resource={routes} testId="routing-table">
      {(rows) => (
        <>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr><Table.Th>Environment</Table.Th><Table.Th>Lifecycle</Table.Th><Table.Th>Routed recipe</Table.Th><Table.Th>Change to</Table.Th><Table.Th /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((route) => {
                const pick = chosen[route.environment_id] ?? '';
                return (
                  <Table.Tr key={route.environment_id} data-testid={`route-${route.environment_id}`}>
                    <Table.Td>{route.display_name || route.environment_id}{route.type === 'prod' && <Badge color="red" variant="light" size="xs" ml={4}>prod</Badge>}</Table.Td>
                    <Table.Td>{route.lifecycle_state}{route.is_enabled ? '' : ' (disabled)'}</Table.Td>
                    <Table.Td data-testid={`route-recipe-${route.environment_id}`}>{route.recipe_id ?? <Text span c="dimmed">none (deploys must name a recipe)</Text>}</Table.Td>
                    <Table.Td>
                      <NativeSelect size="xs" value={pick} data-testid={`route-pick-${route.environment_id}`}
                                    data={[{ value: '', label: '—' }, ...(recipes.data ?? []).map((r) => ({
                                      value: r.id, label: `${r.name}${r.status === 'deprecated' ? ' (deprecated)' : ''}`, disabled: r.id === route.recipe_id,
                                    }))]}
                                    onChange={(e) => { const value = e.currentTarget.value; setChosen((c) => ({ ...c, [route.environment_id]: value })); }} />
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" disabled={!pick || paused} title={paused ? KILL_SWITCH_REASON : undefined}
                              onClick={() => { save.setError(null); setReviewing(route); }} data-testid={`route-review-${route.environment_id}`}>Review</Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {paused && <Text size="xs" c="red.8">{KILL_SWITCH_REASON}</Text>}
          {save.error !== null && !reviewing && <ProblemPanel error={save.error} refusal={{ action: 'Route change' }} />}
          <ReviewDialog opened={reviewing !== null} onClose={() => setReviewing(null)} title={`Route ${service} in ${reviewing?.environment_id ?? ''}`}
                        changes={reviewing ? [{ field: `Recipe for ${reviewing.environment_id}`, before: reviewing.recipe_id ?? '—', after: chosen[reviewing.environment_id] ?? '' }] : []}
                        note={<Text size="sm" c="dimmed">Deployments that name no recipe use the routed one from now on; running deployments keep theirs.</Text>}
                        error={save.error} busy={save.busy} onSave={() => reviewing && void submit(reviewing)} />
        </>
      )}
    </Panel>
  );
}
