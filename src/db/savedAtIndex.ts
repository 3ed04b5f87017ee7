import type { FavoriteRecord } from '../core/favoriteRecord';
import { parseHlc } from '../core/hlc';

/**
 * The `savedAt` index value of a record (ISO 8601 UTC, which sorts by instant): when its view
 * was saved, undefined when it is not saved. A favorite carried over from schema v1 has an
 * empty saved HLC and keeps the savedAt it had then (`legacySavedAt`).
 */
export function savedAtIndex(view: FavoriteRecord, legacySavedAt: string | undefined): string | undefined {
  if (!view.saved.value) return undefined;
  if (!view.saved.hlc) return legacySavedAt;
  return new Date(parseHlc(view.saved.hlc).wallMs).toISOString();
}
