import { createContext, useContext } from 'react';
import type { Role } from './auth/roles';
import type { PublicSettings, UiExposure, Whoami } from './api/types';

/** What every screen knows about the signed-in user and the platform (ui.md §2, after sign-in). */
export interface AppState {
  mode: 'oidc' | 'embedded';
  role: Role;
  /** `email` of GET /v1/whoami, lower-cased: the ownership key (ui.md §1). */
  email: string | null;
  whoami: Whoami;
  settings: PublicSettings;
  exposure: UiExposure;
  refreshSeconds: number;
  setRefreshSeconds: (seconds: number) => void;
  reloadSettings: () => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) {
    throw new Error('useApp outside a signed-in shell');
  }
  return state;
}

export function isAdmin(app: AppState): boolean {
  return app.role === 'PLATFORM_ADMIN';
}

export function mayMutate(app: AppState): boolean {
  return app.role === 'PLATFORM_ADMIN' || app.role === 'DELIVERY_OWNER';
}
