/**
 * Staff sign-in: `GET /auth/login?return=…` sends the browser to the university's provider, `GET /auth/callback`
 * comes back from it and opens a session, `GET /auth/me` says who is signed in (and the CSRF token to send
 * with changes), `POST /auth/logout` signs out.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ApiError } from '../errors.js';
import type { App, Env, RouteEntry } from '../http/context.js';
import { pickErrors } from '../http/schemas.js';
import { register } from './register.js';

const redirect = { 302: { description: 'Redirect.', headers: z.object({ Location: z.string() }) } };

const login = createRoute({
  method: 'get',
  path: '/auth/login',
  summary: 'Staff sign-in: redirects to the university’s OpenID Connect provider',
  description: 'After sign-in the browser returns to `return` (a path of this server, or an address of the same origin); anything else returns to /auth/me.',
  tags: ['Sign-in'],
  request: { query: z.object({ return: z.string().max(2000).optional().openapi({ example: '/console' }) }) },
  responses: { ...redirect, ...pickErrors(404, 422, 503) },
});

const callback = createRoute({
  method: 'get',
  path: '/auth/callback',
  summary: 'Where the provider sends the browser back; opens a session and redirects to where sign-in started',
  tags: ['Sign-in'],
  request: { query: z.object({ code: z.string().max(4000).optional(), state: z.string().max(500).optional(), error: z.string().max(200).optional() }).passthrough() },
  responses: { ...redirect, ...pickErrors(400, 403, 404, 503) },
});

const MeSchema = z
  .object({
    via: z.enum(['session', 'token']),
    actor: z.string().openapi({ description: 'How the audit log names you.' }),
    subject: z.string().optional(),
    email: z.string().nullable().optional(),
    name: z.string().nullable().optional(),
    roles: z.object({ admin: z.boolean(), programs: z.array(z.string()).openapi({ description: 'Programs you organize.' }) }),
    csrfToken: z.string().optional().openapi({ description: 'Send it as X-CSRF-Token with every change made with the sign-in cookie.' }),
    expiresAt: z.string().optional(),
  })
  .openapi('Me');

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  summary: 'Who is signed in, their roles, and the CSRF token for changes',
  tags: ['Sign-in'],
  responses: { 200: { content: { 'application/json': { schema: MeSchema } }, description: 'The signed-in person (or the admin token).' }, ...pickErrors(401) },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  summary: 'Sign out: ends the session (send X-CSRF-Token)',
  tags: ['Sign-in'],
  responses: { 200: { content: { 'application/json': { schema: z.object({ signedOut: z.boolean() }) } }, description: 'Signed out.' }, ...pickErrors(401, 403) },
});

function staffAuth(c: Context<Env>) {
  const auth = c.var.services.auth;
  if (auth === undefined) throw new ApiError('not-found', 'Staff sign-in is not configured on this server (see docs/sign-in.md).');
  return auth;
}

export function registerAuthRoutes(app: App, table: RouteEntry[]): void {
  register(app, table, login, 'public', async (c) => {
    const url = await staffAuth(c).begin(c, c.req.valid('query').return);
    c.header('Cache-Control', 'no-store');
    return c.redirect(url, 302);
  });
  register(app, table, callback, 'public', async (c) => {
    const next = await staffAuth(c).finish(c);
    c.header('Cache-Control', 'no-store');
    return c.redirect(next, 302);
  });
  register(app, table, me, 'staff', (c) => {
    const p = c.var.principal;
    const s = p.session;
    return c.json({ via: p.via, actor: p.actor, roles: p.roles, ...(s ? { subject: s.subject, email: s.email, name: s.name, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() } : {}) }, 200);
  });
  register(app, table, logout, 'staff', async (c) => {
    if (c.var.principal.via === 'session') await staffAuth(c).close(c);
    return c.json({ signedOut: c.var.principal.via === 'session' }, 200);
  });
}
