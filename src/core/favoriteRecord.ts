/**
 * A favorite as a set of LWW registers (protocol.md, "Data model"), and the pure operations
 * on it. The server's REST writes, the future sync push, the MSW mocks and the client's local
 * store all change favorites through `applyFavoritePatch`, so there is one write path.
 */
import { mergeRegister, maxHlc, type Register } from './lww';
import { parseHlc } from './hlc';
import { isoTime } from './isoTime';

export interface FavoriteRecord {
  readonly articleId: string;
  /** saved=false is the tombstone. */
  readonly saved: Register<boolean>;
  readonly note: Register<string>;
  readonly public: Register<boolean>;
  /** One register per tag ever set on this favorite: on=true means the tag is present. */
  readonly tags: Readonly<Record<string, Register<boolean>>>;
}

/** The registers one write sets; absent fields are left alone. */
export interface FavoritePatch {
  readonly saved?: boolean;
  readonly note?: string;
  readonly public?: boolean;
  readonly tags?: Readonly<Record<string, boolean>>;
}

export function emptyFavorite(articleId: string): FavoriteRecord {
  const none = '';
  return {
    articleId,
    saved: { value: false, hlc: none },
    note: { value: '', hlc: none },
    public: { value: false, hlc: none },
    tags: {},
  };
}

/**
 * Apply every register of `patch`, stamped `hlc`, that beats the stored one.
 * Returns the new record and whether anything changed (false: a no-op, e.g. a replay).
 */
export function applyFavoritePatch(
  record: FavoriteRecord | null | undefined,
  patch: FavoritePatch,
  hlc: string,
  articleId: string = record?.articleId ?? '',
): { record: FavoriteRecord; changed: boolean } {
  const base = record ?? emptyFavorite(articleId);
  let changed = false;
  const merge = <T>(stored: Register<T>, value: T | undefined): Register<T> => {
    if (value === undefined) return stored;
    const result = mergeRegister(stored.hlc ? stored : null, { value, hlc });
    changed ||= result.changed;
    return result.register;
  };
  let tags = base.tags;
  if (patch.tags) {
    const next: Record<string, Register<boolean>> = { ...base.tags };
    for (const [tag, on] of Object.entries(patch.tags)) {
      next[tag] = merge(next[tag] ?? { value: false, hlc: '' }, on);
    }
    tags = next;
  }
  const next: FavoriteRecord = {
    articleId: base.articleId,
    saved: merge(base.saved, patch.saved),
    note: merge(base.note, patch.note),
    public: merge(base.public, patch.public),
    tags,
  };
  return { record: changed ? next : base, changed };
}

/** What a REST `PUT /favorites/:id {note?, public?, tags?}` means in registers. */
export function savePatch(
  record: FavoriteRecord | null | undefined,
  body: { note?: string; public?: boolean; tags?: readonly string[] },
): FavoritePatch {
  const alreadySaved = record?.saved.value === true;
  let tags: Record<string, boolean> | undefined;
  if (body.tags) {
    // The list given replaces the set: listed tags on, every other present tag off.
    tags = {};
    for (const tag of activeTags(record)) tags[tag] = false;
    for (const tag of body.tags) tags[tag] = true;
  }
  return {
    // Re-saving a saved favorite keeps its savedAt: only a transition writes the register.
    ...(alreadySaved ? {} : { saved: true }),
    ...(body.note !== undefined ? { note: body.note } : {}),
    ...(body.public !== undefined ? { public: body.public } : {}),
    ...(tags ? { tags } : {}),
  };
}

/** Removing a favorite clears it whole, so a later save starts clean. */
export function removePatch(record: FavoriteRecord | null | undefined): FavoritePatch {
  const tags: Record<string, boolean> = {};
  for (const tag of activeTags(record)) tags[tag] = false;
  return { saved: false, note: '', public: false, tags };
}

export function activeTags(record: FavoriteRecord | null | undefined): string[] {
  if (!record) return [];
  return Object.entries(record.tags)
    .filter(([, register]) => register.value)
    .map(([tag]) => tag)
    .sort();
}

/** Latest timestamp over all registers: when the favorite last changed. */
export function lastChangedHlc(record: FavoriteRecord): string {
  let latest = maxHlc(maxHlc(record.saved.hlc, record.note.hlc), record.public.hlc) ?? '';
  for (const register of Object.values(record.tags)) latest = maxHlc(latest, register.hlc) ?? latest;
  return latest;
}

/** The API view of a saved favorite's own fields (the article is joined by the caller). */
export function favoriteFields(record: FavoriteRecord): {
  articleId: string;
  savedAt: string;
  updatedAt: string;
  note: string;
  public: boolean;
  tags: string[];
} {
  const iso = (hlc: string) => isoTime(hlc ? parseHlc(hlc).wallMs : 0);
  return {
    articleId: record.articleId,
    savedAt: iso(record.saved.hlc),
    updatedAt: iso(lastChangedHlc(record)),
    note: record.note.value,
    public: record.public.value,
    tags: activeTags(record),
  };
}
