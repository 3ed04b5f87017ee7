import { z } from 'zod';
import { ArticleId, ArticleSummary } from './articles';
import { IsoDateTime, ListQuery, page } from './common';

export const NOTE_MAX_CHARS = 10_000;
export const TAGS_MAX = 50;

/** Tags are lower-cased, trimmed words; the server and clients normalise the same way. */
export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[^\s,]+$/, 'a tag is one word without commas');

export const Favorite = z.object({
  articleId: ArticleId,
  savedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  note: z.string(),
  public: z.boolean(),
  tags: z.array(z.string()),
  collectionIds: z.array(z.string()),
  article: ArticleSummary,
});
export type Favorite = z.infer<typeof Favorite>;

export const FavoriteListQuery = ListQuery.extend({
  collection: z.string().max(64).optional(),
  tag: Tag.optional(),
  q: z.string().trim().max(200).optional(),
});
export type FavoriteListQuery = z.infer<typeof FavoriteListQuery>;
export const FavoritePage = page(Favorite);
export type FavoritePage = z.infer<typeof FavoritePage>;

export const FavoriteParams = z.object({ articleId: ArticleId });

/** PUT body: saves the favorite; only the fields given change (each is its own LWW register). */
export const SaveFavoriteBody = z
  .object({
    note: z.string().max(NOTE_MAX_CHARS).optional(),
    public: z.boolean().optional(),
    tags: z
      .array(Tag)
      .max(TAGS_MAX)
      .transform((tags) => [...new Set(tags)])
      .optional(),
  })
  .strict();
export type SaveFavoriteBody = z.infer<typeof SaveFavoriteBody>;

export const FavoriteEnvelope = z.object({ favorite: Favorite });

export const FavoriteSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: ListQuery.shape.limit,
});
