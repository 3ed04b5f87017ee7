/**
 * An allow-list HTML sanitiser for article bodies. The catalogue is our own, but a body is
 * still data: only the elements and attributes a reader view needs survive; scripts, styles,
 * frames, forms and every event handler are dropped, and links and images must be http(s).
 */

/** Elements kept, with the attributes each may carry. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], hr: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  a: ['href', 'title'], em: [], strong: [], b: [], i: [], u: [], s: [], del: [], ins: [], mark: [], small: [],
  sub: [], sup: [], code: [], kbd: [], pre: [], blockquote: ['cite'], q: ['cite'], cite: [], abbr: ['title'],
  time: ['datetime'], span: [], ul: [], ol: ['start', 'reversed'], li: [], dl: [], dt: [], dd: [],
  figure: [], figcaption: [], img: ['src', 'alt', 'title', 'width', 'height'],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};

/** The page's title is the only h1: body headings start one level down. */
const RENAMED: Readonly<Record<string, string>> = { h1: 'h2', section: 'div', article: 'div', header: 'div', footer: 'div' };

/** Dropped together with everything inside them; any other unknown element is unwrapped. */
const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'select', 'textarea', 'option', 'template', 'svg', 'math', 'link', 'meta', 'base', 'noscript', 'title',
  'head', 'audio', 'video', 'canvas', 'dialog',
]);

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MEDIA_PROTOCOLS = new Set(['http:', 'https:']);

function safeUrl(value: string, attribute: string): string | null {
  try {
    // Relative URLs would point into this app; the body has no business linking there.
    const url = new URL(value.trim());
    const allowed = attribute === 'src' ? MEDIA_PROTOCOLS : LINK_PROTOCOLS;
    return allowed.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function copyClean(source: Node, target: Node, doc: Document): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue; // comments, processing instructions
    const element = child as Element;
    const original = element.localName;
    if (DROPPED.has(original)) continue;
    const name = RENAMED[original] === 'div' ? null : (RENAMED[original] ?? original);
    const attributes = name ? ALLOWED[name] : undefined;
    if (!name || !attributes) {
      copyClean(element, target, doc); // unwrap: keep the text, lose the element
      continue;
    }
    const clean = doc.createElement(name);
    for (const attribute of attributes) {
      const value = element.getAttribute(attribute);
      if (value === null) continue;
      const safe = URL_ATTRIBUTES.has(attribute) ? safeUrl(value, attribute) : value;
      if (safe !== null) clean.setAttribute(attribute, safe);
    }
    if (name === 'a' && clean.hasAttribute('href')) {
      clean.setAttribute('target', '_blank');
      clean.setAttribute('rel', 'noopener noreferrer');
    }
    if (name === 'img') {
      if (!clean.hasAttribute('src')) continue;
      clean.setAttribute('loading', 'lazy');
      clean.setAttribute('decoding', 'async');
      if (!clean.hasAttribute('alt')) clean.setAttribute('alt', '');
    }
    copyClean(element, clean, doc);
    target.appendChild(clean);
  }
}

/** Clean HTML for `dangerouslySetInnerHTML`: parsed inert (DOMParser runs no scripts), rebuilt from the allow-list. */
export function sanitizeHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const output = document.implementation.createHTMLDocument('');
  const container = output.createElement('div');
  copyClean(parsed.body, container, output);
  return container.innerHTML;
}
