import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { path } from '../api/client';
import { useSubmission } from '../api/useSubmission';
import type { DeliveryGroup, DeploymentRecord } from '../api/types';
import { rollbackTarget, rolledBackBy } from '../lib/rollback';
import { ProblemPanel } from './ProblemPanel';

interface Props {
  record: DeploymentRecord;
  scope: DeploymentRecord[];
  group: DeliveryGroup | undefined;
  opened: boolean;
  onClose: () => void;
}

/**
 * ui.md §5.5, rollback: a confirmation naming the target version; Cancel sends nothing; Confirm sends
 * POST /v1/deployments/{id}/rollback (no body) with one key for this submission, then opens the new record.
 */
export function RollbackDialog({ record, scope, group, opened, onClose }: Props) {
  const navigate = useNavigate();
  const { busy, error, setError, send } = useSubmission<DeploymentRecord>();
  const target = rollbackTarget(record, scope);
  const already = rolledBackBy(record, scope).length > 0 || record.outcome === 'ROLLED_BACK';

  async function confirm() {
    const created = await send(path('/v1/deployments/{id}/rollback', record.id), undefined, { rollbackOf: record.id });
    if (created) {
      onClose();
      navigate(`/deployments/${created.id}`);
    }
  }

  return (
    <Modal opened={opened} onClose={() => { setError(null); onClose(); }} title="Roll back" size="lg" data-testid="rollback-dialog">
      <Stack>
        <Text data-testid="rollback-summary">
          Roll back {record.service} in {record.environment} from {record.version} to {target?.version ?? '—'}
        </Text>
        <Text size="sm" c="dimmed">
          A rollback is a new deployment of kind ROLLBACK; this record stays as it is.
          Daily rollback quota of {group?.name ?? 'the delivery group'} in {record.environment}: {group?.guardrails?.daily_rollback_quota ?? 10} a day.
        </Text>
        {already && (
          <Alert color="yellow" data-testid="already-rolled-back">This deployment was already rolled back.</Alert>
        )}
        {error !== null && (
          <ProblemPanel error={error} refusal={{ action: 'Rollback', kind: 'rollback', group: group?.name ?? record.deliveryGroupId,
            environment: record.environment, rollbackQuota: group?.guardrails?.daily_rollback_quota }}
                        onRetry={confirm} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>Cancel</Button>
          <Button color="orange" onClick={confirm} loading={busy} disabled={!target} data-testid="rollback-confirm">
            Roll back to {target?.version ?? '—'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
