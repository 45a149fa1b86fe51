import { ApiError } from '../api/client';
import type { PreviewMessage } from '../api/adminTypes';

/** A form's problems by field name, each "CODE: message" when the server gave a code (ui.md §5.7). */
export type FieldErrors = Record<string, string>;

/** The form field each save refusal names (api-contract §8 delivery groups). */
export const GROUP_FIELDS: Record<string, string> = {
  DELIVERY_GROUP_EXISTS: 'id', ID_MISMATCH: 'id', MISSING_NAME: 'name',
  SERVICE_ALREADY_ASSIGNED: 'services', SERVICE_NOT_ALLOWLISTED: 'services', INVALID_SERVICES: 'services',
  RECIPE_NOT_FOUND: 'allowed_recipes', INVALID_RECIPES: 'allowed_recipes', INVALID_ENVIRONMENTS: 'allowed_environments',
  INVALID_GUARDRAIL: 'guardrails', INVALID_OWNER: 'owner',
};

/** api-contract §9 recipes. */
export const RECIPE_FIELDS: Record<string, string> = {
  RECIPE_ID_REQUIRED: 'id', RECIPE_EXISTS: 'id', ID_MISMATCH: 'id', RECIPE_NAME_REQUIRED: 'name',
  RECIPE_DEPLOY_PIPELINE_REQUIRED: 'deploy_pipeline', MISSING_ENGINE_APP: 'spinnaker_application',
  MISSING_ENGINE_PIPELINE: 'deploy_pipeline', INVALID_STATUS: 'status', RECIPE_BEHAVIOR_REQUIRED: 'effective_behavior_summary',
};

/** api-contract §10 environments. */
export const ENVIRONMENT_FIELDS: Record<string, string> = {
  INVALID_ENVIRONMENT_ID: 'environment_id', ENVIRONMENT_EXISTS: 'environment_id', INVALID_ENVIRONMENT_TYPE: 'type',
  ENVIRONMENT_TYPE_LOCKED: 'type', INVALID_ENVIRONMENT_LIFECYCLE_STATE: 'lifecycle_state',
};

/**
 * The fields a refused save names: by its code, or by `details.errors[{field,message}]` (engine adapter).
 * A refusal that names no field (the kill switch, a role) marks none; the problem panel explains it.
 */
export function refusalFields(error: unknown, byCode: Record<string, string>): FieldErrors {
  if (!(error instanceof ApiError)) {
    return {};
  }
  const found: FieldErrors = {};
  const listed = error.details?.errors;
  if (Array.isArray(listed)) {
    listed.forEach((entry) => {
      const problem = entry as { field?: string; message?: string };
      if (problem.field) {
        found[problem.field] = problem.message ?? error.message;
      }
    });
  }
  const field = byCode[error.code];
  if (field) {
    found[field] = `${error.code}: ${error.message}`;
  }
  return found;
}

/** The ERROR messages of a guardrails preview by field; guardrail keys are fields of their own. */
export function previewFields(messages: PreviewMessage[] | undefined): FieldErrors {
  const found: FieldErrors = {};
  (messages ?? []).filter((m) => m.type === 'ERROR').forEach((m) => {
    const text = m.code ? `${m.code}: ${m.message}` : m.message;
    found[m.field] = found[m.field] ? `${found[m.field]}; ${text}` : text;
  });
  return found;
}

const RATE_LIMIT_MAX = 5000;

/**
 * What keeps a rate-limit value from being saved, or null: the form only offers Save for values the
 * server accepts (ui.md §5.7 "Save only when changed and valid"; api-contract §11: integers, read and
 * mutate 1–5000, build registrations 0–5000).
 */
export function rateLimitProblem(text: string, min: number): string | null {
  if (!/^\d+$/.test(text.trim())) {
    return 'A whole number';
  }
  const value = Number(text);
  return value < min || value > RATE_LIMIT_MAX ? `Between ${min} and ${RATE_LIMIT_MAX}` : null;
}
