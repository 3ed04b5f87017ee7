import { z } from 'zod';
import { ARTICLE_ID_PATTERN } from '../core/ids';
import { IsoDateTime, ListQuery, page } from './common';

export const ArticleId = z.string().regex(ARTICLE_ID_PATTERN, 'an article id');

export const ArticleSummary = z.object({
  id: ArticleId,
  url: z.url(),
  title: z.string(),
  author: z.string(),
  excerpt: z.string(),
  publishedAt: IsoDateTime,
  imageUrl: z.url().optional(),
  readingMinutes: z.number().int().min(0),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** The full article; `body` is sanitised HTML. */
export const Article = ArticleSummary.extend({ body: z.string() });
export type Article = z.infer<typeof Article>;

export const ArticleListQuery = ListQuery.extend({ q: z.string().trim().max(200).optional() });
export const ArticlePage = page(ArticleSummary);
export type ArticlePage = z.infer<typeof ArticlePage>;

export const ArticleParams = z.object({ id: ArticleId });
export const ArticleEnvelope = z.object({ article: Article });

export const CreateArticleBody = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  title: z.string().trim().min(1).max(500).optional(),
});
