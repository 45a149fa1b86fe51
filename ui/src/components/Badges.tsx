import { Badge, Tooltip } from '@mantine/core';
import type { DeploymentKind } from '../api/types';

const STATE_COLORS: Record<string, string> = {
  PENDING: 'gray', ACTIVE: 'blue', IN_PROGRESS: 'blue', SUCCEEDED: 'green', FAILED: 'red', CANCELED: 'orange',
  ROLLED_BACK: 'grape', SUPERSEDED: 'gray',
};

export function StateBadge({ state }: { state: string }) {
  return <Badge color={STATE_COLORS[state] ?? 'gray'} variant="filled" style={{ flexShrink: 0 }} data-testid="state-badge">{state}</Badge>;
}

const OUTCOME_NOTES: Record<string, string> = {
  SUPERSEDED: 'replaced by a later deployment',
  ROLLED_BACK: 'rolled back later',
};

/** ui.md §5.5: outcome is null while running; SUPERSEDED and ROLLED_BACK carry a note. */
export function OutcomeBadge({ outcome }: { outcome: string | null | undefined }) {
  if (!outcome) {
    return null;
  }
  const badge = <Badge color={STATE_COLORS[outcome] ?? 'gray'} variant="light" style={{ flexShrink: 0 }} data-testid="outcome-badge">{outcome}</Badge>;
  return OUTCOME_NOTES[outcome] ? <Tooltip label={OUTCOME_NOTES[outcome]}>{badge}</Tooltip> : badge;
}

const CATEGORY_COLORS: Record<string, string> = {
  VALIDATION: 'yellow', POLICY: 'orange', ARTIFACT: 'grape', INFRASTRUCTURE: 'red', CONFIG: 'cyan', APP: 'pink',
  TIMEOUT: 'indigo', ROLLBACK: 'violet', UNKNOWN: 'gray',
};

export function CategoryBadge({ category }: { category: string }) {
  return <Badge color={CATEGORY_COLORS[category] ?? 'gray'} variant="outline" data-testid="category-badge">{category}</Badge>;
}

export const KIND_LABELS: Record<DeploymentKind, string> = {
  ROLL_FORWARD: 'deploy',
  ROLLBACK: 'rollback',
  PROMOTE: 'promotion',
};

export function EnvironmentBadge({ type }: { type: string | undefined }) {
  return type === 'prod' ? <Badge color="red" variant="light" size="xs">prod</Badge> : null;
}
