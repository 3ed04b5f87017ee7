import { BODY_LIMIT_BYTES } from '../../src/contract/common';
import { ApiError } from '../../src/contract/errors';

function tooLarge(): ApiError {
  return new ApiError('payload_too_large', 'The request body is too large');
}

function isJsonMediaType(contentType: string | null): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * The JSON body of a request, enforcing the contract's limits: over 1 MiB is 413 (checked on
 * Content-Length first, so an honest client is refused before the upload is read); a body that
 * is not declared `application/json`, or is not JSON, is 400. An empty body is `undefined`
 * whatever its type; the route's schema decides whether that is valid.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > BODY_LIMIT_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > BODY_LIMIT_BYTES) throw tooLarge();
  if (bytes.byteLength === 0) return undefined;
  if (!isJsonMediaType(request.headers.get('content-type'))) {
    throw new ApiError('validation_failed', 'The request body must be JSON (Content-Type: application/json)', {
      fields: { body: 'Content-Type must be application/json' },
    });
  }
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('validation_failed', 'The request body is not valid JSON', { fields: { body: 'not valid JSON' } });
  }
}
