import { createApiClient } from './createApiClient';

export { BadResponseError } from './BadResponseError';
export { createApiClient, type ApiClient, type ApiClientOptions, type CallOptions } from './createApiClient';
export { describeError, fieldMessages } from './describeError';
export { NetworkError } from './NetworkError';
export type { CallInput } from './routeTypes';

/** The app's client: same origin, cookie session. */
export const api = createApiClient();
