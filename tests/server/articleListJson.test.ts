import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ArticleSummary, Favorite, FavoriteChange, FavoritePage, PullResponse } from '../../src/contract';
import { articleListJson } from '../../server/http/articleListJson';
import { favoriteChangeFieldsJson, favoriteFieldsJson } from '../../server/http/itemFieldsJson';

const favoritePageJson = articleListJson(FavoritePage, 'items', favoriteFieldsJson);
const pullResponseJson = articleListJson(PullResponse, 'changes', favoriteChangeFieldsJson);

const iso = '2026-11-26T08:33:00.000Z';
const hlc = '001796595513882-0000-abcdef';

/** What JSON must escape, or what is easy to get wrong near it: quotes, backslashes, controls, surrogates. */
const trickyChar = fc.constantFrom('"', '\\', '\u0000', '\n', '\u001f', '\u007f', '\u2028', '\ud800', '\udfff', '😀', 'é', '/', 'a');
/**
 * Text a client could meet: any code points (where the characters above are rare), or mostly
 * those characters, so that every one of them turns up in every run.
 */
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: trickyChar, maxLength: 12 }));
/** Valid per the contract, so a body parses back through its schema. */
const articleIdArb = fc.stringMatching(/^[A-Za-z0-9_-]{22}$/);
const spaceArb = fc.stringMatching(/^[uc]:[A-Za-z0-9_-]{1,12}$/);
const isoArb = fc
  .date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

const articleArb: fc.Arbitrary<ArticleSummary> = fc.record(
  {
    id: articleIdArb,
    url: fc.constant('https://example.com/a?b="c"'),
    title: text,
    author: text,
    excerpt: text,
    publishedAt: isoArb,
    imageUrl: fc.constant('https://example.com/i.png'),
    readingMinutes: fc.nat(60),
  },
  { requiredKeys: ['id', 'url', 'title', 'author', 'excerpt', 'publishedAt', 'readingMinutes'] },
);

const favoriteArb: fc.Arbitrary<Favorite> = articleArb.chain((article) =>
  fc.record({
    articleId: fc.constant(article.id),
    savedAt: isoArb,
    updatedAt: isoArb,
    note: text,
    public: fc.boolean(),
    tags: fc.array(text, { maxLength: 3 }),
    collectionIds: fc.array(text, { maxLength: 2 }),
    article: fc.constant(article),
  }),
);

const pageArb: fc.Arbitrary<FavoritePage> = fc.record({
  items: fc.array(favoriteArb, { maxLength: 5 }),
  nextCursor: fc.option(text, { nil: null }),
});

/** A register's HLC is any string in the contract: hostile text too. */
const registerArb = <T>(value: fc.Arbitrary<T>) => fc.record({ value, hlc: fc.oneof(fc.constant(hlc), text) });

const changeArb: fc.Arbitrary<FavoriteChange> = articleArb.chain((article) =>
  fc.record({
    entity: fc.constant('favorite' as const),
    space: spaceArb,
    version: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    articleId: fc.constant(article.id),
    saved: registerArb(fc.boolean()),
    note: registerArb(text),
    public: registerArb(fc.boolean()),
    tags: fc.dictionary(text, registerArb(fc.boolean()), { maxKeys: 3, noNullPrototype: true }),
    article: fc.constant(article),
  }),
);

const pullArb: fc.Arbitrary<PullResponse> = fc.record({
  cursor: text,
  changes: fc.array(changeArb, { maxLength: 5 }),
  hasMore: fc.boolean(),
  spaces: fc.record({ added: fc.array(spaceArb, { maxLength: 2 }), removed: fc.array(spaceArb, { maxLength: 2 }) }),
  lastMutationId: fc.nat(),
  serverHlc: fc.constant(hlc),
});

/** A summary's keys in the order fast-json-stringify writes them (and so the cached bytes): required, then optional. */
function requiredKeysFirst(article: ArticleSummary): ArticleSummary {
  const keys = Object.keys(ArticleSummary.shape) as (keyof ArticleSummary)[];
  const optional = (key: keyof ArticleSummary) => ArticleSummary.shape[key].safeParse(undefined).success;
  const ordered = [...keys.filter((key) => !optional(key)), ...keys.filter(optional)];
  return Object.fromEntries(ordered.filter((key) => key in article).map((key) => [key, article[key]])) as ArticleSummary;
}

/**
 * The oracle: JSON.stringify of the body with every object in its schema's key order (zod's
 * output order), an item's own fields included, except for what articleListJson writes in an
 * order of its own: the envelope's list last, each summary as fast-json-stringify orders it.
 */
function expectedJson<T extends object>(schema: z.ZodType<T>, body: T, listKey: keyof T & string): string {
  const { [listKey]: list, ...envelope } = schema.parse(body) as Record<string, unknown>;
  const items = (list as { article: ArticleSummary }[]).map((item) => ({ ...item, article: requiredKeysFirst(item.article) }));
  return JSON.stringify({ ...envelope, [listKey]: items });
}
const expectedPageJson = (page: FavoritePage) => expectedJson(FavoritePage, page, 'items');
const expectedPullJson = (pull: PullResponse) => expectedJson(PullResponse, pull, 'changes');

