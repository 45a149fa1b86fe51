import {
  Alert, Anchor, Button, Code, Collapse, Grid, Group, Paper, Skeleton, Stack, Text, Timeline, Title, Tooltip,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isAdmin, mayMutate, useApp } from '../AppContext';
import { ApiError } from '../api/client';
import * as data from '../api/data';
import type { DeliveryGroup, DeploymentRecord } from '../api/types';
import { useLiveDeployment } from '../api/useLiveDeployment';
import { useResource } from '../api/useResource';
import { CategoryBadge, KIND_LABELS, OutcomeBadge, StateBadge } from '../components/Badges';
import { AsOfControl, AsOfLink } from '../components/AsOf';
import { FieldRow } from '../components/FieldRow';
import { ExternalIcon } from '../components/Icons';
import { LiveIndicator } from '../components/LiveIndicator';
import { ProblemPanel } from '../components/ProblemPanel';
import { RollbackDialog } from '../components/RollbackDialog';
import { Time } from '../components/Time';
import { normalizedCategory } from '../lib/historyFilters';
import { actionBlock } from '../lib/permissions';
import { isRollbackRecord, rollbackTarget, rolledBackBy } from '../lib/rollback';
import { groupOfService } from '../lib/ownership';
import { keepMoment, knownAt, useAsOf } from '../lib/asOf';
import { localTime } from '../lib/format';

