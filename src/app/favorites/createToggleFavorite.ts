/**
 * The optimistic favorite action: write the local database first (the live query flips the
 * button within a frame), then tell the server; if the server refuses, put the local record
 * back as the server last confirmed it and say what failed.
 *
 * Calls for one article are sent one after another, in click order, so the server ends in the
 * state of the last click. Only the latest click of an article may write its outcome locally:
 * an older request finishing late must not undo a newer click.
 */
import type { ApiClient } from '../../api';
import { describeError } from '../../api';
import type { ArticleSummary, Favorite } from '../../contract';
import type { FavoritesRepo } from '../../db';

export interface ToggleFavoriteDeps {
  readonly repo: Pick<FavoritesRepo, 'get' | 'put' | 'delete'>;
  readonly api: Pick<ApiClient, 'saveFavorite' | 'removeFavorite'>;
  readonly now?: () => Date;
}

export type ToggleFavoriteResult =
  | { readonly ok: true }
  /** `message` is ready to show: "Couldn't save “Title”: the server can't be reached". */
  | { readonly ok: false; readonly error: unknown; readonly message: string };

/** Set (not flip) whether `article` is saved: repeating a call is harmless. */
export type ToggleFavorite = (article: ArticleSummary, save: boolean) => Promise<ToggleFavoriteResult>;

interface Pending {
  /** Number of the latest click; only its outcome is written locally. */
  latest: number;
  /** The server's state as last confirmed: what a failure rolls back to. */
  confirmed: Favorite | undefined;
  /** The tail of this article's request chain. */
  tail: Promise<unknown>;
  inFlight: number;
}

function summaryOf(article: ArticleSummary): ArticleSummary {
  const { id, url, title, author, excerpt, publishedAt, imageUrl, readingMinutes } = article;
  return { id, url, title, author, excerpt, publishedAt, readingMinutes, ...(imageUrl ? { imageUrl } : {}) };
}

/** The favorite shown until the server answers with its own. */
export function optimisticFavorite(article: ArticleSummary, now: Date): Favorite {
  const at = now.toISOString();
  return {
    articleId: article.id,
    savedAt: at,
    updatedAt: at,
    note: '',
    public: false,
    tags: [],
    collectionIds: [],
    article: summaryOf(article),
  };
}

export function failureMessage(save: boolean, title: string, error: unknown): string {
  return `Couldn't ${save ? 'save' : 'remove'} “${title}”: ${describeError(error)}`;
}

export function createToggleFavorite({ repo, api, now = () => new Date() }: ToggleFavoriteDeps): ToggleFavorite {
  const pending = new Map<string, Pending>();

  return async function toggleFavorite(article, save) {
    const id = article.id;
    const previous = await repo.get(id);
    let state = pending.get(id);
    if (!state) {
      // Nothing in flight: the local record is the best knowledge of the server's state.
      state = { latest: 0, confirmed: previous, tail: Promise.resolve(), inFlight: 0 };
      pending.set(id, state);
    }
    const click = ++state.latest;
    state.inFlight++;

    // 1. Local first.
    if (save) {
      if (!previous) await repo.put(optimisticFavorite(article, now()));
    } else {
      await repo.delete(id);
    }

    // 2. Then the server, after this article's earlier requests.
    const send = async (): Promise<Favorite | undefined> => {
      if (save) return api.saveFavorite(id);
      await api.removeFavorite(id);
      return undefined;
    };
    // Earlier requests' outcomes do not matter here, only that they were sent first.
    const request = state.tail.then(send, send);
    state.tail = request.catch(() => undefined);

    try {
      const result = await request;
      state.confirmed = result;
      if (click === state.latest && result) await repo.put(result);
      return { ok: true };
    } catch (error) {
      // 3. Refused: roll back to what the server last confirmed, unless a newer click decides.
      if (click === state.latest) {
        if (state.confirmed) await repo.put(state.confirmed);
        else await repo.delete(id);
      }
      return { ok: false, error, message: failureMessage(save, article.title, error) };
    } finally {
      if (--state.inFlight === 0) pending.delete(id);
    }
  };
}
