import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled value of a read-only record (deployment summary, admin objects). */
export function FieldRow({ label, children, testId, labelWidth = 170 }: { label: string; children: ReactNode; testId?: string; labelWidth?: number }) {
  return (
    <Group gap="md" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={labelWidth} style={{ flexShrink: 0 }}>{label}</Text>
      <div style={{ fontSize: 'var(--mantine-font-size-sm)', minWidth: 0 }} data-testid={testId}>{children}</div>
    </Group>
  );
}
