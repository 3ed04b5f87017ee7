import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { ApiError, type PublicFavorite } from '../../contract';

/** Favorites per request, as Browse's pages. */
const PAGE_SIZE = 100;

export type PublicFavoritesState =
  | { readonly status: 'loading' }
  | { readonly status: 'not-found' }
  | { readonly status: 'error'; readonly error: unknown }
  | {
      readonly status: 'ready';
      readonly username: string;
      readonly items: readonly PublicFavorite[];
      readonly nextCursor: string | null;
      /** A later page is on its way. */
      readonly loadingMore: boolean;
    };

/**
 * A user's public favorites from the server (they are someone else's data: nothing is stored
 * on this device), a page at a time. `refresh()` reloads from the top, keeping the list on
 * screen until the new one arrives (the live updates call it).
 */
export function usePublicFavorites(username: string) {
  const [state, setState] = useState<PublicFavoritesState>({ status: 'loading' });
  const generation = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    api.publicFavorites(username, { limit: PAGE_SIZE }).then(
      (page) => {
        if (mine !== generation.current) return;
        setState({ status: 'ready', username: page.user.username, items: page.items, nextCursor: page.nextCursor, loadingMore: false });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        if (error instanceof ApiError && error.code === 'not_found') setState({ status: 'not-found' });
        // A failed refresh keeps what is on screen; only a first load shows the error.
        else setState((current) => (current.status === 'ready' ? current : { status: 'error', error }));
      },
    );
  }, [username]);

  const loadMore = useCallback(() => {
    if (state.status !== 'ready' || !state.nextCursor || state.loadingMore) return;
    const mine = generation.current;
    setState({ ...state, loadingMore: true });
    api.publicFavorites(username, { limit: PAGE_SIZE, cursor: state.nextCursor }).then(
      (page) => {
        if (mine !== generation.current) return;
        setState((current) => {
          if (current.status !== 'ready') return current;
          const seen = new Set(current.items.map((item) => item.articleId));
          const items = [...current.items, ...page.items.filter((item) => !seen.has(item.articleId))];
          return { ...current, items, nextCursor: page.nextCursor, loadingMore: false };
        });
      },
      () => {
        if (mine === generation.current) setState((current) => (current.status === 'ready' ? { ...current, loadingMore: false } : current));
      },
    );
  }, [state, username]);

  // The page is mounted per username (keyed), so this runs once per user shown.
  useEffect(() => {
    refresh();
    return () => {
      generation.current += 1;
    };
  }, [refresh]);

  return { state, refresh, loadMore };
}
