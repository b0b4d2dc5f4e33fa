/**
 * The person's manage page and its API. The token travels in the link's fragment (never sent to a server,
 * never in a log) and then in POST bodies; the page is plain HTML with one same-origin script.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteEntry } from '../http/context.js';
import { pickErrors } from '../http/schemas.js';
import { MANAGE_PAGE, MANAGE_SCRIPT } from './manage-page.js';
import { register } from './register.js';

const Token = z.string().min(16).max(100).openapi({ description: 'The token from the manage link’s fragment.' });

const ManageViewSchema = z
  .object({
    registrationId: z.string(),
    workshop: z.object({ id: z.string(), title: z.string(), program: z.string().optional() }),
    name: z.string(),
    email: z.string(),
    sessions: z.array(
      z.object({
        registrationId: z.string(),
        occurrenceId: z.string(),
        status: z.enum(['requested', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'declined', 'expired']),
        code: z.string(),
        position: z.number().int().optional(),
        offerExpiresAt: z.string().optional(),
        start: z.string().optional(),
        end: z.string().optional(),
        timeZone: z.string().optional(),
        title: z.string().optional(),
        occurrenceStatus: z.string().optional(),
        timeUnknown: z.boolean().optional(),
      }),
    ),
  })
  .openapi('ManageView');

const json = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const view = createRoute({
  method: 'post',
  path: '/manage/registration',
  summary: 'The RSVP behind a manage link',
  tags: ['Manage'],
  request: { body: json(z.object({ token: Token })) },
  responses: { 200: { content: { 'application/json': { schema: ManageViewSchema } }, description: 'The RSVP and each session’s state.' }, ...pickErrors(400, 401, 415, 422, 429) },
});

const cancel = createRoute({
  method: 'post',
  path: '/manage/cancel',
  summary: 'Cancel the RSVP, or one session of a series',
  tags: ['Manage'],
  request: { body: json(z.object({ token: Token, registrationId: z.string().max(100).optional().openapi({ description: 'One session; absent cancels every session.' }) })) },
  responses: { 200: { content: { 'application/json': { schema: z.object({ cancelled: z.number().int() }) } }, description: 'Cancelled; freed seats went to the waiting list.' }, ...pickErrors(400, 401, 409, 415, 422, 429, 503) },
});

const accept = createRoute({
  method: 'post',
  path: '/manage/accept',
  summary: 'Accept a seat offered from the waiting list',
  tags: ['Manage'],
  request: { body: json(z.object({ token: Token, registrationId: z.string().max(100) })) },
  responses: { 200: { content: { 'application/json': { schema: z.object({ status: z.literal('confirmed') }) } }, description: 'Confirmed.' }, ...pickErrors(400, 401, 404, 409, 415, 422, 429, 503) },
});

const page = createRoute({
  method: 'get',
  path: '/manage',
  summary: 'The manage page (HTML)',
  tags: ['Manage'],
  responses: { 200: { content: { 'text/html': { schema: z.string() } }, description: 'Reads the token from the fragment and calls the manage API.' } },
});

const script = createRoute({
  method: 'get',
  path: '/manage/manage.js',
  summary: 'The manage page’s script',
  tags: ['Manage'],
  responses: { 200: { content: { 'text/javascript': { schema: z.string() } }, description: 'Script.' } },
});

export function registerManageRoutes(app: App, table: RouteEntry[]): void {
  register(app, table, view, 'manage-token', async (c) => c.json(await c.var.services.rsvps.manageView(c.req.valid('json').token), 200));
  register(app, table, cancel, 'manage-token', async (c) => {
    const { token, registrationId } = c.req.valid('json');
    return c.json(await c.var.services.rsvps.cancelByToken(token, registrationId), 200);
  });
  register(app, table, accept, 'manage-token', async (c) => {
    const { token, registrationId } = c.req.valid('json');
    return c.json(await c.var.services.rsvps.acceptOffer(token, registrationId), 200);
  });
  register(app, table, page, 'public', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    return c.html(MANAGE_PAGE, 200);
  });
  register(app, table, script, 'public', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(MANAGE_SCRIPT, 200);
  });
}
