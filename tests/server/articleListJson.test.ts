import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Favorite, FavoriteChange, FavoritePage, PullResponse, type ArticleSummary } from '../../src/contract';
import { articleListJson } from '../../server/http/articleListJson';

const favoritePageJson = articleListJson(FavoritePage, 'items', Favorite);
const pullResponseJson = articleListJson(PullResponse, 'changes', FavoriteChange);

const iso = '2026-11-26T08:33:00.000Z';
const hlc = '001796595513882-0000-abcdef';

/** Text a client could meet: quotes, backslashes, control characters, astral and lone surrogates. */
const text = fc.string({ unit: 'binary', maxLength: 40 });

const articleArb: fc.Arbitrary<ArticleSummary> = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9]{6,12}$/),
    url: fc.constant('https://example.com/a?b="c"'),
    title: text,
    author: text,
    excerpt: text,
    publishedAt: fc.constant(iso),
    imageUrl: fc.constant('https://example.com/i.png'),
    readingMinutes: fc.nat(60),
  },
  { requiredKeys: ['id', 'url', 'title', 'author', 'excerpt', 'publishedAt', 'readingMinutes'] },
);

const favoriteArb = articleArb.chain((article) =>
  fc.record({
    articleId: fc.constant(article.id),
    savedAt: fc.constant(iso),
    updatedAt: fc.constant(iso),
    note: text,
    public: fc.boolean(),
    tags: fc.array(text, { maxLength: 3 }),
    collectionIds: fc.constant<string[]>([]),
    article: fc.constant(article),
  }),
);

const pageArb: fc.Arbitrary<FavoritePage> = fc.record({
  items: fc.array(favoriteArb, { maxLength: 5 }),
  nextCursor: fc.option(text, { nil: null }),
});

const register = <T>(value: T) => ({ value, hlc });

const pullArb: fc.Arbitrary<PullResponse> = fc.record({
  cursor: text,
  changes: fc.array(
    articleArb.chain((article) =>
      fc.record({
        entity: fc.constant('favorite' as const),
        space: fc.constant('user:u1'),
        version: fc.integer({ min: 1, max: 1_000_000 }),
        articleId: fc.constant(article.id),
        saved: fc.boolean().map(register),
        note: text.map(register),
        public: fc.boolean().map(register),
        tags: fc.dictionary(text, fc.boolean().map(register), { maxKeys: 3 }),
        article: fc.constant(article),
      }),
    ),
    { maxLength: 5 },
  ),
  hasMore: fc.boolean(),
  spaces: fc.record({ added: fc.constant(['user:u1']), removed: fc.constant<string[]>([]) }),
  lastMutationId: fc.nat(),
  serverHlc: fc.constant(hlc),
});

describe('articleListJson', () => {
  it('writes a favorites page that parses to the very page (any text in titles, notes, tags and cursors)', () => {
    fc.assert(
      fc.property(pageArb, (page) => {
        expect(JSON.parse(favoritePageJson(page).text())).toEqual(JSON.parse(JSON.stringify(page)));
      }),
    );
  });

  it('writes a pull page that parses to the very page', () => {
    fc.assert(
      fc.property(pullArb, (pull) => {
        expect(JSON.parse(pullResponseJson(pull).text())).toEqual(JSON.parse(JSON.stringify(pull)));
      }),
    );
  });

  it('writes a body far larger than its first guess, multi-byte text included', () => {
    const article: ArticleSummary = { id: 'a1', url: 'https://example.com/', title: 'é€😀'.repeat(2_000), author: 'Ada', excerpt: '', publishedAt: iso, readingMinutes: 3 };
    const favorite = { articleId: 'a1', savedAt: iso, updatedAt: iso, note: 'ü'.repeat(3_000), public: false, tags: [], collectionIds: [], article };
    const page: FavoritePage = { items: [favorite, { ...favorite, article: { ...article, title: 'short' } }], nextCursor: null };

    const json = favoritePageJson(page);

    expect(JSON.parse(json.text())).toEqual(page);
    expect(json.bytes.length).toBe(Buffer.byteLength(JSON.stringify(page)));
  });

  it('never changes a body it handed out while it writes the next ones (bodies share buffers)', () => {
    fc.assert(
      fc.property(fc.array(pageArb, { minLength: 2, maxLength: 40 }), (pages) => {
        const bodies = pages.map((page) => favoritePageJson(page));
        bodies.forEach((body, i) => expect(JSON.parse(body.text())).toEqual(JSON.parse(JSON.stringify(pages[i]))));
      }),
      { numRuns: 50 },
    );
  });

  it('writes an empty list and a null cursor', () => {
    expect(JSON.parse(favoritePageJson({ items: [], nextCursor: null }).text())).toEqual({ items: [], nextCursor: null });
  });

  it('keeps the text of a summary object, yet writes another object with the same id from its own fields', () => {
    const article: ArticleSummary = { id: 'a1', url: 'https://example.com/', title: 'First', author: 'Ada', excerpt: '', publishedAt: iso, readingMinutes: 3 };
    const favorite = { articleId: 'a1', savedAt: iso, updatedAt: iso, note: '', public: false, tags: [], collectionIds: [], article };
    const titleOf = (page: FavoritePage) => (JSON.parse(favoritePageJson(page).text()) as FavoritePage).items[0]!.article.title;
    expect(titleOf({ items: [favorite], nextCursor: null })).toBe('First');
    expect(titleOf({ items: [favorite], nextCursor: null })).toBe('First');
    expect(titleOf({ items: [{ ...favorite, article: { ...article, title: 'Second' } }], nextCursor: null })).toBe('Second');
  });

  it('refuses a page missing a required field, as the response schema would', () => {
    const article = { id: 'a1', url: 'https://example.com/', title: 'T', author: 'A', excerpt: '', publishedAt: iso, readingMinutes: 1 };
    const broken = { items: [{ articleId: 'a1', savedAt: iso, note: '', public: false, tags: [], collectionIds: [], article }], nextCursor: null };
    expect(() => favoritePageJson(broken as unknown as FavoritePage)).toThrow(/updatedAt/);
  });
});
