import { Tooltip } from '@mantine/core';
import { localTime, relativeTime } from '../lib/format';

/** A moment in the browser's zone; hover shows the server's UTC value (ui.md §4.7). */
export function Time({ iso, relative = false }: { iso: string | null | undefined; relative?: boolean }) {
  if (!iso) {
    return <span>—</span>;
  }
  return (
    <Tooltip label={iso} openDelay={300}>
      <span title={iso}>{relative ? relativeTime(iso) : localTime(iso)}</span>
    </Tooltip>
  );
}
