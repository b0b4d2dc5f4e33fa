/**
 * Registers a route with its access rule. The access rule is declared beside the route and enforced here,
 * before the handler runs, so a new route cannot forget it; the table it fills lets a test walk every route.
 */
import { createHash } from 'node:crypto';
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../db/schema.js';
import { ApiError } from '../errors.js';
import type { Access, App, Env, RouteEntry } from '../http/context.js';

export function register<R extends RouteConfig>(app: App, table: RouteEntry[], route: R, access: Access, handler: RouteHandler<R, Env>): void {
  table.push({ method: route.method.toUpperCase(), path: route.path, access });
  if (access !== 'admin') {
    app.openapi(route, handler);
    return;
  }
  const guarded = (async (c, next) => {
    const actor = await adminActor(c.req.header('authorization'), c.var.services);
    c.set('actor', actor);
    return (handler as (c: unknown, next: unknown) => unknown)(c, next);
  }) as RouteHandler<R, Env>;
  app.openapi({ ...route, security: [{ bearerAuth: [] }] }, guarded);
}

/** The admin token's id, or a 401/403. Tokens are stored as SHA-256 hashes; a revoked one no longer works. */
async function adminActor(header: string | undefined, services: Env['Variables']['services']): Promise<string> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  if (match === null) throw new ApiError('unauthorized', 'Send an admin token as Authorization: Bearer <token>.');
  const hash = createHash('sha256').update(match[1]!).digest('hex');
  const [token] = await services.database.db
    .select({ id: apiTokens.id, role: apiTokens.role })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)));
  if (token === undefined) throw new ApiError('unauthorized', 'This token is not valid (or was revoked).');
  if (token.role !== 'admin') throw new ApiError('forbidden', 'This token does not allow the admin API.');
  return `token:${token.id}`;
}
