import { ApiError } from '../../src/contract';

/** 429 rate_limited; the error handler turns `retryAfterSeconds` into a Retry-After header. */
export class RateLimitedError extends ApiError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterMs: number) {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super('rate_limited', 'Too many attempts. Try again later.', { retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
