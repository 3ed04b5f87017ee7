/**
 * A success body already written as JSON text. A route returns one where it can write the
 * body faster than Fastify's schema serialiser (articleListJson: article summaries written
 * once, not once per response); registerRoute sends the text as is. `T` ties the text to the
 * body type it stands for, so a handler can only return the JSON of its own route's body.
 */
export class SerializedJson<T> {
  declare readonly body: T;

  constructor(readonly text: string) {}
}
