/** `POST /rsvps` and `GET /rsvps/status`: the contract `<mk-rsvp-form endpoint="…/rsvps">` speaks. */
import { createRoute, z } from '@hono/zod-openapi';
import type { AttendeeAuth } from '../auth/attendee.js';
import { withAttendee } from '../auth/attendee-rsvp.js';
import { ApiError } from '../errors.js';
import type { App, RouteEntry } from '../http/context.js';
import { pickErrors } from '../http/schemas.js';
import { RsvpBodySchema } from '../rsvp/payload.js';
import { register } from './register.js';

const SessionOutcomeSchema = z.object({
  occurrenceId: z.string(),
  status: z.enum(['confirmed', 'waitlisted', 'requested', 'offered', 'declined']),
  position: z.number().int().optional(),
  message: z.string(),
});

export const RsvpCreatedSchema = z
  .object({
    status: z.enum(['confirmed', 'waitlisted', 'requested', 'offered']).openapi({ description: 'requested: places are allocated when RSVP closes (by tier, then time or lottery).' }),
    registrationId: z.string(),
    position: z.number().int().positive().optional().openapi({ description: 'Place on the waiting list.' }),
    manageUrl: z.string().url().openapi({ description: 'The person’s private page to see and cancel this RSVP. The token is in the fragment, so it never reaches a server log.' }),
    message: z.string(),
    notification: z.enum(['queued', 'none']).openapi({ description: 'Whether a message to the person was queued.' }),
    sessions: z.array(SessionOutcomeSchema).optional().openapi({ description: 'Series registration: the outcome in each session.' }),
  })
  .openapi('RsvpCreated', {
    example: { status: 'confirmed', registrationId: '0b6c…', manageUrl: 'https://rsvp.example.edu/manage#…', message: 'Your place is confirmed.', notification: 'none' },
  });

const IdempotencyHeaders = z.object({
  authorization: z.string().max(4000).optional().openapi({ description: '`Bearer <attendee token>` from attendee sign-in (`/auth/attendee/login`): under a policy with `signIn`, the person and the facts the rules read come from it.' }),
  'idempotency-key': z
    .string()
    .optional()
    .openapi({ description: 'Required: 8 to 200 letters, digits, `-`, `_`, `.` or `:`. The same key with the same body returns the same answer; with another body, 422.', example: '5f0c2a4e-1b7d-4a1e-9a53-5d3c2f0d6b11' }),
});

const createRsvp = createRoute({
  method: 'post',
  path: '/rsvps',
  summary: 'RSVP to a session',
  description: 'Decides with core’s rules: eligibility, priority tier, the window for that tier, capacity, reserved seats and the waiting list, in one transaction under the session’s lock.',
  tags: ['RSVP'],
  request: { headers: IdempotencyHeaders, body: { required: true, content: { 'application/json': { schema: RsvpBodySchema } } } },
  responses: {
    201: { content: { 'application/json': { schema: RsvpCreatedSchema } }, description: 'Recorded: confirmed, waitlisted, or requested (allocated at close).' },
    ...pickErrors(400, 401, 409, 413, 415, 422, 429, 503),
  },
});

export const OccurrenceStatusSchema = z
  .object({
    workshopId: z.string(),
    occurrenceId: z.string(),
    capacity: z.number().int().optional().openapi({ description: 'Seats; absent means unlimited.' }),
    confirmed: z.number().int(),
    offered: z.number().int().openapi({ description: 'Seats offered from the waiting list, not yet accepted.' }),
    waitlisted: z.number().int().openapi({ description: 'Length of the waiting list.' }),
    requested: z.number().int().openapi({ description: 'Requests waiting for allocation at close.' }),
    seatsKnown: z.literal(true),
    window: z.object({ state: z.enum(['not-yet-open', 'open', 'full', 'closed']), opensAt: z.string().optional(), closesAt: z.string().optional(), closedAt: z.string().optional(), seatsLeft: z.number().optional(), waitlistOpen: z.boolean().optional() }),
    opensAt: z.string().optional(),
    closesAt: z.string(),
    tierOpens: z.record(z.string(), z.string()).openapi({ description: 'Per priority tier: when RSVP opens for it.' }),
    allocation: z.enum(['first-come', 'at-close']),
    signIn: z.enum(['required', 'optional']).optional().openapi({ description: 'The policy asks people to sign in (`/auth/attendee/login`) and sends the token with the RSVP.' }),
    selfReported: z.array(z.string()).optional().openapi({ description: 'With signIn: the fields a signed-in person may still fill in.' }),
  })
  .openapi('OccurrenceStatus');

const status = createRoute({
  method: 'get',
  path: '/rsvps/status',
  summary: 'Seats and window of one session',
  tags: ['RSVP'],
  request: {
    query: z.object({
      workshop: z.string().min(1).max(200).openapi({ example: 'mu-aligning-expectations' }),
      occurrence: z.string().min(1).max(300).openapi({ example: 'mu-aligning-expectations-s1@2022-10-12T12:00' }),
    }),
  },
  responses: { 200: { content: { 'application/json': { schema: OccurrenceStatusSchema } }, description: 'Live counts.' }, ...pickErrors(404, 422, 503) },
});

const KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

export function registerRsvpRoutes(app: App, table: RouteEntry[], attendees?: AttendeeAuth): void {
  register(app, table, createRsvp, 'public', async (c) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || key === '') throw new ApiError('idempotency-key-required', 'Send an Idempotency-Key header (a new random value for each RSVP).', { issues: [{ path: 'header.idempotency-key', message: 'required' }] });
    if (!KEY.test(key)) throw new ApiError('bad-request', 'The Idempotency-Key must be 8 to 200 letters, digits, -, _, . or :.', { issues: [{ path: 'header.idempotency-key', message: 'malformed' }] });
    const services = c.var.services;
    const base = services.publicUrl ?? new URL(c.req.url).origin;
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer !== undefined && attendees === undefined) throw new ApiError('unauthorized', 'This service has no sign-in, so it takes no attendee token: send the RSVP without one.');
    const attendee = bearer === undefined ? undefined : await attendees!.verify(bearer);
    const body = c.req.valid('json');
    const policy = services.catalogs.current.workshops.get(body.workshopId)?.policy;
    const created = await services.rsvps.register(withAttendee(body, policy, attendee), { idempotencyKey: key, manageBase: `${base.replace(/\/+$/, '')}/manage` });
    return c.json(created, 201);
  });
  register(app, table, status, 'public', async (c) => {
    const { workshop, occurrence } = c.req.valid('query');
    const policy = c.var.services.catalogs.current.workshops.get(workshop)?.policy;
    const signIn = policy?.signIn === undefined ? {} : { signIn: policy.signIn, selfReported: policy.selfReported ?? [] };
    return c.json({ ...(await c.var.services.rsvps.status(workshop, occurrence)), ...signIn }, 200);
  });
}
