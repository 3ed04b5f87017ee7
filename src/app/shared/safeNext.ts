/**
 * The `?next=` path to return to after logging in, only if it is a path on this site:
 * an absolute or protocol-relative URL there would be an open redirect.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
