import { Button, Grid, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useApp } from '../AppContext';
import { get, query } from '../api/client';
import * as data from '../api/data';
import type { DeliveryGroup, DoraInsights, DoraMeasures, FailureInsights, ServiceEntry } from '../api/types';
import { useResource } from '../api/useResource';
import { BarChart } from '../components/BarChart';
import { Panel } from '../components/Panel';
import { Time } from '../components/Time';
import { humanDuration, percent } from '../lib/format';
import { withParam } from '../lib/searchParams';

const WINDOWS = [7, 14, 30, 60, 90];
const FAILURE_WINDOW_CAP = 30;
const BREAKDOWNS = [
  { value: '', label: 'none' }, { value: 'service', label: 'service' }, { value: 'group', label: 'group' },
  { value: 'environment', label: 'environment' },
];

/** ui.md §5.6: failures and rollbacks, and the four DORA measures, for a window and a scope. */
export function InsightsPage() {
  const app = useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const windowDays = WINDOWS.includes(Number(params.get('window'))) ? Number(params.get('window')) : 30;
  const service = params.get('service') ?? '';
  const group = params.get('group') ?? '';
  const environment = params.get('environment') ?? '';
  const groupBy = params.get('groupBy') ?? '';
  const failureWindow = Math.min(windowDays, FAILURE_WINDOW_CAP);

  const services = useResource<ServiceEntry[]>('services', data.services);
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups);
  const failureQuery = query({ windowDays: failureWindow, groupId: group, service });
  const doraQuery = query({ windowDays, service, groupId: group, environment, groupBy });
  const failures = useResource<FailureInsights>(`failures${failureQuery}`,
    (signal) => get(`/v1/insights/failures${failureQuery}`, signal), app.refreshSeconds);
  const dora = useResource<DoraInsights>(`dora${doraQuery}`,
    (signal) => get(`/v1/insights/dora${doraQuery}`, signal), app.refreshSeconds);

  function set(name: string, value: string) {
    setParams(withParam(params, name, value));
  }

  /** A breakdown bar sets that filter (ui.md §5.6). */
  function selectBreakdown(key: string) {
    const filter = groupBy === 'service' ? 'service' : groupBy === 'group' ? 'group' : 'environment';
    setParams(withParam(withParam(params, filter, key), 'groupBy', null));
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Insights</Title>
        <Button variant="default" size="xs" onClick={() => { failures.reload(); dora.reload(); }} data-testid="refresh">Refresh</Button>
      </Group>
      <Paper withBorder p="sm" radius="md">
        <Group gap="sm" align="flex-end">
          <NativeSelect label="Window" size="xs" value={String(windowDays)} data-testid="insights-window"
                        data={WINDOWS.map((w) => ({ value: String(w), label: `${w} days` }))}
                        onChange={(e) => set('window', e.currentTarget.value)} />
          <NativeSelect label="Service" size="xs" value={service} data-testid="insights-service"
                        data={[{ value: '', label: 'All services' }, ...(services.data ?? []).map((s) => ({ value: s.service_name, label: s.service_name }))]}
                        onChange={(e) => set('service', e.currentTarget.value)} />
          <NativeSelect label="Delivery group" size="xs" value={group} data-testid="insights-group"
                        data={[{ value: '', label: 'All groups' }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
                        onChange={(e) => set('group', e.currentTarget.value)} />
          <NativeSelect label="Environment (DORA)" size="xs" value={environment} data-testid="insights-environment"
                        data={[{ value: '', label: 'All environments' }, ...environmentChoices(dora.data, environment)]}
                        onChange={(e) => set('environment', e.currentTarget.value)} />
          <NativeSelect label="Break down by" size="xs" value={groupBy} data={BREAKDOWNS} data-testid="insights-groupby"
                        onChange={(e) => set('groupBy', e.currentTarget.value)} />
        </Group>
      </Paper>

      <Panel resource={dora} testId="dora-panel"
             title={<Title order={4}>Delivery performance (DORA), last {windowDays} days</Title>}>
        {(answer) => <DoraTiles answer={answer} onSelect={selectBreakdown} />}
      </Panel>

      <Panel resource={failures} testId="failures-panel"
             title={<Title order={4} data-testid="failures-title">Failures and rollbacks, last {failureWindow} days</Title>}>
        {(answer) => (
          <Stack>
            {windowDays > FAILURE_WINDOW_CAP && (
              <Text size="sm" c="orange" data-testid="failure-window-note">Failure panels show the last 30 days.</Text>
            )}
            {answer.totalDeployments === 0 && answer.totalRollbacks === 0 && (
              <Text size="sm" c="dimmed" data-testid="insights-empty">No deployments in this window.</Text>
            )}
            <Grid>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Stack gap={2} data-testid="rollback-rate">
                  <Text size="xs" c="dimmed" tt="uppercase" fw={700}>Rollback rate</Text>
                  <Text fz={40} fw={800} lh={1.1}>{percent(answer.rollbackRate)}</Text>
                  <Text size="sm" c="dimmed">{answer.totalRollbacks} rollbacks / {answer.totalDeployments} deployments</Text>
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>Failures by category</Text>
                <BarChart label="Failures by category" horizontal color="#fa5252" testId="failures-by-category"
                          bars={answer.failuresByCategory.map((c) => ({ key: c.key, value: c.count }))}
                          onSelect={(category) => navigate(`/deployments${query({ category, service, group })}`)} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>Deployments by recipe</Text>
                <BarChart label="Deployments by recipe" bars={answer.deploymentsByRecipe.map((c) => ({ key: c.key, value: c.count }))} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>Deployments by group</Text>
                <BarChart label="Deployments by group" color="#7950f2" bars={answer.deploymentsByGroup.map((c) => ({ key: c.key, value: c.count }))} />
              </Grid.Col>
            </Grid>
          </Stack>
        )}
      </Panel>
      {(dora.data || failures.data) && (
        <Text size="xs" c="dimmed" data-testid="insights-window-footer">
          DORA window <Time iso={dora.data?.windowStart} /> – <Time iso={dora.data?.windowEnd} />
          {failures.data && <> · failure window <Time iso={failures.data.windowStart} /> – <Time iso={failures.data.windowEnd} /></>}
        </Text>
      )}
    </Stack>
  );
}

function environmentChoices(answer: DoraInsights | undefined, selected: string) {
  const keys = answer?.groupBy === 'environment' ? (answer.breakdown ?? []).map((b) => b.key) : [];
  const all = Array.from(new Set(['sandbox', ...keys, ...(selected ? [selected] : [])]));
  return all.map((env) => ({ value: env, label: env }));
}

function DoraTiles({ answer, onSelect }: { answer: DoraInsights; onSelect: (key: string) => void }) {
  const breakdown = answer.breakdown ?? [];
  const charts = useMemo(() => breakdownCharts(breakdown), [breakdown]);
  const empty = answer.changeFailureRate.finishedChanges === 0 && answer.deploymentFrequency.successfulDeployments === 0;
  return (
    <Stack>
      {empty && <Text size="sm" c="dimmed">No deployments in this window.</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Tile title="Deployment frequency" testId="dora-frequency"
              value={`${answer.deploymentFrequency.perDay.toFixed(2)} / day`}
              note={plural(answer.deploymentFrequency.successfulDeployments, 'successful deployment')} />
        <Tile title="Lead time for changes" testId="dora-lead-time"
              value={humanDuration(answer.leadTimeForChanges.p50Seconds)}
              note={answer.leadTimeForChanges.samples ? `median; mean ${humanDuration(answer.leadTimeForChanges.meanSeconds)}; ${plural(answer.leadTimeForChanges.samples, 'sample')}` : 'no samples'} />
        <Tile title="Change failure rate" testId="dora-change-failure-rate"
              value={percent(answer.changeFailureRate.rate)}
              note={`${answer.changeFailureRate.failedChanges} failed / ${answer.changeFailureRate.finishedChanges} finished changes`} />
        <Tile title="Time to restore" testId="dora-time-to-restore"
              value={humanDuration(answer.timeToRestore.p50Seconds)}
              note={`${answer.timeToRestore.incidents} incidents, ${answer.timeToRestore.restored} restored${answer.timeToRestore.p50Seconds !== null ? `; mean ${humanDuration(answer.timeToRestore.meanSeconds)}` : ''}`} />
      </SimpleGrid>
      {breakdown.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="dora-breakdown">
          {charts.map((chart) => (
            <div key={chart.title}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{chart.title} by {answer.groupBy}</Text>
              <BarChart label={chart.title} bars={chart.bars} format={chart.format} onSelect={onSelect} integer={false} />
            </div>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function breakdownCharts(breakdown: (DoraMeasures & { key: string })[]) {
  return [
    { title: 'Deployments per day', bars: breakdown.map((b) => ({ key: b.key, value: b.deploymentFrequency.perDay })), format: (v: number) => v.toFixed(2) },
    { title: 'Lead time (median)', bars: breakdown.map((b) => ({ key: b.key, value: b.leadTimeForChanges.p50Seconds ?? 0 })), format: (v: number) => humanDuration(v) },
    { title: 'Change failure rate', bars: breakdown.map((b) => ({ key: b.key, value: b.changeFailureRate.rate })), format: (v: number) => percent(v) },
    { title: 'Time to restore (median)', bars: breakdown.map((b) => ({ key: b.key, value: b.timeToRestore.p50Seconds ?? 0 })), format: (v: number) => humanDuration(v) },
  ];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function Tile({ title, value, note, testId }: { title: string; value: string; note: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{title}</Text>
      <Text fz={28} fw={800} data-testid={`${testId}-value`}>{value}</Text>
      <Text size="xs" c="dimmed" data-testid={`${testId}-note`}>{note}</Text>
    </Paper>
  );
}
