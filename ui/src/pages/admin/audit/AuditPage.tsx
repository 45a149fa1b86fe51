import { Anchor, Badge, Button, Code, Collapse, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get, query } from '../../../api/client';
import * as data from '../../../api/data';
import type { AuditEntry } from '../../../api/adminTypes';
import type { DeliveryGroup } from '../../../api/types';
import { useResource } from '../../../api/useResource';
import { ProblemPanel } from '../../../components/ProblemPanel';
import { Time } from '../../../components/Time';
import { appendOlder, configChange, secondOf, targetLink } from '../../../lib/audit';
import { isoFromLocalInput, localInputValue } from '../../../lib/format';
import { withParam } from '../../../lib/searchParams';
import { ChainPanel } from './ChainPanel';
import { ExportPanel, type ExportRequest } from './ExportPanel';

const EVENT_TYPES = ['DEPLOY_SUBMIT', 'DEPLOY_DENIED', 'ROLLBACK_SUBMIT', 'ROLLBACK_DENIED', 'PROMOTION_SUBMIT', 'PROMOTION_DENIED',
  'ADMIN_CREATE', 'ADMIN_UPDATE', 'ADMIN_DELETE', 'ADMIN_CONFIG_CHANGE'];
const OUTCOME_COLORS: Record<string, string> = { SUCCESS: 'green', DENIED: 'orange', FAILED: 'red' };

