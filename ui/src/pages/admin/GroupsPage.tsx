import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get, path } from '../../api/client';
import * as data from '../../api/data';
import type { DeliveryGroupDetail } from '../../api/adminTypes';
import type { DeliveryGroup } from '../../api/types';
import { useResource } from '../../api/useResource';
import { FieldRow } from '../../components/FieldRow';
import { Panel } from '../../components/Panel';
import { Time } from '../../components/Time';
import { ownersOf } from '../../lib/ownership';
import { GroupBindings } from './GroupBindings';
import { GroupForm } from './GroupForm';

/** ui.md §5.7 Delivery groups: the list from GET /v1/delivery-groups. */
export function GroupList() {
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups);
  return (
    <Panel title="Delivery groups" resource={groups} testId="group-list"
           actions={<Button component={Link} to="/admin/groups/new" size="xs" data-testid="group-new">New delivery group</Button>}>
      {(list) => list.length === 0 ? <Text size="sm" c="dimmed">No delivery groups yet; create one to let services deploy.</Text> : (
        <Table fz="sm" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th><Table.Th>Services</Table.Th><Table.Th>Owners</Table.Th>
              <Table.Th>Guardrails (running · deploys/day · rollbacks/day)</Table.Th><Table.Th>Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((group) => (
              <Table.Tr key={group.id} data-testid={`group-row-${group.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/groups/${encodeURIComponent(group.id)}`} fw={600}>{group.name}</Anchor>
                  <Text size="xs" c="dimmed">{group.id}</Text>
                </Table.Td>
                <Table.Td>{group.services.length}</Table.Td>
                <Table.Td>{ownersOf(group).join(', ') || <Text span c="dimmed">none</Text>}</Table.Td>
                <Table.Td data-testid={`group-guardrails-${group.id}`}>{guardrailsText(group)}</Table.Td>
                <Table.Td><Time iso={group.updated_at} relative /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}

function guardrailsText(group: DeliveryGroup): string {
  const rails = group.guardrails;
  if (!rails) {
    return 'defaults';
  }
  return `${rails.max_concurrent_deployments ?? 'default'} · ${rails.daily_deploy_quota ?? 'default'} · ${rails.daily_rollback_quota ?? 'default'}`;
}

/** One group: read-only until Edit; its environment bindings below. `/admin/groups/new` creates one. */
export function GroupPage() {
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const group = useResource<DeliveryGroupDetail>(id === 'new' ? null : `group:${id}`,
    (signal) => get(path('/v1/delivery-groups/{id}', id), signal));
  if (id === 'new') {
    return <GroupForm existing={null} onDone={() => undefined} />;
  }
  if (editing && group.data) {
    return <GroupForm existing={group.data} onDone={(saved) => { setEditing(false); if (saved) { group.reload(); } }} />;
  }
  return (
    <Stack>
      <Panel resource={group} testId="group-detail"
             title={<Title order={3}>{group.data?.name ?? id}</Title>}
             actions={<Button size="xs" onClick={() => setEditing(true)} disabled={!group.data} data-testid="group-edit">Edit</Button>}>
        {(g) => (
          <Stack gap={6}>
            <FieldRow label="Id">{g.id}</FieldRow>
            <FieldRow label="Description">{g.description || <Text span c="dimmed">none</Text>}</FieldRow>
            <FieldRow label="Owners" testId="group-owners">{ownersOf(g).join(', ') || <Text span c="dimmed">none</Text>}</FieldRow>
            <FieldRow label="Services">{g.services.length ? g.services.join(', ') : <Text span c="dimmed">none</Text>}</FieldRow>
            <FieldRow label="Allowed recipes">{g.allowed_recipes.join(', ') || <Text span c="dimmed">none</Text>}</FieldRow>
            <FieldRow label="Allowed environments">
              {g.allowed_environments === null ? <Text span c="dimmed">any (bindings decide)</Text> : g.allowed_environments.join(', ') || 'none'}
            </FieldRow>
            <FieldRow label="Guardrails" testId="group-guardrails">
              <Group gap="xs">
                <Badge variant="light">{g.guardrails?.max_concurrent_deployments ?? 'default'} running at once</Badge>
                <Badge variant="light">{g.guardrails?.daily_deploy_quota ?? 'default'} deploys a day</Badge>
                <Badge variant="light">{g.guardrails?.daily_rollback_quota ?? 'default'} rollbacks a day</Badge>
              </Group>
            </FieldRow>
            <FieldRow label="Last change reason" testId="group-reason">{g.last_change_reason || <Text span c="dimmed">none</Text>}</FieldRow>
            <FieldRow label="Updated"><Time iso={g.updated_at} /> {g.updated_by ? `by ${g.updated_by}` : ''}</FieldRow>
          </Stack>
        )}
      </Panel>
      {group.data && <GroupBindings groupId={group.data.id} />}
      <Paper p={0}>
        <Anchor component={Link} to="/admin/groups" size="sm">All delivery groups</Anchor>
      </Paper>
    </Stack>
  );
}
