import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { publicProfilePath, type Favorite } from '../../contract';
import { syncFavoritesRepo } from '../../db';
import { useSessionStore } from '../../stores/sessionStore';
import { useUserDb } from '../session/useUserDb';
import { ArticleRow } from '../shared/ArticleRow';
import { formatDate } from '../shared/format';
import { Loading } from '../shared/Loading';
import { VirtualFeed } from '../shared/VirtualFeed';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import './favorites.css';

const ROW_ESTIMATE_PX = 148;
const favoriteKey = (favorite: Favorite) => favorite.articleId;

/** The user's favorites, newest first, straight from the local database (works offline). */
export function FavoritesPage() {
  useDocumentTitle('Favorites');
  const db = useUserDb();
  const username = useSessionStore((state) => state.user?.username);
  const favorites = useLiveQuery(() => (db ? syncFavoritesRepo(db).list() : []), [db]);

  const renderRow = useCallback(
    (favorite: Favorite, index: number) => (
      <ArticleRow
        article={favorite.article}
        saved
        position={index + 1}
        setSize={favorites?.length ?? -1}
        note={`Saved ${formatDate(favorite.savedAt)}${favorite.public ? ' · Public' : ''}`}
      />
    ),
    [favorites?.length],
  );

  return (
    <div className="page page--wide">
      <header className="page-header">
        <h1 className="page-title">Favorites</h1>
        {favorites && favorites.length > 0 ? (
          <p className="page-subtitle">
            {favorites.length.toLocaleString()} saved {favorites.length === 1 ? 'article' : 'articles'}
            {username ? (
              <>
                <span aria-hidden="true"> · </span>
                <Link to={publicProfilePath(username)}>Your public page</Link>
              </>
            ) : null}
          </p>
        ) : null}
      </header>
      {favorites === undefined ? (
        <Loading label="Loading your favorites" />
      ) : favorites.length === 0 ? (
        <div className="empty-state">
          <svg className="empty-state__icon" viewBox="0 0 24 24" width="48" height="48" aria-hidden="true" focusable="false">
            <path
              d="M6.5 3.75h11a1 1 0 0 1 1 1v15.1a.5.5 0 0 1-.78.41L12 16.4l-5.72 3.86a.5.5 0 0 1-.78-.41V4.75a1 1 0 0 1 1-1Z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinejoin="round"
            />
          </svg>
          <h2 className="empty-state__title">No favorites yet</h2>
          <p className="empty-state__text">Save articles you want to keep, and read them here on any device, even offline.</p>
          <Link className="button button--primary" to="/">
            Find articles to save
          </Link>
        </div>
      ) : (
        <VirtualFeed
          items={favorites}
          getKey={favoriteKey}
          estimatedRowPx={ROW_ESTIMATE_PX}
          renderRow={renderRow}
          label="Your favorites"
        />
      )}
    </div>
  );
}
