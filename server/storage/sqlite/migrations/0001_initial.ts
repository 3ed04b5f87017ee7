/**
 * Phase 1 schema: accounts, the catalogue with its full-text index, favorites as LWW
 * registers stamped with space versions (so Phase 3's pull can read changes by version).
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('auth_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session', 'api')`))
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at_ms', 'integer', (c) => c.notNull())
      .addColumn('last_used_at_ms', 'integer', (c) => c.notNull())
      .addColumn('expires_at_ms', 'integer')
      .modifyEnd(sql`without rowid`)
      .execute();
    await db.schema.createIndex('auth_tokens_by_user').on('auth_tokens').columns(['user_id', 'kind']).execute();
    await db.schema.createIndex('auth_tokens_by_expiry').on('auth_tokens').column('expires_at_ms').execute();

    await db.schema
      .createTable('articles')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('excerpt', 'text', (c) => c.notNull())
      .addColumn('image_url', 'text')
      .addColumn('reading_minutes', 'integer', (c) => c.notNull())
      .addColumn('published_at_ms', 'integer', (c) => c.notNull())
      .addColumn('created_at_ms', 'integer', (c) => c.notNull())
      // Last on purpose: bodies are kilobytes and spill into overflow pages, which SQLite only
      // reads when a query needs this column. Summaries (every list) never do.
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    // Newest first is a backwards scan of this index.
    await db.schema.createIndex('articles_by_published').on('articles').columns(['published_at_ms', 'id']).execute();

    // External-content FTS5 index over the articles, kept in step by triggers.
    await sql`
      create virtual table articles_fts using fts5(
        title, excerpt, body,
        content = 'articles', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
    await sql`
      create trigger articles_fts_insert after insert on articles begin
        insert into articles_fts (rowid, title, excerpt, body) values (new.seq, new.title, new.excerpt, new.body);
      end`.execute(db);
    await sql`
      create trigger articles_fts_delete after delete on articles begin
        insert into articles_fts (articles_fts, rowid, title, excerpt, body)
        values ('delete', old.seq, old.title, old.excerpt, old.body);
      end`.execute(db);
    await sql`
      create trigger articles_fts_update after update of title, excerpt, body on articles begin
        insert into articles_fts (articles_fts, rowid, title, excerpt, body)
        values ('delete', old.seq, old.title, old.excerpt, old.body);
        insert into articles_fts (rowid, title, excerpt, body) values (new.seq, new.title, new.excerpt, new.body);
      end`.execute(db);

    await db.schema
      .createTable('spaces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .modifyEnd(sql`without rowid`)
      .execute();

    await db.schema
      .createTable('favorites')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
      .addColumn('saved', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('saved_hlc', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('note_hlc', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('public_hlc', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('favorites_pk', ['user_id', 'article_id'])
      .modifyEnd(sql`without rowid`)
      .execute();
    // A user's page (saved = 1, newest first) is a backwards range scan of this index. `saved`
    // is a key column rather than a partial-index predicate so bound parameters can use it.
    await db.schema
      .createIndex('favorites_page')
      .on('favorites')
      .columns(['user_id', 'saved', 'saved_hlc', 'article_id'])
      .execute();
    // Pull (Phase 3) reads a space's changes in version order.
    await db.schema.createIndex('favorites_by_version').on('favorites').columns(['user_id', 'version']).execute();

    await db.schema
      .createTable('favorite_tags')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('favorite_tags_pk', ['user_id', 'article_id', 'tag'])
      .addForeignKeyConstraint('favorite_tags_favorite', ['user_id', 'article_id'], 'favorites', ['user_id', 'article_id'], (fk) =>
        fk.onDelete('cascade'),
      )
      .modifyEnd(sql`without rowid`)
      .execute();
    // The tag filter: which of a user's favorites carry a tag.
    await db.schema.createIndex('favorite_tags_by_tag').on('favorite_tags').columns(['user_id', 'tag', 'active']).execute();
    await db.schema.createIndex('favorite_tags_by_version').on('favorite_tags').columns(['user_id', 'version']).execute();

    await db.schema
      .createTable('server_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
  },
};
