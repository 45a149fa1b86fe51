import type { AppState } from '../AppContext';
import type { AllowedActions, DeliveryGroup } from '../api/types';
import { KILL_SWITCH_REASON } from '../shell/Banners';
import { ownsGroup } from './ownership';

/**
 * ui.md §4.1: what keeps a mutating button (deploy, rollback, promote) disabled, or null when it is
 * enabled. OBSERVERs never see these buttons (callers check `mayMutate` first). Guardrails the server
 * may refuse on (quota, concurrency) leave the button enabled: the refusal is explained instead.
 */
export function actionBlock(app: AppState, action: 'deploy' | 'rollback', actions: AllowedActions | undefined,
                            group: DeliveryGroup | undefined): string | null {
  if (actions && !actions.actions[action]) {
    return `Your role (${actions.role}) does not allow this`;
  }
  if (app.role === 'DELIVERY_OWNER') {
    if (!group) {
      return 'This service belongs to no delivery group; a platform admin can add it to one';
    }
    if (!ownsGroup(app.email, group)) {
      return `You are not an owner of delivery group ${group.name}; a platform admin can add ${app.email ?? 'your email'} to its owners`;
    }
  }
  if (app.settings.mutations_disabled) {
    return KILL_SWITCH_REASON;
  }
  return null;
}
