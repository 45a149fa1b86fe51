import { Anchor, Button, Center, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { signOut } from '../auth/renewal';
import { config } from '../config';
import { EmbeddedStrip } from './Banners';

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <>
      {config().auth.mode === 'embedded' && <EmbeddedStrip />}
      <Center mih="70vh">
        <Paper withBorder p="xl" radius="md" w={520}>
          <Stack>{children}</Stack>
        </Paper>
      </Center>
    </>
  );
}

/** ui.md §1: a CI publisher has no UI. */
export function CiOnlyPage() {
  return (
    <Frame>
      <Title order={3}>No DXCP screens for this identity</Title>
      <Text data-testid="ci-only">This identity publishes builds and has no DXCP screens.</Text>
      <Group><Button variant="light" onClick={() => void signOut()}>Sign out</Button></Group>
    </Frame>
  );
}

/** ui.md §1: 403 AUTHZ_ROLE_REQUIRED on whoami. */
export function NoRolePage({ error, unexpected = false }: { error: ApiError | Error | null; unexpected?: boolean }) {
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Frame>
      <Title order={3}>{unexpected ? 'DXCP could not load your identity' : 'No DXCP role'}</Title>
      <Text data-testid="no-role">
        {unexpected ? error?.message : 'You have no DXCP role; ask a platform admin.'}
      </Text>
      {requestId && <Text size="xs" c="dimmed">request_id <Code data-testid="problem-request-id">{requestId}</Code></Text>}
      <Group><Button variant="light" onClick={() => void signOut()}>Sign out</Button></Group>
    </Frame>
  );
}

/** ui.md §5.7: a non-admin on any /admin URL; no admin API call is made. */
export function BlockedAccessPage() {
  return (
    <Paper withBorder p="xl" radius="md" maw={640} mx="auto" mt="xl" data-testid="blocked-access">
      <Stack>
        <Title order={3}>Admin is for platform admins</Title>
        <Text>Delivery groups, recipes, environments and system settings are managed by platform admins.</Text>
        <Group>
          <Anchor component={Link} to="/services">Services</Anchor>
          <Anchor component={Link} to="/deployments">Deployments</Anchor>
          <Anchor component={Link} to="/insights">Insights</Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** ui.md §3: unknown routes. */
export function NotFoundPage() {
  return (
    <Paper withBorder p="xl" radius="md" maw={640} mx="auto" mt="xl" data-testid="not-found">
      <Stack>
        <Title order={3}>Page not found</Title>
        <Text>There is no DXCP screen at this address.</Text>
        <Group>
          <Anchor component={Link} to="/services">Services</Anchor>
          <Anchor component={Link} to="/deployments">Deployments</Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
