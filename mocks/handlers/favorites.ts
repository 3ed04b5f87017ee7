import type { HttpHandler } from 'msw';
import type { Article } from '../../src/contract/articles';
import { ApiError } from '../../src/contract/errors';
import { toPublicFavorite } from '../../src/contract/publicFavorites';
import { routes } from '../../src/contract/routes';
import { activeTags, removePatch, savePatch, type FavoriteRecord } from '../../src/core/favoriteRecord';
import { favoritesOf, MockWriteBatch } from '../favoriteWrites';
import { route } from '../http/route';
import { keysetPage } from '../paging';
import { matchesAll, searchableText, searchTerms } from '../search';
import { stamp, type MockState } from '../state';
import { favoriteView } from '../views';

interface Saved {
  readonly record: FavoriteRecord;
  readonly article: Article;
}


/** The user's saved favorites, newest saved first (saved HLC, then article id, descending). */
function savedNewestFirst(state: MockState, userId: string): Saved[] {
  const saved: Saved[] = [];
  for (const record of favoritesOf(state, userId).values()) {
    const article = state.articles.get(record.articleId);
    if (record.saved.value && article) saved.push({ record, article });
  }
  const key = ({ record }: Saved) => `${record.saved.hlc}\u0000${record.articleId}`;
  return saved.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

/** What a favorite's text search looks at: the article's text plus the user's note and tags. */
function favoriteText(saved: Saved, withBody: boolean): string {
  const { article, record } = saved;
  return searchableText(article.title, article.excerpt, withBody ? article.body : '', record.note.value, ...activeTags(record));
}

const pageKey = ({ record }: Saved) => [record.saved.hlc, record.articleId] as const;

export function favoriteHandlers(state: MockState): HttpHandler[] {
  return [
    route(state, routes.listFavorites, ({ query, caller }) => {
      const terms = searchTerms(query.q);
      if (query.q && terms.length === 0) return { items: [], nextCursor: null };
      const matching = savedNewestFirst(state, caller.user.id).filter(
        (saved) =>
          // Collections are not in the mock yet: no favorite belongs to one.
          query.collection === undefined &&
          (query.tag === undefined || activeTags(saved.record).includes(query.tag)) &&
          (terms.length === 0 || matchesAll(favoriteText(saved, false), terms)),
      );
      const page = keysetPage(matching, pageKey, 'string', query);
      return { items: page.items.map((s) => favoriteView(s.record, s.article)), nextCursor: page.nextCursor };
    }),

    route(state, routes.publicFavorites, ({ params, query }) => {
      const owner = state.users.get(params.username.toLowerCase());
      if (!owner) throw new ApiError('not_found', 'No user with that username');
      const published = savedNewestFirst(state, owner.id).filter((saved) => saved.record.public.value);
      const page = keysetPage(published, pageKey, 'string', query);
      return {
        user: { username: owner.username },
        items: page.items.map((s) => toPublicFavorite(favoriteView(s.record, s.article))),
        nextCursor: page.nextCursor,
      };
    }),

    route(state, routes.searchFavorites, ({ query, caller }) => {
      const terms = searchTerms(query.q);
      // One page, newest saved first, like the server's search.
      const items = terms.length
        ? savedNewestFirst(state, caller.user.id)
            .filter((saved) => matchesAll(favoriteText(saved, true), terms))
            .slice(0, query.limit)
        : [];
      return { items: items.map((s) => favoriteView(s.record, s.article)), nextCursor: null };
    }),

    route(state, routes.saveFavorite, ({ params, body, caller }) => {
      const article = state.articles.get(params.articleId);
      if (!article) throw new ApiError('not_found', 'No article with that id');
      const { record } = new MockWriteBatch(state).write(
        caller.user.id,
        article.id,
        (stored) => savePatch(stored, body),
        stamp(state),
      );
      return { favorite: favoriteView(record, article) };
    }),

    route(state, routes.removeFavorite, ({ params, caller }) => {
      // Removing what is not saved changes nothing (no new version for pullers to fetch).
      new MockWriteBatch(state).write(
        caller.user.id,
        params.articleId,
        (stored) => (stored?.saved.value ? removePatch(stored) : {}),
        stamp(state),
      );
      return null;
    }),
  ];
}
