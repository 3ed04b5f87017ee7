import { beforeEach, describe, expect, it } from 'vitest';
import { searchTerms, SEARCH_TERMS_MAX } from '../../src/core/searchTerms';
import { ftsMatchExpression } from '../../server/storage/sqlite/sqliteTextSearch';
import type { Storage } from '../../server/storage/types';
import { addArticles, addUser, article } from './support/fixtures';
import { storageTargets, useStorage } from './support/storageTargets';

describe('search terms', () => {
  it('keep only words, so query syntax in user input is inert', () => {
    expect(searchTerms('"rust" AND -go* NEAR(a) title:x ^y')).toEqual(['rust', 'and', 'go', 'near', 'a', 'title', 'x', 'y']);
    expect(searchTerms('  "*-"  ')).toEqual([]);
    expect(searchTerms('Café 2026')).toEqual(['café', '2026']);
  });

  it(`stop after ${SEARCH_TERMS_MAX} distinct words`, () => {
    expect(searchTerms('a a b c d e f g h i j')).toHaveLength(SEARCH_TERMS_MAX);
  });

  it('become quoted prefix phrases in the FTS5 expression', () => {
    expect(ftsMatchExpression(['and', 'go'], ['title', 'excerpt'])).toBe('{title excerpt} : ("and"* AND "go"*)');
    expect(ftsMatchExpression(['say "hi"'], ['body'])).toBe('{body} : ("say ""hi"""*)');
  });
});

describe.each(storageTargets)('full-text search over the catalogue on $name', (target) => {
  const db = useStorage(target);
  let storage: Storage;

  beforeEach(async () => {
    storage = db.storage;
    await addArticles(storage, [
      article('and', { title: 'Rock and roll', excerpt: 'Guitars' }),
      article('go', { title: 'Go concurrency', body: '<p>Channels and goroutines</p>' }),
      article('c', { title: 'C pointers', excerpt: 'Not for the faint-hearted' }),
    ]);
  });

  const titles = async (q: string) => (await storage.articles.list({ limit: 50, q })).items.map((a) => a.title).sort();

  it.each([
    ['"', []],
    ['"go', ['Go concurrency']],
    ['go*', ['Go concurrency']],
    ['*', []],
    ['-go', ['Go concurrency']],
    ['faint-hearted', ['C pointers']],
    ['AND', ['Go concurrency', 'Rock and roll']],
    ['rock AND', ['Rock and roll']],
    ['NOT rock', []],
    ['title:go', []],
    ['NEAR(go', []],
    ['go)', ['Go concurrency']],
    ['(rock', ['Rock and roll']],
    ['^rock', ['Rock and roll']],
  ])('treats %j as plain words', async (q, expected) => {
    expect(await titles(q)).toEqual(expected);
  });

  it('matches word prefixes in title, excerpt and body, case and accents folded', async () => {
    expect(await titles('GOROUT')).toEqual(['Go concurrency']);
    expect(await titles('guitárs')).toEqual(['Rock and roll']);
  });

  it('keeps special characters harmless in favorites search and the favorites q filter too', async () => {
    const user = await addUser(storage, 'searcher');
    const page = await storage.articles.list({ limit: 50 });
    await storage.bulk.insertFavorites(
      page.items.map((a, i) => ({ userId: user.id, articleId: a.id, savedHlc: `00000000000000${i}-0000-server`, note: '100% _sure_' })),
    );
    for (const q of ['"', '*', '-', 'AND', '%', '_', '\\', "'; drop table favorites; --"]) {
      await expect(storage.favorites.search(user.id, { q, limit: 50 })).resolves.toBeDefined();
      await expect(storage.favorites.list(user.id, { limit: 50, q })).resolves.toBeDefined();
    }
    // LIKE wildcards in the text are literal: "100" matches the note, "_" alone searches nothing.
    expect((await storage.favorites.list(user.id, { limit: 50, q: '100' })).items).toHaveLength(3);
    expect((await storage.favorites.list(user.id, { limit: 50, q: '_' })).items).toHaveLength(0);
  });
});
