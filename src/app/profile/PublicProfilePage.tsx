import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, NetworkError } from '../../api';
import type { PublicFavorite } from '../../contract';
import { syncFavoritesRepo } from '../../db';
import { useSessionStore } from '../../stores/sessionStore';
import { useUserDb } from '../session/useUserDb';
import { ArticleRow } from '../shared/ArticleRow';
import { capitalise, formatDate } from '../shared/format';
import { Loading } from '../shared/Loading';
import { NotFoundPage } from '../shared/NotFoundPage';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { VirtualFeed } from '../shared/VirtualFeed';
import './profile.css';
import { usePublicFavorites } from './usePublicFavorites';
import { usePublicPageUpdates } from './usePublicPageUpdates';

const ROW_ESTIMATE_PX = 148;
const favoriteKey = (favorite: PublicFavorite) => favorite.articleId;

/** `/@username`: anyone's public favorites; any other single-segment address is not a page. */
export function PublicProfileRoute() {
  const { handle = '' } = useParams();
  if (!handle.startsWith('@') || handle.length < 2) return <NotFoundPage />;
  return <PublicProfilePage key={handle} username={handle.slice(1)} />;
}

function PublicProfilePage({ username }: { username: string }) {
  useDocumentTitle(`@${username}`);
  const { state, refresh, loadMore } = usePublicFavorites(username);
  usePublicPageUpdates(username, refresh);
  const viewer = useSessionStore((s) => s.user?.username);
  const db = useUserDb();
  // A signed-in visitor can save what they find here; the buttons show their own state.
  const savedIds = useLiveQuery(() => (db ? syncFavoritesRepo(db).savedIds() : new Set<string>()), [db]);

  const items = state.status === 'ready' ? state.items : [];
  const setSize = state.status === 'ready' && state.nextCursor === null ? items.length : -1;
  const renderRow = useCallback(
    (favorite: PublicFavorite, index: number) => (
      <ArticleRow
        article={favorite.article}
        saved={savedIds?.has(favorite.articleId) ?? false}
        position={index + 1}
        setSize={setSize}
        note={`Saved ${formatDate(favorite.savedAt)}`}
      >
        {favorite.note ? <p className="public-favorite__note">{favorite.note}</p> : null}
        {favorite.tags.length > 0 ? (
          <ul className="public-favorite__tags" aria-label="Tags">
            {favorite.tags.map((tag) => (
              <li key={tag}>#{tag}</li>
            ))}
          </ul>
        ) : null}
      </ArticleRow>
    ),
    [savedIds, setSize],
  );

  if (state.status === 'not-found') {
    return (
      <div className="page page--narrow">
        <h1 className="page-title">No one here</h1>
        <p>There is no user called @{username}.</p>
        <p>
          <Link to="/">Back to all articles</Link>
        </p>
      </div>
    );
  }

  const own = viewer !== undefined && viewer === username.toLowerCase();
  return (
    <div className="page page--wide">
      <header className="page-header">
        <h1 className="page-title">@{state.status === 'ready' ? state.username : username}</h1>
        <p className="page-subtitle">
          {state.status === 'ready' && items.length > 0
            ? `${items.length.toLocaleString()}${state.nextCursor ? '+' : ''} public ${items.length === 1 ? 'favorite' : 'favorites'}`
            : 'Public favorites'}
        </p>
      </header>
      {state.status === 'loading' ? <Loading label="Loading public favorites" /> : null}
      {state.status === 'error' ? (
        <div className="feed-error" role="alert">
          <p>
            {state.error instanceof NetworkError
              ? "Couldn't load this page: you appear to be offline."
              : capitalise(`couldn't load this page: ${describeError(state.error)}.`)}
          </p>
          <button type="button" className="button button--secondary" onClick={refresh}>
            Try again
          </button>
        </div>
      ) : null}
      {state.status === 'ready' && items.length === 0 ? (
        <div className="empty-state">
          <h2 className="empty-state__title">Nothing public yet</h2>
          <p className="empty-state__text">
            {own
              ? 'Open one of your favorites and press “Show on my public page” to list it here for anyone.'
              : `@${state.username} has not made any favorites public.`}
          </p>
        </div>
      ) : null}
      {items.length > 0 ? (
        <VirtualFeed
          items={items}
          getKey={favoriteKey}
          estimatedRowPx={ROW_ESTIMATE_PX}
          renderRow={renderRow}
          busy={state.status === 'ready' && state.loadingMore}
          onNearEnd={state.status === 'ready' && state.nextCursor ? loadMore : undefined}
          label={`Public favorites of @${username}`}
        />
      ) : null}
    </div>
  );
}
