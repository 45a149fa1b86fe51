import { Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { post } from '../api/client';
import { useSubmission } from '../api/useSubmission';
import type { DeliveryGroup, DeploymentRecord, PromotionCandidate, PromotionValidateResult } from '../api/types';
import { ProblemPanel } from './ProblemPanel';

interface Props {
  service: string;
  candidate: PromotionCandidate;
  group: DeliveryGroup | undefined;
  opened: boolean;
  onClose: () => void;
}

/** ui.md §5.2, promote dialog: change summary → validate → promote with the submission's key. */
export function PromoteDialog({ service, candidate, group, opened, onClose }: Props) {
  const navigate = useNavigate();
  const [summary, setSummary] = useState('');
  const [checked, setChecked] = useState<PromotionValidateResult | null>(null);
  const [checking, setChecking] = useState(false);
  const { busy, error, setError, send } = useSubmission<DeploymentRecord>();
  const intent = {
    service,
    source_environment: candidate.source_environment,
    target_environment: candidate.target_environment,
    version: candidate.version,
    changeSummary: summary,
  };
  const refusal = { action: 'Promotion', kind: 'promote' as const, group: group?.name, environment: candidate.target_environment };

  async function check() {
    setChecking(true);
    setError(null);
    try {
      setChecked((await post<PromotionValidateResult>('/v1/promotions/validate', intent)).data);
    } catch (failure) {
      setError(failure);
    } finally {
      setChecking(false);
    }
  }

  async function promote() {
    const created = await send('/v1/promotions', intent, intent);
    if (created) {
      onClose();
      navigate(`/deployments/${created.id}`);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`Promote ${service}`} size="lg">
      <Stack>
        <Text>Promote {candidate.version} from {candidate.source_environment} to {candidate.target_environment}</Text>
        <Textarea label="Change summary" required maxLength={240} value={summary} description={`${summary.length}/240`}
                  onChange={(event) => { setSummary(event.currentTarget.value); setChecked(null); }} />
        {checked && (
          <Group gap="xs">
            <Badge color={checked.versionEligible ? 'green' : 'red'}>{checked.versionEligible ? 'version eligible' : 'not eligible'}</Badge>
            <Text size="sm">Deployments left today in {candidate.target_environment}: {checked.policy.deployments_remaining} of {checked.policy.daily_deploy_quota}</Text>
          </Group>
        )}
        {error !== null && <ProblemPanel error={error} refusal={refusal} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button variant="light" onClick={check} disabled={!summary.trim()} loading={checking}>Check promotion</Button>
          <Button onClick={promote} disabled={!checked || !summary.trim()} loading={busy}>Promote</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
