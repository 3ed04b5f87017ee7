/**
 * Keyset paging over a list already sorted by (sort value, id) descending, with the contract's
 * opaque cursors: a page ends with a cursor naming its last item, the next page starts after it.
 */
import { decodeCursor, encodeCursor } from '../src/contract/common';
import { ApiError } from '../src/contract/errors';

export type PageKey = readonly [string | number, string];

function badCursor(): ApiError {
  return new ApiError('validation_failed', 'Invalid request query', { fields: { cursor: 'not a cursor from this list' } });
}

function decodeKey(cursor: string, sortType: 'string' | 'number'): PageKey {
  const parts = decodeCursor(cursor);
  if (!parts || parts.length !== 2 || typeof parts[0] !== sortType || typeof parts[1] !== 'string') throw badCursor();
  return [parts[0] as string | number, parts[1]];
}

function isAfter(key: PageKey, cursor: PageKey): boolean {
  return key[0] < cursor[0] || (key[0] === cursor[0] && key[1] < cursor[1]);
}

export interface PageOptions {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** `sortType` is the type of the sort value, so a cursor from another list is a 400, not a muddle. */
export function keysetPage<T>(
  sorted: readonly T[],
  keyOf: (item: T) => PageKey,
  sortType: 'string' | 'number',
  options: PageOptions,
): { items: T[]; nextCursor: string | null } {
  let start = 0;
  if (options.cursor) {
    const cursorKey = decodeKey(options.cursor, sortType);
    start = sorted.findIndex((item) => isAfter(keyOf(item), cursorKey));
    if (start === -1) start = sorted.length;
  }
  const items = sorted.slice(start, start + options.limit);
  const last = items.at(-1);
  const more = start + options.limit < sorted.length;
  return { items, nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
