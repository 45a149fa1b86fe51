import { ActionIcon, Badge, Group, Switch, Table, Text, Tooltip } from '@mantine/core';
import { get, path } from '../../api/client';
import type { GroupBinding } from '../../api/adminTypes';
import { useAdminWrite } from '../../api/useAdminWrite';
import { useResource } from '../../api/useResource';
import { useApp } from '../../AppContext';
import { Panel } from '../../components/Panel';
import { ProblemPanel } from '../../components/ProblemPanel';
import { KILL_SWITCH_REASON } from '../../shell/Banners';

/**
 * ui.md §5.7: a group's environment bindings (GET /v1/admin/delivery-groups/{dg}/environments) with
 * enable/disable and reordering, each a PUT of that one binding; 409 ENVIRONMENT_RETIRED is explained.
 */
export function GroupBindings({ groupId }: { groupId: string }) {
  const app = useApp();
  const bindings = useResource<GroupBinding[]>(`bindings:${groupId}`,
    (signal) => get(path('/v1/admin/delivery-groups/{dg}/environments', groupId), signal));
  const write = useAdminWrite();
  const paused = app.settings.mutations_disabled;

  async function put(binding: GroupBinding, change: { is_enabled?: boolean; order_index?: number }) {
    const answer = await write.run('PUT', path('/v1/admin/delivery-groups/{dg}/environments/{environment_id}', groupId, binding.environment_id),
      { is_enabled: binding.is_enabled, order_index: binding.order_index, ...change });
    if (answer) {
      bindings.reload();
    }
    return answer !== null;
  }

  /** Swaps the order of two neighbours; equal indexes get distinct ones so the order is explicit. */
  async function move(list: GroupBinding[], index: number, by: -1 | 1) {
    const other = list[index + by];
    const current = list[index];
    const a = current.order_index;
    const b = other.order_index === a ? a + by : other.order_index;
    // A refused first half (kill switch, retired environment) leaves the neighbour alone.
    if (await put(current, { order_index: Math.max(0, b) })) {
      await put(other, { order_index: Math.max(0, a) });
    }
  }

  return (
    <Panel title="Environment bindings" resource={bindings} testId="group-bindings">
      {(list) => (
        <>
          {list.length === 0 ? <Text size="sm" c="dimmed">No environment is bound to this group; its allowed environments apply.</Text> : (
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr><Table.Th>Order</Table.Th><Table.Th>Environment</Table.Th><Table.Th>Type</Table.Th><Table.Th>Lifecycle</Table.Th><Table.Th>Enabled</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((binding, index) => (
                  <Table.Tr key={binding.environment_id} data-testid={`binding-${binding.environment_id}`}>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <Text size="sm" w={24}>{binding.order_index}</Text>
                        <Tooltip label={paused ? KILL_SWITCH_REASON : 'Earlier in the promotion path'}>
                          <ActionIcon size="sm" variant="subtle" disabled={paused || index === 0 || write.busy} aria-label="Move up"
                                      onClick={() => void move(list, index, -1)}>↑</ActionIcon>
                        </Tooltip>
                        <Tooltip label={paused ? KILL_SWITCH_REASON : 'Later in the promotion path'}>
                          <ActionIcon size="sm" variant="subtle" disabled={paused || index === list.length - 1 || write.busy} aria-label="Move down"
                                      onClick={() => void move(list, index, 1)}>↓</ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                    <Table.Td>{binding.display_name || binding.environment_id} <Text span size="xs" c="dimmed">{binding.environment_id}</Text></Table.Td>
                    <Table.Td>{binding.type === 'prod' ? <Badge color="red" variant="light" size="sm">prod</Badge> : binding.type}</Table.Td>
                    <Table.Td>{binding.lifecycle_state}</Table.Td>
                    <Table.Td>
                      <Switch checked={binding.is_enabled} disabled={paused || write.busy} data-testid={`binding-enabled-${binding.environment_id}`}
                              title={paused ? KILL_SWITCH_REASON : undefined}
                              onChange={(e) => void put(binding, { is_enabled: e.currentTarget.checked })} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {paused && <Text size="xs" c="red.8">{KILL_SWITCH_REASON}</Text>}
          {write.error !== null && <ProblemPanel error={write.error} refusal={{ action: 'Binding change' }} />}
        </>
      )}
    </Panel>
  );
}
