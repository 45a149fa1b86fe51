import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ProblemPanel } from './ProblemPanel';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  /** Why Confirm is disabled (the kill switch), or null. */
  blocked?: string | null;
  /** Rendered under the problem panel, e.g. "Retire instead" after a refused delete. */
  afterError?: ReactNode;
}

/** A confirmation before an admin action that cannot be reviewed as a diff (delete, retire, rebuild); Cancel sends nothing. */
export function ConfirmDialog({ opened, onClose, title, children, confirmLabel, color, busy, error, onConfirm, blocked, afterError }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" data-testid="confirm-dialog">
      <Stack>
        {children}
        {error !== null && error !== undefined && <ProblemPanel error={error} title={`${title} refused`}>{afterError}</ProblemPanel>}
        {blocked && <Text size="sm" c="red.8" data-testid="save-paused">{blocked}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-testid="confirm-cancel">Cancel</Button>
          <Button color={color} onClick={onConfirm} loading={busy} disabled={!!blocked} data-testid="confirm-action">{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
