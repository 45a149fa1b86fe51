// Shapes of the admin answers (api-contract §8–§12, governance §14, README "Operating DXCP"), named as the server names them.
import type { DeliveryGroup, Recipe } from './types';

export interface DeliveryGroupDetail extends DeliveryGroup {
  created_at?: string;
  created_by?: string;
  updated_by?: string;
  last_change_reason?: string | null;
}

export interface RecipeDetail extends Recipe {
  engine_type?: string;
  spinnaker_application?: string | null;
  deploy_pipeline?: string | null;
  rollback_pipeline?: string | null;
  created_at?: string;
  updated_at?: string;
  updated_by?: string;
  last_change_reason?: string | null;
}

/** POST /v1/admin/guardrails/validate. `code` names the rule an ERROR breaks (the code a save would answer). */
export interface PreviewMessage {
  type: 'ERROR' | 'WARNING';
  field: string;
  message: string;
  code?: string | null;
}

export interface GuardrailsPreview {
  validation_status: 'OK' | 'WARNING' | 'ERROR';
  messages: PreviewMessage[];
}

export interface GroupBinding {
  delivery_group_id: string;
  environment_id: string;
  is_enabled: boolean;
  order_index: number;
  display_name: string;
  type: string;
  lifecycle_state: string;
}

export interface ServiceRoute {
  service_id: string;
  environment_id: string;
  display_name: string;
  type: string;
  lifecycle_state: string;
  is_enabled: boolean;
  recipe_id: string | null;
}

export interface RateLimits {
  read_rpm: number;
  mutate_rpm: number;
  daily_quota_build_register: number;
  source?: string;
}

export interface CiPublisher {
  name: string;
  provider?: 'github' | 'jenkins' | 'spinnaker' | 'custom';
  issuers?: string[];
  audiences?: string[];
  authorized_party_azp?: string[];
  subjects?: string[];
  subject_prefixes?: string[];
  emails?: string[];
  links?: string[];
  description?: string;
  owner?: string;
}

export interface CiPublishers {
  publishers: CiPublisher[];
  source?: string;
}

export interface KillSwitch {
  mutations_disabled: boolean;
  source?: string;
}

export interface ExposurePolicy {
  policy: { artifactRef: { display: boolean }; externalLinks: { display: boolean } };
  source?: string;
}

export type EngineMode = 'http' | 'mtls' | 'stub';

export interface EngineConfig {
  mode: EngineMode | null;
  gate_url: string | null;
  header_name: string | null;
  header_value_configured: boolean;
  token_url: string | null;
  client_id: string | null;
  client_secret_configured: boolean;
  audience: string | null;
  scope: string | null;
  refresh_skew_seconds: number | null;
  client_cert_path: string | null;
  client_key_path: string | null;
  keystore_path: string | null;
  keystore_password_configured: boolean;
  ca_bundle_path: string | null;
  server_name: string | null;
}

export interface EngineAdapter {
  adapter_id: string;
  label: string;
  engine_type: string;
  config: EngineConfig;
  source?: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export interface EngineCheck {
  status: 'VALID' | 'WARNING' | 'INVALID';
  summary: string;
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

export interface AuditEntry {
  event_id: string;
  event_type: string;
  actor_id: string;
  actor_role: string;
  target_type: string;
  target_id: string;
  timestamp: string;
  outcome: 'SUCCESS' | 'DENIED' | 'FAILED';
  summary: string;
  delivery_group_id: string | null;
  service_name: string | null;
  environment: string | null;
}

export interface ChainLink {
  link: number;
  position: number;
  event_id: string;
  entry_hash: string;
}

export interface ChainVerification {
  verified: boolean;
  checked: number;
  unchained: number;
  from: number;
  to: number | null;
  head: ChainLink | null;
  mismatch?: {
    link: number;
    position: number;
    event_id: string;
    reason: 'HASH_MISMATCH' | 'ROW_MISSING' | 'CHAIN_BROKEN' | string;
    expected_hash: string | null;
    actual_hash: string | null;
  };
}

export interface ProcessorFailure {
  globalIndex: number | null;
  eventIdentifier: string | null;
  payloadType: string | null;
  message: string | null;
}

export interface RebuildProgress {
  projection: string;
  /** abandoned: the instance running it stopped refreshing its claim; a new request restarts it. */
  status: 'rebuilding' | 'switching' | 'completed' | 'failed' | 'abandoned';
  fromGeneration: number;
  targetGeneration: number;
  startedAt: string;
  completedAt: string | null;
  headAtStart: number;
  position: number;
  progress: number;
  eventsPerSecond: number;
  failure: ProcessorFailure | null;
}

export interface ProcessorRow {
  name: string;
  kind: string;
  state: 'live' | 'rebuilding' | 'failed' | 'stopped' | string;
  position: number;
  head: number;
  lag: number;
  rebuildable: boolean;
  activeGeneration: number | null;
  failure: ProcessorFailure | null;
  rebuild: RebuildProgress | null;
}

export interface ProcessorList {
  eventStoreHead: number;
  projections: ProcessorRow[];
  sagas: ProcessorRow[];
}
