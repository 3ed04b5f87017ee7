import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { NetworkError, describeError } from '../../api';
import type { ArticleSummary } from '../../contract';
import { syncFavoritesRepo } from '../../db';
import { useUserDb } from '../session/useUserDb';
import { ArticleRow } from '../shared/ArticleRow';
import { capitalise } from '../shared/format';
import { Loading } from '../shared/Loading';
import { VirtualFeed } from '../shared/VirtualFeed';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import './browse.css';
import { SearchField } from './SearchField';
import { useArticleFeed } from './useArticleFeed';

/** Rough height of a row with a two-line excerpt, before it is measured. */
const ROW_ESTIMATE_PX = 148;
const articleKey = (article: ArticleSummary) => article.id;

export function BrowsePage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  useDocumentTitle(q ? `“${q}” · Browse` : 'Browse');

  const onSearch = useCallback(
    (next: string) => setParams(next ? { q: next } : {}, { replace: true }),
    [setParams],
  );

  return (
    <div className="page page--wide">
      <header className="page-header">
        <h1 className="page-title">{q ? `Results for “${q}”` : 'Browse articles'}</h1>
        <SearchField value={q} onSearch={onSearch} />
      </header>
      <ArticleFeed key={q} q={q} />
    </div>
  );
}

function ArticleFeed({ q }: { q: string }) {
  const { items, done, status, error, loadMore } = useArticleFeed(q);
  const db = useUserDb();
  const savedIds = useLiveQuery(() => (db ? syncFavoritesRepo(db).savedIds() : new Set<string>()), [db]);
  const setSize = done ? items.length : -1;

  const renderRow = useCallback(
    (article: ArticleSummary, index: number) => (
      <ArticleRow article={article} saved={savedIds?.has(article.id) ?? false} position={index + 1} setSize={setSize} />
    ),
    [savedIds, setSize],
  );

  return (
    <>
      {items.length > 0 ? (
        <VirtualFeed
          items={items}
          getKey={articleKey}
          estimatedRowPx={ROW_ESTIMATE_PX}
          renderRow={renderRow}
          busy={status === 'loading'}
          onNearEnd={status === 'idle' ? loadMore : undefined}
          label={q ? `Articles matching ${q}` : 'Articles'}
          restoreKey={`browse:${q}`}
        />
      ) : null}
      <div className="feed-footer">
        {status === 'loading' ? <Loading label="Loading articles" /> : null}
        {status === 'error' ? (
          <div className="feed-error" role="alert">
            <p>
              {error instanceof NetworkError
                ? "Couldn't load articles: you appear to be offline. Articles you opened or saved are still in Favorites."
                : `Couldn't load articles: ${describeError(error)}.`}
            </p>
            <button type="button" className="button button--secondary" onClick={loadMore}>
              Try again
            </button>
          </div>
        ) : null}
        {status === 'idle' && done && items.length === 0 ? (
          <p className="empty">{q ? capitalise(`no articles match “${q}”.`) : 'The catalogue is empty.'}</p>
        ) : null}
        {status === 'idle' && done && items.length > 0 ? (
          <p className="feed-end">
            {items.length.toLocaleString()} {items.length === 1 ? 'article' : 'articles'}
          </p>
        ) : null}
      </div>
    </>
  );
}
