import { describe, expect, it } from 'vitest';
import { BadResponseError, describeError, NetworkError } from '../../../src/api';
import { ApiError } from '../../../src/contract';

describe('describing a failed call to the user', () => {
  it('says the server cannot be reached when there was no answer', () => {
    expect(describeError(new NetworkError())).toMatch(/can't be reached|offline/);
  });

  it('turns a rate limit into how long to wait', () => {
    expect(describeError(new ApiError('rate_limited', 'Too many', { retryAfterSeconds: 300 }))).toBe(
      'too many attempts; try again in 5 minutes',
    );
  });

  it('names the fields of a validation failure', () => {
    const error = new ApiError('validation_failed', 'Invalid request body', { fields: { note: 'too long' } });
    expect(describeError(error)).toBe('note: too long');
  });

  it('never passes an unexpected response off as the server speaking', () => {
    expect(describeError(new BadResponseError(200, 'Expected JSON'))).toBe(
      'the server sent a response this app does not understand',
    );
  });

  it('falls back to the server message, lower-cased to follow a colon', () => {
    expect(describeError(new ApiError('conflict', 'That username is taken'))).toBe('that username is taken');
  });
});
