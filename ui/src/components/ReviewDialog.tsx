import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useApp } from '../AppContext';
import type { GuardrailsPreview } from '../api/adminTypes';
import type { Change } from '../lib/adminChanges';
import { KILL_SWITCH_REASON } from '../shell/Banners';
import { ProblemPanel } from './ProblemPanel';

export interface PreviewState {
  loading: boolean;
  result: GuardrailsPreview | null;
  error: unknown;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  changes: Change[];
  /** The server's validation preview, where one exists: ERROR blocks Save, WARNING needs the tick. */
  preview?: PreviewState;
  /** Asked for when the server records it (delivery groups, recipes). */
  reason?: { value: string; onChange: (value: string) => void };
  note?: ReactNode;
  error: unknown;
  busy: boolean;
  onSave: () => void;
  saveLabel?: string;
}

/**
 * ui.md §5.7: the review step every admin Save passes — the changes old → new, the server preview,
 * the acknowledgement of its warnings, the change reason, then Save. While the kill switch is on Save
 * stays disabled with the kill switch's reason (§4.4); the preview keeps working.
 */
export function ReviewDialog({ opened, onClose, title, changes, preview, reason, note, error, busy, onSave, saveLabel = 'Save' }: Props) {
  const app = useApp();
  const [acknowledged, setAcknowledged] = useState(false);
  const status = preview?.result?.validation_status;
  useEffect(() => {
    if (opened) {
      setAcknowledged(false);
    }
  }, [opened, preview?.result]);
  const paused = app.settings.mutations_disabled;
  const blocked = paused || busy || !!preview?.loading || !!preview?.error || status === 'ERROR'
    || (status === 'WARNING' && !acknowledged) || (!!reason && reason.value.trim() === '') || changes.length === 0;

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl" data-testid="review-dialog">
      <Stack>
        {changes.length === 0 ? <Text size="sm" c="dimmed" data-testid="review-no-changes">Nothing changed.</Text> : (
          <Table fz="sm" withTableBorder data-testid="review-changes">
            <Table.Thead>
              <Table.Tr><Table.Th>Setting</Table.Th><Table.Th>Now</Table.Th><Table.Th>After saving</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((change) => (
                <Table.Tr key={change.field} data-testid="review-change">
                  <Table.Td fw={600}>{change.field}</Table.Td>
                  <Table.Td c="dimmed" style={{ wordBreak: 'break-word' }}>{change.before}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{change.after}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {note}
        {preview && <PreviewPanel preview={preview} />}
        {status === 'WARNING' && (
          <Checkbox label="I have read the warnings" checked={acknowledged} data-testid="review-ack"
                    onChange={(event) => setAcknowledged(event.currentTarget.checked)} />
        )}
        {reason && (
          <Textarea label="Change reason" description="Recorded with the change and shown in its history" required autosize minRows={2}
                    value={reason.value} onChange={(event) => reason.onChange(event.currentTarget.value)} data-testid="review-reason" />
        )}
        {error !== null && error !== undefined && <ProblemPanel error={error} title="Save refused" />}
        {paused && <Text size="sm" c="red.8" data-testid="save-paused">{KILL_SWITCH_REASON}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-testid="review-cancel">Cancel</Button>
          <Button onClick={onSave} loading={busy} disabled={blocked} data-testid="review-save"
                  title={paused ? KILL_SWITCH_REASON : undefined}>{saveLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PreviewPanel({ preview }: { preview: PreviewState }) {
  if (preview.loading) {
    return <Group gap="xs"><Loader size="xs" /><Text size="sm">Asking the server to check the change…</Text></Group>;
  }
  if (preview.error) {
    return <ProblemPanel error={preview.error} title="The server could not check the change" />;
  }
  const result = preview.result;
  if (!result) {
    return null;
  }
  const color = result.validation_status === 'OK' ? 'green' : result.validation_status === 'WARNING' ? 'yellow' : 'red';
  return (
    <Alert color={color} variant="light" data-testid="review-preview" data-status={result.validation_status}
           title={<Group gap="xs">Server check <Badge color={color}>{result.validation_status}</Badge></Group>}>
      {result.messages.length === 0 ? <Text size="sm">No problems found.</Text> : (
        <Stack gap={4}>
          {result.messages.map((message, index) => (
            <Text key={index} size="sm" data-testid={`preview-${message.type.toLowerCase()}`}>
              <Badge size="xs" color={message.type === 'ERROR' ? 'red' : 'yellow'} mr={6}>{message.type}</Badge>
              <b>{message.field}</b>{message.code ? <> · <code>{message.code}</code></> : null}: {message.message}
            </Text>
          ))}
        </Stack>
      )}
    </Alert>
  );
}
