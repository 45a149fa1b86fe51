import { Anchor, Button, Group, NativeSelect, Paper, Stack, Switch, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { mayMutate, useApp } from '../AppContext';
import * as data from '../api/data';
import { useResource } from '../api/useResource';
import type { DeliveryGroup, DeploymentRecord, Environment, ServiceEntry } from '../api/types';
import { ProblemPanel } from '../components/ProblemPanel';
import { Time } from '../components/Time';
import { groupOfService, ownsGroup } from '../lib/ownership';
import { cellFor, environmentColumns, historyOrder, lastActivity } from '../lib/serviceMatrix';
import { withParam } from '../lib/searchParams';
import { Skeleton } from '@mantine/core';

/** ui.md §5.1: what runs where. */
export function ServiceListPage() {
  const app = useApp();
  const [params, setParams] = useSearchParams();
  const services = useResource<ServiceEntry[]>('services', data.services, app.refreshSeconds);
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups, app.refreshSeconds);
  const records = useResource<DeploymentRecord[]>('deployments', (s) => data.deployments({}, s), app.refreshSeconds);
  const envs = useResource<Environment[]>('environments', data.environments, app.refreshSeconds);

  const search = params.get('q') ?? '';
  const groupFilter = params.get('group') ?? '';
  const mine = params.get('mine') === '1';
  const ordered = useMemo(() => historyOrder(records.data ?? []), [records.data]);
  const columns = useMemo(() => environmentColumns(envs.data, ordered), [envs.data, ordered]);

  function setParam(name: string, value: string | null) {
    setParams(withParam(params, name, value), { replace: true });
  }

  function refresh() {
    services.reload();
    groups.reload();
    records.reload();
    envs.reload();
  }

  const rows = (services.data ?? []).filter((service) => {
    const group = groupOfService(groups.data, service.service_name);
    return (!search || service.service_name.toLowerCase().includes(search.toLowerCase()))
      && (!groupFilter || group?.id === groupFilter)
      && (!mine || ownsGroup(app.email, group));
  });
  const loading = services.data === undefined && services.loading;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Services</Title>
        <Button variant="default" size="xs" onClick={refresh} data-testid="refresh">Refresh</Button>
      </Group>
      <Group>
        <TextInput placeholder="Search services" value={search} aria-label="Search services"
                   onChange={(event) => setParam('q', event.currentTarget.value)} w={260} />
        <NativeSelect aria-label="Delivery group" value={groupFilter}
                      data={[{ value: '', label: 'All delivery groups' },
                        ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
                      onChange={(event) => setParam('group', event.currentTarget.value)} w={240} />
        {app.role === 'DELIVERY_OWNER' && (
          <Switch label="My groups" checked={mine} onChange={(event) => setParam('mine', event.currentTarget.checked ? '1' : null)} />
        )}
      </Group>
      {[services, groups, records].map((resource, index) => resource.error && !resource.rateLimited
        ? <ProblemPanel key={index} error={resource.error} onRetry={resource.reload} /> : null)}
      {(services.rateLimited || records.rateLimited) && <Text size="xs" c="orange">Refreshing paused (request limit)</Text>}
      <Paper withBorder radius="md">
        {loading ? (
          <Stack p="md" gap={6} data-testid="skeleton"><Skeleton height={16} /><Skeleton height={16} /><Skeleton height={16} /></Stack>
        ) : services.data && services.data.length === 0 ? (
          <Text p="md" data-testid="empty">
            No services are registered.{app.role === 'PLATFORM_ADMIN' && ' The service registry is server configuration (DXCP_SERVICE_REGISTRY_FILE).'}
          </Text>
        ) : (
          <Table striped highlightOnHover className="dxcp-table" data-testid="service-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Service</Table.Th>
                <Table.Th>Delivery group</Table.Th>
                {columns.map((env) => <Table.Th key={env}>{env}</Table.Th>)}
                <Table.Th>Last activity</Table.Th>
                {mayMutate(app) && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((service) => {
                const name = service.service_name;
                const group = groupOfService(groups.data, name);
                const deployable = app.role === 'PLATFORM_ADMIN' || (app.role === 'DELIVERY_OWNER' && ownsGroup(app.email, group));
                return (
                  <Table.Tr key={name} data-testid={`service-row-${name}`}>
                    <Table.Td><Anchor component={Link} to={`/services/${encodeURIComponent(name)}`} fw={600}>{name}</Anchor></Table.Td>
                    <Table.Td>{group?.name ?? <Text span c="dimmed">none</Text>}</Table.Td>
                    {columns.map((env) => <EnvCell key={env} service={name} environment={env} records={ordered} />)}
                    <Table.Td><Time iso={lastActivity(ordered, name)} relative /></Table.Td>
                    {mayMutate(app) && (
                      <Table.Td>
                        {deployable && group && !app.settings.mutations_disabled && (
                          <Button component={Link} size="compact-xs" variant="light"
                                  to={`/deploy?service=${encodeURIComponent(name)}`}>Deploy</Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

function EnvCell({ service, environment, records }: { service: string; environment: string; records: DeploymentRecord[] }) {
  const cell = cellFor(records, service, environment);
  const servicePage = `/services/${encodeURIComponent(service)}#env-${environment}`;
  return (
    <Table.Td data-testid={`cell-${service}-${environment}`}>
      <Group gap={6} wrap="nowrap">
        {cell.running ? (
          <Anchor component={Link} to={`/deployments/${cell.running.id}`} data-testid={`running-${service}-${environment}`}>
            {cell.running.version}
          </Anchor>
        ) : (
          <Anchor component={Link} to={servicePage} c="dimmed" underline="never">—</Anchor>
        )}
        {cell.running && (
          <Anchor component={Link} to={servicePage} size="xs" c="dimmed" underline="never" aria-label={`${service} in ${environment}`}>›</Anchor>
        )}
        {cell.flag && cell.flagged && (
          <Tooltip label={`${cell.flagged.version} ${cell.flagged.state.toLowerCase().replace('_', ' ')}`}>
            <Anchor component={Link} to={`/deployments/${cell.flagged.id}`} size="xs" c={cell.flag === 'failed' ? 'red' : 'blue'}
                    data-testid={`flag-${service}-${environment}`}>
              <span className={`dxcp-dot ${cell.flag === 'in-flight' ? 'dxcp-dot-live' : 'dxcp-dot-failed'}`} />
              {cell.flag === 'failed' ? cell.flagged.version : ''}
            </Anchor>
          </Tooltip>
        )}
      </Group>
    </Table.Td>
  );
}
