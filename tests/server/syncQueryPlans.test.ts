/**
 * The sync queries must stay index range scans: a user may hold 20,000 favorites among a
 * million rows, and a pull page or a push must cost in proportion to its own size, not the
 * table's. The statements are written as the Kysely stores compile them.
 */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage';
import { tempDatabaseFile } from './support/tempDir';

async function planOf(statement: string, parameters: unknown[]): Promise<string> {
  const file = tempDatabaseFile();
  await (await openSqliteStorage(file)).close();
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const rows = db.prepare<unknown[], { detail: string }>(`explain query plan ${statement}`).all(...parameters);
    return rows.map((row) => row.detail).join('\n');
  } finally {
    db.close();
  }
}

describe('query plans of sync and the public page', () => {
  it('pulls a page of changes by a range scan of favorites_by_version, already in order', async () => {
    const plan = await planOf(
      `select "f"."article_id", "f"."saved", "f"."saved_hlc", "f"."note", "f"."note_hlc", "f"."public", "f"."public_hlc", "f"."version"
       from "favorites" as "f"
       where "f"."user_id" = ? and ("f"."version", "f"."article_id") > (?, ?)
       order by "f"."version", "f"."article_id" limit ?`,
      ['u', 3, 'a', 1001],
    );
    expect(plan).toMatch(/SEARCH f USING INDEX favorites_by_version \(user_id=\? AND \(version,article_id\)>\(\?,\?\)\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("reads a user's public page by a range scan of favorites_public_page, already in order", async () => {
    const plan = await planOf(
      `select "f"."article_id", "f"."saved", "f"."saved_hlc", "f"."note", "f"."note_hlc", "f"."public", "f"."public_hlc"
       from "favorites" as "f"
       where "f"."user_id" = ? and "f"."saved" = 1 and "f"."public" = 1
       order by "f"."saved_hlc" desc, "f"."article_id" desc limit ?`,
      ['u', 51],
    );
    expect(plan).toMatch(/SEARCH f USING COVERING INDEX favorites_public_page \(user_id=\? AND saved=\? AND public=\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("reads a page's tags by the tag primary key", async () => {
    const plan = await planOf(
      'select "article_id", "tag", "active", "hlc" from "favorite_tags" where "user_id" = ? and "article_id" in (?, ?)',
      ['u', 'a', 'b'],
    );
    expect(plan).toMatch(/SEARCH favorite_tags USING PRIMARY KEY \(user_id=\? AND article_id=\?\)/);
  });

  it('finds a sync client by its primary key', async () => {
    const plan = await planOf('select "client_id", "user_id", "last_mutation_id" from "sync_clients" where "client_id" = ?', ['c']);
    expect(plan).toMatch(/SEARCH sync_clients USING PRIMARY KEY \(client_id=\?\)/);
  });
});
