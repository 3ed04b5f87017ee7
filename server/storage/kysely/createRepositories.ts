import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Repositories } from '../types';
import { articleStore } from './articleStore';
import type { ArticleSummaryCache } from './articleSummaryCache';
import { favoriteStore } from './favoriteStore';
import { metaStore } from './metaStore';
import { spaceStore } from './spaceStore';
import { syncClientStore } from './syncClientStore';
import type { TextSearch } from './textSearch';
import { tokenStore } from './tokenStore';
import { userStore } from './userStore';

/**
 * The repositories over one Kysely handle (the database, or a transaction). The cache is
 * per storage, shared by every transaction.
 */
export function createRepositories(db: Kysely<Database>, textSearch: TextSearch, articleCache: ArticleSummaryCache): Repositories {
  return {
    users: userStore(db),
    tokens: tokenStore(db),
    articles: articleStore(db, textSearch),
    favorites: favoriteStore(db, textSearch, articleCache),
    spaces: spaceStore(db),
    meta: metaStore(db),
    syncClients: syncClientStore(db),
  };
}
