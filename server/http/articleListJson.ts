/**
 * JSON text of a response that lists items each carrying an article summary (a favorites
 * page, a pull page), with every summary serialised once rather than once per response.
 * Summaries come from the storage's ArticleSummaryCache as shared, never-mutated objects, so
 * their text is kept beside them (a WeakMap: it goes when the cache drops the object). The
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
const articleText = new WeakMap<ArticleSummary, string>();

function articleJson(article: ArticleSummary): string {
  let text = articleText.get(article);
  if (text === undefined) {
    text = stringifyArticle(article);
    articleText.set(article, text);
  }
  return text;
}

/** `{...}` with `"key":value` added as its last property. */
function withLastProperty(objectText: string, key: string, valueText: string): string {
  const open = objectText.slice(0, -1);
  return `${open}${open.length > 1 ? ',' : ''}"${key}":${valueText}}`;
}

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
    let list = '[';
    for (let index = 0; index < items.length; index += 1) {
      const entry = items[index]!;
      if (index > 0) list += ',';
      list += withLastProperty(stringifyFields(entry), 'article', articleJson(entry.article));
    }
    return new SerializedJson(withLastProperty(stringifyRest(value), listKey, `${list}]`));
  };
}