/** ui.md §5.5: one deployment, live while it runs. */
export function DeploymentPage() {
  const { id } = useParams();
  const app = useApp();
  const { asOf, travel } = useAsOf();
  const live = useLiveDeployment(id, asOf);
  const record = live.record;
  const scope = useResource<DeploymentRecord[]>(
    record ? `scope:${record.service}:${record.environment}:${record.state}` : null,
    (signal) => data.deployments({ service: record?.service, environment: record?.environment }, signal));
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups);
  const actions = useResource(record && mayMutate(app) ? `actions:${record.service}` : null,
    (signal) => data.allowedActions(record?.service as string, signal));
  const [rollbackOpen, setRollbackOpen] = useState(false);
  const [diagnosticsOpen, setDiagnosticsOpen] = useState(false);

  const group = useMemo(() => {
    if (!record) {
      return undefined;
    }
    return (groups.data ?? []).find((g) => g.id === record.deliveryGroupId) ?? groupOfService(groups.data, record.service);
  }, [groups.data, record]);

  const badMoment = asOf && live.error instanceof ApiError && live.error.code === 'INVALID_REQUEST'
    ? `${live.error.code}: ${live.error.message}` : null;
  const asOfControl = <AsOfControl asOf={asOf} onChange={travel} error={badMoment} />;
  if (!record) {
    if (asOf && live.error instanceof ApiError && live.error.status === 404) {
      return (
        <Stack>
          <Group justify="flex-end">{asOfControl}</Group>
          <Alert color="violet" title="Not there yet" data-testid="deployment-not-yet">
            This deployment did not exist yet at {localTime(asOf)} <Text span size="xs" c="dimmed">({asOf})</Text>.
          </Alert>
        </Stack>
      );
    }
    if (badMoment) {
      return <Stack><Group justify="flex-end">{asOfControl}</Group><ProblemPanel error={live.error} /></Stack>;
    }
    if (live.error instanceof ApiError && live.error.status === 404) {
      return <Missing title="No deployment with this id" id={id} />;
    }
    if (live.error instanceof ApiError && live.error.code === 'DELIVERY_GROUP_SCOPE_REQUIRED') {
      return <OutOfScope id={id as string} error={live.error} />;
    }
    if (live.error) {
      return <ProblemPanel error={live.error} onRetry={live.reload} />;
    }
    return <Stack data-testid="skeleton"><Skeleton height={32} width="50%" /><Skeleton height={160} /></Stack>;
  }

  const scopeRecords = scope.data ?? [];
  const target = rollbackTarget(record, scopeRecords);
  // Only rollbacks that existed at the moment viewed (the list itself is today's).
  const rollbacks = rolledBackBy(record, scopeRecords).filter((rollback) => knownAt(rollback.createdAt, asOf));
  // Viewing the past hides every mutating action (ui.md §4.7).
  const showRollback = mayMutate(app) && !isRollbackRecord(record) && !asOf;
  const here = `/deployments/${record.id}`;
  const block = showRollback ? actionBlock(app, 'rollback', actions.data, group) : null;
  const rollbackDisabledReason = block ?? (scope.data && !target ? 'No earlier successful version to return to' : null);
  const failures = live.failures ?? (record.failures?.length ? record.failures : undefined);
  const lastEvent = live.timeline ? live.timeline[live.timeline.length - 1] : undefined;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Anchor component={Link} to={keepMoment(`/services/${encodeURIComponent(record.service)}`, asOf)} fw={700} fz="xl"
                    data-testid="deployment-service">{record.service}</Anchor>
            <Text fz="xl">→ {record.environment}</Text>
            <Text fz="xl" fw={700} data-testid="deployment-version">{record.version}</Text>
          </Group>
          <Group gap="xs">
            <StateBadge state={record.state} />
            <OutcomeBadge outcome={record.outcome !== record.state ? record.outcome : null} />
            <Text size="sm" c="dimmed" data-testid="deployment-kind">{KIND_LABELS[record.deploymentKind] ?? record.deploymentKind}</Text>
            {live.live && <LiveIndicator updatedAt={live.updatedAt} />}
          </Group>
        </Stack>
        <Group gap="md" align="flex-start" wrap="nowrap">
        {asOfControl}
        {showRollback && (
          <Tooltip label={rollbackDisabledReason} disabled={!rollbackDisabledReason}>
            <span>
              <Button color="orange" variant="light" disabled={!!rollbackDisabledReason || !scope.data}
                      onClick={() => setRollbackOpen(true)} data-testid="rollback-button">Roll back</Button>
            </span>
          </Tooltip>
        )}
        </Group>
      </Group>
      {showRollback && rollbackDisabledReason && (
        <Text size="sm" c="dimmed" data-testid="rollback-disabled-reason">{rollbackDisabledReason}</Text>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">Summary</Title>
            <Stack gap={6}>
              <Field label="Change summary">{record.changeSummary || <Text span c="dimmed">none</Text>}</Field>
              <Field label="Recipe">
                {record.recipeId ?? '—'}{record.recipeRevision ? ` (revision ${record.recipeRevision})` : ''}
                {record.effectiveBehaviorSummary && <Text size="xs" c="dimmed">{record.effectiveBehaviorSummary}</Text>}
              </Field>
              <Field label="Delivery group">{group?.name ?? record.deliveryGroupId ?? '—'}</Field>
              <Field label="Created"><span data-testid="deployment-created"><Time iso={record.createdAt} /><AsOfLink to={here} moment={record.createdAt} /></span></Field>
              <Field label="Updated"><span data-testid="deployment-updated"><Time iso={record.updatedAt} /><AsOfLink to={here} moment={record.updatedAt} /></span></Field>
              {record.sourceEnvironment && <Field label="Promoted from">{record.sourceEnvironment}</Field>}
              {record.rollbackOf && (
                <Field label="Rollback of">
                  <Anchor component={Link} to={keepMoment(`/deployments/${record.rollbackOf}`, asOf)} data-testid="rollback-of">{record.rollbackOf}</Anchor>
                </Field>
              )}
              {rollbacks.map((rollback) => (
                <Field key={rollback.id} label="Rolled back by">
                  <Anchor component={Link} to={keepMoment(`/deployments/${rollback.id}`, asOf)} data-testid="rolled-back-by">
                    {rollback.version} ({rollback.state.toLowerCase()})
                  </Anchor>
                </Field>
              ))}
              <Field label="Id"><Code>{record.id}</Code></Field>
            </Stack>
          </Paper>
          {failures && failures.length > 0 && (
            <Stack mt="md" gap="sm" data-testid="failures">
              <Title order={4}>Failure</Title>
              {failures.map((failure, index) => (
                <Paper key={index} withBorder p="md" radius="md" data-testid="failure-card" bg="red.0">
                  <Stack gap={4}>
                    <Group gap="xs">
                      <CategoryBadge category={normalizedCategory(failure.category)} />
                      <Text fw={700} data-testid="failure-summary">{failure.summary}</Text>
                    </Group>
                    <Text size="sm"><b>What to do:</b> <span data-testid="failure-action">{failure.actionHint}</span></Text>
                    {failure.detail && <Text size="xs" c="dimmed">{failure.detail}</Text>}
                    <Text size="xs" c="dimmed">Observed <Time iso={failure.observedAt} /></Text>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
          {isAdmin(app) && (
            <Paper withBorder p="md" radius="md" mt="md" data-testid="diagnostics">
              <Anchor component="button" onClick={() => setDiagnosticsOpen((o) => !o)} fw={600}>
                {diagnosticsOpen ? 'Hide diagnostics' : 'Diagnostics'}
              </Anchor>
              <Collapse expanded={diagnosticsOpen}>
                <Stack gap={4} mt="sm">
                  <Field label="Engine">{record.engine_type}</Field>
                  <Field label="Execution id"><Code>{record.engineExecutionId ?? '—'}</Code></Field>
                  {record.engineExecutionUrl && (
                    <Anchor href={record.engineExecutionUrl} target="_blank" rel="noreferrer" data-testid="open-in-spinnaker">
                      Open in Spinnaker<ExternalIcon />
                    </Anchor>
                  )}
                </Stack>
              </Collapse>
            </Paper>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md" data-testid="timeline">
            <Title order={4} mb="sm">Timeline</Title>
            {!live.timeline ? <Skeleton height={80} /> : (
              <Timeline active={live.timeline.length - 1} bulletSize={14} lineWidth={2}>
                {live.timeline.map((event) => (
                  <Timeline.Item key={event.key + event.occurredAt} title={event.label}
                                 className={live.live && event === lastEvent ? 'dxcp-timeline-current' : undefined}
                                 data-testid={`timeline-${event.key}`}>
                    {event.detail && <Text size="xs">{event.detail}</Text>}
                    <Text size="xs" c="dimmed"><Time iso={event.occurredAt} /><AsOfLink to={here} moment={event.occurredAt} /></Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Paper>
          {live.error && <ProblemPanel error={live.error} onRetry={live.reload} />}
        </Grid.Col>
      </Grid>
      {rollbackOpen && (
        <RollbackDialog record={record} scope={scopeRecords} group={group} opened={rollbackOpen}
                        onClose={() => setRollbackOpen(false)} />
      )}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return <FieldRow label={label} labelWidth={130}>{children}</FieldRow>;
}

function Missing({ title, id }: { title: string; id: string | undefined }) {
  return (
    <Alert color="gray" title={title} data-testid="deployment-missing">
      No deployment has the id {id}. <Anchor component={Link} to="/deployments">Deployment history</Anchor>
    </Alert>
  );
}

/** ui.md §5.5: 403 DELIVERY_GROUP_SCOPE_REQUIRED, with a link to the history row. */
function OutOfScope({ id, error }: { id: string; error: ApiError }) {
  const list = useResource<DeploymentRecord[]>('all-deployments', (signal) => data.deployments({}, signal));
  const row = list.data?.find((r) => r.id === id);
  const history = row ? `/deployments?service=${encodeURIComponent(row.service)}&environment=${encodeURIComponent(row.environment)}` : '/deployments';
  return (
    <Alert color="yellow" title="Not in your delivery groups" data-testid="out-of-scope">
      <Stack gap={4}>
        <Text size="sm">This deployment belongs to a delivery group you do not own.</Text>
        <Anchor component={Link} to={history}>See it in the deployment history</Anchor>
        <Text size="xs" c="dimmed">code {error.code} · request_id {error.requestId}</Text>
      </Stack>
    </Alert>
  );
}
