import { userDb, type FavoritesDb } from '../../db';
import { useSessionStore } from '../../stores/sessionStore';

/** The signed-in user's local database, or null when nobody is signed in. */
export function useUserDb(): FavoritesDb | null {
  const userId = useSessionStore((state) => state.user?.id);
  return userId ? userDb(userId) : null;
}
