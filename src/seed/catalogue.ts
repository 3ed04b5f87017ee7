/**
 * The seeded article catalogue: what the server loads on a fresh install and the mocks serve.
 * Deterministic (one fixed seed, a PRNG per article index), pure (no I/O, no clock), and fast.
 * Article n depends only on n and on the URLs taken before it, so a shorter catalogue is a
 * prefix of a longer one.
 */
import type { Article } from '../contract/articles';
import { articleIdForUrl } from '../core/ids';
import { composeBody } from './articleBody';
import { STANDFIRSTS } from './commonText';
import { FAMILY_NAMES, GIVEN_NAMES } from './people';
import { createRandom, seedFor, type Random } from './random';
import type { Section } from './section';
import { SECTIONS } from './sections';
import { fill, slugify, type Slots } from './template';

export const CATALOGUE_SIZE = 2400;
const CATALOGUE_SEED = 0x5eed2026;
const AUTHOR_POOL_SIZE = 240;
/** Publication dates are spread over a fixed window, never relative to now. */
const PUBLISHED_FROM_MS = Date.UTC(2023, 0, 1);
const PUBLISHED_UNTIL_MS = Date.UTC(2026, 9, 31, 23, 59);
const MINUTE_MS = 60_000;
const READING_WORDS_PER_MINUTE = 230;
const EXCERPT_SECOND_SENTENCE_PROBABILITY = 0.5;

/** A fixed staff of writers, so bylines recur across the catalogue as they would in a real one. */
function authorPool(): string[] {
  const random = createRandom(seedFor(CATALOGUE_SEED, -1));
  const names = new Set<string>();
  while (names.size < AUTHOR_POOL_SIZE) {
    names.add(`${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`);
  }
  return [...names];
}

function publishedAt(random: Random): Date {
  const minutes = Math.floor((PUBLISHED_UNTIL_MS - PUBLISHED_FROM_MS) / MINUTE_MS);
  return new Date(PUBLISHED_FROM_MS + random.int(0, minutes) * MINUTE_MS);
}

function slotsFor(random: Random, section: Section, year: number): Slots {
  const topic = random.pick(section.topics);
  let other = random.pick(section.topics);
  while (other === topic) other = random.pick(section.topics);
  return { topic, other, group: random.pick(section.groups), n: random.int(3, 12), year };
}

/** A URL not yet taken: the title's slug, with `-2`, `-3`… when two pieces share a headline. */
function uniqueUrl(base: string, taken: Set<string>): string {
  let url = base;
  for (let suffix = 2; taken.has(url); suffix += 1) url = `${base}-${suffix}`;
  taken.add(url);
  return url;
}

function generateArticle(index: number, authors: readonly string[], takenUrls: Set<string>): Article {
  const random = createRandom(seedFor(CATALOGUE_SEED, index));
  const section = random.pick(SECTIONS);
  const date = publishedAt(random);
  const slots = slotsFor(random, section, date.getUTCFullYear());
  const title = fill(random.pick(section.titles), slots);
  const publication = random.pick(section.publications);
  const url = uniqueUrl(`https://${publication}.example/${section.slug}/${slugify(title)}`, takenUrls);
  let excerpt = fill(random.pick(STANDFIRSTS), slots);
  if (random.chance(EXCERPT_SECOND_SENTENCE_PROBABILITY)) {
    excerpt += ` ${fill(random.pick(section.sentences), slots)}`;
  }
  const body = composeBody(random, section, slots);
  return {
    id: articleIdForUrl(url),
    url,
    title,
    author: random.pick(authors),
    excerpt,
    publishedAt: date.toISOString(),
    readingMinutes: Math.ceil(body.words / READING_WORDS_PER_MINUTE),
    body: body.html,
  };
}

/** The first `count` articles of the catalogue, in generation order (not sorted by date). */
export function generateCatalogue(count = CATALOGUE_SIZE): Article[] {
  const authors = authorPool();
  const takenUrls = new Set<string>();
  return Array.from({ length: count }, (_, index) => generateArticle(index, authors, takenUrls));
}
