/**
 * The cookies a request carries, read by the mocks themselves rather than from MSW's `cookies`
 * argument. MSW (2.15) builds that argument while trying each handler in turn and appends the
 * page's cookies and its own jar to the request's Cookie header on every try, so by the tenth
 * handler the header holds the session several times over, glued to cookie attributes, and the
 * parsed value is garbage.
 * - In a page (`dev:mock`), a same-origin request carries `document.cookie`: read that.
 * - In Node, read the Cookie header the client sent; MSW only ever appends, so the first
 *   occurrence of a name is the client's own.
 */
import { IN_BROWSER } from './respond';

function parseCookieList(text: string): Record<string, string> {
  const cookies: Record<string, string> = {};
  // Appended header values are joined with ", "; cookie values here (base64url) never hold commas.
  for (const part of text.split(/[;,]/)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!(name in cookies)) cookies[name] = part.slice(eq + 1).trim();
  }
  return cookies;
}

export function requestCookies(request: Request): Readonly<Record<string, string>> {
  if (IN_BROWSER) {
    const sameOrigin = new URL(request.url).origin === location.origin;
    return sameOrigin && request.credentials !== 'omit' ? parseCookieList(document.cookie) : {};
  }
  return parseCookieList(request.headers.get('cookie') ?? '');
}
