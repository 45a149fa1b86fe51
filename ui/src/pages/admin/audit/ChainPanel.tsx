import { Alert, Anchor, Button, Code, CopyButton, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { get, query } from '../../../api/client';
import type { ChainVerification } from '../../../api/adminTypes';
import { ProblemPanel } from '../../../components/ProblemPanel';

const REASONS: Record<string, string> = {
  HASH_MISMATCH: 'the stored event changed since it was linked (or the link itself was edited)',
  ROW_MISSING: 'the stored event was deleted',
  CHAIN_BROKEN: 'the link is out of sequence with its predecessor',
};

/**
 * ui.md §5.7 chain verification (GET /v1/admin/audit/verify): "Chain intact" with the number checked
 * and the head to keep outside DXCP, or a red panel naming the first entry that no longer matches.
 */
export function ChainPanel() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [state, setState] = useState<{ loading: boolean; result: ChainVerification | null; error: unknown }>({ loading: false, result: null, error: null });

  async function verify() {
    setState({ loading: true, result: null, error: null });
    try {
      setState({ loading: false, result: await get<ChainVerification>(`/v1/admin/audit/verify${query({ from: from.trim(), to: to.trim() })}`), error: null });
    } catch (failure) {
      setState({ loading: false, result: null, error: failure });
    }
  }

  const result = state.result;
  return (
    <Paper withBorder p="md" radius="md" data-testid="audit-chain">
      <Stack gap="sm">
        <Title order={4}>Tamper evidence</Title>
        <Text size="xs" c="dimmed">Recomputes the hash chain over the stored events from the rows as they are now. Positions are optional.</Text>
        <Group align="flex-end">
          <TextInput size="xs" label="From position" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={140} />
          <TextInput size="xs" label="To position" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={140} />
          <Button size="xs" onClick={() => void verify()} loading={state.loading} data-testid="verify-chain">Verify chain</Button>
        </Group>
        {state.error !== null && <ProblemPanel error={state.error} title="Verification failed" onRetry={() => void verify()} />}
        {result?.verified && (
          <Alert color="green" variant="light" title="Chain intact" data-testid="chain-result" data-verified="true">
            <Stack gap={4}>
              <Text size="sm">Chain intact: <b data-testid="chain-checked">{result.checked}</b> entries checked
                {result.unchained > 0 ? <>; <span data-testid="chain-unchained">{result.unchained} not yet linked</span></> : ''}.</Text>
              {result.head && (
                <>
                  <Text size="sm">Head: link {result.head.link}, position {result.head.position}</Text>
                  <Group gap="xs" wrap="nowrap">
                    <Code data-testid="chain-head-hash">{result.head.entry_hash}</Code>
                    <CopyButton value={result.head.entry_hash}>
                      {({ copied, copy }) => <Anchor component="button" size="xs" onClick={copy}>{copied ? 'copied' : 'copy'}</Anchor>}
                    </CopyButton>
                  </Group>
                  <Text size="xs" c="dimmed">Keep this hash outside DXCP (a ticket, a log, a write-once store): later it proves that nothing before it was rewritten.</Text>
                </>
              )}
            </Stack>
          </Alert>
        )}
        {result && !result.verified && (
          <Alert color="red" variant="filled" title="Chain broken" data-testid="chain-result" data-verified="false">
            {result.mismatch && (
              <Stack gap={4}>
                <Text size="sm" data-testid="chain-mismatch">
                  First mismatch: link {result.mismatch.link}, position {result.mismatch.position}, event {result.mismatch.event_id} — {result.mismatch.reason}: {REASONS[result.mismatch.reason] ?? ''}.
                </Text>
                <Table fz="xs" c="white">
                  <Table.Tbody>
                    <Table.Tr><Table.Td>Expected hash</Table.Td><Table.Td><Code>{result.mismatch.expected_hash ?? '—'}</Code></Table.Td></Table.Tr>
                    <Table.Tr><Table.Td>Actual hash</Table.Td><Table.Td><Code>{result.mismatch.actual_hash ?? '—'}</Code></Table.Td></Table.Tr>
                  </Table.Tbody>
                </Table>
                <Text size="xs">{result.checked} entries checked before it.</Text>
              </Stack>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
