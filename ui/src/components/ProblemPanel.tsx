import { Alert, Anchor, Button, Code, Collapse, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { explainRefusal, type RefusalContext } from '../lib/refusals';

interface Props {
  error: unknown;
  /** Set for refused actions: the explanation by guardrail (ui.md §4.3). */
  refusal?: RefusalContext;
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

/**
 * ui.md §4.2: one problem panel per failed panel — a plain title, the server's message, then the
 * small print with code, HTTP status and request_id (copyable); hint and details collapsed.
 */
export function ProblemPanel({ error, refusal, title, onRetry, children }: Props) {
  const [open, setOpen] = useState(false);
  const api = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  if (api?.unreachable) {
    return (
      <Alert color="red" variant="light" title="DXCP could not be reached" data-testid="problem-panel" data-code="UNREACHABLE">
        <Stack gap={6}>
          <Text size="sm">No answer arrived from the server. Check the connection, then retry.</Text>
          <Text size="xs" c="dimmed">
            request_id <Code data-testid="problem-request-id">{api.requestId}</Code> (sent by this page)
          </Text>
          {onRetry && <Group><Button size="xs" variant="light" onClick={onRetry}>Retry</Button></Group>}
          {children}
        </Stack>
      </Alert>
    );
  }
  const explanation = api && refusal ? explainRefusal(api.code, api.message, refusal) : null;
  const hint = api?.operatorHint;
  const details = api?.details;
  return (
    <Alert color="red" variant="light" title={explanation?.title ?? title ?? 'Request failed'}
           data-testid="problem-panel" data-code={api?.code ?? 'ERROR'}>
      <Stack gap={6}>
        {explanation && (
          <>
            <Text size="sm" fw={600} data-testid="refusal-why">{explanation.why}</Text>
            <Text size="sm">Rule: <span data-testid="refusal-rule">{explanation.rule}</span></Text>
            {explanation.next && <Text size="sm">What to do: <span data-testid="refusal-next">{explanation.next}</span></Text>}
          </>
        )}
        <Text size="sm" data-testid="problem-message">{message}</Text>
        {children}
        {api && (
          <Group gap="xs" wrap="wrap">
            <Text size="xs" c="dimmed">
              code <Code data-testid="problem-code">{api.code}</Code> · HTTP <span data-testid="problem-status">{api.status}</span> · request_id{' '}
              <Code data-testid="problem-request-id">{api.requestId}</Code>
            </Text>
            <CopyButton value={api.requestId}>
              {({ copied, copy }) => (
                <Anchor component="button" size="xs" onClick={copy}>{copied ? 'copied' : 'copy'}</Anchor>
              )}
            </CopyButton>
          </Group>
        )}
        {(hint || details) && (
          <>
            <Anchor component="button" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => setOpen((o) => !o)}>
              {open ? 'Hide details' : 'Details'}
            </Anchor>
            <Collapse expanded={open}>
              {hint && <Text size="xs">Operator hint: {hint}</Text>}
              {details && <Code block>{JSON.stringify(details, null, 2)}</Code>}
            </Collapse>
          </>
        )}
        {/* A refusal names its next step instead; retrying is for failures that may pass on their own. */}
        {onRetry && !explanation && <Group><Button size="xs" variant="light" onClick={onRetry}>Retry</Button></Group>}
      </Stack>
    </Alert>
  );
}
