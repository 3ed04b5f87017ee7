/** OpenAPI 3.1 document generated from the route table, served at /api/v1/openapi.json. */
import { z } from 'zod';
import { ERROR_STATUS, ErrorBody } from './errors';
import { routes, type RouteSpec } from './routes';

const COMMON_ERRORS = [500, 503];

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parameters(spec: RouteSpec): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
    if (!schema) continue;
    const objectSchema = jsonSchema(schema, 'input') as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(objectSchema.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (objectSchema.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return out;
}

function errorDescription(status: number): string {
  const codes = Object.entries(ERROR_STATUS).filter(([, s]) => s === status).map(([code]) => code);
  return `Error: ${codes.join(', ')}`;
}

export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  for (const [name, spec] of Object.entries(routes) as [string, RouteSpec][]) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, unknown> = {
      [spec.success.status]: spec.success.body
        ? { description: 'Success', content: { 'application/json': { schema: jsonSchema(spec.success.body, 'output') } } }
        : { description: 'Success, no content' },
    };
    for (const status of [...spec.errors, ...COMMON_ERRORS]) {
      responses[status] = {
        description: errorDescription(status),
        content: { 'application/json': { schema: errorRef } },
      };
    }
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = {
      operationId: name,
      summary: spec.summary,
      security: spec.auth === 'session' ? [{ cookie: [] }, { bearer: [] }] : [],
      parameters: parameters(spec),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'favorites API', version: '1' },
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
      securitySchemes: {
        cookie: { type: 'apiKey', in: 'cookie', name: 'favorites_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}
