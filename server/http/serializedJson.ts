/**
 * A success body already written as JSON, in UTF-8 bytes. A route returns one where it can
 * write the body faster than Fastify's schema serialiser (articleListJson: article summaries
 * written once, not once per response); registerRoute sends the bytes as they are. `T` ties
 * the bytes to the body type they stand for, so a handler can only return the JSON of its own
 * route's body.
 */
export class SerializedJson<T> {
  declare readonly body: T;

  constructor(readonly bytes: Buffer) {}

  /** The JSON as a string (tests; the server sends the bytes). */
  text(): string {
    return this.bytes.toString('utf8');
  }
}
