/** `GET /feed.json` (and one feed per catalog) and `GET /health`. */
import { createRoute, z } from '@hono/zod-openapi';
import { ApiError } from '../errors.js';
import type { Context } from 'hono';
import type { App, Env, RouteEntry } from '../http/context.js';
import { pickErrors } from '../http/schemas.js';
import { register } from './register.js';

const FeedSchema = z.record(z.string(), z.unknown()).openapi('Feed', { description: 'The feed the widgets read, built from the catalog by core’s buildFeed (its JSON Schema ships with @mentorkit/core).' });

const feedRoute = (path: string, summary: string, params?: z.ZodObject) =>
  createRoute({
    method: 'get',
    path,
    summary,
    tags: ['Catalog'],
    ...(params ? { request: { params } } : {}),
    responses: {
      200: { content: { 'application/json': { schema: FeedSchema } }, description: 'The feed, with a strong ETag; send If-None-Match to get 304 when it has not changed.' },
      304: { description: 'Not modified.' },
      ...pickErrors(404, 503),
    },
  });

const feed = feedRoute('/feed.json', 'The feed of the first catalog');
const feedOf = feedRoute('/feeds/{catalog}/feed.json', 'The feed of one catalog', z.object({ catalog: z.string().max(200).openapi({ param: { name: 'catalog', in: 'path' }, example: 'mentoring-up' }) }));

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded', 'starting']).openapi({ description: 'degraded: the last catalog reload failed and the last good catalog is served.' }),
    database: z.enum(['pglite', 'postgres']),
    catalogs: z.array(z.object({ id: z.string(), file: z.string(), workshops: z.number().int() })),
    loadedAt: z.string().optional(),
    lastReloadAt: z.string().optional(),
    errors: z.array(z.object({ file: z.string(), line: z.number().optional(), column: z.number().optional(), path: z.string(), message: z.string() })),
  })
  .openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness, the catalogs served and the last reload’s errors',
  tags: ['Operations'],
  responses: { 200: { content: { 'application/json': { schema: HealthSchema } }, description: 'Serving (perhaps from the last good catalog).' }, 503: { content: { 'application/json': { schema: HealthSchema } }, description: 'No catalog could be loaded.' } },
});

export function registerCatalogRoutes(app: App, table: RouteEntry[]): void {
  const serveFeed = (catalogId: string | undefined, c: Context<Env>) => {
    const catalogs = c.var.services.catalogs;
    if (!catalogs.loaded) throw new ApiError('catalog-unavailable', 'No catalog is loaded yet.');
    const loaded = catalogs.catalog(catalogId);
    if (loaded === undefined) throw new ApiError('not-found', `There is no catalog ${JSON.stringify(catalogId)}.`);
    c.header('ETag', loaded.etag);
    c.header('Cache-Control', 'public, no-cache');
    c.header('Vary', 'Origin');
    if ((c.req.header('if-none-match') ?? '').split(/\s*,\s*/).includes(loaded.etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(loaded.feedJson, 200);
  };
  register(app, table, feed, 'public', (c) => serveFeed(undefined, c as unknown as Context<Env>) as never);
  register(app, table, feedOf, 'public', (c) => serveFeed(c.req.param('catalog'), c as unknown as Context<Env>) as never);
  register(app, table, health, 'public', (c) => {
    const { catalogs, database } = c.var.services;
    const errors = catalogs.problems.map((p) => ({ ...p }));
    const body = {
      status: !catalogs.loaded ? ('starting' as const) : errors.length > 0 ? ('degraded' as const) : ('ok' as const),
      database: database.kind,
      catalogs: catalogs.loaded ? catalogs.current.catalogs.map((l) => ({ id: l.catalog.id, file: l.file, workshops: l.catalog.workshops.length })) : [],
      ...(catalogs.loaded ? { loadedAt: catalogs.current.loadedAt.toISOString() } : {}),
      ...(catalogs.lastAttempt ? { lastReloadAt: catalogs.lastAttempt.toISOString() } : {}),
      errors,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, catalogs.loaded ? 200 : 503);
  });
}
