import { Alert, Anchor, Badge, Button, Code, Collapse, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError, get, path } from '../../api/client';
import type { ProcessorList, ProcessorRow, RebuildProgress } from '../../api/adminTypes';
import { useAdminWrite } from '../../api/useAdminWrite';
import { useResource } from '../../api/useResource';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import { ProblemPanel } from '../../components/ProblemPanel';
import { Time } from '../../components/Time';
import { humanDuration } from '../../lib/format';
import { isRebuilding, secondsLeft } from '../../lib/rebuilds';

/** ui.md §5.7: polled every 2 s while a rebuild runs, else every 15 s. */
const RUNNING_POLL_MS = 2_000;
const IDLE_POLL_MS = 15_000;
const STATE_COLORS: Record<string, string> = { live: 'green', rebuilding: 'blue', failed: 'red', stopped: 'gray' };

/**
 * ui.md §5.7 Projections: each read model's state, position, lag and last rebuild; Rebuild one or all
 * after a confirmation, with live progress; 409 REBUILD_IN_PROGRESS says a rebuild already runs. A
 * failed processor names the event it stopped on and the error. Sagas are processes: read-only.
 */
export function ProjectionsPage() {
  const list = useResource<ProcessorList>('projections', (signal) => get('/v1/admin/projections', signal));
  const [asking, setAsking] = useState<string | 'all' | null>(null);
  const start = useAdminWrite();
  const [refused, setRefused] = useState<ApiError | null>(null);
  const running = (list.data?.projections ?? []).some((row) => isRebuilding(row.rebuild));

  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (document.visibilityState === 'visible') {
        list.reload();
      }
    }, running ? RUNNING_POLL_MS : IDLE_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [list, list.updatedAt, running]);

  async function confirm() {
    const target = asking;
    setRefused(null);
    const answer = await start.run('POST', target === 'all' ? '/v1/admin/projections/rebuild' : path('/v1/admin/projections/{name}/rebuild', target ?? ''));
    if (answer) {
      setAsking(null);
    }
    list.reload();
  }

  // A 409 closes the confirmation and is shown beside the running rebuild's own progress.
  useEffect(() => {
    if (start.error instanceof ApiError && start.error.code === 'REBUILD_IN_PROGRESS') {
      setRefused(start.error);
      setAsking(null);
    }
  }, [start.error]);

  return (
    <Stack>
      <Panel resource={list} testId="projections" title="Read models"
             actions={(
               <Group gap="xs">
                 {list.data && <Text size="xs" c="dimmed" data-testid="event-store-head">Event store head {list.data.eventStoreHead}</Text>}
                 <Button size="xs" variant="default" onClick={list.reload}>Refresh</Button>
                 <Button size="xs" onClick={() => { start.setError(null); setAsking('all'); }} data-testid="rebuild-all">Rebuild all</Button>
               </Group>
             )}>
        {(data) => (
          <Stack>
            {refused && (
              <Alert color="yellow" variant="light" title="A rebuild is already running" data-testid="rebuild-refused" withCloseButton onClose={() => setRefused(null)}>
                <Text size="sm">{refused.message}. Nothing new was started; its progress is shown below.</Text>
                <Text size="xs" c="dimmed">code {refused.code} · request_id {refused.requestId}</Text>
              </Alert>
            )}
            <ProcessorTable rows={data.projections} onRebuild={(name) => { start.setError(null); setAsking(name); }} />
            <Text size="sm" fw={600} mt="sm">Sagas (processes, not rebuildable)</Text>
            <ProcessorTable rows={data.sagas} />
          </Stack>
        )}
      </Panel>
      <ConfirmDialog opened={asking !== null} onClose={() => setAsking(null)} busy={start.busy}
                     error={start.error instanceof ApiError && start.error.code === 'REBUILD_IN_PROGRESS' ? null : start.error}
                     title={asking === 'all' ? 'Rebuild every read model' : `Rebuild ${asking}`}
                     confirmLabel={asking === 'all' ? 'Rebuild all' : 'Rebuild'} onConfirm={() => void confirm()}>
        <Text size="sm">
          The read model is replayed from the event store into a second table generation. Reads continue from current data until
          the switch; the audit chain is not rewritten. Rebuilds are recorded in the event store with your identity.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

function ProcessorTable({ rows, onRebuild }: { rows: ProcessorRow[]; onRebuild?: (name: string) => void }) {
  return (
    <Table fz="sm" verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="20%">Name</Table.Th><Table.Th w="10%">State</Table.Th><Table.Th w="11%">Position / head</Table.Th>
          <Table.Th w="10%">Lag</Table.Th><Table.Th w="8%">Generation</Table.Th><Table.Th w="33%">Last rebuild</Table.Th><Table.Th w="8%" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => <ProcessorRowView key={row.name} row={row} onRebuild={onRebuild} />)}
      </Table.Tbody>
    </Table>
  );
}

