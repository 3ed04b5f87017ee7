import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import { ApiError, type ArticleSummary } from '../../contract';
import { favoritesRepo, type FavoritesDb } from '../../db';
import { useUiStore } from '../../stores/uiStore';
import { sessionExpired } from '../session/sessionActions';
import { useUserDb } from '../session/useUserDb';
import { createToggleFavorite, type ToggleFavorite } from './createToggleFavorite';

/** One toggler per database, shared by every button, so clicks on one article queue together. */
const togglers = new WeakMap<FavoritesDb, ToggleFavorite>();

function togglerFor(db: FavoritesDb): ToggleFavorite {
  let toggle = togglers.get(db);
  if (!toggle) {
    toggle = createToggleFavorite({ repo: favoritesRepo(db), api });
    togglers.set(db, toggle);
  }
  return toggle;
}

/**
 * `(article, save) => void` for favorite buttons. Signed out, it sends the user to log in
 * and back; a failure shows an alert saying what failed.
 */
export function useToggleFavorite(): (article: ArticleSummary, save: boolean) => void {
  const db = useUserDb();
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    (article, save) => {
      if (!db) {
        const next = `${location.pathname}${location.search}`;
        void navigate(`/login?next=${encodeURIComponent(next)}`);
        return;
      }
      void togglerFor(db)(article, save).then((result) => {
        if (result.ok) return;
        useUiStore.getState().show('error', result.message);
        if (result.error instanceof ApiError && result.error.code === 'unauthenticated') sessionExpired();
      });
    },
    [db, navigate, location.pathname, location.search],
  );
}
