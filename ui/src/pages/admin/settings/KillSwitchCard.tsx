import { Badge, Button, Group, List, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { get } from '../../../api/client';
import type { KillSwitch } from '../../../api/adminTypes';
import { useAdminWrite } from '../../../api/useAdminWrite';
import { useResource } from '../../../api/useResource';
import { useApp } from '../../../AppContext';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SettingCard } from './SettingCard';

const URL = '/v1/admin/system/mutations-disabled';

/**
 * ui.md §5.7 mutation kill switch: its state and a toggle. Switching on needs a reason and a
 * confirmation of what stops and what continues. Never blocked by itself (api-contract §11).
 */
export function KillSwitchCard() {
  const app = useApp();
  const state = useResource<KillSwitch>('kill-switch', (signal) => get(URL, signal));
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const write = useAdminWrite();
  const on = state.data?.mutations_disabled ?? false;

  async function confirm() {
    const answer = await write.run<KillSwitch>('PUT', URL, { mutations_disabled: !on, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    if (answer) {
      setAsking(false);
      setReason('');
      state.reload();
      app.reloadSettings();
    }
  }

  return (
    <SettingCard id="kill-switch" title="Mutation kill switch" resource={state}>
      {(current) => (
        <Group justify="space-between" align="center">
          <Group gap="sm">
            <Badge size="lg" color={current.mutations_disabled ? 'red' : 'green'} data-testid="kill-switch-state">
              {current.mutations_disabled ? 'on: changes paused' : 'off'}
            </Badge>
            <Text size="sm" c="dimmed">
              {current.mutations_disabled ? 'Deploys, rollbacks, promotions, build registrations and admin writes are refused.'
                : 'Changes are allowed. Turn it on to pause every change platform-wide during an incident.'}
            </Text>
          </Group>
          <Button color={current.mutations_disabled ? 'green' : 'red'} variant={current.mutations_disabled ? 'filled' : 'light'}
                  onClick={() => { write.setError(null); setAsking(true); }} data-testid="kill-switch-toggle">
            {current.mutations_disabled ? 'Turn off' : 'Turn on'}
          </Button>
          <ConfirmDialog opened={asking} onClose={() => setAsking(false)} busy={write.busy} error={write.error}
                         title={on ? 'Turn the kill switch off' : 'Turn the kill switch on'}
                         confirmLabel={on ? 'Turn off: allow changes' : 'Turn on: pause changes'} color={on ? 'green' : 'red'}
                         blocked={!on && !reason.trim() ? 'A reason is needed to pause changes' : null} onConfirm={() => void confirm()}>
            {on ? (
              <Text size="sm">Deploys, rollbacks, promotions, build registrations and admin writes are accepted again at once, on every instance.</Text>
            ) : (
              <SimpleGrid cols={2}>
                <Stack gap={2} data-testid="kill-switch-stops">
                  <Text size="sm" fw={700}>Stops</Text>
                  <List size="sm"><List.Item>Deploys</List.Item><List.Item>Rollbacks</List.Item><List.Item>Promotions</List.Item>
                    <List.Item>Build registration by CI</List.Item><List.Item>Admin writes (configuration and settings)</List.Item></List>
                </Stack>
                <Stack gap={2} data-testid="kill-switch-continues">
                  <Text size="sm" fw={700}>Continues</Text>
                  <List size="sm"><List.Item>Reads, lists and insights</List.Item><List.Item>Validation previews and policy checks</List.Item>
                    <List.Item>Projection rebuilds</List.Item><List.Item>Deployments already running</List.Item><List.Item>This switch</List.Item></List>
                </Stack>
              </SimpleGrid>
            )}
            <Textarea label="Reason" required={!on} value={reason} description="Recorded in the audit with your identity"
                      onChange={(e) => setReason(e.currentTarget.value)} data-testid="kill-switch-reason" />
          </ConfirmDialog>
        </Group>
      )}
    </SettingCard>
  );
}
