/**
 * The SQLite migrations, in order. Modules in code (not files read at run time) so the
 * server runs the same from source, from a bundle or from tests. Never edit a shipped
 * migration: add the next one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001_initial';
import { syncClients } from './0002_sync_clients';
import { favoritesPageCovering } from './0003_favorites_page_covering';
import { publicFavorites } from './0004_public_favorites';
import { spaceHlcHighWater } from './0005_space_hlc_high_water';
import { favoriteTagSummary } from './0006_favorite_tag_summary';

const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_sync_clients': syncClients,
  '0003_favorites_page_covering': favoritesPageCovering,
  '0004_public_favorites': publicFavorites,
  '0005_space_hlc_high_water': spaceHlcHighWater,
  '0006_favorite_tag_summary': favoriteTagSummary,
};

export const sqliteMigrations: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
