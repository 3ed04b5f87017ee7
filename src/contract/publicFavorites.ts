/**
 * Public favorites (api.md, "Public, discovery, portability"): the favorites a user marked
 * public, readable by anyone at `/@username` with no sign-in. What is shown is what the owner
 * chose to publish: the article, when it was saved, the note and the tags. Private favorites,
 * collection membership and the owner's account id never appear.
 */
import { z } from 'zod';
import { Username } from './accounts';
import { ArticleId, ArticleSummary } from './articles';
import { IsoDateTime, ListQuery } from './common';
import type { Favorite } from './favorites';

export const PublicFavorite = z.object({
  articleId: ArticleId,
  savedAt: IsoDateTime,
  note: z.string(),
  tags: z.array(z.string()),
  article: ArticleSummary,
});
export type PublicFavorite = z.infer<typeof PublicFavorite>;

/** Any string up to the longest username: an impossible one is just an unknown user (404). */
export const PublicProfileParams = z.object({ username: z.string().min(1).max(64) });

export const PublicFavoritesQuery = ListQuery;

export const PublicFavoritePage = z.object({
  user: z.object({ username: Username }),
  items: z.array(PublicFavorite),
  nextCursor: z.string().nullable(),
});
export type PublicFavoritePage = z.infer<typeof PublicFavoritePage>;

/** The app's address of a user's public page. */
export function publicProfilePath(username: string): string {
  return `/@${username}`;
}

/** What of a favorite its owner publishes (server and mocks alike): never collections or ids of others. */
export function toPublicFavorite({ articleId, savedAt, note, tags, article }: Favorite): PublicFavorite {
  return { articleId, savedAt, note, tags, article };
}
