/**
 * Clean HTML for the reader view. The catalogue is our own, but a body is still data (and
 * saved links will bring bodies from anywhere): DOMPurify keeps only what a reader view needs.
 * Scripts, styles, frames, forms and event handlers go; links and images must be http(s).
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark',
  'small', 'sub', 'sup', 'code', 'kbd', 'pre', 'blockquote', 'q', 'cite', 'abbr', 'time', 'span', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'figure', 'figcaption', 'img', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];
const ALLOWED_ATTR = ['href', 'title', 'cite', 'datetime', 'start', 'reversed', 'src', 'alt', 'width', 'height', 'scope', 'colspan', 'rowspan'];
/** Absolute http(s) and mailto only: a relative link in a body would point into this app. */
const ALLOWED_URI_REGEXP = /^(?:https?:|mailto:)/i;

let hooksInstalled = false;
function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.tagName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    }
  });
}

export function sanitizeHtml(html: string): string {
  installHooks();
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'target', 'rel', 'loading', 'decoding'],
    ALLOWED_URI_REGEXP,
  });
}
