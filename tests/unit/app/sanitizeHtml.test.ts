// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../src/app/article/sanitizeHtml';

describe('article body sanitiser', () => {
  it('keeps the structure a reader view needs', () => {
    const html = '<h2>Title</h2><p>Some <em>text</em> and <a href="https://example.com/x">a link</a>.</p>';
    const clean = sanitizeHtml(html);
    expect(clean).toContain('<h2>Title</h2>');
    expect(clean).toContain('<em>text</em>');
    expect(clean).toContain('href="https://example.com/x"');
    expect(clean).toContain('rel="noopener noreferrer"');
  });

  it('drops scripts, event handlers, frames, forms and styles', () => {
    const clean = sanitizeHtml(
      '<p onclick="steal()">x</p><script>steal()</script><iframe src="https://e.example"></iframe>' +
        '<form><input name="p"></form><style>p{}</style><img src="https://i.example/a.png" onerror="steal()">',
    );
    expect(clean).not.toMatch(/script|onclick|onerror|iframe|form|input|style/i);
    expect(clean).toContain('src="https://i.example/a.png"');
  });

  it('refuses javascript: and app-relative URLs in links and images', () => {
    const clean = sanitizeHtml('<a href="javascript:alert(1)">a</a><a href="/settings">b</a><img src="javascript:x()">');
    expect(clean).not.toContain('javascript:');
    expect(clean).not.toContain('/settings');
  });
});
