// Shapes of the /v1 answers the UI reads, named exactly as api-contract.md names them.

export type DeploymentState = 'PENDING' | 'ACTIVE' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' | 'ROLLED_BACK';
export type DeploymentKind = 'ROLL_FORWARD' | 'ROLLBACK' | 'PROMOTE';

export interface Failure {
  category: string;
  summary: string;
  detail: string | null;
  actionHint: string;
  observedAt: string;
}

export interface DeploymentRecord {
  id: string;
  service: string;
  environment: string;
  version: string;
  sourceEnvironment: string | null;
  recipeId: string | null;
  recipeRevision: number | null;
  effectiveBehaviorSummary: string | null;
  state: DeploymentState;
  deploymentKind: DeploymentKind;
  outcome: string | null;
  changeSummary: string;
  createdAt: string;
  updatedAt: string;
  rollbackOf: string | null;
  deliveryGroupId: string | null;
  engine_type: string;
  failures: Failure[];
  engineExecutionId?: string | null;
  engineExecutionUrl?: string | null;
}

export interface TimelineEvent {
  key: string;
  label: string;
  occurredAt: string;
  detail: string | null;
}

export interface ServiceEntry {
  service_name: string;
  allowed_environments: string[];
  allowed_recipes: string[];
  allowed_artifact_sources: string[];
  stable_service_url_template: string | null;
  backstage_entity_ref: string | null;
  backstage_entity_url: string | null;
}

export interface Guardrails {
  max_concurrent_deployments: number | null;
  daily_deploy_quota: number | null;
  daily_rollback_quota: number | null;
}

export interface DeliveryGroup {
  id: string;
  name: string;
  description: string | null;
  owner: string | null;
  services: string[];
  allowed_environments: string[] | null;
  allowed_recipes: string[];
  guardrails: Guardrails | null;
  updated_at?: string;
}

export interface Environment {
  id: string;
  name: string;
  display_name: string;
  type: 'prod' | 'non_prod';
  lifecycle_state: 'active' | 'disabled' | 'retired';
  promotion_order: number | null;
  delivery_group_id: string | null;
  is_enabled: boolean;
}

export interface Recipe {
  id: string;
  name: string;
  description: string | null;
  recipe_revision: number;
  effective_behavior_summary: string;
  status: 'active' | 'deprecated';
}

export interface Policy {
  max_concurrent_deployments: number;
  current_concurrent_deployments: number;
  daily_deploy_quota: number;
  deployments_used: number;
  deployments_remaining: number;
  daily_quota_build_register: number;
}

export interface PolicySummary {
  service: string;
  environment: string;
  recipeId: string | null;
  deliveryGroupId: string;
  resolvedRecipe: {
    id: string;
    name: string;
    status: string;
    revision: number;
    effectiveBehaviorSummary: string;
    routing: { recipe_id: string; display_name?: string } | null;
  } | null;
  policy: Policy;
  generatedAt: string;
}

export interface ValidateResult {
  service: string;
  environment: string;
  version: string;
  recipeId: string | null;
  deliveryGroupId: string;
  versionRegistered: boolean;
  policy: Policy;
  validatedAt: string;
}

export interface PromotionValidateResult {
  service: string;
  source_environment: string;
  target_environment: string;
  version: string;
  recipeId: string | null;
  deliveryGroupId: string;
  versionEligible: boolean;
  policy: Policy;
  validatedAt: string;
}

export interface Whoami {
  actor_id: string;
  sub: string | null;
  email: string | null;
  iss: string | null;
  azp: string | null;
}

export interface PublicSettings {
  default_refresh_interval_seconds: number;
  min_refresh_interval_seconds: number;
  max_refresh_interval_seconds: number;
  mutations_disabled: boolean;
}

export interface UiExposure {
  policy: { artifactRef: { display: boolean }; externalLinks: { display: boolean } };
}

export interface VersionEntry {
  version: string;
  artifactRef: string | null;
  sizeBytes: number | null;
  lastModified: string | null;
}

export interface VersionsResponse {
  service: string;
  source: 'cache' | 's3';
  versions: VersionEntry[];
  refreshedAt: string;
}

export interface Build {
  id: string;
  service: string;
  version: string;
  artifactRef: string;
  git_sha: string;
  git_branch: string;
  ci_publisher: string;
  ci_provider: string;
  ci_run_id: string;
  built_at: string;
  sha256: string;
  sizeBytes: number;
  contentType: string;
  repo: string | null;
  actor: string | null;
  commit_url: string | null;
  run_url: string | null;
  registeredAt: string;
}

export interface RunningState {
  service: string;
  environment: string;
  scope: string;
  version: string;
  deploymentId: string;
  deploymentKind: DeploymentKind;
  derivedAt: string;
}

export interface PromotionCandidate {
  eligible: boolean;
  reason?: string;
  source_environment?: string;
  target_environment?: string;
  version?: string;
  recipeId?: string;
}

export interface DeliveryStatus {
  service?: string;
  environment?: string;
  hasDeployments?: boolean;
  latest: (Partial<DeploymentRecord> & { id: string; state: DeploymentState; version: string; createdAt: string }) | null;
  currentRunning: RunningState | null;
  promotionCandidate: PromotionCandidate | null;
}

export interface AllowedActions {
  service: string;
  actions: { view: boolean; deploy: boolean; rollback: boolean };
  role: string;
}

export interface KeyCount {
  key: string;
  count: number;
}

export interface FailureInsights {
  windowDays: number;
  windowStart: string;
  windowEnd: string;
  totalDeployments: number;
  totalRollbacks: number;
  rollbackRate: number;
  failuresByCategory: KeyCount[];
  deploymentsByRecipe: KeyCount[];
  deploymentsByGroup: KeyCount[];
}

export interface DoraMeasures {
  deploymentFrequency: { successfulDeployments: number; perDay: number };
  leadTimeForChanges: { samples: number; p50Seconds: number | null; meanSeconds: number | null };
  changeFailureRate: { failedChanges: number; finishedChanges: number; rate: number };
  timeToRestore: { incidents: number; restored: number; p50Seconds: number | null; meanSeconds: number | null };
}

export interface DoraInsights extends DoraMeasures {
  windowDays: number;
  windowStart: string;
  windowEnd: string;
  groupBy?: string;
  breakdown?: (DoraMeasures & { key: string })[];
}
