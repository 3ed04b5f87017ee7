import { routes, UserEnvelope } from '../contract';

/**
 * Who the browser's session cookie signs in right now: the user's id, or null when the server
 * says 401. Throws when there is no verdict (offline, 5xx, an answer that is not the
 * contract's), so a `sync` event that needs it fails and the browser retries it later.
 */
export async function sessionUserId(fetchImpl: typeof fetch = fetch): Promise<string | null> {
  const response = await fetchImpl(routes.me.path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`Session check failed: HTTP ${response.status}`);
  const parsed = UserEnvelope.safeParse(await response.json());
  if (!parsed.success) throw new Error('Session check failed: an answer the contract does not describe');
  return parsed.data.user.id;
}
