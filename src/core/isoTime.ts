/**
 * `new Date(ms).toISOString()`, about twice as fast: API responses format two times per
 * favorite (a 50-favorite page: 100 calls, a 10,000-change pull: 20,000), and V8's Date
 * formatting was 8% of the favorites page's server CPU. Each day's `YYYY-MM-DDT` is formatted
 * once by Date itself and remembered; the time of day comes from lookup tables.
 * Pure: no I/O, no framework.
 */

const MS_PER_DAY = 86_400_000;
/** Years 0000 to 9999, where ISO strings have 4 digits: outside them Date formats (±YYYYYY). */
const FAST_MIN_MS = Date.parse('0000-01-01T00:00:00.000Z');
const FAST_MAX_MS = Date.parse('9999-12-31T23:59:59.999Z');
/** Remembered day prefixes; a day is 12 bytes of string, so this is under 200 KB. */
const DAY_CACHE_MAX = 8_192;

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const dayPrefixes = new Map<number, string>();

function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * MS_PER_DAY).toISOString().slice(0, 11);
    if (dayPrefixes.size >= DAY_CACHE_MAX) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

/** ISO 8601 UTC with milliseconds (`2026-12-06T04:16:31.123Z`) of an integer ms since the epoch. */
export function isoTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < FAST_MIN_MS || ms > FAST_MAX_MS) return new Date(ms).toISOString();
  const day = Math.floor(ms / MS_PER_DAY);
  let rest = ms - day * MS_PER_DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${dayPrefix(day)}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}Z`;
}
