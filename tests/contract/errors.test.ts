import { describe, expect, it } from 'vitest';
import { ArticlePage } from '../../src/contract/articles';
import { BODY_LIMIT_BYTES } from '../../src/contract/common';
import { expectError, PASSWORD, uniqueUsername, useTarget } from './fixtures';
import { targets } from './targets';

describe.each(targets)('errors on $name', (target) => {
  const api = useTarget(target);

  it('answers a body that is not JSON with 400 validation_failed', async () => {
    const response = await api.client().request('POST', '/api/v1/auth/signup', { raw: '{"username": "bro' });
    expectError(response, 400, 'validation_failed');
  });

  it('answers a field of the wrong type with 400 whose details name the field', async () => {
    const { client } = await api.signedIn();
    const [article] = ArticlePage.parse((await client.get('/api/v1/articles?limit=1')).body).items;
    const response = await client.put(`/api/v1/favorites/${article!.id}`, { public: 'yes', note: 'fine' });
    const { error } = expectError(response, 400, 'validation_failed');
    expect(Object.keys(error.details?.fields as object)).toEqual(['public']);
  });

  it('answers missing fields with 400 naming each of them', async () => {
    const response = await api.client().post('/api/v1/auth/signup', {});
    const { error } = expectError(response, 400, 'validation_failed');
    expect(error.details?.fields).toHaveProperty('username');
    expect(error.details?.fields).toHaveProperty('password');
  });

  it('answers a missing body where one is required with 400', async () => {
    expectError(await api.client().post('/api/v1/auth/signup'), 400, 'validation_failed');
  });

  it('answers a body over 1 MiB with 413 payload_too_large', async () => {
    const padding = 'x'.repeat(BODY_LIMIT_BYTES);
    const raw = JSON.stringify({ username: uniqueUsername(), password: PASSWORD, padding });
    const response = await api.client().request('POST', '/api/v1/auth/signup', { raw });
    expectError(response, 413, 'payload_too_large');
  });

  it('answers an unknown API path with 404 not_found', async () => {
    expectError(await api.client().get('/api/v1/no-such-thing'), 404, 'not_found');
    expectError(await api.client().get('/api/v1/favorites/search/deeper'), 404, 'not_found');
  });

  it('answers a method the route table does not have with 404 not_found', async () => {
    expectError(await api.client().request('PATCH', '/api/v1/articles', { json: {} }), 404, 'not_found');
  });
});
