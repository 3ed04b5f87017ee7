import { describe, expect, it } from 'vitest';
import { canonicalUrl, InvalidUrlError } from '../../../src/core/canonicalUrl';
import { ARTICLE_ID_PATTERN, articleIdForUrl, newClientId, newId } from '../../../src/core/ids';

describe('canonical URLs', () => {
  it('strips tracking parameters, fragments, default ports and a trailing slash', () => {
    expect(canonicalUrl('HTTPS://News.Example.com:443/story/?utm_source=x&utm_medium=y&fbclid=1&id=7#top')).toBe(
      'https://news.example.com/story?id=7',
    );
  });

  it('sorts the remaining query so parameter order does not matter', () => {
    expect(canonicalUrl('https://a.example/p?b=2&a=1')).toBe(canonicalUrl('https://a.example/p?a=1&b=2'));
  });

  it('keeps the path case and meaningful parameters', () => {
    expect(canonicalUrl('https://a.example/Path/To?page=2')).toBe('https://a.example/Path/To?page=2');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => canonicalUrl('not a url')).toThrow(InvalidUrlError);
    expect(() => canonicalUrl('javascript:alert(1)')).toThrow(InvalidUrlError);
    expect(() => canonicalUrl('file:///etc/passwd')).toThrow(InvalidUrlError);
  });
});

describe('ids', () => {
  it('gives one article id to every spelling of the same link', () => {
    const id = articleIdForUrl('https://blog.example/post?utm_campaign=z');
    expect(id).toMatch(ARTICLE_ID_PATTERN);
    expect(articleIdForUrl('https://BLOG.example/post/#comments')).toBe(id);
    expect(articleIdForUrl('https://blog.example/other')).not.toBe(id);
  });

  it('makes time-ordered UUIDv7 entity ids and HLC-safe client ids', () => {
    const a = newId();
    const b = newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(newClientId()).toMatch(/^[0-9a-f]{16}$/);
  });
});
