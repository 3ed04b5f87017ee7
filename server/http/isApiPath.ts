/** True for `/api` and everything under `/api/` (query string ignored). */
export function isApiPath(url: string): boolean {
  const path = url.split('?', 1)[0]!;
  return path === '/api' || path.startsWith('/api/');
}
