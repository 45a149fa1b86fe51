import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ApiError, openStream, query } from '../../../api/client';
import { ProblemPanel } from '../../../components/ProblemPanel';
import { isoFromLocalInput, localInputValue } from '../../../lib/format';
import { ReplayTally } from '../../../lib/replayTally';

/** "Export around this entry": its second and its actor (ui.md §5.7). */
export interface ExportRequest {
  from: string;
  to: string;
  actor: string;
  nonce: number;
}

interface Form {
  from: string;
  to: string;
  after: string;
  until: string;
  event_type: string;
  service: string;
  delivery_group_id: string;
  environment: string;
  actor: string;
  limit: string;
}

type Status =
  | { phase: 'idle' }
  | { phase: 'running'; lines: number; lastPosition: number | null }
  | { phase: 'done'; lines: number; lastPosition: number | null; trailer: ReplayTally['trailer']; file: string; cut: boolean; error: unknown };

const HOUR_MS = 3_600_000;

function lastHour(): Form {
  const now = new Date();
  return {
    from: localInputValue(new Date(now.getTime() - HOUR_MS)), to: localInputValue(now), after: '', until: '', event_type: '',
    service: '', delivery_group_id: '', environment: '', actor: '', limit: '',
  };
}

/** The replay bounds of the form: times to UTC (the upper one to the end of its second), blanks left out. */
function replayQuery(form: Form): string {
  const fromIso = form.from.includes('Z') ? form.from : isoFromLocalInput(form.from);
  const toIso = form.to.includes('Z') ? form.to : isoFromLocalInput(form.to)?.replace(/\.000Z$/, '.999999Z');
  return query({
    after: form.after.trim(), until: form.until.trim(), from: fromIso, to: toIso, event_type: form.event_type.trim(),
    service: form.service.trim(), delivery_group_id: form.delivery_group_id.trim(), environment: form.environment.trim(),
    actor: form.actor.trim(), limit: form.limit.trim(),
  });
}

