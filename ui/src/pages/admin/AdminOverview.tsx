import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { get } from '../../api/client';
import { useResource } from '../../api/useResource';
import { Panel } from '../../components/Panel';

interface Sanity { oidc_configured: boolean; spinnaker_configured: boolean; artifact_discovery_configured: boolean }
interface EngineStatus { status: 'UP' | 'DOWN'; error?: string }
interface AdminSettings {
  default_refresh_interval_seconds: number; min_refresh_interval_seconds: number; max_refresh_interval_seconds: number;
  mutations_disabled: boolean; daily_deploy_quota: number; daily_rollback_quota: number;
}
interface Projections {
  eventStoreHead: number;
  projections: { name: string; state: string; position: number; lag: number }[];
  sagas: { name: string; state: string; position: number; lag: number }[];
}

/** ui.md §5.7 Overview: configuration sanity, engine status, system defaults, projection health. */
export function AdminOverview() {
  const sanity = useResource<Sanity>('sanity', (s) => get('/v1/config/sanity', s));
  const engine = useResource<EngineStatus>('engine', (s) => get('/v1/spinnaker/status', s));
  const settings = useResource<AdminSettings>('admin-settings', (s) => get('/v1/settings/admin', s));
  const projections = useResource<Projections>('projections', (s) => get('/v1/admin/projections', s));
  const yes = (value: boolean) => <Badge color={value ? 'green' : 'gray'}>{value ? 'configured' : 'not configured'}</Badge>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Panel title="Configuration" resource={sanity} testId="admin-sanity">
        {(s) => (
          <Stack gap={6}>
            <Group justify="space-between"><Text size="sm">OIDC</Text>{yes(s.oidc_configured)}</Group>
            <Group justify="space-between"><Text size="sm">Delivery engine (Spinnaker Gate)</Text>{yes(s.spinnaker_configured)}</Group>
            <Group justify="space-between"><Text size="sm">Artifact store</Text>{yes(s.artifact_discovery_configured)}</Group>
          </Stack>
        )}
      </Panel>
      <Panel title="Delivery engine" resource={engine} testId="admin-engine">
        {(e) => (
          <Stack gap={4}>
            <Badge color={e.status === 'UP' ? 'green' : 'red'} size="lg">{e.status}</Badge>
            {e.error && <Text size="sm" c="red">{e.error}</Text>}
          </Stack>
        )}
      </Panel>
      <Panel title="System defaults" resource={settings} testId="admin-settings">
        {(s) => (
          <Stack gap={4}>
            <Text size="sm">Deploys a day per group and environment: {s.daily_deploy_quota}</Text>
            <Text size="sm">Rollbacks a day per group and environment: {s.daily_rollback_quota}</Text>
            <Text size="sm">Refresh interval: {s.default_refresh_interval_seconds} s (allowed {s.min_refresh_interval_seconds}–{s.max_refresh_interval_seconds} s)</Text>
            <Text size="sm">Kill switch: {s.mutations_disabled ? <Badge color="red">on</Badge> : 'off'}</Text>
          </Stack>
        )}
      </Panel>
      <Panel title="Read models" resource={projections} testId="admin-projections">
        {(p) => (
          <Paper>
            <Text size="xs" c="dimmed">Event store head {p.eventStoreHead}</Text>
            <Table fz="sm">
              <Table.Tbody>
                {[...p.projections, ...p.sagas].map((row) => (
                  <Table.Tr key={row.name}>
                    <Table.Td>{row.name}</Table.Td>
                    <Table.Td><Badge color={row.state === 'live' ? 'green' : row.state === 'failed' ? 'red' : 'yellow'}>{row.state}</Badge></Table.Td>
                    <Table.Td>{row.lag === 0 ? 'up to date' : `${row.lag} behind`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Panel>
    </SimpleGrid>
  );
}
