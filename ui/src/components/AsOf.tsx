import { Anchor, Button, Group, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { isoFromLocalInput, localInputValue } from '../lib/format';
import { keepMoment } from '../lib/asOf';

interface ControlProps {
  asOf: string | null;
  onChange: (moment: string | null) => void;
  /** A 400 INVALID_REQUEST for the moment in the URL, shown on the picker (ui.md §4.7). */
  error?: string | null;
}

/**
 * ui.md §4.7 "As of": a date-time picker (the browser's zone, to the second) and "Now". The moment goes
 * to the URL as UTC ISO with Z; one in the future is now.
 */
export function AsOfControl({ asOf, onChange, error }: ControlProps) {
  const [value, setValue] = useState('');
  useEffect(() => {
    const date = asOf ? new Date(asOf) : null;
    setValue(date && !Number.isNaN(date.getTime()) ? localInputValue(date) : '');
  }, [asOf]);

  function apply() {
    const iso = isoFromLocalInput(value);
    if (!iso) {
      return;
    }
    onChange(new Date(iso).getTime() >= Date.now() ? null : iso);
  }

  return (
    <Group gap={6} align="flex-start" wrap="nowrap" data-testid="as-of-control">
      <TextInput type="datetime-local" size="xs" step={1} aria-label="As of" value={value} error={error} w={260}
                 leftSection={<Text size="xs" c="dimmed">as of</Text>} leftSectionWidth={44}
                 onChange={(e) => setValue(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && apply()}
                 data-testid="as-of-input" />
      <Button size="xs" variant="light" color="violet" onClick={apply} disabled={!value} data-testid="as-of-apply">View</Button>
      <Button size="xs" variant="subtle" color="violet" onClick={() => onChange(null)} disabled={!asOf} data-testid="as-of-now">Now</Button>
    </Group>
  );
}

/**
 * "View as of this moment" beside a time the server gave (ui.md §4.7): the exact server string goes
 * to `asOf`, microseconds included, so the view includes the change stamped at that time.
 */
export function AsOfLink({ to, moment }: { to: string; moment: string | null | undefined }) {
  if (!moment) {
    return null;
  }
  return (
    <Anchor component={Link} to={keepMoment(to, moment)} size="xs" c="violet" ml={6} title={`View DXCP as of ${moment}`}
            data-testid="as-of-link" data-moment={moment}>
      view as of this moment
    </Anchor>
  );
}