function download(chunks: Uint8Array[], name: string): void {
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'application/x-ndjson' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * ui.md §5.7 export: GET /v1/audit/replay streamed (fetch with the bearer token) into a downloaded
 * .ndjson file while lines and the last position are counted. The trailer says whether the limit cut
 * it ("Continue from next_after"); no trailer means the stream was cut short ("resume after position p").
 */
export function ExportPanel({ request }: { request: ExportRequest | null }) {
  const [form, setForm] = useState<Form>(lastHour);
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (request) {
      setForm({ ...lastHour(), from: request.from, to: request.to, actor: request.actor });
      setStatus({ phase: 'idle' });
      panel.current?.scrollIntoView({ behavior: 'smooth' });
    }
  }, [request]);
  useEffect(() => () => abort.current?.abort(), []);

  async function run(next: Form) {
    setForm(next);
    const controller = new AbortController();
    abort.current = controller;
    const tally = new ReplayTally();
    const chunks: Uint8Array[] = [];
    const file = `dxcp-audit-${new Date().toISOString().replace(/[:.]/g, '-')}${next.after ? `-after-${next.after}` : ''}.ndjson`;
    setStatus({ phase: 'running', lines: 0, lastPosition: null });
    let failure: unknown = null;
    let cut = false;
    try {
      const stream = await openStream(`/v1/audit/replay${replayQuery(next)}`, 'application/x-ndjson', controller.signal);
      const reader = stream.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            break;
          }
          chunks.push(value);
          tally.push(value);
          setStatus({ phase: 'running', lines: tally.lines, lastPosition: tally.lastPosition });
        }
      } catch (broken) {
        cut = true;
        failure = broken instanceof ApiError ? broken : new Error(`The stream broke off: ${(broken as Error).message}`);
      }
      tally.end();
      if (chunks.length > 0) {
        download(chunks, file);
      }
    } catch (refused) {
      failure = refused;
    }
    setStatus({ phase: 'done', lines: tally.lines, lastPosition: tally.lastPosition, trailer: tally.trailer, file, cut: cut || !tally.trailer, error: failure });
  }

  const field = (name: keyof Form, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput size="xs" label={label} value={form[name]} data-testid={`export-${name}`} {...extra}
               onChange={(e) => { const value = e.currentTarget.value; setForm((f) => ({ ...f, [name]: value })); }} />
  );
  const running = status.phase === 'running';
  return (
    <Paper withBorder p="md" radius="md" ref={panel} data-testid="audit-export">
      <Stack gap="sm">
        <Title order={4}>Export the replay stream</Title>
        <Text size="xs" c="dimmed">Every stored event in the range, oldest first, as NDJSON. Times are in your browser's zone; positions are the event store's global index.</Text>
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          {field('from', 'From', form.from.includes('Z') ? {} : { type: 'datetime-local', step: 1 })}
          {field('to', 'To', form.to.includes('Z') ? {} : { type: 'datetime-local', step: 1 })}
          {field('after', 'After position')}
          {field('until', 'Until position')}
          {field('limit', 'At most (events)')}
          {field('event_type', 'Event types', { placeholder: 'DeploymentAccepted,…' })}
          {field('service', 'Service')}
          {field('delivery_group_id', 'Delivery group')}
          {field('environment', 'Environment')}
          {field('actor', 'Actor')}
        </SimpleGrid>
        <Group>
          <Button size="xs" onClick={() => void run(form)} loading={running} data-testid="export-start">Export</Button>
          <Button size="xs" variant="subtle" onClick={() => setForm(lastHour())} disabled={running}>Last hour</Button>
          {running && <Button size="xs" variant="default" onClick={() => abort.current?.abort()}>Stop</Button>}
        </Group>
        {status.phase === 'running' && (
          <Text size="sm" data-testid="export-progress">Receiving… {status.lines} events{status.lastPosition !== null ? `, position ${status.lastPosition}` : ''}</Text>
        )}
        {status.phase === 'done' && <ExportResult status={status} onContinue={(after) => void run({ ...form, after: after === null ? '' : String(after) })} />}
      </Stack>
    </Paper>
  );
}

function ExportResult({ status, onContinue }: { status: Extract<Status, { phase: 'done' }>; onContinue: (after: number | null) => void }) {
  if (status.error instanceof ApiError && !status.cut && status.lines === 0) {
    return <ProblemPanel error={status.error} title="Export refused" />;
  }
  if (status.error && status.lines === 0 && !status.trailer) {
    return <ProblemPanel error={status.error} title="Export failed" />;
  }
  const counted = `${status.lines} events${status.lastPosition !== null ? ` up to position ${status.lastPosition}` : ''}, saved as ${status.file}`;
  if (status.trailer && !status.trailer.limit_reached) {
    return <Alert color="green" variant="light" title="Export complete" data-testid="export-status" data-state="complete">{counted}.</Alert>;
  }
  if (status.trailer) {
    return (
      <Alert color="blue" variant="light" title="Limit reached" data-testid="export-status" data-state="limit">
        <Stack gap={6}>
          <Text size="sm">{counted}. More events follow.</Text>
          <Group><Button size="xs" onClick={() => onContinue(status.trailer?.next_after ?? 0)} data-testid="export-continue">
            Continue from {status.trailer.next_after}
          </Button></Group>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" title="Export incomplete" data-testid="export-status" data-state="incomplete">
      <Stack gap={6}>
        <Text size="sm" data-testid="export-incomplete">
          Export incomplete; resume after position {status.lastPosition ?? '(none received)'}. {counted}.
        </Text>
        {status.error instanceof Error && <Text size="xs" c="dimmed">{status.error.message}</Text>}
        <Group><Button size="xs" onClick={() => onContinue(status.lastPosition)} data-testid="export-resume">Resume after {status.lastPosition ?? 'the start'}</Button></Group>
      </Stack>
    </Alert>
  );
}
