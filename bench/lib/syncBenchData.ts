/**
 * The favorites both sync benchmarks move (ours and PouchDB's), so the two carry the same
 * documents: one favorite per catalogue article (the catalogue is extended past its usual
 * 2,400 so one user can hold 10,000), with a note on about 20%, one to three tags on 30%,
 * public on 10%, saved over the past year, each with its article summary. Deterministic (a
 * seeded PRNG) apart from the save times, which are relative to `nowMs`.
 */
import type { Article, ArticleSummary } from '../../src/contract';
import { generateCatalogue } from '../../src/seed/catalogue';
import { createRandom } from '../../src/seed/random';

const SEED = 0x5c1b0;
const SAVED_WITHIN_MS = 365 * 24 * 60 * 60 * 1000;
const NOTE_PROBABILITY = 0.2;
const TAGGED_PROBABILITY = 0.3;
const TAGS_PER_FAVORITE_MAX = 3;
const PUBLIC_PROBABILITY = 0.1;
const TAG_VOCABULARY = [
  'read-later', 'reference', 'databases', 'frontend', 'security', 'design', 'ops', 'career',
  'science', 'history', 'travel', 'health', 'money', 'climate', 'books', 'typescript',
] as const;
const NOTES = [
  'Good overview; come back to the second half.',
  'Send this to the team before Thursday.',
  'The benchmark section is the useful part.',
  'Disagree with the conclusion, but the data is solid.',
] as const;

/** One favorite as a user saves it: the fields a save sets, and the article it is about. */
export interface BenchFavorite {
  readonly articleId: string;
  readonly savedMs: number;
  readonly note?: string;
  readonly public?: boolean;
  /** Distinct, lower-case (the contract's normalised form). */
  readonly tags?: readonly string[];
  readonly article: ArticleSummary;
}

export interface BenchData {
  /** Full articles (with bodies), for the server's catalogue. */
  readonly articles: readonly Article[];
  /** One favorite per article, in catalogue order. */
  readonly favorites: readonly BenchFavorite[];
}

function summaryOf(article: Article): ArticleSummary {
  const { body: _body, ...summary } = article;
  return summary;
}

export function benchData(count: number, nowMs: number): BenchData {
  const random = createRandom(SEED);
  const articles = generateCatalogue(count);
  const favorites = articles.map((article): BenchFavorite => {
    const favorite: { -readonly [K in keyof BenchFavorite]: BenchFavorite[K] } = {
      articleId: article.id,
      savedMs: nowMs - random.int(0, SAVED_WITHIN_MS),
      article: summaryOf(article),
    };
    if (random.chance(NOTE_PROBABILITY)) favorite.note = random.pick(NOTES);
    if (random.chance(PUBLIC_PROBABILITY)) favorite.public = true;
    if (random.chance(TAGGED_PROBABILITY)) {
      const tags = Array.from({ length: random.int(1, TAGS_PER_FAVORITE_MAX) }, () => random.pick(TAG_VOCABULARY));
      favorite.tags = [...new Set(tags)];
    }
    return favorite;
  });
  return { articles, favorites };
}
