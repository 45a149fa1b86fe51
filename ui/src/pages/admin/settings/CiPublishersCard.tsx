import { Badge, Button, CloseButton, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { get } from '../../../api/client';
import type { CiPublisher, CiPublishers } from '../../../api/adminTypes';
import { useAdminWrite } from '../../../api/useAdminWrite';
import { useResource } from '../../../api/useResource';
import { ReviewDialog } from '../../../components/ReviewDialog';
import { publisherChanges, matchesEveryToken, CONSTRAINTS } from '../../../lib/ciPublishers';
import { uuid } from '../../../lib/ids';
import { SettingCard } from './SettingCard';

const URL = '/v1/admin/system/ci-publishers';
const PROVIDERS = ['github', 'jenkins', 'spinnaker', 'custom'];
const CONSTRAINT_LABELS: Record<typeof CONSTRAINTS[number], string> = {
  issuers: 'Issuers (iss)', audiences: 'Audiences (aud)', authorized_party_azp: 'Authorized parties (azp)',
  subjects: 'Subjects (sub)', subject_prefixes: 'Subject prefixes', emails: 'Emails',
};

/**
 * ui.md §5.7 CI publishers: the allowlist of CI identities that may register builds, edited as a
 * whole and saved with PUT {"publishers":[…]} and a new Idempotency-Key per Save (§4.5). An entry
 * without any constraint is flagged: it admits every token with the CI role.
 */
export function CiPublishersCard() {
  const publishers = useResource<CiPublishers>('ci-publishers', (signal) => get(URL, signal));
  const [draft, setDraft] = useState<CiPublisher[] | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const save = useAdminWrite();

  async function submit() {
    if (await save.run<CiPublishers>('PUT', URL, { publishers: draft }, uuid())) {
      setReviewing(false);
      setDraft(null);
      publishers.reload();
    }
  }

  function edit(index: number, next: Partial<CiPublisher>) {
    setDraft((list) => list && list.map((p, i) => (i === index ? { ...p, ...next } : p)));
  }

  return (
    <SettingCard id="ci-publishers" title="CI publishers" resource={publishers}
                 actions={publishers.data && !draft && (
                   <Button size="xs" onClick={() => { save.setError(null); setDraft(publishers.data?.publishers.map((p) => ({ ...p })) ?? []); }}
                           data-testid="publishers-edit">Edit publishers</Button>
                 )}>
      {(current) => draft ? (
        <Stack data-testid="publishers-form">
          {draft.map((publisher, index) => (
            <Paper key={index} withBorder p="sm" radius="sm" data-testid={`publisher-form-${index}`}>
              <Group justify="space-between" mb={6}>
                <Group gap="xs">
                  <Text fw={700} size="sm">{publisher.name || 'New publisher'}</Text>
                  {matchesEveryToken(publisher) && <Badge color="orange" variant="light" size="sm">matches every CI token</Badge>}
                </Group>
                <CloseButton aria-label={`Remove ${publisher.name}`} onClick={() => setDraft((list) => list && list.filter((_, i) => i !== index))} />
              </Group>
              <SimpleGrid cols={{ base: 1, md: 4 }}>
                <TextInput label="Name" required size="xs" value={publisher.name} data-testid={`publisher-name-${index}`}
                           onChange={(e) => edit(index, { name: e.currentTarget.value })} />
                <NativeSelect label="Provider" size="xs" value={publisher.provider ?? 'custom'} data={PROVIDERS} data-testid={`publisher-provider-${index}`}
                              onChange={(e) => edit(index, { provider: e.currentTarget.value as CiPublisher['provider'] })} />
                <TextInput label="Owner" size="xs" value={publisher.owner ?? ''} onChange={(e) => edit(index, { owner: e.currentTarget.value || undefined })} />
                <TextInput label="Description" size="xs" value={publisher.description ?? ''}
                           onChange={(e) => edit(index, { description: e.currentTarget.value || undefined })} />
                {CONSTRAINTS.map((key) => (
                  <TagsInput key={key} label={CONSTRAINT_LABELS[key]} size="xs" value={publisher[key] ?? []}
                             data-testid={`publisher-${key}-${index}`} onChange={(values) => edit(index, { [key]: values.length ? values : undefined })} />
                ))}
              </SimpleGrid>
            </Paper>
          ))}
          <Group justify="space-between">
            <Button size="xs" variant="light" onClick={() => setDraft((list) => [...(list ?? []), { name: '', provider: 'custom' }])}
                    data-testid="publisher-add">Add publisher</Button>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setDraft(null)}>Cancel</Button>
              <Button size="xs" onClick={() => { save.setError(null); setReviewing(true); }} data-testid="publishers-review">Review changes</Button>
            </Group>
          </Group>
          <ReviewDialog opened={reviewing} onClose={() => setReviewing(false)} title="Save CI publishers"
                        changes={publisherChanges(current.publishers, draft)} error={save.error} busy={save.busy} onSave={() => void submit()}
                        note={<Text size="sm" c="dimmed">The whole list replaces the saved one; CI tokens are matched against it from the next request.</Text>} />
        </Stack>
      ) : (
        current.publishers.length === 0 ? <Text size="sm" c="dimmed">No CI publisher is allowed: no build can be registered.</Text> : (
          <Table fz="sm" data-testid="publishers-table">
            <Table.Thead>
              <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Provider</Table.Th><Table.Th>Matches tokens with</Table.Th><Table.Th>Owner</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {current.publishers.map((publisher) => (
                <Table.Tr key={publisher.name} data-testid={`publisher-${publisher.name}`}>
                  <Table.Td fw={600}>{publisher.name}{publisher.description && <Text size="xs" c="dimmed">{publisher.description}</Text>}</Table.Td>
                  <Table.Td>{publisher.provider ?? 'custom'}</Table.Td>
                  <Table.Td>
                    {matchesEveryToken(publisher) ? <Badge color="orange" variant="light">matches every CI token</Badge> : (
                      <Stack gap={0}>
                        {CONSTRAINTS.filter((key) => publisher[key]?.length).map((key) => (
                          <Text key={key} size="xs"><Text span c="dimmed">{CONSTRAINT_LABELS[key]}:</Text> {publisher[key]?.join(', ')}</Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>{publisher.owner ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      )}
    </SettingCard>
  );
}
