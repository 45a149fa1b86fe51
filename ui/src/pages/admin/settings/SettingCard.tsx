import { Badge, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Resource } from '../../../api/useResource';
import { Panel } from '../../../components/Panel';

/** A settings card: its title, the `source` of the value shown (runtime defaults or persisted), then the body. */
export function SettingCard<T extends { source?: string }>({ id, title, resource, actions, children }: {
  id: string; title: string; resource: Resource<T>; actions?: ReactNode; children: (data: T) => ReactNode;
}) {
  return (
    <div id={id}>
      <Panel resource={resource} testId={`card-${id}`} actions={actions}
             title={(
               <Group gap="xs">
                 <Title order={4}>{title}</Title>
                 {resource.data?.source && (
                   <Badge size="xs" variant="outline" color={resource.data.source === 'persisted' ? 'blue' : 'gray'}
                          title={resource.data.source === 'persisted' ? 'Saved by an admin' : 'Start-up configuration or default'}>
                     {resource.data.source}
                   </Badge>
                 )}
               </Group>
             )}>
        {children}
      </Panel>
    </div>
  );
}