/**
 * ui.md §5.7 Audit: the entries of GET /v1/audit/events with their filters in the URL, "Load older",
 * ADMIN_CONFIG_CHANGE rows expanded to old → new; the replay export; the chain verification.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = {
    event_type: params.get('event_type') ?? '',
    delivery_group_id: params.get('group') ?? '',
    start_time: params.get('start') ?? '',
    end_time: params.get('end') ?? '',
    limit: params.get('limit') ?? '',
  };
  const key = JSON.stringify(filters);
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups);
  const first = useResource<AuditEntry[]>(`audit:${key}`, (signal) => get(`/v1/audit/events${query(filters)}`, signal));
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [older, setOlder] = useState<{ loading: boolean; error: unknown; exhausted: boolean }>({ loading: false, error: null, exhausted: false });
  const [exportRequest, setExportRequest] = useState<ExportRequest | null>(null);
  useEffect(() => {
    setEntries(first.data ?? []);
    // A first page shorter than the limit already holds everything there is.
    setOlder({ loading: false, error: null, exhausted: (first.data?.length ?? 0) < Number(filters.limit || 200) });
  }, [first.data, filters.limit]);

  function set(name: string, value: string) {
    setParams(withParam(params, name, value), { replace: true });
  }

  async function loadOlder() {
    const oldest = entries[entries.length - 1];
    if (!oldest) {
      return;
    }
    setOlder({ loading: true, error: null, exhausted: false });
    try {
      const page = await get<AuditEntry[]>(`/v1/audit/events${query({ ...filters, end_time: oldest.timestamp })}`);
      const next = appendOlder(entries, page);
      setOlder({ loading: false, error: null, exhausted: next.length === entries.length || page.length < Number(filters.limit || 200) });
      setEntries(next);
    } catch (failure) {
      setOlder({ loading: false, error: failure, exhausted: false });
    }
  }

  const localOf = (iso: string) => (iso ? localInputValue(new Date(iso)) : '');
  return (
    <Stack>
      <Paper withBorder p="md" radius="md" data-testid="audit-entries">
        <Stack gap="sm">
          <Title order={4}>Audit entries</Title>
          <Group align="flex-end" gap="sm">
            <NativeSelect label="Event type" size="xs" value={filters.event_type} data-testid="audit-filter-type"
                          data={[{ value: '', label: 'All' }, ...EVENT_TYPES]} onChange={(e) => set('event_type', e.currentTarget.value)} />
            <NativeSelect label="Delivery group" size="xs" value={filters.delivery_group_id}
                          data={[{ value: '', label: 'All' }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
                          onChange={(e) => set('group', e.currentTarget.value)} />
            <TextInput type="datetime-local" step={1} label="From" size="xs" value={localOf(filters.start_time)}
                       onChange={(e) => set('start', isoFromLocalInput(e.currentTarget.value) ?? '')} />
            <TextInput type="datetime-local" step={1} label="To" size="xs" value={localOf(filters.end_time)}
                       onChange={(e) => set('end', isoFromLocalInput(e.currentTarget.value) ?? '')} />
            <NativeSelect label="Rows" size="xs" value={filters.limit || '200'} data={['50', '100', '200', '500']}
                          onChange={(e) => set('limit', e.currentTarget.value === '200' ? '' : e.currentTarget.value)} />
            <Button size="xs" variant="default" onClick={first.reload}>Refresh</Button>
          </Group>
          {first.error && <ProblemPanel error={first.error} onRetry={first.reload} />}
          {first.data && entries.length === 0 && <Text size="sm" c="dimmed">No audit entries match these filters.</Text>}
          {entries.length > 0 && (
            <Table fz="xs" striped verticalSpacing={4} data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th><Table.Th>Event</Table.Th><Table.Th>Outcome</Table.Th><Table.Th>Actor</Table.Th>
                  <Table.Th>Target</Table.Th><Table.Th>Group · service · env</Table.Th><Table.Th>Summary</Table.Th><Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <EntryRow key={entry.event_id} entry={entry}
                            onExport={() => setExportRequest({ ...secondOf(entry.timestamp), actor: entry.actor_id, nonce: Date.now() })} />
                ))}
              </Table.Tbody>
            </Table>
          )}
          {entries.length > 0 && (
            <Group>
              <Button size="xs" variant="light" onClick={() => void loadOlder()} loading={older.loading} disabled={older.exhausted}
                      data-testid="audit-load-older">{older.exhausted ? 'No older entries' : 'Load older'}</Button>
              <Text size="xs" c="dimmed" data-testid="audit-count">{entries.length} entries shown</Text>
            </Group>
          )}
          {older.error !== null && <ProblemPanel error={older.error} />}
        </Stack>
      </Paper>
      <ExportPanel request={exportRequest} />
      <ChainPanel />
    </Stack>
  );
}

function EntryRow({ entry, onExport }: { entry: AuditEntry; onExport: () => void }) {
  const [open, setOpen] = useState(false);
  const change = configChange(entry);
  const link = targetLink(entry);
  return (
    <>
      <Table.Tr data-testid="audit-row" data-event-type={entry.event_type}>
        <Table.Td style={{ whiteSpace: 'nowrap' }}><Time iso={entry.timestamp} /></Table.Td>
        <Table.Td>{entry.event_type}</Table.Td>
        <Table.Td miw={84}><Badge size="xs" color={OUTCOME_COLORS[entry.outcome] ?? 'gray'} variant="light" style={{ overflow: 'visible' }}>{entry.outcome}</Badge></Table.Td>
        <Table.Td>{entry.actor_id}<Text size="xs" c="dimmed">{entry.actor_role}</Text></Table.Td>
        <Table.Td>
          <Text size="xs" c="dimmed">{entry.target_type}</Text>
          {link ? <Anchor component={Link} to={link} size="xs">{entry.target_id}</Anchor> : entry.target_id}
        </Table.Td>
        <Table.Td>{[entry.delivery_group_id, entry.service_name, entry.environment].filter(Boolean).join(' · ') || '—'}</Table.Td>
        <Table.Td maw={360} style={{ wordBreak: 'break-word' }}>
          {change ? (
            <Anchor component="button" size="xs" ta="left" onClick={() => setOpen((o) => !o)} data-testid="config-change-toggle">
              {change.setting}: {truncate(change.oldValue, 30)} → {truncate(change.newValue, 30)}
            </Anchor>
          ) : truncate(entry.summary, 160)}
        </Table.Td>
        <Table.Td>
          <Anchor component="button" size="xs" onClick={onExport} title="Export the replay of this entry's second and actor" style={{ whiteSpace: 'nowrap' }}>
            Export around
          </Anchor>
        </Table.Td>
      </Table.Tr>
      {change && (
        <Table.Tr style={{ display: open ? undefined : 'none' }}>
          <Table.Td colSpan={8}>
            <Collapse expanded={open}>
              <Stack gap={2} data-testid="config-change">
                <Text size="xs"><b>Setting</b> {change.setting}</Text>
                <Text size="xs"><b>Old</b> <Code>{change.oldValue}</Code></Text>
                <Text size="xs"><b>New</b> <Code>{change.newValue}</Code></Text>
                <Text size="xs"><b>Actor</b> {change.actor}</Text>
                {change.reason && <Text size="xs" data-testid="config-change-reason"><b>Reason</b> {change.reason}</Text>}
                {change.requestId && <Text size="xs"><b>request_id</b> <Code>{change.requestId}</Code></Text>}
              </Stack>
            </Collapse>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
