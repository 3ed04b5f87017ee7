import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { ArticleSummary } from '../../contract';
import { useUiStore } from '../../stores/uiStore';
import { useUserDb } from '../session/useUserDb';
import { setFavorite } from './setFavorite';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `(article, save) => void` for favorite buttons. Signed out, it sends the user to log in
 * and back. The server's verdict arrives later through sync (a refused write rolls back with
 * an alert, see syncSession); only a failure of the device's own database shows here.
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
      setFavorite(db, article, save).catch((error: unknown) => {
        useUiStore
          .getState()
          .show('error', `Couldn't ${save ? 'save' : 'remove'} “${article.title}” on this device: ${messageOf(error)}`);
      });
    },
    [db, navigate, location.pathname, location.search],
  );
}
