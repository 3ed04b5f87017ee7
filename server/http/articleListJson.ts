/**
 * The JSON (UTF-8 bytes) of a response that lists items each carrying an article summary (a
 * favorites page, a pull page), with every summary serialised once rather than once per
 * response. Summaries come from the storage's ArticleSummaryCache as shared, never-mutated
 * objects, so their bytes are kept beside them (a WeakMap: it goes when the cache drops the object). The
 * summary is most of each item (title, URL, excerpt): writing it was half of serialising a
 * 50-favorite page (about 75 → 35 µs), the rest is each item's own fields and the envelope,
 * still written by fast-json-stringify from the contract's schemas, in the same shapes.
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

/**
 * Appends UTF-8 into one buffer. The body is written as bytes, never as one long string: Node
 * would otherwise flatten the concatenated string and scan it for its byte length (10% of a
 * favorites page's CPU) and encode it again on the socket, for 28 KB per page and 700 KB per
 * pull page.
 */
class ByteWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  text(value: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.reserve(value.length * 3);
    this.length += this.buffer.write(value, this.length);
  }

  bytes(value: Buffer): void {
    this.reserve(value.length);
    this.length += value.copy(this.buffer, this.length);
  }

  done(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + more));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

/** A first guess at a body's size: a summary is most of an item. */
const ITEM_BYTES_GUESS = 768;

/**
 * The serialiser of `body` (an object schema) whose `listKey` is an array of `item` objects,
 * each with an `article` summary. Objects not from the cache (a fallback path, PostgreSQL's
 * rows) are written all the same, just not kept.
 */
export function articleListJson<
  Shape extends z.ZodRawShape,
  K extends keyof Shape & string,
  ItemShape extends z.ZodRawShape & { article: typeof ArticleSummary },
>(body: z.ZodObject<Shape>, listKey: K, item: z.ZodObject<ItemShape>) {
  type Body = z.output<z.ZodObject<Shape>>;
  const stringifyRest = stringifyOf(body.omit({ [listKey]: true } as never));
  // The item's own fields; `article` is not in the schema, so fast-json-stringify skips it.
  const stringifyFields = stringifyOf(item.omit({ article: true } as never));

  return (value: Body): SerializedJson<Body> => {
    const items = value[listKey as keyof Body] as readonly { article: ArticleSummary }[];
    const out = new ByteWriter(256 + items.length * ITEM_BYTES_GUESS);
    out.text(`${openForLastProperty(stringifyRest(value), listKey)}[`);
    for (let index = 0; index < items.length; index += 1) {
      const entry = items[index]!;
      out.text(`${index > 0 ? ',' : ''}${openForLastProperty(stringifyFields(entry), 'article')}`);
      out.bytes(articleJson(entry.article));
      out.text('}');
    }
    out.text(']}');
    return new SerializedJson(out.done());
  };
}
