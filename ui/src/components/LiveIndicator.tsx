import { Badge, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

/** ui.md §4.6: "Live" with "updated n s ago" while polling. */
export function LiveIndicator({ updatedAt }: { updatedAt: number | undefined }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = updatedAt ? Math.max(0, Math.round((now - updatedAt) / 1000)) : null;
  return (
    <Group gap={6} data-testid="live-indicator">
      <Badge color="blue" variant="dot">Live</Badge>
      {seconds !== null && <Text size="xs" c="dimmed">updated {seconds} s ago</Text>}
    </Group>
  );
}
