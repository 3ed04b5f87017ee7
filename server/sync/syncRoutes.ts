/**
 * The sync endpoints. Bodies are checked for the wire format's version before they are parsed
 * (426 rather than 400 for an outdated client). A push or pull that fails for a reason the
 * client cannot fix (a database error) answers 503, which clients retry: the transaction rolled
 * back, so nothing was half-applied and the same batch can be sent again.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { ApiError, assertSyncSchemaVersion, PullResponse } from '../../src/contract';
import { articleListJson } from '../http/articleListJson';
import { favoriteChangeFieldsJson } from '../http/itemFieldsJson';
import { registerRoute } from '../http/registerRoute';
import type { ServerContext } from '../http/serverContext';
import { pullChanges } from './pullChanges';
import { pushMutations } from './pushMutations';

async function unavailableOnFailure<T>(log: FastifyBaseLogger, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    log.error({ err: error }, 'sync transaction failed; rolled back');
    throw new ApiError('unavailable', 'The server could not process this now; nothing was applied. Retry later.');
  }
}

/** A pull page carries up to 1,000 article summaries: each is written once (articleListJson). */
const pullResponseJson = articleListJson(PullResponse, 'changes', favoriteChangeFieldsJson);

export function registerSyncRoutes(app: FastifyInstance, context: ServerContext): void {
  const options = { beforeParse: assertSyncSchemaVersion };

  registerRoute(
    app,
    context,
    'syncPush',
    ({ auth, body, request }) =>
      context.metrics.sync.push(() => unavailableOnFailure(request.log, () => pushMutations(context, auth.user.id, body))),
    options,
  );

  registerRoute(
    app,
    context,
    'syncPull',
    async ({ auth, body, request }) =>
      pullResponseJson(
        await context.metrics.sync.pull(() => unavailableOnFailure(request.log, () => pullChanges(context, auth.user.id, body))),
      ),
    options,
  );
}
