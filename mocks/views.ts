/** API views of mock data, shaped by the contract. */
import type { User } from '../src/contract/accounts';
import type { Article, ArticleSummary } from '../src/contract/articles';
import type { Favorite } from '../src/contract/favorites';
import { favoriteFields, type FavoriteRecord } from '../src/core/favoriteRecord';
import type { MockUser } from './state';

export function userView(user: MockUser): User {
  return { id: user.id, username: user.username, createdAt: user.createdAt };
}

export function articleSummary(article: Article): ArticleSummary {
  const { body: _body, ...summary } = article;
  return summary;
}

export function favoriteView(record: FavoriteRecord, article: Article): Favorite {
  return { ...favoriteFields(record), collectionIds: [], article: articleSummary(article) };
}
