/**
 * What happens around signing in and out, outside React so pages and the bootstrap share it.
 */
import { api, describeError } from '../../api';
import { ApiError, type User } from '../../contract';
import { closeUserDb } from '../../db';
import { useSessionStore } from '../../stores/sessionStore';
import { useUiStore } from '../../stores/uiStore';
import { startSync, stopSync, suspendSync, whenSyncUnauthenticated } from '../sync/syncSession';
import { forgetUser, rememberedUser, rememberUser } from './rememberedUser';

// The engine meets a 401 in the background: that ends the session like any other 401.
whenSyncUnauthenticated(() => sessionExpired());

/**
 * Mark `user` signed in and start syncing their database: the first pull brings their
 * favorites from the server, the first push sends what this device queued meanwhile.
 */
export function signIn(user: User): void {
  rememberUser(user);
  useSessionStore.getState().signedIn(user);
  startSync(user.id);
}

let restoring: Promise<void> | undefined;

/** Ask the server who is signed in, once per page load (StrictMode mounts twice in dev). */
export function restoreSession(): Promise<void> {
  restoring ??= askServerWhoIsSignedIn();
  return restoring;
}

async function askServerWhoIsSignedIn(): Promise<void> {
  try {
    signIn(await api.me());
  } catch (error) {
    const remembered = rememberedUser();
    const refused = error instanceof ApiError && error.code === 'unauthenticated';
    if (!refused && remembered) {
      // No verdict (offline, server down, a captive portal): keep working on this device's
      // data; the server still checks every call, and a 401 later signs out. Writes queue
      // and the engine pushes them when the network returns.
      useSessionStore.getState().signedIn(remembered);
      startSync(remembered.id);
      return;
    }
    forgetUser();
    useSessionStore.getState().signedOut();
  }
}

/** The server no longer accepts our session: sign out locally and ask to log in again. */
export function sessionExpired(): void {
  const user = useSessionStore.getState().user;
  if (!user) return;
  forgetUser();
  // Paused, not stopped: the writes queued meanwhile go out after the user logs in again.
  suspendSync();
  useSessionStore.getState().signedOut();
  closeUserDb(user.id);
  useUiStore.getState().show('error', 'Your session has ended. Log in again to sync your favorites.');
}

/** Log out on the server, then locally. Returns false (and says why) when the server refused. */
export async function signOut(): Promise<boolean> {
  const user = useSessionStore.getState().user;
  try {
    await api.logout();
  } catch (error) {
    useUiStore.getState().show('error', `Couldn't log out: ${describeError(error)}`);
    return false;
  }
  forgetUser();
  stopSync();
  useSessionStore.getState().signedOut();
  if (user) closeUserDb(user.id);
  return true;
}
