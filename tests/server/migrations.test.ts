import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage';
import { tempDatabaseFile } from './support/tempDir';

function tablesIn(file: string): { tables: string[]; migrations: string[]; journalMode: unknown } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all()
      .map((row) => row.name);
    const migrations = db.prepare<[], { name: string }>('select name from kysely_migration order by name').all().map((row) => row.name);
    return { tables, migrations, journalMode: db.pragma('journal_mode', { simple: true }) };
  } finally {
    db.close();
  }
}

describe('schema migrations', () => {
  it('create every table in an empty database file, in WAL mode', async () => {
    const file = tempDatabaseFile();
    const storage = await openSqliteStorage(file);
    await storage.close();

    const { tables, migrations, journalMode } = tablesIn(file);
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'auth_tokens', 'articles', 'articles_fts', 'favorites', 'favorite_tags', 'spaces', 'server_meta', 'sync_clients']),
    );
    expect(migrations).toEqual(['0001_initial', '0002_sync_clients', '0003_favorites_page_covering', '0004_public_favorites', '0005_space_hlc_high_water', '0006_favorite_tag_summary']);
    expect(journalMode).toBe('wal');
  });

  it('are idempotent: a restart runs nothing twice and keeps the data', async () => {
    const file = tempDatabaseFile();
    const first = await openSqliteStorage(file);
    await first.spaces.bump('u:someone');
    await first.close();

    const second = await openSqliteStorage(file);
    expect(await second.spaces.version('u:someone')).toBe(1);
    await second.close();

    expect(tablesIn(file).migrations).toEqual(['0001_initial', '0002_sync_clients', '0003_favorites_page_covering', '0004_public_favorites', '0005_space_hlc_high_water', '0006_favorite_tag_summary']);
  });

  it('turn foreign keys on, so a favorite cannot point at a missing article', async () => {
    const storage = await openSqliteStorage(tempDatabaseFile());
    await expect(
      storage.bulk.insertFavorites([{ userId: 'nobody', articleId: 'missing', savedHlc: '000000000000001-0000-server' }]),
    ).rejects.toThrow(/FOREIGN KEY/);
    await storage.close();
  });
});
