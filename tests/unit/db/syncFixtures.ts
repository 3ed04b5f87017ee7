import type { FavoriteChange, PullResponse } from '../../../src/contract';
import { formatHlc } from '../../../src/core/hlc';
import { summary } from './fixtures';

/** An HLC stamped by another device (or the server) at `ms`. */
export const remoteHlc = (ms: number, client = 'otherdevice', counter = 0) => formatHlc(ms, counter, client);

/** The server's full register set of one favorite, every register stamped `hlc` unless overridden. */
export function change(
  slug: string,
  hlc: string,
  registers: Partial<Pick<FavoriteChange, 'saved' | 'note' | 'public' | 'tags'>> = {},
  version = 1,
): FavoriteChange {
  const article = summary(slug);
  return {
    entity: 'favorite',
    space: 'u:user-1',
    version,
    articleId: article.id,
    saved: { value: true, hlc },
    note: { value: '', hlc },
    public: { value: false, hlc },
    tags: {},
    ...registers,
    article,
  };
}

export function pullPage(changes: FavoriteChange[], cursor = 'cursor-1', serverHlc = remoteHlc(1, 'server')): PullResponse {
  return { cursor, changes, hasMore: false, spaces: { added: [], removed: [] }, lastMutationId: 0, serverHlc };
}
