import { Button, Group, Stack, Switch } from '@mantine/core';
import { useEffect, useState } from 'react';
import { get } from '../../../api/client';
import type { ExposurePolicy } from '../../../api/adminTypes';
import { useAdminWrite } from '../../../api/useAdminWrite';
import { useResource } from '../../../api/useResource';
import { ReviewDialog } from '../../../components/ReviewDialog';
import { SettingCard } from './SettingCard';

const URL = '/v1/admin/system/ui-exposure-policy';
type Policy = ExposurePolicy['policy'];

/** ui.md §5.7 UI exposure policy: which build data every user's screens may show. */
export function ExposureCard() {
  const current = useResource<ExposurePolicy>('exposure-policy', (signal) => get(URL, signal));
  const [draft, setDraft] = useState<Policy | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const save = useAdminWrite();
  useEffect(() => {
    if (current.data) {
      setDraft(current.data.policy);
    }
  }, [current.data]);
  const saved = current.data?.policy;
  const changed = saved && draft ? [
    ['Show artifact references', saved.artifactRef.display, draft.artifactRef.display],
    ['Show commit and CI run links', saved.externalLinks.display, draft.externalLinks.display],
  ].filter(([, before, after]) => before !== after).map(([field, before, after]) => ({
    field: String(field), before: before ? 'shown' : 'hidden', after: after ? 'shown' : 'hidden',
  })) : [];

  async function submit() {
    if (await save.run<ExposurePolicy>('PUT', URL, draft)) {
      setReviewing(false);
      current.reload();
    }
  }

  return (
    <SettingCard id="ui-exposure" title="UI exposure policy" resource={current}>
      {() => draft && (
        <Stack>
          <Switch label="Show artifact references" description="The artifact store location of each build, on service pages"
                  checked={draft.artifactRef.display} data-testid="exposure-artifact"
                  onChange={(e) => { const display = e.currentTarget.checked; setDraft((d) => d && { ...d, artifactRef: { display } }); }} />
          <Switch label="Show commit and CI run links" description="commit_url and run_url of builds, for every API client"
                  checked={draft.externalLinks.display} data-testid="exposure-links"
                  onChange={(e) => { const display = e.currentTarget.checked; setDraft((d) => d && { ...d, externalLinks: { display } }); }} />
          <Group justify="flex-end">
            <Button onClick={() => { save.setError(null); setReviewing(true); }} disabled={changed.length === 0} data-testid="exposure-review">Review changes</Button>
          </Group>
          <ReviewDialog opened={reviewing} onClose={() => setReviewing(false)} title="Save UI exposure policy" changes={changed}
                        error={save.error} busy={save.busy} onSave={() => void submit()} />
        </Stack>
      )}
    </SettingCard>
  );
}
