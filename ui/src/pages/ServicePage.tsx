import {
  Anchor, Button, Code, Collapse, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip,
} from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { mayMutate, useApp, type AppState } from '../AppContext';
import { ApiError, get, path, post, query } from '../api/client';
import { AsOfControl, AsOfLink } from '../components/AsOf';
import { keepMoment, useAsOf } from '../lib/asOf';
import * as data from '../api/data';
import type {
  AllowedActions, Build, DeliveryGroup, DeliveryStatus, DeploymentRecord, Environment, PolicySummary, RunningState,
  ServiceEntry, VersionsResponse,
} from '../api/types';
import { useLiveDeployment } from '../api/useLiveDeployment';
import { useResource } from '../api/useResource';
import { KIND_LABELS, OutcomeBadge, StateBadge } from '../components/Badges';
import { ExternalIcon } from '../components/Icons';
import { LiveIndicator } from '../components/LiveIndicator';
import { Panel } from '../components/Panel';
import { ProblemPanel } from '../components/ProblemPanel';
import { PromoteDialog } from '../components/PromoteDialog';
import { RollbackDialog } from '../components/RollbackDialog';
import { Time } from '../components/Time';
import { bytes } from '../lib/format';
import { isInFlight } from '../lib/live';
import { isRollbackRecord, rollbackTarget } from '../lib/rollback';
import { actionBlock } from '../lib/permissions';
import { groupOfService, ownersOf } from '../lib/ownership';
import { environmentColumns, historyOrder } from '../lib/serviceMatrix';

const PROMOTION_REASONS: Record<string, string> = {
  PROMOTION_AT_HIGHEST_ENVIRONMENT: 'last in the path',
  PROMOTION_NO_SUCCESSFUL_SOURCE_VERSION: 'nothing succeeded here yet',
  PROMOTION_SOURCE_NOT_CONFIGURED: 'no promotion path is configured',
};

