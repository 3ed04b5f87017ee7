import { http, type HttpHandler } from 'msw';
import { ApiError } from '../../src/contract/errors';
import { buildOpenApi } from '../../src/contract/openapi';
import { API_PREFIX } from '../../src/contract/routes';
import { errorResponse, respond } from '../http/respond';

/**
 * The OpenAPI document, and the contract's 404 for any other `/api/v1/*` request. These must
 * come after every route handler: MSW uses the first handler that matches.
 */
export function metaHandlers(): HttpHandler[] {
  let openApi: Record<string, unknown> | undefined;
  return [
    http.get(`*${API_PREFIX}/openapi.json`, () => respond((openApi ??= buildOpenApi()), { status: 200 })),
    http.all(`*${API_PREFIX}/*`, ({ request }) =>
      errorResponse(new ApiError('not_found', `No route for ${request.method} ${new URL(request.url).pathname}`)),
    ),
  ];
}
