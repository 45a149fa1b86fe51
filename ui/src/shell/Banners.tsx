import { Box, Button, Group, Text } from '@mantine/core';
import { localTime } from '../lib/format';

/** ui.md §2: permanent on every page in embedded mode. */
export function EmbeddedStrip() {
  return (
    <Box bg="yellow.2" px="md" py={4} data-testid="embedded-strip">
      <Text size="sm" fw={600} ta="center">Embedded development mode — tokens are not real identities</Text>
    </Box>
  );
}

/** ui.md §4.4: while the kill switch is on. */
export function KillSwitchBanner() {
  return (
    <Box bg="red.1" px="md" py={6} data-testid="kill-switch-banner">
      <Text size="sm" fw={600} ta="center" c="red.9">
        Changes are paused by a platform admin: deploys, rollbacks and promotions are switched off until the kill switch is turned off.
      </Text>
    </Box>
  );
}

export const KILL_SWITCH_REASON = 'Changes are paused by a platform admin';

/** ui.md §4.7: while a page shows the past; actions are hidden there and links keep the moment. */
export function TimeTravelBanner({ asOf, onBack }: { asOf: string; onBack: () => void }) {
  return (
    <Box bg="violet.1" px="md" py={6} data-testid="time-travel-banner">
      <Group justify="center" gap="md">
        <Text size="sm" fw={600} c="violet.9" title={asOf}>
          Viewing DXCP as of {localTime(asOf)} — configuration and permissions are today's
        </Text>
        <Button size="compact-sm" color="violet" onClick={onBack} data-testid="back-to-now">Back to now</Button>
      </Group>
    </Box>
  );
}