/** ui.md §5.2: one service — what runs per environment, its policy, versions and recent deployments. */
export function ServicePage() {
  const { service = '' } = useParams();
  const app = useApp();
  const { asOf, travel } = useAsOf();
  const [asOfError, setAsOfError] = useState<string | null>(null);
  useEffect(() => setAsOfError(null), [asOf]);
  // While viewing the past, auto-refresh stops (ui.md §4.7).
  const refresh = asOf ? null : app.refreshSeconds;
  const services = useResource<ServiceEntry[]>('services', data.services);
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups, refresh);
  const records = useResource<DeploymentRecord[]>(`deployments:${service}`,
    (signal) => data.deployments({ service }, signal), refresh);
  const envs = useResource<Environment[]>('environments', data.environments);
  const adminEnvs = useResource<{ environment_id: string; is_enabled: boolean }[]>(
    app.role === 'PLATFORM_ADMIN' ? `admin-envs:${service}` : null,
    (signal) => get(path('/v1/admin/services/{s}/environments', service), signal));
  const actions = useResource<AllowedActions>(mayMutate(app) ? `actions:${service}` : null,
    (signal) => data.allowedActions(service, signal));

  const entry = services.data?.find((s) => s.service_name === service);
  const group = groupOfService(groups.data, service);
  const ordered = useMemo(() => historyOrder(records.data ?? []), [records.data]);
  const columns = useMemo(() => {
    if (adminEnvs.data) {
      const enabled = adminEnvs.data.filter((row) => row.is_enabled).map((row) => row.environment_id);
      const known = environmentColumns(envs.data, ordered);
      return [...known.filter((env) => enabled.includes(env)), ...enabled.filter((env) => !known.includes(env))];
    }
    return environmentColumns(envs.data, ordered);
  }, [adminEnvs.data, envs.data, ordered]);
  const deployBlock = mayMutate(app) ? actionBlock(app, 'deploy', actions.data, group) : null;
  // Viewing the past hides every mutating action (ui.md §4.7).
  const acting = mayMutate(app) && !asOf;

  if (services.data && !entry) {
    return <ProblemPanel error={new Error(`No service named ${service} is registered`)} title="Unknown service" />;
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="service-name">{service}</Title>
          <Text size="sm" c="dimmed" data-testid="service-group">
            {group ? <>Delivery group <b>{group.name}</b> · owners {ownersOf(group).join(', ') || 'none'}</> : 'In no delivery group'}
          </Text>
          <Group gap="md">
            {entry?.backstage_entity_url && (
              <Anchor href={entry.backstage_entity_url} target="_blank" rel="noreferrer" size="sm">Open in catalog<ExternalIcon /></Anchor>
            )}
            {entry?.stable_service_url_template && (
              <Anchor href={entry.stable_service_url_template} target="_blank" rel="noreferrer" size="sm">Open service<ExternalIcon /></Anchor>
            )}
          </Group>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Group gap="md" align="flex-start" wrap="nowrap">
            <AsOfControl asOf={asOf} onChange={travel} error={asOfError} />
            {acting && (
              <Button component={deployBlock ? undefined : Link} to={`/deploy?service=${encodeURIComponent(service)}`}
                      disabled={!!deployBlock} data-testid="service-deploy">Deploy</Button>
            )}
          </Group>
          {acting && deployBlock && <Text size="xs" c="dimmed" maw={360} ta="right" data-testid="deploy-disabled-reason">{deployBlock}</Text>}
        </Stack>
      </Group>

      <SimpleGrid cols={{ base: 1, lg: Math.min(columns.length, 2) }}>
        {columns.map((environment) => (
          <EnvironmentCard key={environment} app={app} service={service} environment={environment} group={group} asOf={asOf}
                           records={ordered} deployBlock={deployBlock} rollbackBlock={mayMutate(app) ? actionBlock(app, 'rollback', actions.data, group) : null}
                           onChanged={records.reload} onAsOfRefused={setAsOfError} />
        ))}
      </SimpleGrid>

      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <VersionsPanel app={app} service={service} deployBlock={deployBlock} asOf={asOf} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Panel title={asOf ? 'Recent deployments (today)' : 'Recent deployments'} resource={records} testId="recent-deployments"
                 actions={<Anchor component={Link} to={`/deployments?service=${encodeURIComponent(service)}`} size="sm">All deployments of {service}</Anchor>}>
            {() => ordered.length === 0 ? <Text size="sm" c="dimmed">No deployments yet.</Text> : (
              <Table fz="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {ordered.slice(0, 10).map((record) => (
                    <Table.Tr key={record.id}>
                      <Table.Td><StateBadge state={record.state} /></Table.Td>
                      <Table.Td><Anchor component={Link} to={keepMoment(`/deployments/${record.id}`, asOf)}>{record.version}</Anchor></Table.Td>
                      <Table.Td>{record.environment}</Table.Td>
                      <Table.Td>{KIND_LABELS[record.deploymentKind]}</Table.Td>
                      <Table.Td><Time iso={record.createdAt} relative /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Panel>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

interface EnvironmentCardProps {
  app: AppState;
  service: string;
  environment: string;
  group: DeliveryGroup | undefined;
  records: DeploymentRecord[];
  deployBlock: string | null;
  rollbackBlock: string | null;
  onChanged: () => void;
  /** The moment viewed (ui.md §4.7): reads travel, actions, policy and live updates are left out. */
  asOf: string | null;
  onAsOfRefused: (message: string) => void;
}

function EnvironmentCard({ app, service, environment, group, records, deployBlock, rollbackBlock, onChanged, asOf, onAsOfRefused }: EnvironmentCardProps) {
  const refresh = asOf ? null : app.refreshSeconds;
  const running = useResource<RunningState | null>(`running:${service}:${environment}:${asOf ?? ''}`,
    (signal) => get(path('/v1/services/{s}/running', service) + query({ environment, asOf }), signal), refresh);
  const status = useResource<DeliveryStatus>(`status:${service}:${environment}:${asOf ?? ''}`,
    (signal) => get(path('/v1/services/{s}/delivery-status', service) + query({ environment, asOf }), signal), refresh);
  const owner = mayMutate(app) && !asOf;
  const policy = useResource<PolicySummary>(owner ? `policy:${service}:${environment}` : null,
    () => post<PolicySummary>('/v1/policy/summary', { service, environment }).then((answer) => answer.data));
  const latest = status.data?.latest;
  const inFlight = !asOf && latest && isInFlight(latest.state) ? latest.id : undefined;
  const refusedMoment = [running.error, status.error].find((e) => asOf && e instanceof ApiError && e.code === 'INVALID_REQUEST') as ApiError | undefined;
  useEffect(() => {
    if (refusedMoment) {
      onAsOfRefused(`${refusedMoment.code}: ${refusedMoment.message}`);
    }
  }, [refusedMoment, onAsOfRefused]);
  const live = useLiveDeployment(inFlight);
  const [rollbackOpen, setRollbackOpen] = useState(false);
  const [promoteOpen, setPromoteOpen] = useState(false);
  const runningRecord = running.data ? records.find((r) => r.id === running.data?.deploymentId) : undefined;
  const scope = records.filter((r) => r.environment === environment);
  const rollbackReason = rollbackBlock ?? (!runningRecord ? 'Nothing running to roll back'
    : isRollbackRecord(runningRecord) ? 'The running version came from a rollback; a rollback cannot be rolled back'
      : !rollbackTarget(runningRecord, scope) ? 'No earlier successful version to return to' : null);
  const candidate = status.data?.promotionCandidate;

  // A live row that reaches a terminal state refreshes the card (ui.md §4.6).
  const liveState = live.record?.state;
  const previousLiveState = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (previousLiveState.current && isInFlight(previousLiveState.current) && liveState && !isInFlight(liveState)) {
      status.reload();
      running.reload();
      onChanged();
    }
    previousLiveState.current = liveState;
  }, [liveState, status, running, onChanged]);
  const shownLatest = live.record && latest && live.record.id === latest.id ? { ...latest, ...live.record } : latest;

  return (
    <Paper withBorder p="md" radius="md" id={`env-${environment}`} data-testid={`env-card-${environment}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{environment}</Title>
          {live.live && <LiveIndicator updatedAt={live.updatedAt} />}
        </Group>
        <Group align="flex-start" grow>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>Running</Text>
            {running.error ? <ProblemPanel error={running.error} onRetry={running.reload} /> : running.data === undefined ? <Text size="sm">…</Text>
              : running.data === null ? <Text size="sm" c="dimmed" data-testid="nothing-running">Nothing running yet</Text> : (
                <Group gap="xs">
                  <Anchor component={Link} to={keepMoment(`/deployments/${running.data.deploymentId}`, asOf)} fw={700} fz="lg" data-testid="running-version">
                    {running.data.version}
                  </Anchor>
                  <Text size="xs" c="dimmed">{KIND_LABELS[running.data.deploymentKind]}</Text>
                </Group>
              )}
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>Latest</Text>
            {status.error ? <ProblemPanel error={status.error} onRetry={status.reload} /> : !status.data ? <Text size="sm">…</Text>
              : !shownLatest ? <Text size="sm" c="dimmed">No deployments in {environment}</Text> : (
                <Group gap="xs">
                  <StateBadge state={shownLatest.state} />
                  <OutcomeBadge outcome={shownLatest.outcome !== shownLatest.state ? shownLatest.outcome : null} />
                  <Anchor component={Link} to={keepMoment(`/deployments/${shownLatest.id}`, asOf)} data-testid="latest-version">{shownLatest.version}</Anchor>
                  <Text size="xs" c="dimmed"><Time iso={shownLatest.createdAt} relative={!asOf} /></Text>
                  <AsOfLink to={`/services/${encodeURIComponent(service)}`} moment={shownLatest.createdAt} />
                </Group>
              )}
          </Stack>
        </Group>
        {candidate && (
          <Group gap="xs">
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>Promotion</Text>
            {candidate.eligible ? (owner ? (
              <Button size="compact-xs" variant="light" onClick={() => setPromoteOpen(true)} disabled={!!deployBlock} data-testid="promote-button">
                Promote {candidate.version} to {candidate.target_environment}
              </Button>
            ) : <Text size="sm">{candidate.version} can be promoted to {candidate.target_environment}</Text>)
              : <Text size="sm" c="dimmed">{PROMOTION_REASONS[candidate.reason ?? ''] ?? candidate.reason}</Text>}
          </Group>
        )}
        {owner && (
          <Group gap="xs">
            <Tooltip label={deployBlock} disabled={!deployBlock}>
              <span>
                <Button size="xs" component={deployBlock ? undefined : Link} disabled={!!deployBlock}
                        to={`/deploy?service=${encodeURIComponent(service)}&environment=${encodeURIComponent(environment)}`}>
                  Deploy to {environment}
                </Button>
              </span>
            </Tooltip>
            <Tooltip label={rollbackReason} disabled={!rollbackReason}>
              <span>
                <Button size="xs" color="orange" variant="light" disabled={!!rollbackReason}
                        onClick={() => setRollbackOpen(true)} data-testid="service-rollback">
                  Roll back running
                </Button>
              </span>
            </Tooltip>
          </Group>
        )}
        {asOf ? null : owner ? <PolicyLine policy={policy} group={group} /> : <GuardrailsLine group={group} />}
      </Stack>
      {rollbackOpen && runningRecord && (
        <RollbackDialog record={runningRecord} scope={scope} group={group}
                        opened={rollbackOpen} onClose={() => setRollbackOpen(false)} />
      )}
      {promoteOpen && candidate?.eligible && (
        <PromoteDialog service={service} candidate={candidate} group={group} opened={promoteOpen} onClose={() => setPromoteOpen(false)} />
      )}
    </Paper>
  );
}

function PolicyLine({ policy, group }: { policy: ReturnType<typeof useResource<PolicySummary>>; group: DeliveryGroup | undefined }) {
  if (policy.error) {
    return <ProblemPanel error={policy.error} refusal={{ action: 'Policy check', group: group?.name }} onRetry={policy.reload} />;
  }
  if (!policy.data) {
    return <Text size="xs" c="dimmed">Reading policy…</Text>;
  }
  const p = policy.data.policy;
  return (
    <Text size="xs" c="dimmed" data-testid="env-policy">
      Group {group?.name ?? policy.data.deliveryGroupId} · recipe {policy.data.resolvedRecipe?.name ?? '—'}
      {policy.data.resolvedRecipe ? ` (revision ${policy.data.resolvedRecipe.revision})` : ''} · deploys left today {p.deployments_remaining} of {p.daily_deploy_quota}
      {' '}· running now {p.current_concurrent_deployments} of {p.max_concurrent_deployments}
    </Text>
  );
}

function GuardrailsLine({ group }: { group: DeliveryGroup | undefined }) {
  const guardrails = group?.guardrails;
  if (!guardrails) {
    return null;
  }
  return (
    <Text size="xs" c="dimmed" data-testid="env-guardrails">
      Guardrails of {group?.name}: {guardrails.daily_deploy_quota} deploys and {guardrails.daily_rollback_quota} rollbacks a day,
      {' '}{guardrails.max_concurrent_deployments} running at once
    </Text>
  );
}

function VersionsPanel({ app, service, deployBlock, asOf }: { app: AppState; service: string; deployBlock: string | null; asOf: string | null }) {
  const [refreshToken, setRefreshToken] = useState(0);
  const versions = useResource<VersionsResponse>(`versions:${service}:${refreshToken}`,
    (signal) => get(path('/v1/services/{s}/versions', service) + (refreshToken ? '?refresh=true' : ''), signal));
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Panel title={asOf ? 'Versions (today)' : 'Versions'} resource={versions} testId="versions"
           actions={<Button size="compact-xs" variant="default" onClick={() => setRefreshToken((n) => n + 1)}>Rescan artifact store</Button>}>
      {(answer) => answer.versions.length === 0 ? <Text size="sm" c="dimmed">No versions yet; CI registers builds.</Text> : (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {answer.source === 's3' ? 'Found in the artifact store (registration makes a version deployable)' : 'Registered by CI'} ·
            {' '}as of <Time iso={answer.refreshedAt} relative />
          </Text>
          {answer.versions.map((v) => (
            <Paper key={v.version} withBorder p={6} radius="sm">
              <Group justify="space-between" wrap="nowrap">
                <Anchor component="button" fw={600} onClick={() => setOpen(open === v.version ? null : v.version)} data-testid={`version-${v.version}`}>
                  {v.version}
                </Anchor>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed">{bytes(v.sizeBytes)} · <Time iso={v.lastModified} relative /></Text>
                  {mayMutate(app) && !deployBlock && !asOf && (
                    <Button size="compact-xs" variant="light" component={Link}
                            to={`/deploy?service=${encodeURIComponent(service)}&version=${encodeURIComponent(v.version)}`}>Deploy this version</Button>
                  )}
                </Group>
              </Group>
              <Collapse expanded={open === v.version}>
                {open === v.version && <BuildDetails app={app} service={service} version={v.version} />}
              </Collapse>
            </Paper>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** Build provenance (ui.md §5.2): artifactRef only when the exposure policy shows it, links only when present. */
function BuildDetails({ app, service, version }: { app: AppState; service: string; version: string }) {
  const build = useResource<Build>(`build:${service}:${version}`,
    (signal) => get(`/v1/builds${query({ service, version })}`, signal));
  if (build.error instanceof ApiError && build.error.status === 404) {
    return <Text size="xs" c="dimmed" mt={4}>Not registered by CI yet: found only in the artifact store.</Text>;
  }
  if (build.error) {
    return <ProblemPanel error={build.error} />;
  }
  if (!build.data) {
    return <Text size="xs">…</Text>;
  }
  const b = build.data;
  const rows: [string, React.ReactNode][] = [
    ['git_sha', <Code key="sha">{b.git_sha}</Code>], ['git_branch', b.git_branch], ['ci_publisher', b.ci_publisher],
    ['ci_provider', b.ci_provider], ['ci_run_id', b.ci_run_id], ['built_at', <Time key="built" iso={b.built_at} />],
    ['registeredAt', <Time key="reg" iso={b.registeredAt} />], ['sizeBytes', bytes(b.sizeBytes)], ['sha256', <Code key="sum">{b.sha256}</Code>],
  ];
  if (app.exposure.policy.artifactRef.display) {
    rows.push(['artifactRef', <Code key="ref">{b.artifactRef}</Code>]);
  }
  return (
    <Table fz="xs" mt={4} data-testid="build-provenance">
      <Table.Tbody>
        {rows.map(([label, value]) => <Table.Tr key={label}><Table.Td c="dimmed" w={120}>{label}</Table.Td><Table.Td>{value}</Table.Td></Table.Tr>)}
        {(b.commit_url || b.run_url) && (
          <Table.Tr><Table.Td c="dimmed">links</Table.Td><Table.Td>
            <Group gap="sm">
              {b.commit_url && <Anchor href={b.commit_url} target="_blank" rel="noreferrer" size="xs">commit<ExternalIcon /></Anchor>}
              {b.run_url && <Anchor href={b.run_url} target="_blank" rel="noreferrer" size="xs">CI run<ExternalIcon /></Anchor>}
            </Group>
          </Table.Td></Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

