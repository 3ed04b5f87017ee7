/**
 * Every endpoint of API v1 in one table: method, path, what it parses, what it answers.
 * The server registers its routes from this table, the MSW mocks match on it, the client
 * parses responses with it and the OpenAPI document is generated from it.
 */
import { z } from 'zod';
import { Credentials, LoginBody, TokenRequest, TokenResponse, UserEnvelope } from './accounts';
import {
  ArticleEnvelope,
  ArticleListQuery,
  ArticlePage,
  ArticleParams,
  CreateArticleBody,
} from './articles';
import { ErrorBody } from './errors';
import { PublicFavoritePage, PublicFavoritesQuery, PublicProfileParams } from './publicFavorites';
import { PullRequest, PullResponse, PushRequest, PushResponse } from './sync';
import {
  FavoriteEnvelope,
  FavoriteListQuery,
  FavoritePage,
  FavoriteParams,
  FavoriteSearchQuery,
  SaveFavoriteBody,
} from './favorites';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** none: public; session: needs a session cookie or bearer token. */
export type AuthMode = 'none' | 'session';

export interface RouteSpec {
  readonly method: HttpMethod;
  /** Fastify / MSW style path: `/api/v1/articles/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly auth: AuthMode;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Success status and its body schema (null: no body). */
  readonly success: { readonly status: number; readonly body: z.ZodType | null };
  /** Error statuses this route can answer besides the common ones. */
  readonly errors: readonly number[];
}

const route = <const R extends RouteSpec>(spec: R): R => spec;

export const API_PREFIX = '/api/v1';

export const routes = {
  signup: route({
    method: 'POST', path: `${API_PREFIX}/auth/signup`, summary: 'Create an account and sign in',
    auth: 'none', body: Credentials, success: { status: 201, body: UserEnvelope }, errors: [400, 409, 413, 429],
  }),
  login: route({
    method: 'POST', path: `${API_PREFIX}/auth/login`, summary: 'Sign in',
    auth: 'none', body: LoginBody, success: { status: 200, body: UserEnvelope }, errors: [400, 401, 413, 429],
  }),
  logout: route({
    method: 'POST', path: `${API_PREFIX}/auth/logout`, summary: 'Sign out and revoke the session',
    auth: 'none', success: { status: 204, body: null }, errors: [],
  }),
  me: route({
    method: 'GET', path: `${API_PREFIX}/auth/me`, summary: 'The signed-in user',
    auth: 'session', success: { status: 200, body: UserEnvelope }, errors: [401],
  }),
  createToken: route({
    method: 'POST', path: `${API_PREFIX}/auth/tokens`, summary: 'Create a bearer token for API clients (shown once)',
    auth: 'session', body: TokenRequest, success: { status: 201, body: TokenResponse }, errors: [400, 401, 413],
  }),
  listArticles: route({
    method: 'GET', path: `${API_PREFIX}/articles`, summary: 'Browse the catalogue, newest first; q searches title, excerpt and body',
    auth: 'none', query: ArticleListQuery, success: { status: 200, body: ArticlePage }, errors: [400],
  }),
  getArticle: route({
    method: 'GET', path: `${API_PREFIX}/articles/:id`, summary: 'One article with its body',
    auth: 'none', params: ArticleParams, success: { status: 200, body: ArticleEnvelope }, errors: [400, 404],
  }),
  createArticle: route({
    method: 'POST', path: `${API_PREFIX}/articles`, summary: 'Find or create an article by canonical URL',
    auth: 'session', body: CreateArticleBody, success: { status: 200, body: ArticleEnvelope }, errors: [400, 401, 413],
  }),
  listFavorites: route({
    method: 'GET', path: `${API_PREFIX}/favorites`, summary: "The caller's favorites, newest first",
    auth: 'session', query: FavoriteListQuery, success: { status: 200, body: FavoritePage }, errors: [400, 401],
  }),
  searchFavorites: route({
    method: 'GET', path: `${API_PREFIX}/favorites/search`, summary: "Full text over the caller's favorites",
    auth: 'session', query: FavoriteSearchQuery, success: { status: 200, body: FavoritePage }, errors: [400, 401],
  }),
  saveFavorite: route({
    method: 'PUT', path: `${API_PREFIX}/favorites/:articleId`, summary: 'Save an article (idempotent); sets the fields given',
    auth: 'session', params: FavoriteParams, body: SaveFavoriteBody, success: { status: 200, body: FavoriteEnvelope },
    errors: [400, 401, 404, 413],
  }),
  removeFavorite: route({
    method: 'DELETE', path: `${API_PREFIX}/favorites/:articleId`, summary: 'Remove a favorite (idempotent)',
    auth: 'session', params: FavoriteParams, success: { status: 204, body: null }, errors: [400, 401],
  }),
  publicFavorites: route({
    method: 'GET', path: `${API_PREFIX}/users/:username/favorites`, summary: "A user's public favorites, newest saved first; no sign-in needed",
    auth: 'none', params: PublicProfileParams, query: PublicFavoritesQuery, success: { status: 200, body: PublicFavoritePage },
    errors: [400, 404],
  }),
  syncPush: route({
    method: 'POST', path: `${API_PREFIX}/sync/push`, summary: 'Push a batch of mutations (idempotent by per-client mutation id)',
    auth: 'session', body: PushRequest, success: { status: 200, body: PushResponse }, errors: [400, 401, 403, 409, 413, 426],
  }),
  syncPull: route({
    method: 'POST', path: `${API_PREFIX}/sync/pull`, summary: 'Pull changes since a cursor, per space, in version order',
    auth: 'session', body: PullRequest, success: { status: 200, body: PullResponse }, errors: [400, 401, 403, 413, 426],
  }),
} as const;

export type RouteName = keyof typeof routes;

/** The body type a route answers with on success. */
export type SuccessBody<N extends RouteName> = (typeof routes)[N]['success']['body'] extends z.ZodType
  ? z.infer<(typeof routes)[N]['success']['body']>
  : void;

export { ErrorBody };