function ProcessorRowView({ row, onRebuild }: { row: ProcessorRow; onRebuild?: (name: string) => void }) {
  // A failed processor shows why at once; the admin may fold it away.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? row.state === 'failed';
  return (
    <>
      <Table.Tr data-testid={`projection-${row.name}`}>
        <Table.Td fw={600} style={{ wordBreak: 'break-word' }}>{row.name}</Table.Td>
        <Table.Td>
          <Badge color={STATE_COLORS[row.state] ?? 'gray'} variant={row.state === 'failed' ? 'filled' : 'light'} data-testid="projection-state">{row.state}</Badge>
          {row.failure && (
            <Anchor component="button" size="xs" ml={6} onClick={() => setToggled(!open)}>{open ? 'hide' : 'why'}</Anchor>
          )}
        </Table.Td>
        <Table.Td>{row.position} / {row.head}</Table.Td>
        <Table.Td data-testid="projection-lag">{row.lag === 0 ? 'up to date' : `${row.lag} behind`}</Table.Td>
        <Table.Td>{row.activeGeneration ?? '—'}</Table.Td>
        <Table.Td>{row.rebuild ? <RebuildView rebuild={row.rebuild} /> : <Text size="xs" c="dimmed">none since this server started</Text>}</Table.Td>
        <Table.Td>
          {onRebuild && row.rebuildable && (
            <Button size="compact-xs" variant="light" onClick={() => onRebuild(row.name)} data-testid={`rebuild-${row.name}`}>Rebuild</Button>
          )}
        </Table.Td>
      </Table.Tr>
      {row.failure && (
        <Table.Tr style={{ display: open ? undefined : 'none' }}>
          <Table.Td colSpan={7}>
            <Collapse expanded={open}>
              <Alert color="red" variant="light" title={`Stopped at event ${row.failure.globalIndex ?? '?'}`} data-testid="projection-failure">
                <Stack gap={2}>
                  <Text size="xs">Event <Code>{row.failure.eventIdentifier}</Code> ({row.failure.payloadType}), position {row.failure.globalIndex}</Text>
                  <Text size="xs" data-testid="projection-failure-message">{row.failure.message}</Text>
                  <Text size="xs" c="dimmed">Retried automatically with back-off; nothing after it is skipped. Fix the cause and it resumes from this event by itself.</Text>
                </Stack>
              </Alert>
            </Collapse>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function RebuildView({ rebuild }: { rebuild: RebuildProgress }) {
  const percent = Math.round(rebuild.progress * 1000) / 10;
  const color = rebuild.status === 'completed' ? 'green' : rebuild.status === 'failed' ? 'red'
    : rebuild.status === 'abandoned' ? 'orange' : 'blue';
  const left = secondsLeft(rebuild);
  // A rebuild held by another instance comes without figures: only that instance counts its progress.
  const elsewhere = rebuild.headAtStart < 0;
  return (
    <Stack gap={2} data-testid="rebuild" data-status={rebuild.status}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Badge size="xs" color={color} data-testid="rebuild-status">{rebuild.status}</Badge>
        <Text size="xs" data-testid="rebuild-numbers">
          {elsewhere
            ? (rebuild.status === 'abandoned'
              ? 'Left by an instance that stopped; Rebuild starts it again'
              : 'Running on another instance')
            : <>
              {percent}% · position {Math.max(0, rebuild.position)} of {rebuild.headAtStart} at start · {rebuild.eventsPerSecond} events/s
              {isRebuilding(rebuild) && left !== null ? ` · ${humanDuration(left)} left` : ''}
            </>}
        </Text>
      </Group>
      <Progress value={percent} color={color} size="md" animated={isRebuilding(rebuild)} striped={isRebuilding(rebuild)}
                data-testid="rebuild-progress" aria-label={`Rebuild of ${rebuild.projection}: ${percent}%`} />
      <Text size="xs" c="dimmed">
        Started <Time iso={rebuild.startedAt} />{rebuild.completedAt ? <>, ended <Time iso={rebuild.completedAt} /></> : null}
        {' '}· generation {rebuild.fromGeneration} → {rebuild.targetGeneration}
      </Text>
      {rebuild.failure && <ProblemPanel error={new Error(`${rebuild.failure.payloadType ?? 'event'} at ${rebuild.failure.globalIndex ?? '?'}: ${rebuild.failure.message}`)} title="The rebuild stopped at an event" />}
    </Stack>
  );
}
