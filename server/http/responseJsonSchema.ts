/**
 * A contract schema as the JSON Schema fast-json-stringify compiles for a response (draft 7,
 * the output side, without the `$schema` dialect line). One place, so the route serialisers and
 * articleListJson write the same shapes.
 */
import { z } from 'zod';

export function responseJsonSchema(schema: z.ZodType) {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io: 'output', target: 'draft-7' });
  return jsonSchema;
}
