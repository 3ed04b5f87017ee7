import { describe, expect, it } from 'vitest';
import { countWords, escapeHtml, fill, slugify } from '../../../src/seed/template';

const slots = { topic: 'service workers', other: 'IndexedDB', group: 'small teams', n: 5, year: 2025 };

describe('fill', () => {
  it('fills every slot and capitalises the first letter', () => {
    expect(fill('{topic} and {other} for {group}: {n} notes from {year}', slots)).toBe(
      'Service workers and IndexedDB for small teams: 5 notes from 2025',
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the characters that could open markup', () => {
    expect(escapeHtml('R&D <script>')).toBe('R&amp;D &lt;script&gt;');
    expect(escapeHtml('plain text')).toBe('plain text');
  });
});

describe('countWords', () => {
  it('counts whitespace-separated words', () => {
    expect(countWords('  one two\nthree\tfour ')).toBe(4);
    expect(countWords('')).toBe(0);
  });
});

describe('slugify', () => {
  it('makes a lower-case, hyphenated, ASCII path segment', () => {
    expect(slugify('Why Café owners love “slow” Wi-Fi!')).toBe('why-cafe-owners-love-slow-wi-fi');
    expect(slugify('x'.repeat(200))).toHaveLength(80);
  });
});
