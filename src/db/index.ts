export { articlesRepo, type ArticlesRepo } from './articlesRepo';
export { DB_NAME_PREFIX, FavoritesDb, dbNameForUser } from './FavoritesDb';
export { SCHEMA_VERSION } from './schema';
export type { StoredArticle } from './StoredArticle';
export { closeUserDb, userDb } from './userDb';
export { createSyncStore } from './syncStore';
export { syncFavoritesRepo, type SyncFavoritesRepo } from './syncFavoritesRepo';
export type { LegacyFavorite, SyncMetaRow, SyncRecordRow } from './SyncRecordRow';
