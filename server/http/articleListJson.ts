/**
 * The JSON (UTF-8 bytes) of a response that lists items each carrying an article summary (a
 * favorites page, a pull page), with every summary serialised once rather than once per
 * response. Summaries come from the storage's ArticleSummaryCache as shared, never-mutated
 * objects, so their bytes are kept beside them (a WeakMap: it goes when the cache drops the object). The
 * summary is most of each item (title, URL, excerpt): writing it was half of serialising a
 * 50-favorite page (about 75 → 35 µs). Each item's own fields are written by the caller's
 * hand-written writer (itemFieldsJson: fast-json-stringify's generic code for them was a tenth
 * of the server's CPU); the envelope (cursor, hasMore, …) is still written by
 * fast-json-stringify from the contract's schema, in the same shape.
 */
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { ArticleSummary } from '../../src/contract';
import { responseJsonSchema } from './responseJsonSchema';
import { SerializedJson } from './serializedJson';

type Stringify = (value: unknown) => string;

/** fast-json-stringify for a contract schema, compiled as registerRoute's response schemas are. */
function stringifyOf(schema: z.ZodType): Stringify {
  return fastJson(responseJsonSchema(schema) as Parameters<typeof fastJson>[0]) as Stringify;
}

const stringifyArticle = stringifyOf(ArticleSummary);
/**
 * Each summary's JSON as UTF-8 bytes, in a buffer of its own (not a slice of Node's shared
 * pool, which one long-lived summary would pin whole).
 */
const articleBytes = new WeakMap<ArticleSummary, Buffer>();

function articleJson(article: ArticleSummary): Buffer {
  let bytes = articleBytes.get(article);
  if (bytes === undefined) {
    const text = stringifyArticle(article);
    bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
    bytes.write(text);
    articleBytes.set(article, bytes);
  }
  return bytes;
}

/** `{...}` opened for one more property: `{...,"key":` (the caller closes it). */
function openForLastProperty(objectText: string, key: string): string {
  const open = objectText.slice(0, -1);
  return `${open}${open.length > 1 ? ',' : ''}"${key}":`;
}

/** Bodies are written into shared slabs of this size: one allocation for dozens of pages. */
const SLAB_BYTES = 1 << 20;
/** A body that might not fit in what is left of the slab starts a new one. */
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

/**
 * Appends UTF-8 into one buffer. The body is written as bytes, never as one long string: Node
 * would otherwise flatten the concatenated string, scan it for its byte length and encode it
 * again on the socket (28 KB per favorites page, 700 KB per pull page; 200–280 µs of a page,
 * against about 100 µs written as bytes). Bodies are carved out of a shared slab, as Node's own
 * Buffer pool does for small buffers: a fresh 30 KB buffer per response made GC work harder.
 * A slab region is never written again once handed out, and the slab lives while any body
 * carved from it is still being sent.
 */
class ByteWriter {
  private buffer: Buffer;
  private start: number;
  private length = 0;

  constructor(capacity: number) {
    if (capacity > SLAB_BYTES / 4) {
      this.buffer = Buffer.allocUnsafe(capacity);
      this.start = 0;
      return;
    }
    if (SLAB_BYTES - slabUsed < capacity) {
      slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
      slabUsed = 0;
    }
    this.buffer = slab;
    this.start = slabUsed;
  }

  text(value: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.reserve(value.length * 3);
    this.length += this.buffer.write(value, this.start + this.length);
  }

  bytes(value: Buffer): void {
    this.reserve(value.length);
    this.length += value.copy(this.buffer, this.start + this.length);
  }

  done(): Buffer {
    const body = this.buffer.subarray(this.start, this.start + this.length);
    // Claimed only now: a body never outgrows its region while another is being written.
    if (this.buffer === slab) slabUsed = this.start + this.length;
    return body;
  }

  private reserve(more: number): void {
    if (this.start + this.length + more <= this.buffer.length) return;
    // Out of room (in the slab, or in its own buffer): move to a buffer of its own.
    const grown = Buffer.allocUnsafe(Math.max(2 * (this.length + more), 4096));
    this.buffer.copy(grown, 0, this.start, this.start + this.length);
    this.buffer = grown;
    this.start = 0;
  }
}

/**
 * A first guess at a body's size, on the high side: a favorites item is about 600 bytes and a
 * pull change about 900, and a guess too small copies the whole body into a bigger buffer (a
 * slab only gives up the bytes a body used, so room reserved and unused costs nothing there).
 */
const ITEM_BYTES_GUESS = 1024;

/**
 * An element of `Body[K]` when that is a list of items with an article summary; otherwise a
 * type no item writer accepts, so a wrong `listKey` or writer does not compile.
 */
type ListItem<Body, K> = K extends keyof Body
  ? Body[K] extends readonly (infer Item extends { article: ArticleSummary })[]
    ? Item
    : NotAListOfItemsWithAnArticle
  : NotAListOfItemsWithAnArticle;
type NotAListOfItemsWithAnArticle = { readonly notAListOfItemsWithAnArticle: never };

/**
 * The serialiser of `body` (an object schema) whose `listKey` is an array of items, each with
 * an `article` summary. `fieldsJson` writes an item's own fields opened for its article,
 * `{...,"article":` (itemFieldsJson). Objects not from the cache (a fallback path,
 * PostgreSQL's rows) are written all the same, just not kept.
 */
export function articleListJson<Shape extends z.ZodRawShape, K extends keyof Shape & string>(
  body: z.ZodObject<Shape>,
  listKey: K,
  fieldsJson: (item: ListItem<z.output<z.ZodObject<Shape>>, K>) => string,
) {
  type Body = z.output<z.ZodObject<Shape>>;
  type Item = ListItem<Body, K> & { article: ArticleSummary };
  const stringifyRest = stringifyOf(body.omit({ [listKey]: true } as never));

  return (value: Body): SerializedJson<Body> => {
    const items = value[listKey as keyof Body] as readonly Item[];
    const out = new ByteWriter(256 + items.length * ITEM_BYTES_GUESS);
    out.text(`${openForLastProperty(stringifyRest(value), listKey)}[`);
    for (let index = 0; index < items.length; index += 1) {
      const entry = items[index]!;
      // The previous item's closing brace goes with this one's fields: one write fewer per item.
      out.text(`${index > 0 ? '},' : ''}${fieldsJson(entry)}`);
      out.bytes(articleJson(entry.article));
    }
    out.text(items.length > 0 ? '}]}' : ']}');
    return new SerializedJson(out.done());
  };
}
