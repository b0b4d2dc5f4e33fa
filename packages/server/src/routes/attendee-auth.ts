/**
 * Attendee sign-in for the RSVP form: `GET /auth/attendee/login?origin=…` (opened in a popup by the form)
 * sends the person to the campus provider; `GET /auth/attendee/callback` comes back with a short-lived
 * attendee token and posts it to the page that opened the popup — only if that page's origin is the
 * service's own or one of its CORS origins — then closes. No staff session is opened.
 */
import { randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { AttendeeAuth } from '../auth/attendee.js';
import { ApiError } from '../errors.js';
import { escapeHtml } from '../html.js';
import type { App, RouteEntry } from '../http/context.js';
import { pickErrors } from '../http/schemas.js';
import { register } from './register.js';

/** The message type the form listens for. */
export const ATTENDEE_MESSAGE = 'mentorkit:attendee-sign-in';

const login = createRoute({
  method: 'get',
  path: '/auth/attendee/login',
  summary: 'Attendee sign-in (opened in a popup by the RSVP form): redirects to the campus provider',
  description: 'On return, the popup posts `{ type: "mentorkit:attendee-sign-in", token, person }` to its opener at `origin` — the service’s own origin or one of its CORS origins — and closes. The token goes in `Authorization: Bearer …` on `POST /rsvps`.',
  tags: ['Sign-in'],
  request: { query: z.object({ origin: z.string().max(300).openapi({ description: 'The origin of the page with the RSVP form.', example: 'https://www.example.edu' }) }) },
  responses: { 302: { description: 'Redirect.', headers: z.object({ Location: z.string() }) }, ...pickErrors(403, 404, 422, 503) },
});

const callback = createRoute({
  method: 'get',
  path: '/auth/attendee/callback',
  summary: 'Where the provider sends the popup back: hands the attendee token to the form',
  tags: ['Sign-in'],
  request: { query: z.object({ code: z.string().max(4000).optional(), state: z.string().max(500).optional(), error: z.string().max(200).optional() }).passthrough() },
  responses: {
    200: { content: { 'text/html': { schema: z.string() } }, description: 'Posts the token to the opener and closes.' },
    400: { content: { 'text/html': { schema: z.string() } }, description: 'The sign-in did not complete (refused, tampered, expired or replayed): a page saying why, for the person in the popup.' },
    ...pickErrors(404, 503),
  },
});

function page(nonce: string, origin: string, message: unknown, name: string): string {
  const data = JSON.stringify({ origin, message }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed in</title></head><body>
<p>Signed in as ${escapeHtml(name)}. You can close this window and return to the RSVP form.</p>
<script nonce="${nonce}">const d = ${data}; if (window.opener) { window.opener.postMessage(d.message, d.origin); window.close(); }</script>
</body></html>`;
}

/** What the popup shows a person when the sign-in did not complete: the reason, and what to do (no script). */
function failurePage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in did not complete</title></head><body>
<h1>Sign-in did not complete</h1>
<p role="alert">${escapeHtml(message)}</p>
<p>Close this window and choose “Sign in” on the RSVP form again.</p>
</body></html>`;
}

function attendeeAuth(auth: AttendeeAuth | undefined): AttendeeAuth {
  if (auth === undefined) throw new ApiError('not-found', 'Sign-in is not configured on this service (see docs/sign-in.md).');
  return auth;
}

export function registerAttendeeAuthRoutes(app: App, table: RouteEntry[], auth: AttendeeAuth | undefined): void {
  register(app, table, login, 'public', async (c) => {
    const { origin } = c.req.valid('query');
    let parsed: string;
    try {
      parsed = new URL(origin).origin;
    } catch {
      throw new ApiError('invalid', 'origin must be the address of the page with the form, e.g. https://www.example.edu.', { issues: [{ path: 'query.origin', message: 'not an origin' }] });
    }
    const url = await attendeeAuth(auth).begin(c, parsed);
    c.header('Cache-Control', 'no-store');
    return c.redirect(url, 302);
  });
  register(app, table, callback, 'public', async (c) => {
    c.header('Cache-Control', 'no-store');
    let signedIn: Awaited<ReturnType<AttendeeAuth['finish']>>;
    try {
      signedIn = await attendeeAuth(auth).finish(c);
    } catch (error) {
      // The person is looking at the popup: an answer for them, not for a program.
      if (!(error instanceof ApiError) || error.code !== 'sign-in-failed') throw error;
      c.header('Content-Security-Policy', "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      return c.html(failurePage(error.message), 400);
    }
    const { token, attendee, origin } = signedIn;
    const nonce = randomBytes(16).toString('base64');
    c.header('Content-Security-Policy', `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    const person = { name: attendee.name, email: attendee.email, ...attendee.facts, expiresAt: attendee.expiresAt.toISOString() };
    return c.html(page(nonce, origin, { type: ATTENDEE_MESSAGE, token, person }, attendee.name ?? attendee.email ?? 'you'), 200);
  });
}
