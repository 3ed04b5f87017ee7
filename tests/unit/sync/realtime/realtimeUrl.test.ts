import { describe, expect, it } from 'vitest';
import { realtimeUrl } from '../../../../src/app/sync/realtimeSocket';

describe('realtimeUrl', () => {
  it("is the page's own origin, so the session cookie goes with the upgrade", () => {
    expect(realtimeUrl({ href: 'http://127.0.0.1:8080/favorites?x=1' })).toBe('ws://127.0.0.1:8080/api/v1/sync/ws');
  });

  it('is wss: under https', () => {
    expect(realtimeUrl({ href: 'https://favorites.example/articles/abc' })).toBe('wss://favorites.example/api/v1/sync/ws');
  });
});
