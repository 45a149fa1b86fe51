import { Alert, Button, Center, Divider, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { signInEmbedded } from '../auth/embedded';
import { beginOidcSignIn } from '../auth/oidc';
import type { EmbeddedRole } from '../auth/session';
import { config } from '../config';
import { EmbeddedStrip } from '../shell/Banners';

/** ui.md §2: the sign-in route — role buttons in embedded mode, the issuer's sign-in otherwise. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturn(params.get('returnTo'));
  const expired = params.get('reason') === 'expired';
  const embedded = config().auth.mode === 'embedded';
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function embeddedSignIn(role: EmbeddedRole) {
    setBusy(true);
    setError(null);
    try {
      await signInEmbedded(role, email || null);
      navigate(returnTo, { replace: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  async function oidcSignIn() {
    setBusy(true);
    setError(null);
    try {
      await beginOidcSignIn(returnTo);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <>
      {embedded && <EmbeddedStrip />}
      <Center mih="80vh">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={440}>
          <Stack>
            <Title order={2}>Sign in to DXCP</Title>
            <Text size="sm" c="dimmed">Delivery Experience Control Plane</Text>
            {expired && (
              <Alert color="yellow" data-testid="session-expired">
                Your session ended. Sign in again to return to where you were.
              </Alert>
            )}
            {error && <Alert color="red" data-testid="signin-error">{error}</Alert>}
            {embedded ? (
              <>
                <Text size="sm">
                  This server runs its development token issuer. Choose a role; the email is optional and
                  decides which delivery groups you own.
                </Text>
                <TextInput label="Email (optional)" placeholder="owner@dxcp.local" value={email}
                           onChange={(event) => setEmail(event.currentTarget.value)} data-testid="signin-email" />
                <Divider label="Sign in as" />
                <Stack gap="xs">
                  <Button loading={busy} onClick={() => embeddedSignIn('admin')}>Platform admin</Button>
                  <Button loading={busy} onClick={() => embeddedSignIn('owner')}>Delivery owner</Button>
                  <Button loading={busy} onClick={() => embeddedSignIn('observer')}>Observer</Button>
                </Stack>
              </>
            ) : (
              <>
                <Text size="sm">You will continue at your organization's sign-in page.</Text>
                <Button loading={busy} onClick={oidcSignIn}>Sign in</Button>
              </>
            )}
          </Stack>
        </Paper>
      </Center>
    </>
  );
}

/** Only paths of this application are followed after sign-in. */
function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/services';
}
