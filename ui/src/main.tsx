import '@mantine/core/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CALLBACK_MESSAGE } from './auth/oidc';
import { startRenewal } from './auth/renewal';
import { config, loadConfig } from './config';

async function start() {
  await loadConfig();
  // A prompt-less renewal lands here inside a hidden frame: hand the answer to the page that asked.
  if (window.parent !== window && window.location.pathname === config().oidc.redirectPath) {
    window.parent.postMessage({ type: CALLBACK_MESSAGE, search: window.location.search }, window.location.origin);
    return;
  }
  startRenewal();
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
