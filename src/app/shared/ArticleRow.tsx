import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ArticleSummary } from '../../contract';
import { FavoriteButton } from '../favorites/FavoriteButton';
import { formatDate, formatReadingTime } from './format';
import './shared.css';

interface ArticleRowProps {
  readonly article: ArticleSummary;
  readonly saved: boolean;
  /** Position in the feed (1-based) and its size (-1 while more may load), for screen readers. */
  readonly position: number;
  readonly setSize: number;
  /** Extra line under the meta, e.g. when it was saved. */
  readonly note?: string;
  /** More about the row under its meta line (a public favorite's note and tags). */
  readonly children?: ReactNode;
}

/** One article in a list: an `<article>` named by its title, with the favorite control. */
export function ArticleRow({ article, saved, position, setSize, note, children }: ArticleRowProps) {
  const titleId = useId();
  return (
    <article className="article-row" aria-labelledby={titleId} aria-posinset={position} aria-setsize={setSize}>
      <div className="article-row__text">
        <h2 className="article-row__title" id={titleId}>
          <Link to={`/articles/${article.id}`} state={{ summary: article }}>
            {article.title}
          </Link>
        </h2>
        <p className="article-row__excerpt">{article.excerpt}</p>
        <p className="article-row__meta">
          <span>{article.author}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
          <span aria-hidden="true"> · </span>
          <span>{formatReadingTime(article.readingMinutes)}</span>
          {note ? (
            <>
              <span aria-hidden="true"> · </span>
              <span>{note}</span>
            </>
          ) : null}
        </p>
        {children}
      </div>
      <FavoriteButton article={article} saved={saved} />
    </article>
  );
}
