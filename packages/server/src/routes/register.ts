/**
 * Registers a route with its access rule. The access rule is declared beside the route and enforced here,
 * before the request is even validated, so a new route cannot forget it; the table it fills lets a test walk
 * every route. Staff are an admin token (`Authorization: Bearer`, for automation) or a signed-in person (the
 * session cookie); a mutation made with the cookie must carry the session's CSRF token.
 */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { CSRF_HEADER, same, type Principal } from '../auth/staff.js';
import { ApiError } from '../errors.js';
import type { Access, App, Env, RouteEntry } from '../http/context.js';
import { activeToken } from '../tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function register<R extends RouteConfig>(app: App, table: RouteEntry[], route: R, access: Access, handler: RouteHandler<R, Env>): void {
  checkAccessRule(access, route);
  table.push({ method: route.method.toUpperCase(), path: route.path, access });
  if (access === 'public' || access === 'manage-token') {
    app.openapi(route, handler);
    return;
  }
  const existing = route.middleware === undefined ? [] : Array.isArray(route.middleware) ? (route.middleware as MiddlewareHandler[]) : [route.middleware as MiddlewareHandler];
  app.openapi({ ...route, middleware: [guard(access), ...existing], security: [{ bearerAuth: [] }, { sessionCookie: [] }] }, handler);
}

/** A route registered from plain JavaScript (or with a cast) without a known rule stops the start. */
function checkAccessRule(access: unknown, route: RouteConfig): asserts access is Access {
  const ok =
    access === 'public' ||
    access === 'manage-token' ||
    access === 'staff' ||
    access === 'admin' ||
    (typeof access === 'object' && access !== null && (access as { role?: unknown }).role === 'organizer' && (access as { scope?: unknown }).scope === 'program' && typeof (access as { programs?: unknown }).programs === 'function');
  if (!ok) throw new Error(`route ${route.method.toUpperCase()} ${route.path} has no valid access rule (${JSON.stringify(access)})`);
}

function guard(access: Exclude<Access, 'public' | 'manage-token'>): MiddlewareHandler<Env> {
  return async (c, next) => {
    const principal = await authenticate(c);
    if (principal.via === 'session' && !SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER);
      if (sent === undefined || !same(sent, principal.session!.csrfToken)) throw new ApiError('forbidden', `A change made with the sign-in cookie needs the ${CSRF_HEADER} header (from GET /auth/me). Nothing was changed.`);
    }
    await authorize(access, principal, c);
    c.set('principal', principal);
    c.set('actor', principal.actor);
    await next();
  };
}

/** The caller: an admin token when one is sent, else the session cookie's person; a 401 otherwise. */
async function authenticate(c: Context<Env>): Promise<Principal> {
  const header = c.req.header('authorization');
  if (header !== undefined) return tokenPrincipal(header, c.var.services);
  const principal = await c.var.services.auth?.principal(c);
  if (principal === undefined) throw new ApiError('unauthorized', 'Sign in (GET /auth/login), or send an admin token as Authorization: Bearer <token>.');
  return principal;
}

async function authorize(access: Exclude<Access, 'public' | 'manage-token'>, principal: Principal, c: Context<Env>): Promise<void> {
  if (principal.roles.admin || access === 'staff') return;
  if (access === 'admin') throw new ApiError('forbidden', 'Only an administrator may do this.');
  const programs = (await access.programs(c)) ?? [];
  if (!programs.some((p) => principal.roles.programs.includes(p))) {
    throw new ApiError('forbidden', programs.length === 0 ? 'Only an administrator may do this for data of no single program; name a workshop of a program you organize.' : 'You do not organize a program this belongs to.');
  }
}

/** The admin token's principal, or a 401/403. Tokens are stored as SHA-256 hashes; a revoked one no longer works. */
async function tokenPrincipal(header: string, services: Env['Variables']['services']): Promise<Principal> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  if (match === null) throw new ApiError('unauthorized', 'Send an admin token as Authorization: Bearer <token>.');
  const token = await activeToken(services.database.db, match[1]!);
  if (token === undefined) throw new ApiError('unauthorized', 'This token is not valid (or was revoked).');
  if (token.role !== 'admin') throw new ApiError('forbidden', 'This token does not allow the admin API.');
  return { via: 'token', actor: `token:${token.id}`, roles: { admin: true, programs: [] } };
}
