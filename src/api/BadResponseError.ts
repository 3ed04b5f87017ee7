/**
 * Something answered, but not with what the contract promises: an HTML page with status 200
 * (a captive portal, a misrouted proxy), a body that fails the route's schema, or an error
 * status without the error envelope. Never treated as success.
 */
export class BadResponseError extends Error {
  readonly code = 'bad_response' as const;
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BadResponseError';
  }
}
