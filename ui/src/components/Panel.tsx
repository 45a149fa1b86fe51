import { Paper, Skeleton, Stack, Text, Title, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Resource } from '../api/useResource';
import { ProblemPanel } from './ProblemPanel';

interface Props<T> {
  title?: ReactNode;
  actions?: ReactNode;
  resource: Resource<T>;
  children: (data: T) => ReactNode;
  testId?: string;
}

/**
 * One panel over one resource (ui.md §4.2): a skeleton while loading, the problem panel when it
 * failed, the last data with "Refreshing paused" after a 429.
 */
export function Panel<T>({ title, actions, resource, children, testId }: Props<T>) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap="sm">
        {(title || actions) && (
          <Group justify="space-between" wrap="nowrap">
            {typeof title === 'string' ? <Title order={4}>{title}</Title> : title}
            {actions}
          </Group>
        )}
        {resource.rateLimited && <Text size="xs" c="orange">Refreshing paused (request limit)</Text>}
        {resource.data === undefined && resource.loading && (
          <Stack gap={6} data-testid="skeleton">
            <Skeleton height={14} />
            <Skeleton height={14} width="80%" />
            <Skeleton height={14} width="60%" />
          </Stack>
        )}
        {resource.error && !resource.rateLimited && <ProblemPanel error={resource.error} onRetry={resource.reload} />}
        {resource.data !== undefined && children(resource.data)}
      </Stack>
    </Paper>
  );
}
