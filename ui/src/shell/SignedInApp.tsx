import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { ApiError, get, SETTINGS_STALE_EVENT } from '../api/client';
import type { PublicSettings, UiExposure, Whoami } from '../api/types';
import { AppContext, type AppState } from '../AppContext';
import { session } from '../auth/session';
import { CiOnlyPage, NoRolePage } from './AccessPages';
import { Shell } from './Shell';

interface Loaded {
  whoami: Whoami;
  settings: PublicSettings;
  exposure: UiExposure;
}

/** ui.md §2, after sign-in: whoami, public settings and the UI exposure policy, in parallel. */
export function SignedInApp() {
  const current = session();
  const role = current?.role ?? null;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const location = useLocation();

  useEffect(() => {
    if (role === 'CI_PUBLISHER') {
      return;
    }
    Promise.all([
      get<Whoami>('/v1/whoami'),
      get<PublicSettings>('/v1/settings/public'),
      get<UiExposure>('/v1/ui/policy/ui-exposure'),
    ]).then(([whoami, publicSettings, exposure]) => {
      setLoaded({ whoami, settings: publicSettings, exposure });
      setSettings(publicSettings);
    }, setFailure);
  }, [role]);

  const reloadSettings = useCallback(() => {
    get<PublicSettings>('/v1/settings/public').then(setSettings, () => undefined);
  }, []);

  // The kill switch is re-read at each screen change, each refresh and after a 503 MUTATIONS_DISABLED (ui.md §4.4).
  useEffect(() => {
    if (loaded) {
      reloadSettings();
    }
  }, [location.pathname, loaded, reloadSettings]);
  useEffect(() => {
    window.addEventListener(SETTINGS_STALE_EVENT, reloadSettings);
    return () => window.removeEventListener(SETTINGS_STALE_EVENT, reloadSettings);
  }, [reloadSettings]);

  const storageKey = loaded ? `dxcp.refresh.${loaded.whoami.actor_id}` : null;
  const [chosenRefresh, setChosenRefresh] = useState<number | null>(null);
  useEffect(() => {
    if (storageKey) {
      const stored = Number(localStorage.getItem(storageKey));
      setChosenRefresh(Number.isFinite(stored) && stored > 0 ? stored : null);
    }
  }, [storageKey]);

  useEffect(() => {
    if (!settings) {
      return undefined;
    }
    const interval = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        reloadSettings();
      }
    }, clampRefresh(chosenRefresh, settings) * 1000);
    return () => window.clearInterval(interval);
  }, [settings, chosenRefresh, reloadSettings]);

  const state: AppState | null = useMemo(() => {
    if (!loaded || !settings || !current || !role) {
      return null;
    }
    return {
      mode: current.mode,
      role,
      email: loaded.whoami.email ? loaded.whoami.email.trim().toLowerCase() : null,
      whoami: loaded.whoami,
      settings,
      exposure: loaded.exposure,
      refreshSeconds: clampRefresh(chosenRefresh, settings),
      setRefreshSeconds: (seconds: number) => {
        if (storageKey) {
          localStorage.setItem(storageKey, String(seconds));
        }
        setChosenRefresh(seconds);
      },
      reloadSettings,
    };
  }, [loaded, settings, current, role, chosenRefresh, storageKey, reloadSettings]);

  if (role === 'CI_PUBLISHER') {
    return <CiOnlyPage />;
  }
  if (failure) {
    if (failure instanceof ApiError && failure.code === 'AUTHZ_ROLE_REQUIRED') {
      return <NoRolePage error={failure} />;
    }
    return <NoRolePage error={failure} unexpected />;
  }
  if (loaded && !role) {
    return <NoRolePage error={null} />;
  }
  if (!state) {
    return <Center mih="60vh"><Loader /></Center>;
  }
  return (
    <AppContext.Provider value={state}>
      <Shell />
    </AppContext.Provider>
  );
}

/** The user's interval, else the default, always within the server's bounds (ui.md §4.6). */
export function clampRefresh(chosen: number | null, settings: PublicSettings): number {
  const wanted = chosen ?? settings.default_refresh_interval_seconds;
  return Math.min(settings.max_refresh_interval_seconds, Math.max(settings.min_refresh_interval_seconds, wanted));
}
