import { ApiError } from '../contract';
import { BadResponseError } from './BadResponseError';
import { NetworkError } from './NetworkError';

/**
 * Why a call failed, in words a user understands, lower-case so it reads after a colon:
 * "Couldn't save “Title”: you appear to be offline".
 */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) {
    return typeof navigator !== 'undefined' && navigator.onLine === false
      ? 'you appear to be offline'
      : "the server can't be reached";
  }
  if (error instanceof BadResponseError) return 'the server sent a response this app does not understand';
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'unauthenticated':
        return 'you are signed out; log in again';
      case 'rate_limited': {
        const seconds = Number(error.details?.retryAfterSeconds);
        return Number.isFinite(seconds) && seconds > 0
          ? `too many attempts; try again in ${formatWait(seconds)}`
          : 'too many attempts; try again later';
      }
      case 'unavailable':
        return 'the server is unavailable; try again shortly';
      case 'internal':
        return 'the server ran into a problem';
      case 'not_found':
        return 'it no longer exists';
      case 'payload_too_large':
        return 'it is too large';
      case 'validation_failed':
        return lowerFirst(fieldMessages(error) ?? error.message);
      default:
        return lowerFirst(error.message);
    }
  }
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return 'this device is out of storage space';
  }
  return 'something went wrong';
}

/** "password: at least 8 characters" from a validation error's details, when it names fields. */
export function fieldMessages(error: ApiError): string | undefined {
  const fields = error.details?.fields;
  if (!fields || typeof fields !== 'object') return undefined;
  const parts = Object.entries(fields as Record<string, unknown>).map(([field, message]) => `${field}: ${String(message)}`);
  return parts.length ? parts.join('; ') : undefined;
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
