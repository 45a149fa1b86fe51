import { Alert, Anchor, Center, Loader, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { completeOidcSignIn } from '../auth/oidc';

/** ui.md §2: the callback checks state, exchanges the code, then returns to where sign-in began. */
export function CallbackPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) {
      return;
    }
    started.current = true;
    completeOidcSignIn(new URLSearchParams(window.location.search))
      .then((returnTo) => navigate(returnTo, { replace: true }))
      .catch((failure) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, [navigate]);

  return (
    <Center mih="60vh">
      {error ? (
        <Stack>
          <Alert color="red" title="Sign-in did not complete" data-testid="callback-error">{error}</Alert>
          <Anchor component={Link} to="/signin">Sign in again</Anchor>
        </Stack>
      ) : (
        <Loader />
      )}
    </Center>
  );
}
