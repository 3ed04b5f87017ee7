import { CLOSINGS, CONNECTIVES, OPENINGS } from './commonText';
import type { Random } from './random';
import type { Section } from './section';
import { countWords, escapeHtml, fill, type Slots } from './template';

/** Body length bounds in words (headings included), per the catalogue brief. */
export const BODY_WORDS_MIN = 300;
export const BODY_WORDS_MAX = 1500;
/** Most pieces run 500–1,000 words; the target is drawn from a triangle peaking here. */
const BODY_WORDS_MODE = 750;
/** Room kept under the maximum for the sentence that crosses the target and the closing line. */
const OVERSHOOT_ALLOWANCE_WORDS = 80;
const SENTENCES_PER_PARAGRAPH = { min: 3, max: 6 } as const;
const PARAGRAPHS_PER_HEADING = { min: 2, max: 3 } as const;
const CONNECTIVE_PROBABILITY = 0.18;
const LEAD_IN_PROBABILITY = 0.25;

/** Openers that vary repeated sentences; prefixed only to templates starting with a plain word. */
const LEAD_INS: readonly string[] = [
  'In our experience, ', 'Looking back, ', 'Perhaps surprisingly, ', 'By the end of the quarter, ',
  'As one reader pointed out, ', 'In hindsight, ', 'At first, ', 'More than once, ',
  'To be fair, ', 'On reflection, ',
];
/** A capitalised ordinary word (not a slot, not an acronym), safe to lower-case after a lead-in. */
const STARTS_WITH_PLAIN_WORD = /^[A-Z][a-z]/;

export interface Body {
  readonly html: string;
  readonly words: number;
}

/** A filled sentence with its word count, computed once per article rather than once per use. */
interface Phrase {
  readonly text: string;
  readonly words: number;
  readonly leadable: boolean;
}

function phrase(template: string, slots: Slots): Phrase {
  const text = fill(template, slots);
  return { text, words: countWords(text), leadable: STARTS_WITH_PLAIN_WORD.test(template) };
}

const LEAD_IN_PHRASES: readonly Phrase[] = LEAD_INS.map((text) => ({ text, words: countWords(text), leadable: false }));

/** Draws without repeats until the pool runs out, then starts a fresh shuffled round. */
function deck<T>(random: Random, items: readonly T[]): () => T {
  let remaining: T[] = [];
  return () => {
    if (remaining.length === 0) remaining = [...items];
    const index = random.int(0, remaining.length - 1);
    return remaining.splice(index, 1)[0] as T;
  };
}

/** Triangular distribution: realistic lengths without a long flat tail of 1,500-word pieces. */
function targetLength(random: Random): number {
  const min = BODY_WORDS_MIN + 20;
  const max = BODY_WORDS_MAX - OVERSHOOT_ALLOWANCE_WORDS;
  const u = random.next();
  const split = (BODY_WORDS_MODE - min) / (max - min);
  const offset = u < split
    ? Math.sqrt(u * (max - min) * (BODY_WORDS_MODE - min))
    : max - min - Math.sqrt((1 - u) * (max - min) * (max - BODY_WORDS_MODE));
  return Math.round(min + offset);
}

/**
 * A body of safe HTML: `<p>` paragraphs with `<h2>` subheads every few paragraphs, no attributes.
 * Length lies in [BODY_WORDS_MIN, BODY_WORDS_MAX]; sentences come from the section's vocabulary,
 * so the piece stays on its topic.
 */
export function composeBody(random: Random, section: Section, slots: Slots): Body {
  const targetWords = targetLength(random);
  const nextSentence = deck(random, section.sentences.map((template) => phrase(template, slots)));
  const connectives = CONNECTIVES.map((template) => phrase(template, slots));
  const nextSubhead = deck(random, section.subheads);
  const blocks: string[] = [];
  let words = 0;
  let subheadsLeft = section.subheads.length;
  let paragraphsSinceHeading = 0;
  let headingEvery = random.int(PARAGRAPHS_PER_HEADING.min, PARAGRAPHS_PER_HEADING.max);
  let paragraph = '';
  let paragraphSentences = 0;

  const add = (text: string, count: number) => {
    paragraph = paragraphSentences === 0 ? text : `${paragraph} ${text}`;
    paragraphSentences += 1;
    words += count;
  };
  const addSentence = () => {
    if (paragraphSentences > 0 && random.chance(CONNECTIVE_PROBABILITY)) {
      const connective = random.pick(connectives);
      add(connective.text, connective.words);
      return;
    }
    const sentence = nextSentence();
    if (!sentence.leadable || !random.chance(LEAD_IN_PROBABILITY)) {
      add(sentence.text, sentence.words);
      return;
    }
    const leadIn = random.pick(LEAD_IN_PHRASES);
    const text = leadIn.text + sentence.text.charAt(0).toLowerCase() + sentence.text.slice(1);
    add(text, leadIn.words + sentence.words);
  };
  const flush = () => {
    blocks.push(`<p>${escapeHtml(paragraph)}</p>`);
    paragraph = '';
    paragraphSentences = 0;
    paragraphsSinceHeading += 1;
  };

  const opening = phrase(random.pick(OPENINGS), slots);
  add(opening.text, opening.words);
  let sentencesWanted = random.int(SENTENCES_PER_PARAGRAPH.min, SENTENCES_PER_PARAGRAPH.max);
  for (;;) {
    addSentence();
    if (words >= targetWords) break;
    if (paragraphSentences < sentencesWanted) continue;
    flush();
    sentencesWanted = random.int(SENTENCES_PER_PARAGRAPH.min, SENTENCES_PER_PARAGRAPH.max);
    if (paragraphsSinceHeading >= headingEvery && subheadsLeft > 0) {
      const subhead = phrase(nextSubhead(), slots);
      subheadsLeft -= 1;
      words += subhead.words;
      blocks.push(`<h2>${escapeHtml(subhead.text)}</h2>`);
      paragraphsSinceHeading = 0;
      headingEvery = random.int(PARAGRAPHS_PER_HEADING.min, PARAGRAPHS_PER_HEADING.max);
    }
  }
  const closing = phrase(random.pick(CLOSINGS), slots);
  add(closing.text, closing.words);
  flush();
  return { html: blocks.join('\n'), words };
}
