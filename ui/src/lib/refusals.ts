import type { Policy } from '../api/types';

/**
 * ui.md §4.3: a refused action explained in four parts — what was refused, why, which rule, one
 * next step. Policy numbers come from the latest policy object (policy summary or validate).
 */
export interface RefusalContext {
  action: string;
  group?: string | null;
  environment?: string | null;
  policy?: Policy | null;
  rollbackQuota?: number | null;
  kind?: 'deploy' | 'rollback' | 'promote';
}

export interface Explanation {
  title: string;
  why: string;
  rule: string;
  next: string | null;
}

export function explainRefusal(code: string, message: string, context: RefusalContext): Explanation {
  const group = context.group ?? 'this group';
  const env = context.environment ?? 'this environment';
  const title = `${context.action} refused`;
  const policy = context.policy;
  switch (code) {
    case 'QUOTA_EXCEEDED': {
      if (context.kind === 'rollback') {
        return {
          title,
          why: `Daily rollback quota of group ${group} in ${env} used${context.rollbackQuota ? `: ${context.rollbackQuota} a day` : ''}, 0 left`,
          rule: 'Daily rollback quota (QUOTA_EXCEEDED)',
          next: 'Retry after 00:00 UTC or ask an admin to raise the quota',
        };
      }
      const numbers = policy ? `: ${policy.deployments_used} of ${policy.daily_deploy_quota}, 0 left` : ', 0 left';
      return {
        title,
        why: `Daily deploy quota of group ${group} in ${env} used${numbers}`,
        rule: 'Daily deploy quota (QUOTA_EXCEEDED)',
        next: 'Retry after 00:00 UTC or ask an admin to raise the quota',
      };
    }
    case 'CONCURRENCY_LIMIT_REACHED': {
      const numbers = policy
        ? `${policy.current_concurrent_deployments} of ${policy.max_concurrent_deployments} deployments already running`
        : 'The maximum number of deployments is already running';
      return {
        title,
        why: `${numbers} in ${group}/${env}`,
        rule: 'Concurrency limit (CONCURRENCY_LIMIT_REACHED)',
        next: 'Wait for the running one to finish',
      };
    }
    case 'MUTATIONS_DISABLED':
      return { title, why: 'Changes are paused platform-wide by an admin (kill switch)', rule: 'Kill switch (MUTATIONS_DISABLED)', next: 'Wait; contact the platform team' };
    case 'RATE_LIMITED':
      return { title, why: 'Too many requests this minute', rule: 'Request rate limit (RATE_LIMITED)', next: 'Retry in a minute' };
    case 'RECIPE_NOT_ALLOWED':
      return { title, why: `The recipe is not permitted by delivery group ${group}`, rule: 'Group recipe policy (RECIPE_NOT_ALLOWED)', next: 'Choose another recipe' };
    case 'RECIPE_DEPRECATED':
      return { title, why: 'The recipe is retired (deprecated)', rule: 'Recipe status (RECIPE_DEPRECATED)', next: 'Choose another recipe' };
    case 'RECIPE_INCOMPATIBLE':
      return { title, why: 'The recipe is not supported by the service', rule: 'Service compatibility (RECIPE_INCOMPATIBLE)', next: 'Choose another recipe' };
    case 'RECIPE_NOT_FOUND':
      return { title, why: 'The recipe does not exist', rule: 'Recipe resolution (RECIPE_NOT_FOUND)', next: 'Choose another recipe' };
    case 'SERVICE_NOT_IN_DELIVERY_GROUP':
    case 'SERVICE_NOT_ALLOWLISTED':
      return { title, why: 'The service is not set up for delivery', rule: `Service registry and delivery groups (${code})`, next: 'Ask an admin to add it to a group' };
    case 'ENVIRONMENT_NOT_ALLOWED':
      return { title, why: `Environment ${env} is not usable by group ${group}`, rule: 'Group environment policy (ENVIRONMENT_NOT_ALLOWED)', next: 'Pick another environment or recipe' };
    case 'ENVIRONMENT_DISABLED':
      return { title, why: `Environment ${env} is switched off`, rule: 'Environment state (ENVIRONMENT_DISABLED)', next: 'Pick another environment or recipe' };
    case 'ENVIRONMENT_RETIRED':
      return { title, why: `Environment ${env} is retired`, rule: 'Environment lifecycle (ENVIRONMENT_RETIRED)', next: 'Pick another environment or recipe' };
    case 'SERVICE_ENVIRONMENT_NOT_ROUTED':
      return { title, why: `No recipe is routed for this service in ${env}`, rule: 'Service routing (SERVICE_ENVIRONMENT_NOT_ROUTED)', next: 'Pick another environment or recipe' };
    case 'ENVIRONMENT_REQUIRED':
    case 'INVALID_ENVIRONMENT':
      return { title, why: 'No usable environment was given', rule: `Environment (${code})`, next: 'Pick another environment or recipe' };
    case 'VERSION_NOT_FOUND':
      return { title, why: 'This version was not registered by CI', rule: 'Build registry (VERSION_NOT_FOUND)', next: 'Pick a listed version' };
    case 'INVALID_VERSION':
      return { title, why: 'The version is malformed', rule: 'Version format (INVALID_VERSION)', next: 'Pick a listed version' };
    case 'ARTIFACT_NOT_FOUND':
      return { title, why: "The build's artifact is no longer available", rule: 'Artifact availability (ARTIFACT_NOT_FOUND)', next: 'Rebuild and register a new version' };
    case 'NO_PRIOR_SUCCESSFUL_VERSION':
      return { title, why: 'Nothing earlier succeeded here', rule: 'Rollback target (NO_PRIOR_SUCCESSFUL_VERSION)', next: 'Deploy a known good version' };
    case 'ROLLBACK_OF_ROLLBACK':
      return { title, why: 'A rollback cannot be rolled back', rule: 'Rollback rules (ROLLBACK_OF_ROLLBACK)', next: 'Deploy a known good version' };
    case 'ROLE_FORBIDDEN':
      return { title, why: 'Your role does not allow this', rule: 'Role matrix (ROLE_FORBIDDEN)', next: null };
    case 'DELIVERY_GROUP_SCOPE_REQUIRED':
      return { title, why: 'Your delivery group ownership does not allow this', rule: 'Group ownership (DELIVERY_GROUP_SCOPE_REQUIRED)', next: null };
    case 'IDEMPOTENCY_CONFLICT':
      return { title, why: "This submission's key was already used for different values", rule: 'Idempotency (IDEMPOTENCY_CONFLICT)', next: 'Review and submit again (new key)' };
    case 'UNREACHABLE':
      return { title: 'DXCP could not be reached', why: 'No answer arrived from the server', rule: 'Network', next: 'Retry' };
    default:
      if (code.startsWith('ENGINE_')) {
        return { title, why: 'The delivery engine could not be reached or refused the call', rule: `Delivery engine (${code})`, next: 'Retry later; admins see diagnostics' };
      }
      return { title, why: message, rule: code, next: null };
  }
}
