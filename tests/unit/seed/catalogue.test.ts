import { describe, expect, it } from 'vitest';
import { Article } from '../../../src/contract/articles';
import { articleIdForUrl } from '../../../src/core/ids';
import { BODY_WORDS_MAX, BODY_WORDS_MIN } from '../../../src/seed/articleBody';
import { CATALOGUE_SIZE, generateCatalogue } from '../../../src/seed/catalogue';
import { countWords } from '../../../src/seed/template';

const catalogue = generateCatalogue();
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ');

describe('generateCatalogue', () => {
  it('produces 2,400 articles by default and honours an explicit count', () => {
    expect(CATALOGUE_SIZE).toBe(2400);
    expect(catalogue).toHaveLength(CATALOGUE_SIZE);
    expect(generateCatalogue(7)).toHaveLength(7);
    expect(generateCatalogue(0)).toEqual([]);
  });

  it('returns the same catalogue on every call', () => {
    expect(generateCatalogue()).toEqual(catalogue);
  });

  it('makes a shorter catalogue a prefix of the full one', () => {
    expect(generateCatalogue(100)).toEqual(catalogue.slice(0, 100));
  });

  it('gives every article a distinct id and URL, the id derived from the URL', () => {
    expect(new Set(catalogue.map((a) => a.id)).size).toBe(catalogue.length);
    expect(new Set(catalogue.map((a) => a.url)).size).toBe(catalogue.length);
    for (const article of catalogue) expect(article.id).toBe(articleIdForUrl(article.url));
  });

  it('produces articles that satisfy the API contract', () => {
    for (const article of catalogue) expect(Article.parse(article)).toEqual(article);
  });

  it('puts each article at a publication URL of the form https://<publication>.example/<section>/<slug>', () => {
    for (const { url } of catalogue) {
      expect(url).toMatch(/^https:\/\/[a-z0-9-]+\.example\/[a-z]+\/[a-z0-9-]+$/);
    }
    const sections = new Set(catalogue.map(({ url }) => new URL(url).pathname.split('/')[1]));
    expect(sections.size).toBeGreaterThanOrEqual(10);
  });

  it('spreads publication dates over 2023-01-01 to 2026-10-31', () => {
    const times = catalogue.map((a) => Date.parse(a.publishedAt));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.UTC(2023, 0, 1));
    expect(Math.max(...times)).toBeLessThan(Date.UTC(2026, 10, 1));
    const years = new Set(catalogue.map((a) => a.publishedAt.slice(0, 4)));
    expect([...years].sort()).toEqual(['2023', '2024', '2025', '2026']);
  });

  it('writes bodies of 300 to 1,500 words as attribute-free paragraphs and subheads', () => {
    const words = catalogue.map(({ body }) => countWords(textOf(body)));
    expect(Math.min(...words)).toBeGreaterThanOrEqual(BODY_WORDS_MIN);
    expect(Math.max(...words)).toBeLessThanOrEqual(BODY_WORDS_MAX);
    const tags = new Set(catalogue.flatMap(({ body }) => body.match(/<[^>]*>/g) ?? []));
    expect([...tags].sort()).toEqual(['</h2>', '</p>', '<h2>', '<p>']);
    const shape = /^<p>[^<>]+<\/p>(\n<(p|h2)>[^<>]+<\/\2>)*$/;
    expect(catalogue.filter(({ body }) => !shape.test(body) || body.endsWith('</h2>'))).toEqual([]);
    expect(catalogue.some(({ body }) => body.includes('<h2>'))).toBe(true);
  });

  it('states reading time as the body word count over 230 words a minute, rounded up', () => {
    for (const { body, readingMinutes } of catalogue) {
      expect(readingMinutes).toBe(Math.ceil(countWords(textOf(body)) / 230));
    }
  });

  it('gives each article a byline, a one- or two-sentence excerpt, and no image', () => {
    for (const article of catalogue) {
      expect(article.author).toMatch(/^\p{Lu}\p{L}+ \p{Lu}\p{L}+$/u);
      const sentences = article.excerpt.split(/(?<=[.?!])\s+/);
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(2);
      expect(article.imageUrl).toBeUndefined();
    }
    expect(new Set(catalogue.map((a) => a.author)).size).toBeGreaterThan(100);
  });

  it('writes titles that are sentence-cased and leave no template slot unfilled', () => {
    for (const { title, excerpt, body } of catalogue) {
      expect(title).toMatch(/^[A-Z0-9]/);
      expect(`${title} ${excerpt} ${body}`).not.toMatch(/[{}]/);
    }
  });
});
