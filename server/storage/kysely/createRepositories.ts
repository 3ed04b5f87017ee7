import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Repositories } from '../types';
import { articleStore } from './articleStore';
import type { ArticleSummaryCache } from './articleSummaryCache';
import { favoriteStore } from './favoriteStore';
import { metaStore } from './metaStore';
import type { PreparedQueries } from './preparedQuery';
import { spaceStore } from './spaceStore';
import { syncClientStore } from './syncClientStore';
import type { TextSearch } from './textSearch';
import { tokenStore } from './tokenStore';
import { userStore } from './userStore';

/**
 * The repositories over one Kysely handle (the database, or a transaction). The article cache
 * and the prepared queries are per storage, shared by every transaction.
 */
export function createRepositories(
  db: Kysely<Database>,
  textSearch: TextSearch,
  articleCache: ArticleSummaryCache,
  queries: PreparedQueries,
): Repositories {
  return {
    users: userStore(db, queries),
    tokens: tokenStore(db, queries),
    articles: articleStore(db, textSearch),
    favorites: favoriteStore(db, textSearch, articleCache, queries),
    spaces: spaceStore(db, queries),
    meta: metaStore(db, queries),
    syncClients: syncClientStore(db, queries),
  };
}
