import { SimpleGrid, Stack, Text } from '@mantine/core';
import { CiPublishersCard } from './CiPublishersCard';
import { EngineAdapterCard } from './EngineAdapterCard';
import { ExposureCard } from './ExposureCard';
import { KillSwitchCard } from './KillSwitchCard';
import { RateLimitsCard } from './RateLimitsCard';

/**
 * ui.md §5.7 System settings: one card per setting, each showing where its value comes from; saves
 * apply at once on every instance and are audited (ADMIN_CONFIG_CHANGE).
 */
export function SettingsPage() {
  return (
    <Stack>
      <Text size="sm" c="dimmed">Saves apply at once on every DXCP instance and are recorded in the audit as ADMIN_CONFIG_CHANGE.</Text>
      <KillSwitchCard />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <RateLimitsCard />
        <ExposureCard />
      </SimpleGrid>
      <CiPublishersCard />
      <EngineAdapterCard />
    </Stack>
  );
}
