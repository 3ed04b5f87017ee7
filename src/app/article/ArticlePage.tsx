import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, describeError, NetworkError } from '../../api';
import { ApiError, type Article, type ArticleSummary } from '../../contract';
import { articlesRepo, syncFavoritesRepo } from '../../db';
import { FavoriteButton } from '../favorites/FavoriteButton';
import { NoteEditor } from '../favorites/NoteEditor';
import { PublicToggle } from '../favorites/PublicToggle';
import { useUserDb } from '../session/useUserDb';
import { capitalise, formatDate, formatReadingTime } from '../shared/format';
import { Loading } from '../shared/Loading';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import './article.css';
import { sanitizeHtml } from './sanitizeHtml';

type Fetched = { id: string; article: Article } | { id: string; error: unknown };

/** The reader view: the server's copy when reachable, else the one stored on this device. */
export function ArticlePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const db = useUserDb();
  const [fetched, setFetched] = useState<Fetched | null>(null);

  // What the list already knew, so the title shows at once while the body loads.
  const passed = (location.state as { summary?: ArticleSummary } | null)?.summary;
  const stored = useLiveQuery(() => (db ? articlesRepo(db).get(id) : undefined), [db, id]);
  const favorite = useLiveQuery(async () => (db ? ((await syncFavoritesRepo(db).get(id)) ?? null) : null), [db, id]);
  const saved = favorite != null;

  useEffect(() => {
    const controller = new AbortController();
    api.getArticle(id, { signal: controller.signal }).then(
      (article) => setFetched({ id, article }),
      (error: unknown) => {
        if (!controller.signal.aborted) setFetched({ id, error });
      },
    );
    return () => controller.abort();
  }, [id]);

  const current = fetched?.id === id ? fetched : null;
  const fresh = current && 'article' in current ? current.article : undefined;

  // Opened articles are kept for offline reading.
  useEffect(() => {
    if (db && fresh) void articlesRepo(db).putFull(fresh);
  }, [db, fresh]);

  // A saved article's summary is kept with the favorite (synced from other devices too); the
  // body only where this device opened the article.
  const article: ArticleSummary | undefined = fresh ?? favorite?.article ?? stored ?? (passed?.id === id ? passed : undefined);
  const body = fresh?.body ?? stored?.body;
  const failure = current && 'error' in current && body === undefined ? current.error : null;
  const cleanBody = useMemo(() => (body === undefined ? undefined : sanitizeHtml(body)), [body]);
  useDocumentTitle(article?.title ?? 'Article');

  if (!article && failure) return <ArticleUnavailable error={failure} />;
  if (!article) return <Loading label="Loading the article" />;

  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader__header">
        <p className="reader__back">
          <Link to="/">← All articles</Link>
        </p>
        <h1 id="reader-title" className="reader__title">
          {article.title}
        </h1>
        <p className="reader__meta">
          <span className="reader__author">{article.author}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
          <span aria-hidden="true"> · </span>
          <span>{formatReadingTime(article.readingMinutes)}</span>
        </p>
        <div className="reader__actions">
          <FavoriteButton article={article} saved={saved} variant="labelled" />
          <a className="reader__source" href={article.url} target="_blank" rel="noopener noreferrer">
            Original<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </div>
        {db && favorite ? (
          <>
            <PublicToggle db={db} article={article} isPublic={favorite.public} />
            <NoteEditor db={db} article={article} note={favorite.note} />
          </>
        ) : null}
      </header>
      {cleanBody !== undefined ? (
        <div className="reader__body" dangerouslySetInnerHTML={{ __html: cleanBody }} />
      ) : failure ? (
        <p className="reader__unavailable" role="alert">
          {capitalise(`couldn't load the article: ${describeError(failure)}.`)}
        </p>
      ) : (
        <Loading label="Loading the article" />
      )}
    </article>
  );
}

function ArticleUnavailable({ error }: { error: unknown }) {
  const missing = error instanceof ApiError && (error.code === 'not_found' || error.code === 'validation_failed');
  return (
    <div className="page page--narrow">
      <h1 className="page-title">{missing ? 'Article not found' : "Couldn't open this article"}</h1>
      <p>
        {missing
          ? 'There is no article at this address. It may have been removed.'
          : error instanceof NetworkError
            ? "You appear to be offline, and this article isn't stored on this device yet."
            : capitalise(`${describeError(error)}.`)}
      </p>
      <p>
        <Link to="/">Back to all articles</Link>
      </p>
    </div>
  );
}
