import { MantineProvider, createTheme } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { session, signInPath, subscribe } from './auth/session';
import { config } from './config';
import { CallbackPage } from './pages/CallbackPage';
import { SignInPage } from './pages/SignInPage';
import { SignedInApp } from './shell/SignedInApp';

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif',
});

export function App() {
  return (
    <MantineProvider theme={theme} forceColorScheme="light">
      <BrowserRouter>
        <Routes>
          <Route path="/signin" element={<SignInPage />} />
          <Route path={config().oidc.redirectPath} element={<CallbackPage />} />
          <Route path="*" element={<RequireSession />} />
        </Routes>
      </BrowserRouter>
    </MantineProvider>
  );
}

function RequireSession() {
  const current = useSyncExternalStore(subscribe, session);
  const location = useLocation();
  if (!current) {
    return <Navigate to={signInPath(location.pathname + location.search + location.hash)} replace />;
  }
  return <SignedInApp key={`${current.sub}:${current.role}`} />;
}
