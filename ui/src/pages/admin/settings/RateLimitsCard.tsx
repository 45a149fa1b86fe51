import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { get } from '../../../api/client';
import type { RateLimits } from '../../../api/adminTypes';
import { useAdminWrite } from '../../../api/useAdminWrite';
import { useResource } from '../../../api/useResource';
import { ReviewDialog } from '../../../components/ReviewDialog';
import { changes } from '../../../lib/adminChanges';
import { rateLimitProblem } from '../../../lib/adminFields';
import { SettingCard } from './SettingCard';

const URL = '/v1/admin/system/rate-limits';
const FIELDS = [
  ['read_rpm', 'Reads per minute per user', 1],
  ['mutate_rpm', 'Changes per minute per user', 1],
  ['daily_quota_build_register', 'Build registrations a day per CI publisher', 0],
] as const;
type Key = typeof FIELDS[number][0];
const LABELS = Object.fromEntries(FIELDS.map(([key, label]) => [key, label]));

/** ui.md §5.7 rate limits and the daily build quota: Save only when changed and valid, after a confirmation old → new. */
export function RateLimitsCard() {
  const limits = useResource<RateLimits>('rate-limits', (signal) => get(URL, signal));
  const [draft, setDraft] = useState<Record<Key, string> | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const save = useAdminWrite();
  useEffect(() => {
    if (limits.data) {
      setDraft(Object.fromEntries(FIELDS.map(([key]) => [key, String(limits.data?.[key])])) as Record<Key, string>);
    }
  }, [limits.data]);

  const problems = Object.fromEntries(FIELDS.map(([key, , min]) => [key, draft ? rateLimitProblem(draft[key], min) : null]));
  const valid = Object.values(problems).every((p) => p === null);
  const proposed = draft ? Object.fromEntries(FIELDS.map(([key]) => [key, Number(draft[key])])) : {};
  const changed = limits.data && valid ? changes({ ...limits.data }, proposed, LABELS) : [];

  async function submit() {
    if (await save.run<RateLimits>('PUT', URL, proposed)) {
      setReviewing(false);
      limits.reload();
    }
  }

  return (
    <SettingCard id="rate-limits" title="Rate limits and build quota" resource={limits}>
      {() => draft && (
        <Stack>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {FIELDS.map(([key, label]) => (
              <TextInput key={key} label={label} inputMode="numeric" value={draft[key]} error={problems[key]}
                         onChange={(e) => { const value = e.currentTarget.value; setDraft((d) => (d ? { ...d, [key]: value } : d)); }}
                         data-testid={`rate-${key}`} />
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button onClick={() => { save.setError(null); setReviewing(true); }} disabled={!valid || changed.length === 0} data-testid="rate-review">
              Review changes
            </Button>
          </Group>
          <ReviewDialog opened={reviewing} onClose={() => setReviewing(false)} title="Save rate limits" changes={changed}
                        error={save.error} busy={save.busy} onSave={() => void submit()} />
        </Stack>
      )}
    </SettingCard>
  );
}
