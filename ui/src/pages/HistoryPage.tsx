import { Anchor, Badge, Button, CloseButton, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApp } from '../AppContext';
import { query } from '../api/client';
import * as data from '../api/data';
import type { DeliveryGroup, DeploymentRecord, ServiceEntry } from '../api/types';
import { useResource } from '../api/useResource';
import { KIND_LABELS, OutcomeBadge, StateBadge } from '../components/Badges';
import { LockIcon } from '../components/Icons';
import { ProblemPanel } from '../components/ProblemPanel';
import { Time } from '../components/Time';
import { durationBetween, humanDuration } from '../lib/format';
import {
  applyClientFilters, FILTER_KEYS, FILTER_LABELS, filtersFrom, serverParams, type FilterKey,
} from '../lib/historyFilters';
import { isTerminal } from '../lib/live';
import { ownsGroup } from '../lib/ownership';
import { withParam } from '../lib/searchParams';
import { Skeleton } from '@mantine/core';

const PAGE = 100;
const STATES = ['PENDING', 'ACTIVE', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'CANCELED', 'ROLLED_BACK'];
const KINDS = ['ROLL_FORWARD', 'ROLLBACK', 'PROMOTE'];
const OUTCOMES = ['SUCCEEDED', 'FAILED', 'CANCELED', 'ROLLED_BACK', 'SUPERSEDED'];
const CATEGORIES = ['VALIDATION', 'POLICY', 'ARTIFACT', 'INFRASTRUCTURE', 'CONFIG', 'APP', 'TIMEOUT', 'ROLLBACK', 'UNKNOWN'];

