/** Keyset cursors: the sort key of a page's last row, made opaque with the contract's encoding. */
import { ApiError, decodeCursor, encodeCursor } from '../../../src/contract';

export function encodePageCursor(sortValue: string | number, id: string): string {
  return encodeCursor([sortValue, id]);
}

/** Decodes a cursor whose first part has the given type; a foreign or broken cursor is a 400. */
export function decodePageCursor<K extends 'string' | 'number'>(
  cursor: string,
  sortType: K,
): [K extends 'string' ? string : number, string] {
  const parts = decodeCursor(cursor);
  if (!parts || parts.length !== 2 || typeof parts[0] !== sortType || typeof parts[1] !== 'string') {
    throw new ApiError('validation_failed', 'Invalid request query', {
      fields: { cursor: 'not a cursor from this list' },
    });
  }
  return parts as [K extends 'string' ? string : number, string];
}
