/** Values for the slots in section and shared templates. */
export interface Slots {
  readonly topic: string;
  readonly other: string;
  readonly group: string;
  readonly n: number;
  readonly year: number;
}

const SLOT = /\{(topic|other|group|n|year)\}/;
/** A template split once into literal text (even indexes) and slot names (odd indexes). */
const compiled = new Map<string, readonly string[]>();

function compile(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (parts === undefined) {
    // split() with a capturing group keeps the slot names at the odd indexes.
    parts = template.split(SLOT);
    compiled.set(template, parts);
  }
  return parts;
}

/** Fill a template and start it with a capital letter (templates may open with a slot). */
export function fill(template: string, slots: Slots): string {
  const parts = compile(template);
  let text = '';
  for (let i = 0; i < parts.length; i += 1) {
    text += i % 2 === 0 ? parts[i] : String(slots[parts[i] as keyof Slots]);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const HTML_SPECIAL = /[&<>]/;

/** Escape text for an HTML text node; the body must stay safe HTML whatever the vocabulary holds. */
export function escapeHtml(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Whitespace-separated words; a plain loop because this runs for every sentence of 2,400 bodies. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160;
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}

/** A URL path segment from a title: lower-case ASCII words joined by hyphens, at most 80 chars. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 80).replace(/-+$/, '');
}
