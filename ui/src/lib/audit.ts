import type { AuditEntry } from '../api/adminTypes';

/** The settings card each ADMIN_CONFIG_CHANGE setting key belongs to (ui.md §5.7 audit: target links). */
export function settingsCard(settingKey: string): string {
  if (['read_rpm', 'mutate_rpm', 'daily_quota_build_register'].includes(settingKey)) {
    return 'rate-limits';
  }
  if (settingKey === 'ci_publishers') {
    return 'ci-publishers';
  }
  if (settingKey === 'mutations_disabled') {
    return 'kill-switch';
  }
  if (settingKey === 'ui_exposure_policy') {
    return 'ui-exposure';
  }
  return settingKey.startsWith('engine_adapter') ? 'engine-adapter' : '';
}

/** Where an entry's target opens: the deployment, the service (a denied deploy names it), the group, recipe or settings card. */
export function targetLink(entry: AuditEntry): string | null {
  const id = encodeURIComponent(entry.target_id);
  switch (entry.target_type) {
    case 'Deployment':
      return entry.event_type === 'DEPLOY_DENIED' || entry.event_type === 'PROMOTION_DENIED'
        ? `/services/${id}` : `/deployments/${id}`;
    case 'DeliveryGroup':
      return `/admin/groups/${id}`;
    case 'Recipe':
      return `/admin/recipes/${id}`;
    case 'AdminSetting': {
      const card = settingsCard(entry.target_id);
      return `/admin/settings${card ? `#${card}` : ''}`;
    }
    default:
      return null;
  }
}

export interface ConfigChange {
  setting: string;
  oldValue: string;
  newValue: string;
  actor: string;
  reason: string | null;
  requestId: string | null;
}

/** An ADMIN_CONFIG_CHANGE summary (a JSON string, governance §14), or null when it is not one. */
export function configChange(entry: AuditEntry): ConfigChange | null {
  if (entry.event_type !== 'ADMIN_CONFIG_CHANGE') {
    return null;
  }
  try {
    const summary = JSON.parse(entry.summary) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
    return {
      setting: String(summary.setting_key ?? entry.target_id),
      oldValue: text(summary.old_value),
      newValue: text(summary.new_value),
      actor: String(summary.actor_email ?? summary.actor_id ?? entry.actor_id),
      reason: typeof summary.reason === 'string' ? summary.reason : null,
      requestId: typeof summary.request_id === 'string' ? summary.request_id : null,
    };
  } catch {
    return null;
  }
}

/** "Load older": the next page joins the shown entries without the ones already there (end_time is inclusive). */
export function appendOlder(shown: AuditEntry[], older: AuditEntry[]): AuditEntry[] {
  const seen = new Set(shown.map((e) => e.event_id));
  return [...shown, ...older.filter((e) => !seen.has(e.event_id))];
}

/** The second an entry happened in, as replay bounds: from its start to its last microsecond. */
export function secondOf(timestamp: string): { from: string; to: string } {
  const second = timestamp.slice(0, 19);
  return { from: `${second}Z`, to: `${second}.999999Z` };
}