/** ui.md §5.4: deployment history, every filter in the URL. */
export function HistoryPage() {
  const app = useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [shown, setShown] = useState(PAGE);
  const serverQuery = query(serverParams(filters));
  const records = useResource<DeploymentRecord[]>(`history${serverQuery}`,
    (signal) => data.deployments(serverParams(filters), signal), app.refreshSeconds);
  const services = useResource<ServiceEntry[]>('services', data.services);
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups);
  const rows = useMemo(() => applyClientFilters(records.data ?? [], filters),
    [records.data, params.toString()]);
  const groupsById = new Map((groups.data ?? []).map((g) => [g.id, g]));

  function setFilter(key: FilterKey, value: string) {
    setShown(PAGE);
    setParams(withParam(params, key, value));
  }

  const active = FILTER_KEYS.filter((key) => filters[key]);
  const options = (values: string[], all: string) => [{ value: '', label: all }, ...values.map((v) => ({ value: v, label: v }))];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Deployments</Title>
        <Button variant="default" size="xs" onClick={records.reload} data-testid="refresh">Refresh</Button>
      </Group>
      <Paper withBorder p="sm" radius="md">
        <Group gap="sm" align="flex-end">
          <NativeSelect label="Service" size="xs" value={filters.service ?? ''} data-testid="filter-service"
                        data={options((services.data ?? []).map((s) => s.service_name), 'All services')}
                        onChange={(e) => setFilter('service', e.currentTarget.value)} />
          <TextInput label="Environment" size="xs" value={filters.environment ?? ''} w={120} data-testid="filter-environment"
                     onChange={(e) => setFilter('environment', e.currentTarget.value.trim())} />
          <NativeSelect label="State" size="xs" value={filters.state ?? ''} data={options(STATES, 'Any state')}
                        data-testid="filter-state" onChange={(e) => setFilter('state', e.currentTarget.value)} />
          <NativeSelect label="Kind" size="xs" value={filters.kind ?? ''} data-testid="filter-kind"
                        data={[{ value: '', label: 'Any kind' }, ...KINDS.map((k) => ({ value: k, label: KIND_LABELS[k as keyof typeof KIND_LABELS] }))]}
                        onChange={(e) => setFilter('kind', e.currentTarget.value)} />
          <NativeSelect label="Outcome" size="xs" value={filters.outcome ?? ''} data={options(OUTCOMES, 'Any outcome')}
                        data-testid="filter-outcome" onChange={(e) => setFilter('outcome', e.currentTarget.value)} />
          <NativeSelect label="Group" size="xs" value={filters.group ?? ''} data-testid="filter-group"
                        data={[{ value: '', label: 'Any group' }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
                        onChange={(e) => setFilter('group', e.currentTarget.value)} />
          <NativeSelect label="Failure category" size="xs" value={filters.category ?? ''} data={options(CATEGORIES, 'Any category')}
                        data-testid="filter-category" onChange={(e) => setFilter('category', e.currentTarget.value)} />
          <TextInput label="Created from (UTC)" type="date" size="xs" value={filters.from ?? ''}
                     onChange={(e) => setFilter('from', e.currentTarget.value)} />
          <TextInput label="to" type="date" size="xs" value={filters.to ?? ''}
                     onChange={(e) => setFilter('to', e.currentTarget.value)} />
        </Group>
      </Paper>
      {active.length > 0 && (
        <Group gap="xs" data-testid="filter-chips">
          {active.map((key) => (
            <Badge key={key} variant="light" size="lg" style={{ textTransform: 'none' }} rightSection={
              <CloseButton size="xs" aria-label={`Remove ${FILTER_LABELS[key]} filter`} onClick={() => setFilter(key, '')} />}>
              {FILTER_LABELS[key]}: {filters[key]}
            </Badge>
          ))}
          <Text size="sm" c="dimmed" data-testid="result-count">{rows.length} {rows.length === 1 ? 'deployment' : 'deployments'}</Text>
        </Group>
      )}
      {records.error && !records.rateLimited && <ProblemPanel error={records.error} onRetry={records.reload} />}
      {records.rateLimited && <Text size="xs" c="orange">Refreshing paused (request limit)</Text>}
      <Paper withBorder radius="md">
        {records.data === undefined ? (
          records.loading ? <Stack p="md" gap={6} data-testid="skeleton"><Skeleton height={16} /><Skeleton height={16} /></Stack> : null
        ) : rows.length === 0 ? (
          <Group p="md" data-testid="empty">
            <Text>No deployments match these filters.</Text>
            {active.length > 0 && <Button size="xs" variant="light" onClick={() => setParams(new URLSearchParams())}>Clear filters</Button>}
          </Group>
        ) : (
          <Table highlightOnHover verticalSpacing={4} fz="sm" className="dxcp-table" data-testid="history-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>State</Table.Th><Table.Th>Service</Table.Th><Table.Th>Env</Table.Th><Table.Th>Version</Table.Th>
                <Table.Th>Kind</Table.Th><Table.Th>Change summary</Table.Th><Table.Th>Group</Table.Th>
                <Table.Th>Created</Table.Th><Table.Th>Duration</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, shown).map((record) => {
                const group = record.deliveryGroupId ? groupsById.get(record.deliveryGroupId) : undefined;
                const locked = app.role === 'DELIVERY_OWNER' && !ownsGroup(app.email, group);
                return (
                  <Table.Tr key={record.id} style={{ cursor: 'pointer' }} data-testid="history-row" data-id={record.id}
                            onClick={() => navigate(`/deployments/${record.id}`)}>
                    <Table.Td><Group gap={4} wrap="nowrap"><StateBadge state={record.state} /><OutcomeBadge outcome={record.outcome !== record.state ? record.outcome : null} /></Group></Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {locked && <LockIcon title="A delivery group you do not own" />}
                        <Anchor component={Link} to={`/deployments/${record.id}`} onClick={(e) => e.stopPropagation()}>{record.service}</Anchor>
                      </Group>
                    </Table.Td>
                    <Table.Td>{record.environment}</Table.Td>
                    <Table.Td>{record.version}</Table.Td>
                    <Table.Td>{record.rollbackOf ? <>rollback of <Anchor component={Link} to={`/deployments/${record.rollbackOf}`}
                      onClick={(e) => e.stopPropagation()}>{record.rollbackOf.slice(0, 8)}</Anchor></> : KIND_LABELS[record.deploymentKind]}</Table.Td>
                    <Table.Td><div className="dxcp-truncate" title={record.changeSummary}>{record.changeSummary}</div></Table.Td>
                    <Table.Td>{group?.name ?? record.deliveryGroupId ?? '—'}</Table.Td>
                    <Table.Td><Time iso={record.createdAt} relative /></Table.Td>
                    <Table.Td>{isTerminal(record.state) ? humanDuration(durationBetween(record.createdAt, record.updatedAt)) : '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {rows.length > shown && (
        <Group justify="center">
          <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>Show more ({rows.length - shown} left)</Button>
        </Group>
      )}
    </Stack>
  );
}
