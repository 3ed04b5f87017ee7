import { User } from '../../contract';

/**
 * The last signed-in user, kept in localStorage so a reload without network still opens
 * that user's local data. It is never proof of a session: the server decides on every call.
 */
const KEY = 'favorites:last-user';

export function rememberUser(user: User): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(user));
  } catch {
    // Storage full or disabled: only the offline start suffers.
  }
}

export function rememberedUser(): User | null {
  try {
    const parsed = User.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function forgetUser(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
