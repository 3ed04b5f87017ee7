/**
 * The request never got an answer from the server: offline, DNS, connection refused or reset.
 * Retrying later may succeed; nothing is known about whether a write was applied.
 */
export class NetworkError extends Error {
  readonly code = 'network' as const;
  constructor(message = "Can't reach the server", options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}
