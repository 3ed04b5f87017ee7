import { z } from 'zod';

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 500;
/** Request bodies over this get 413 payload_too_large. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Header a cookie-authenticated state-changing request must carry (CSRF guard). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'favorites';
export const SESSION_COOKIE = 'favorites_session';

export const IsoDateTime = z.iso.datetime({ offset: true });

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
  cursor: z.string().min(1).max(512).optional(),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Opaque cursors: base64url of a JSON tuple, so clients never depend on their shape. */
export function encodeCursor(parts: readonly (string | number)[]): string {
  const json = JSON.stringify(parts);
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decode a cursor made by encodeCursor; null when it is not one (the caller answers 400). */
export function decodeCursor(cursor: string): (string | number)[] | null {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const parts: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(parts) || !parts.every((p) => typeof p === 'string' || typeof p === 'number')) {
      return null;
    }
    return parts as (string | number)[];
  } catch {
    return null;
  }
}
