/**
 * ISO 8601 timestamps are indexed as strings, and strings sort by instant only when they
 * share one form. The API may send any offset, so timestamps are stored as UTC (`...Z`).
 */
export function isoUtc(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 timestamp: ${iso}`);
  return new Date(ms).toISOString();
}
