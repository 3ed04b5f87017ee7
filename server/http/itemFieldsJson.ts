/**
 * The JSON of a listed item's own fields, opened for its `article` (`{...,"article":`), for
 * articleListJson. Written by hand for the two hottest item types, in the contract's key order
 * and byte for byte what fast-json-stringify wrote from the schema: at 50 to 1,000 items a
 * page, its generic per-field code (a character loop per string, date checks) was about a
 * tenth of the server's CPU. A field added to `Favorite` or `FavoriteChange` must be added
 * here too; a test compares the keys written with the schema's.
 *
 * A field of the wrong type (a missing one) throws, as fast-json-stringify did for a missing
 * required field: a storage bug becomes a 500, not a body that is not JSON.
 */
import type { Favorite, FavoriteChange } from '../../src/contract';

/**
 * A character JSON.stringify escapes: a control character, `"`, `\` or a surrogate (a lone one
 * is written as `\udxxx`; a paired one passes through, but sending every surrogate to
 * JSON.stringify keeps this simple). Written as the complement of what may stand as it is
 * (` !`, `#`–`[`, `]`–U+D7FF, U+E000–U+FFFF): a pattern naming control characters reads as a
 * mistake (ESLint's no-control-regex).
 * Strings without any are quoted as they are: on Node 20 a native JSON.stringify call per field
 * costs more than twice this test, and almost every field (ids, dates, HLCs, tags) has nothing
 * to escape.
 */
const NEEDS_ESCAPING = /[^\u0020\u0021\u0023-\u005b\u005d-\ud7ff\ue000-\uffff]/;

function stringJson(value: string, key: string): string {
  if (typeof value !== 'string') throw new TypeError(`"${key}" must be a string`);
  return NEEDS_ESCAPING.test(value) ? JSON.stringify(value) : `"${value}"`;
}

function booleanJson(value: boolean, key: string): string {
  if (value === true) return 'true';
  if (value === false) return 'false';
  throw new TypeError(`"${key}" must be a boolean`);
}

function integerJson(value: number, key: string): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`"${key}" must be an integer`);
  return `${value}`;
}

function stringArrayJson(values: readonly string[], key: string): string {
  if (!Array.isArray(values)) throw new TypeError(`"${key}" must be an array`);
  if (values.length === 0) return '[]';
  let json = '[';
  for (let index = 0; index < values.length; index += 1) {
    json += `${index > 0 ? ',' : ''}${stringJson(values[index]!, key)}`;
  }
  return `${json}]`;
}

function booleanRegisterJson(register: { value: boolean; hlc: string }, key: string): string {
  return `{"value":${booleanJson(register.value, key)},"hlc":${stringJson(register.hlc, key)}}`;
}

function stringRegisterJson(register: { value: string; hlc: string }, key: string): string {
  return `{"value":${stringJson(register.value, key)},"hlc":${stringJson(register.hlc, key)}}`;
}

/** Tag registers in the record's own key order, as JSON.stringify and fast-json-stringify write them. */
function tagRegistersJson(tags: FavoriteChange['tags']): string {
  if (typeof tags !== 'object' || tags === null) throw new TypeError('"tags" must be an object');
  let json = '';
  for (const tag of Object.keys(tags)) {
    json += `${json === '' ? '{' : ','}${stringJson(tag, 'tags')}:${booleanRegisterJson(tags[tag]!, 'tags')}`;
  }
  return json === '' ? '{}' : `${json}}`;
}

/** `{"articleId":…,…,"collectionIds":[…],"article":` (Favorite's keys in order, less `article`). */
export function favoriteFieldsJson(item: Favorite): string {
  return (
    `{"articleId":${stringJson(item.articleId, 'articleId')}` +
    `,"savedAt":${stringJson(item.savedAt, 'savedAt')}` +
    `,"updatedAt":${stringJson(item.updatedAt, 'updatedAt')}` +
    `,"note":${stringJson(item.note, 'note')}` +
    `,"public":${booleanJson(item.public, 'public')}` +
    `,"tags":${stringArrayJson(item.tags, 'tags')}` +
    `,"collectionIds":${stringArrayJson(item.collectionIds, 'collectionIds')}` +
    `,"article":`
  );
}

/** `{"entity":…,…,"tags":{…},"article":` (FavoriteChange's keys in order, less `article`). */
export function favoriteChangeFieldsJson(item: FavoriteChange): string {
  return (
    `{"entity":${stringJson(item.entity, 'entity')}` +
    `,"space":${stringJson(item.space, 'space')}` +
    `,"version":${integerJson(item.version, 'version')}` +
    `,"articleId":${stringJson(item.articleId, 'articleId')}` +
    `,"saved":${booleanRegisterJson(item.saved, 'saved')}` +
    `,"note":${stringRegisterJson(item.note, 'note')}` +
    `,"public":${booleanRegisterJson(item.public, 'public')}` +
    `,"tags":${tagRegistersJson(item.tags)}` +
    `,"article":`
  );
}
