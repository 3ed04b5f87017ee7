/**
 * What happens around signing in and out, outside React so pages and the bootstrap share it.
 */
import { api, describeError, NetworkError } from '../../api';
import { ApiError, type User } from '../../contract';
import { closeUserDb, favoritesRepo, userDb } from '../../db';
import { useSessionStore } from '../../stores/sessionStore';
import { useUiStore } from '../../stores/uiStore';
import { forgetUser, rememberedUser, rememberUser } from './rememberedUser';

/** Mark `user` signed in and bring their favorites from the server into their local database. */
export function signIn(user: User): void {
  rememberUser(user);
  useSessionStore.getState().signedIn(user);
  void loadFavorites(user);
}

async function loadFavorites(user: User): Promise<void> {
  try {
    const favorites = await api.listAllFavorites();
    // Until Phase 3's outbox, the server is the source of truth on sign-in.
    await favoritesRepo(userDb(user.id)).replaceAll(favorites);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthenticated') return sessionExpired();
    // Offline: the favorites stored on this device stay readable.
    if (error instanceof NetworkError) return;
    useUiStore.getState().show('error', `Couldn't load your favorites: ${describeError(error)}`);
  }
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
      // data; the server still checks every call, and a 401 later signs out.
      useSessionStore.getState().signedIn(remembered);
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
  useSessionStore.getState().signedOut();
  closeUserDb(user.id);
  useUiStore.getState().show('error', 'Your session has ended. Log in again to keep saving.');
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
  useSessionStore.getState().signedOut();
  if (user) closeUserDb(user.id);
  return true;
}
