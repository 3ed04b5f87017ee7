/**
 * Merging two replicas of one favorite, register by register (protocol.md, "Clock and conflict
 * rule"). Each register keeps the write with the larger HLC, so the merge is commutative,
 * associative and idempotent: pulled pages may arrive in any order, or twice.
 */
import type { FavoriteRecord } from './favoriteRecord';
import { mergeRegister, type Register } from './lww';

/**
 * `a` merged with `b`; `changed` says whether any register of `a` was replaced. Registers with
 * an empty HLC (never written, or carried over from before sync) lose to every real write.
 */
export function mergeRecords(a: FavoriteRecord | null | undefined, b: FavoriteRecord): { record: FavoriteRecord; changed: boolean } {
  if (!a) return { record: b, changed: true };
  let changed = false;
  const merge = <T>(stored: Register<T>, incoming: Register<T> | undefined): Register<T> => {
    if (!incoming || !incoming.hlc) return stored;
    const result = mergeRegister(stored.hlc ? stored : null, incoming);
    changed ||= result.changed;
    return result.register;
  };
  let tags = a.tags;
  for (const [tag, incoming] of Object.entries(b.tags)) {
    const stored = a.tags[tag];
    if (!stored) {
      tags = { ...tags, [tag]: incoming };
      changed = true;
      continue;
    }
    const merged = merge(stored, incoming);
    if (merged !== stored) tags = { ...tags, [tag]: merged };
  }
  const record: FavoriteRecord = {
    articleId: a.articleId,
    saved: merge(a.saved, b.saved),
    note: merge(a.note, b.note),
    public: merge(a.public, b.public),
    tags,
  };
  return changed ? { record, changed } : { record: a, changed };
}
