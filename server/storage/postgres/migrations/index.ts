/**
 * The PostgreSQL migrations, in order, named like their SQLite counterparts (each mirrors the
 * SQLite migration of the same name; a test keeps the two lists and the resulting schemas in
 * step). Never edit a shipped migration: add the next one, on both databases.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001_initial';
import { syncClients } from './0002_sync_clients';
import { favoritesPageCovering } from './0003_favorites_page_covering';
import { publicFavorites } from './0004_public_favorites';
import { spaceHlcHighWater } from './0005_space_hlc_high_water';
import { favoriteTagSummary } from './0006_favorite_tag_summary';

export const postgresMigrationList: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_sync_clients': syncClients,
  '0003_favorites_page_covering': favoritesPageCovering,
  '0004_public_favorites': publicFavorites,
  '0005_space_hlc_high_water': spaceHlcHighWater,
  '0006_favorite_tag_summary': favoriteTagSummary,
};

export const postgresMigrations: MigrationProvider = {
  async getMigrations() {
    return postgresMigrationList;
  },
};
