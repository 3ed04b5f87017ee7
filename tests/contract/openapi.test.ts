import { describe, expect, it } from 'vitest';
import { routes } from '../../src/contract/routes';
import { useTarget } from './fixtures';
import { targets } from './targets';

describe.each(targets)('OpenAPI document on $name', (target) => {
  const api = useTarget(target);

  it('is served at /api/v1/openapi.json and lists every route of the table', async () => {
    const response = await api.client().get('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\.1\./);
    for (const [name, spec] of Object.entries(routes)) {
      const path = spec.path.replace(/:(\w+)/g, '{$1}');
      expect(document.paths[path]?.[spec.method.toLowerCase()], name).toMatchObject({ operationId: name });
    }
  });
});