/** The same object with its keys in reverse order (values untouched). */
function reversedKeys<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).reverse()) as T;
}

/** A fields writer's `{...,"article":` closed with a null article, parsed. */
function closedWithNullArticle(fieldsJson: string): Record<string, unknown> {
  return JSON.parse(`${fieldsJson}null}`) as Record<string, unknown>;
}

/** A schema's keys with `article` moved last, where articleListJson writes it. */
function keysWithArticleLast(shape: object): string[] {
  return [...Object.keys(shape).filter((key) => key !== 'article'), 'article'];
}

describe('articleListJson', () => {
  it('writes a favorites page as JSON.stringify does, to the byte (any text in titles, notes, tags and cursors)', () => {
    fc.assert(
      fc.property(pageArb, (page) => {
        const json = favoritePageJson(page);
        const expected = expectedPageJson(page);
        expect(json.text()).toBe(expected);
        expect(json.bytes.equals(Buffer.from(expected))).toBe(true);
        expect(FavoritePage.parse(JSON.parse(json.text()))).toEqual(page);
      }),
    );
  });

  it('writes a pull page as JSON.stringify does, to the byte (any text in notes, tags, HLCs and cursors)', () => {
    fc.assert(
      fc.property(pullArb, (pull) => {
        const json = pullResponseJson(pull);
        const expected = expectedPullJson(pull);
        expect(json.text()).toBe(expected);
        expect(json.bytes.equals(Buffer.from(expected))).toBe(true);
        expect(PullResponse.parse(JSON.parse(json.text()))).toEqual(pull);
      }),
    );
  });

  it("writes an item's fields in the schema's key order, whatever the order of the object's keys", () => {
    const reversedChange = (change: FavoriteChange): FavoriteChange => ({
      ...reversedKeys(change),
      saved: reversedKeys(change.saved),
      note: reversedKeys(change.note),
      public: reversedKeys(change.public),
      tags: Object.fromEntries(Object.entries(change.tags).map(([tag, register]) => [tag, reversedKeys(register)])),
    });
    fc.assert(
      fc.property(pageArb, pullArb, (page, pull) => {
        expect(favoritePageJson({ ...page, items: page.items.map(reversedKeys) }).text()).toBe(expectedPageJson(page));
        expect(pullResponseJson({ ...pull, changes: pull.changes.map(reversedChange) }).text()).toBe(expectedPullJson(pull));
      }),
      { numRuns: 50 },
    );
  });

  it('writes every UTF-16 code unit in a string as JSON.stringify does', () => {
    const [favorite] = fc.sample(favoriteArb, { numRuns: 1, seed: 3 });
    const { article: _article, ...fields } = favorite!;
    const wrong: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit += 1) {
      const note = `a${String.fromCharCode(unit)}`;
      if (favoriteFieldsJson({ ...favorite!, note }) !== `${JSON.stringify({ ...fields, note }).slice(0, -1)},"article":`) wrong.push(unit);
    }
    expect(wrong).toEqual([]);
  });

  it("writes every field of the contract's Favorite, in order (a field added to the schema fails here, not silently)", () => {
    const [favorite] = fc.sample(favoriteArb, { numRuns: 1, seed: 1 });
    expect(Object.keys(closedWithNullArticle(favoriteFieldsJson(favorite!)))).toEqual(keysWithArticleLast(Favorite.shape));
  });

  it("writes every field of the contract's FavoriteChange, in order, registers included", () => {
    const [sampled] = fc.sample(changeArb, { numRuns: 1, seed: 1 });
    const change = { ...sampled!, tags: { t: { value: true, hlc } } };
    const written = closedWithNullArticle(favoriteChangeFieldsJson(change)) as Record<string, Record<string, object>>;
    const shape = FavoriteChange.shape;
    expect(Object.keys(written)).toEqual(keysWithArticleLast(shape));
    expect(Object.keys(written.saved!)).toEqual(Object.keys(shape.saved.shape));
    expect(Object.keys(written.note!)).toEqual(Object.keys(shape.note.shape));
    expect(Object.keys(written.public!)).toEqual(Object.keys(shape.public.shape));
    expect(Object.keys(written.tags!.t!)).toEqual(Object.keys(shape.tags.valueType.shape));
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
        bodies.forEach((body, i) => expect(body.text()).toBe(expectedPageJson(pages[i]!)));
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

  it('refuses a pull page whose change misses a field or has one of the wrong type', () => {
    const [change] = fc.sample(changeArb, { numRuns: 1, seed: 2 });
    const pull = (broken: object) => ({ cursor: 'c', changes: [broken], hasMore: false, spaces: { added: [], removed: [] }, lastMutationId: 0, serverHlc: hlc }) as unknown as PullResponse;
    const { version: _version, ...withoutVersion } = change!;
    expect(() => pullResponseJson(pull(withoutVersion))).toThrow(/version/);
    expect(() => pullResponseJson(pull({ ...change!, space: 7 }))).toThrow(/space/);
    expect(() => pullResponseJson(pull({ ...change!, public: { value: 1, hlc } }))).toThrow(/public/);
  });
});
