import {
  Alert, Anchor, Badge, Button, Grid, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { mayMutate, useApp, type AppState } from '../AppContext';
import { ApiError, get, path, post } from '../api/client';
import * as data from '../api/data';
import { useSubmission } from '../api/useSubmission';
import type {
  DeliveryGroup, DeploymentRecord, Environment, PolicySummary, Recipe, ServiceEntry, ValidateResult, VersionsResponse,
} from '../api/types';
import { useResource } from '../api/useResource';
import { EnvironmentBadge } from '../components/Badges';
import { ProblemPanel } from '../components/ProblemPanel';
import { Time } from '../components/Time';
import { actionBlock } from '../lib/permissions';
import { groupOfService, ownsGroup } from '../lib/ownership';
import type { RefusalContext } from '../lib/refusals';

/** domain §11: the version format, checked locally before asking the server. */
const VERSION_FORMAT = /^[0-9]+\.[0-9]+\.[0-9]+(-[A-Za-z0-9.-]+)?$/;
const SUMMARY_LIMIT = 240;
const POLICY_DEBOUNCE_MS = 300;

/** ui.md §5.3: deploy by intent — form, policy panel, check, deploy. */
export function DeployPage() {
  const app = useApp();
  const [params] = useSearchParams();
  if (!mayMutate(app)) {
    const service = params.get('service');
    return (
      <Alert color="gray" title="Deploying needs the Delivery owner or Platform admin role" data-testid="deploy-forbidden">
        {service ? <Anchor component={Link} to={`/services/${encodeURIComponent(service)}`}>Back to {service}</Anchor>
          : <Anchor component={Link} to="/services">Back to services</Anchor>}
      </Alert>
    );
  }
  return <DeployForm app={app} />;
}

interface Intent {
  service: string;
  environment: string;
  version: string;
  changeSummary: string;
  recipeId?: string;
}

function DeployForm({ app }: { app: AppState }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [service, setService] = useState(params.get('service') ?? '');
  const [environment, setEnvironment] = useState(params.get('environment') ?? '');
  const [version, setVersion] = useState(params.get('version') ?? '');
  const [recipeId, setRecipeId] = useState(params.get('recipeId') ?? '');
  const [summary, setSummary] = useState('');
  const [checked, setChecked] = useState<ValidateResult | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);
  const [confirmProd, setConfirmProd] = useState(false);
  const { busy: deploying, error: deployError, setError: setDeployError, send } = useSubmission<DeploymentRecord>();

  const services = useResource<ServiceEntry[]>('services', data.services);
  const groups = useResource<DeliveryGroup[]>('groups', data.deliveryGroups);
  const envs = useResource<Environment[]>('environments', data.environments);
  const recipes = useResource<Recipe[]>('recipes', data.recipes);
  const versions = useResource<VersionsResponse>(service ? `versions:${service}` : null,
    (signal) => get<VersionsResponse>(path('/v1/services/{s}/versions', service), signal));
  const actions = useResource(service ? `actions:${service}` : null, (signal) => data.allowedActions(service, signal));

  const group = groupOfService(groups.data, service);
  const serviceEntry = services.data?.find((s) => s.service_name === service);
  const environmentEntry = envs.data?.find((e) => e.name === environment);
  const block = service ? actionBlock(app, 'deploy', actions.data, group) : null;

  // The URL keeps the form's choices (ui.md §3: every screen state is in the URL).
  useEffect(() => {
    const next = new URLSearchParams();
    Object.entries({ service, environment, version, recipeId }).forEach(([k, v]) => v && next.set(k, v));
    if (next.toString() !== params.toString()) {
      setParams(next, { replace: true });
    }
  }, [service, environment, version, recipeId, params, setParams]);

  // Policy panel: POST /v1/policy/summary whenever service, environment or recipe change (debounced).
  const [policy, setPolicy] = useState<PolicySummary | null>(null);
  const [policyError, setPolicyError] = useState<unknown>(null);
  const [policyGeneration, setPolicyGeneration] = useState(0);
  const policyScope = useRef('');
  useEffect(() => {
    // A new scope clears the panel; a refresh of the same scope (after a refusal) keeps the numbers shown.
    const scope = `${service}|${environment}|${recipeId}`;
    if (scope !== policyScope.current) {
      policyScope.current = scope;
      setPolicy(null);
    }
    setPolicyError(null);
    if (!service || !environment) {
      return undefined;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      post<PolicySummary>('/v1/policy/summary', { service, environment, ...(recipeId ? { recipeId } : {}) }).then(
        (answer) => !cancelled && setPolicy(answer.data),
        (failure) => !cancelled && setPolicyError(failure),
      );
    }, POLICY_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [service, environment, recipeId, policyGeneration]);

  const serviceOptions = useMemo(() => (services.data ?? [])
    .filter((s) => app.role === 'PLATFORM_ADMIN' || ownsGroup(app.email, groupOfService(groups.data, s.service_name)))
    .map((s) => s.service_name), [services.data, groups.data, app]);
  const environmentOptions = useMemo(() => (envs.data ?? [])
    .filter((e) => app.role === 'PLATFORM_ADMIN' || (e.is_enabled && e.lifecycle_state === 'active'))
    .sort((a, b) => (a.promotion_order ?? 999) - (b.promotion_order ?? 999) || a.name.localeCompare(b.name)), [envs.data, app.role]);
  const recipeOptions = useMemo(() => {
    const allowedByGroup = new Set(group?.allowed_recipes ?? []);
    const allowedByService = new Set(serviceEntry?.allowed_recipes ?? []);
    return (recipes.data ?? []).filter((r) => allowedByGroup.has(r.id) && allowedByService.has(r.id));
  }, [recipes.data, group, serviceEntry]);
  const routedRecipe = useMemo(() => {
    const routedId = policy?.resolvedRecipe?.routing?.recipe_id;
    const routed = recipes.data?.find((r) => r.id === routedId);
    return routed?.name ?? (!recipeId ? policy?.resolvedRecipe?.name : undefined);
  }, [policy, recipes.data, recipeId]);

  function edit<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setChecked(null);
      setCheckError(null);
      setDeployError(null);
    };
  }

  const versionValid = VERSION_FORMAT.test(version);
  const intent: Intent = { service, environment, version, changeSummary: summary, ...(recipeId ? { recipeId } : {}) };
  const killSwitch = app.settings.mutations_disabled;
  const canCheck = !!service && !!environment && versionValid && !block && !checking;
  const summaryMissing = summary.trim().length === 0;
  const canDeploy = !!checked && !summaryMissing && !block && !deploying;
  const refusal: RefusalContext = {
    action: 'Deploy', kind: 'deploy', group: group?.name ?? policy?.deliveryGroupId, environment,
    policy: checked?.policy ?? policy?.policy,
  };

  async function check() {
    setChecking(true);
    setCheckError(null);
    setChecked(null);
    try {
      const answer = await post<ValidateResult>('/v1/deployments/validate', intent);
      setChecked(answer.data);
    } catch (failure) {
      setCheckError(failure);
      setPolicyGeneration((g) => g + 1);
    } finally {
      setChecking(false);
    }
  }

  async function deploy() {
    // Disabled from the first click until an answer arrives (ui.md §4.5).
    const created = await send('/v1/deployments', intent, { ...intent });
    if (created) {
      navigate(`/deployments/${created.id}`);
    } else {
      setPolicyGeneration((g) => g + 1);
    }
  }

  function onDeployClick() {
    if (environmentEntry?.type === 'prod') {
      setConfirmProd(true);
    } else {
      void deploy();
    }
  }

  return (
    <Stack>
      <Title order={2}>Deploy</Title>
      {killSwitch && <Alert color="red" data-testid="deploy-paused">Changes are paused by a platform admin</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Stack>
              <NativeSelect label="Service" value={service} data-testid="deploy-service"
                            data={[{ value: '', label: 'Choose a service' }, ...serviceOptions.map((s) => ({ value: s, label: s }))]}
                            onChange={(event) => { edit(setService)(event.currentTarget.value); setRecipeId(''); }} />
              {service && block && <Text size="sm" c="orange" data-testid="deploy-block">{block}</Text>}
              <NativeSelect label="Environment" value={environment} data-testid="deploy-environment"
                            data={[{ value: '', label: 'Choose an environment' },
                              ...environmentOptions.map((e) => ({ value: e.name, label: `${e.display_name || e.name}${e.type === 'prod' ? ' (prod)' : ''}${e.is_enabled ? '' : ' — disabled'}` }))]}
                            onChange={(event) => edit(setEnvironment)(event.currentTarget.value)} />
              {environmentEntry && <EnvironmentBadge type={environmentEntry.type} />}
              <div>
                <TextInput label="Version" value={version} placeholder="1.2.3" list="dxcp-versions" data-testid="deploy-version"
                           error={version && !versionValid ? 'Use the form 1.2.3 or 1.2.3-rc.1' : undefined}
                           onChange={(event) => edit(setVersion)(event.currentTarget.value.trim())} />
                <datalist id="dxcp-versions">
                  {(versions.data?.versions ?? []).map((v) => (
                    <option key={v.version} value={v.version}>{v.lastModified ? `registered ${v.lastModified}` : ''}</option>
                  ))}
                </datalist>
                {versions.data && (
                  <Text size="xs" c="dimmed" mt={4} data-testid="registered-versions">
                    {versions.data.versions.length === 0 ? 'No versions yet; CI registers builds.'
                      : <>Registered: {versions.data.versions.slice(0, 6).map((v, i) => (
                        <span key={v.version}>{i > 0 && ', '}
                          <Anchor component="button" size="xs" onClick={() => edit(setVersion)(v.version)}>{v.version}</Anchor>
                          {v.lastModified && <Text span size="xs" c="dimmed"> (<Time iso={v.lastModified} relative />)</Text>}
                        </span>))}</>}
                  </Text>
                )}
              </div>
              <NativeSelect label="Recipe" value={recipeId} data-testid="deploy-recipe"
                            data={[{ value: '', label: `Routed recipe for this environment${routedRecipe ? ` (${routedRecipe})` : ''}` },
                              ...recipeOptions.map((r) => ({ value: r.id, label: `${r.name}${r.status === 'deprecated' ? ' (deprecated)' : ''}`, disabled: r.status === 'deprecated' }))]}
                            onChange={(event) => edit(setRecipeId)(event.currentTarget.value)} />
              <Textarea label="Change summary" value={summary} autosize minRows={2} maxLength={SUMMARY_LIMIT} data-testid="deploy-summary"
                        description={`${summary.length}/${SUMMARY_LIMIT}`}
                        onChange={(event) => edit(setSummary)(event.currentTarget.value)} />
              <Group>
                <Button variant="light" onClick={check} disabled={!canCheck || killSwitch} loading={checking} data-testid="check-deployment">
                  Check deployment
                </Button>
                <Button onClick={onDeployClick} disabled={!canDeploy || killSwitch} loading={deploying} data-testid="deploy-submit">
                  Deploy {version || 'version'} to {environment || 'environment'}
                </Button>
              </Group>
              {!checked && !checkError && <Text size="xs" c="dimmed" data-testid="deploy-state">Not checked yet: Check deployment asks DXCP whether this deploy would be accepted.</Text>}
              {checked && summaryMissing && <Text size="xs" c="orange">Enter a change summary, then check again.</Text>}
              {checkError !== null && <ProblemPanel error={checkError} refusal={{ ...refusal, action: 'Check' }} onRetry={check}>
                <ConcurrencyLinks error={checkError} environment={environment} groupId={group?.id} />
              </ProblemPanel>}
              {deployError !== null && <ProblemPanel error={deployError} refusal={refusal} onRetry={deploy}>
                <ConcurrencyLinks error={deployError} environment={environment} groupId={group?.id} />
              </ProblemPanel>}
              {checked && <CheckedCard result={checked} />}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PolicyPanel policy={policy} error={policyError} group={group} refusal={refusal} killSwitch={killSwitch}
                       ready={!!service && !!environment} />
        </Grid.Col>
      </Grid>
      <Modal opened={confirmProd} onClose={() => setConfirmProd(false)} title="Deploy to production">
        <Stack>
          <Text>Deploy <b>{service}</b> <b>{version}</b> to <b>{environment}</b>?</Text>
          <Text size="sm" c="dimmed">Change summary: {summary}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmProd(false)}>Cancel</Button>
            <Button color="red" onClick={() => { setConfirmProd(false); void deploy(); }}>Deploy to {environment}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function CheckedCard({ result }: { result: ValidateResult }) {
  return (
    <Paper withBorder p="sm" radius="md" bg="green.0" data-testid="check-result">
      <Stack gap={4}>
        <Group gap="xs"><Badge color="green">Check passed</Badge><Text size="xs" c="dimmed">validated <Time iso={result.validatedAt} /></Text></Group>
        <Text size="sm">{result.service} {result.version} → {result.environment}, recipe {result.recipeId ?? 'routed'}, group {result.deliveryGroupId}</Text>
        <Text size="sm">Version registered: {result.versionRegistered ? 'yes' : 'no'}</Text>
        <Text size="sm">Deployments left today: {result.policy.deployments_remaining} of {result.policy.daily_deploy_quota} ·
          Running now: {result.policy.current_concurrent_deployments} of {result.policy.max_concurrent_deployments}</Text>
      </Stack>
    </Paper>
  );
}

function PolicyPanel({ policy, error, group, refusal, killSwitch, ready }: {
  policy: PolicySummary | null; error: unknown; group: DeliveryGroup | undefined; refusal: RefusalContext;
  killSwitch: boolean; ready: boolean;
}) {
  return (
    <Paper withBorder p="md" radius="md" data-testid="policy-panel">
      <Title order={4} mb="sm">Policy</Title>
      {!ready && <Text size="sm" c="dimmed">Choose a service and an environment to see the policy that applies.</Text>}
      {ready && !policy && !error && <Text size="sm" c="dimmed">Reading the policy…</Text>}
      {error !== null && <ProblemPanel error={error} refusal={{ ...refusal, action: 'Policy check' }} />}
      {policy && (
        <Stack gap={6}>
          <Text size="sm">Delivery group: <b>{group?.name ?? policy.deliveryGroupId}</b></Text>
          {policy.resolvedRecipe && (
            <Text size="sm">
              Recipe: <b>{policy.resolvedRecipe.name}</b> (revision {policy.resolvedRecipe.revision})
              <Text size="xs" c="dimmed">{policy.resolvedRecipe.effectiveBehaviorSummary}</Text>
            </Text>
          )}
          <Text size="sm" data-testid="policy-quota">
            Deployments left today: <b>{policy.policy.deployments_remaining}</b> of {policy.policy.daily_deploy_quota}
            {policy.policy.deployments_remaining <= 0 && <Badge color="red" ml={6} style={{ textTransform: 'none' }}>0 left</Badge>}
          </Text>
          <Text size="sm" data-testid="policy-concurrency">
            Running now: <b>{policy.policy.current_concurrent_deployments}</b> of {policy.policy.max_concurrent_deployments}
          </Text>
          <Text size="sm">Rollbacks a day: {group?.guardrails?.daily_rollback_quota ?? '—'}</Text>
          <Text size="sm">Kill switch: {killSwitch ? <Badge color="red">on — changes paused</Badge> : 'off'}</Text>
        </Stack>
      )}
    </Paper>
  );
}

/** ui.md §4.3, CONCURRENCY_LIMIT_REACHED: links to the deployments already running in the group and environment. */
function ConcurrencyLinks({ error, environment, groupId }: { error: unknown; environment: string; groupId: string | undefined }) {
  const concurrency = error instanceof ApiError && error.code === 'CONCURRENCY_LIMIT_REACHED';
  const running = useResource<DeploymentRecord[]>(concurrency ? `running:${environment}:${groupId}:${error.requestId}` : null,
    async (signal) => {
      const states = await Promise.all(['IN_PROGRESS', 'ACTIVE'].map((state) => data.deployments({ environment, state }, signal)));
      return states.flat().filter((record) => !groupId || record.deliveryGroupId === groupId);
    });
  if (!concurrency || !running.data) {
    return null;
  }
  return (
    <Stack gap={2} data-testid="running-deployments">
      <Text size="sm">Running now:</Text>
      {running.data.map((record) => (
        <Anchor key={record.id} component={Link} to={`/deployments/${record.id}`} size="sm">
          {record.service} {record.version} in {record.environment} ({record.state.toLowerCase().replace('_', ' ')})
        </Anchor>
      ))}
    </Stack>
  );
}
