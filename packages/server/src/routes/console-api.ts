/**
 * The organizer console's API: the sessions overview, walk-ins, moving and promoting people, check-in at the
 * door (idempotent by the phone's clientId, for an offline queue), a message to a session's people, the draw of
 * an allocation at close, and the audit log. Organizers act on their own programs' workshops; the overview and
 * the audit log are open to any staff member and answer with the caller's programs only.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { organizerOfPathWorkshop, organizerOfRegistration, workshopsOfPrograms } from '../auth/scopes.js';
import { ApiError } from '../errors.js';
import type { App, Env, RouteEntry } from '../http/context.js';
import { pickErrors } from '../http/schemas.js';
import { StaffActions } from '../rsvp/staff-actions.js';
import { RegistrationRowSchema, toCsv } from './admin.js';
import { register } from './register.js';

const json = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const ok = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const OccurrenceParams = z.object({
  workshopId: z.string().min(1).max(200).openapi({ param: { name: 'workshopId', in: 'path' }, example: 'aligning-expectations' }),
  occurrenceId: z.string().min(1).max(300).openapi({ param: { name: 'occurrenceId', in: 'path' }, example: 'ae-spring@2026-03-12T15:00' }),
});
const RegistrationParams = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
const RegistrationAnswer = z.object({ registration: RegistrationRowSchema });

const OccurrenceOverviewSchema = z
  .object({
    workshopId: z.string(),
    occurrenceId: z.string(),
    title: z.string(),
    programs: z.array(z.string()),
    start: z.string(),
    end: z.string(),
    timeZone: z.string(),
    timeUnknown: z.boolean().openapi({ description: 'The catalog gives the date only: `start` is a placeholder, not a time to show.' }),
    status: z.string().openapi({ description: 'The session’s status in the catalog: scheduled, cancelled, postponed, rescheduled, moved-online.' }),
    capacity: z.number().int().nullable(),
    counts: z.object({ confirmed: z.number().int(), offered: z.number().int(), waitlisted: z.number().int(), requested: z.number().int(), checkedIn: z.number().int() }),
    window: z.object({
      state: z.string().openapi({ description: 'not-yet-open, open, full, closed; none when the session takes no RSVPs.' }),
      opensAt: z.string().nullable(),
      closesAt: z.string().nullable(),
    }),
    allocation: z.string().openapi({ description: 'first-come, at-close (in request order), lottery (at close), or none.' }),
    drawRecorded: z.boolean(),
  })
  .openapi('OccurrenceOverview');

const occurrences = createRoute({
  method: 'get',
  path: '/admin/occurrences',
  summary: 'Sessions with their seats, check-ins and RSVP window (the console’s start page)',
  description: 'Any staff member; the answer holds the sessions of the caller’s programs (all of them for an admin). Upcoming sessions (not yet ended) soonest first; past ones most recent first.',
  tags: ['Console'],
  request: { query: z.object({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming') }) },
  responses: { 200: ok(z.object({ now: z.string(), occurrences: z.array(OccurrenceOverviewSchema) }), 'The sessions.'), ...pickErrors(401, 403, 422) },
});

const walkIn = createRoute({
  method: 'post',
  path: '/admin/occurrences/{workshopId}/{occurrenceId}/walk-ins',
  summary: 'Let in a person who has no place: confirmed (code walk-in, even over capacity) and checked in',
  tags: ['Console'],
  request: {
    params: OccurrenceParams,
    body: json(
      z.object({
        name: z.string().trim().min(1).max(200),
        email: z.string().trim().max(254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address such as name@example.edu').optional(),
        checkIn: z.boolean().default(true),
      }),
    ),
  },
  responses: { 201: ok(RegistrationAnswer, 'Let in.'), ...pickErrors(401, 403, 404, 409, 415, 422, 503) },
});

const move = createRoute({
  method: 'post',
  path: '/admin/registrations/{id}/move',
  summary: 'Move a person to another session of the same workshop',
  description: 'Confirmed there if a seat is free, else on its waiting list (refused when that is full too); the old seat goes to the waiting list. The answer is the new registration (the old one is cancelled with code moved).',
  tags: ['Console'],
  request: { params: RegistrationParams, body: json(z.object({ occurrenceId: z.string().min(1).max(300) })) },
  responses: { 200: ok(RegistrationAnswer, 'Moved.'), ...pickErrors(401, 403, 404, 409, 415, 422, 503) },
});

const promote = createRoute({
  method: 'post',
  path: '/admin/registrations/{id}/promote',
  summary: 'Confirm a person on the waiting list (or offered a seat) now, even over capacity',
  tags: ['Console'],
  request: { params: RegistrationParams },
  responses: { 200: ok(RegistrationAnswer, 'Confirmed.'), ...pickErrors(401, 403, 404, 409, 503) },
});

const checkIn = createRoute({
  method: 'post',
  path: '/admin/registrations/{id}/check-in',
  summary: 'Mark a confirmed person present (or not); the same clientId again is a replay that changes nothing',
  description: 'The state follows the mark with the latest `at`, so a phone’s offline queue sent late does not undo a later correction.',
  tags: ['Console'],
  request: {
    params: RegistrationParams,
    body: json(
      z.object({
        present: z.boolean(),
        clientId: z.uuid().openapi({ description: 'Made by the phone for this check-in, kept in its queue.' }),
        at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When staff marked it, by the sender’s clock (default: when it arrives).' }),
        ageMs: z.number().int().min(0).max(90 * 86_400_000).optional().openapi({ description: 'How long ago staff marked it, by the sender’s own clock, when sent (wins over `at`): a phone whose clock is off still records the right moment.' }),
      }),
    ),
  },
  responses: {
    200: ok(z.object({ registrationId: z.string(), checkedInAt: z.string().nullable(), replay: z.boolean() }).openapi('CheckInResult'), 'Recorded (or already recorded).'),
    ...pickErrors(401, 403, 404, 409, 415, 422, 503),
  },
});

const message = createRoute({
  method: 'post',
  path: '/admin/occurrences/{workshopId}/{occurrenceId}/messages',
  summary: 'Write to the people of one session with the given statuses (through the outbox)',
  tags: ['Console'],
  request: {
    params: OccurrenceParams,
    body: json(
      z.object({
        subject: z.string().trim().min(1).max(200),
        text: z.string().trim().min(1).max(10_000),
        statuses: z.array(z.enum(['confirmed', 'waitlisted', 'offered'])).min(1).max(3),
      }),
    ),
  },
  responses: { 200: ok(z.object({ queued: z.number().int() }), 'Messages written to the outbox (people with no e-mail get none).'), ...pickErrors(401, 403, 404, 415, 422, 503) },
});

const DrawSchema = z
  .object({
    workshopId: z.string(),
    occurrenceId: z.string(),
    seed: z.string(),
    decidedAt: z.string(),
    capacity: z.number().int().nullable(),
    method: z.string().openapi({ description: 'lottery, or time (request order within each tier).' }),
    reproduced: z.boolean().openapi({ description: 'Re-run now with core from the recorded input: gives the recorded order.' }),
    entries: z.array(
      z.object({
        registrationId: z.string(),
        name: z.string().nullable(),
        tierId: z.string().nullable(),
        tierIndex: z.number().int(),
        order: z.number().int().nullable(),
        outcome: z.string(),
        code: z.string(),
        reserved: z.boolean(),
        seat: z.number().int().nullable(),
        position: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('Draw');

const draw = createRoute({
  method: 'get',
  path: '/admin/occurrences/{workshopId}/{occurrenceId}/draw',
  summary: 'The recorded draw of an allocation at close, re-run with core to check it',
  tags: ['Console'],
  request: { params: OccurrenceParams },
  responses: { 200: ok(DrawSchema, 'The draw, in its order.'), ...pickErrors(401, 403, 404) },
});

const AUDIT_COLUMNS = ['id', 'at', 'actor', 'action', 'subject', 'detail'] as const;

const audit = createRoute({
  method: 'get',
  path: '/admin/audit',
  summary: 'The audit log, newest first (JSON or CSV)',
  description: 'Any staff member: admins see every entry, organizers the entries about their programs’ workshops. Page with `before` (the last id seen).',
  tags: ['Console'],
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      before: z.coerce.number().int().min(1).optional(),
      format: z.enum(['json', 'csv']).default('json'),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ entries: z.array(z.object({ id: z.number().int(), at: z.string(), actor: z.string(), action: z.string(), subject: z.string().nullable(), detail: z.record(z.string(), z.unknown()).nullable() })) }) },
        'text/csv': { schema: z.string() },
      },
      description: 'Entries.',
    },
    ...pickErrors(401, 403, 422),
  },
});

function actions(c: Context<Env>): StaffActions {
  const s = c.var.services;
  return new StaffActions({ db: s.database.db, catalogs: s.catalogs, clock: s.clock, rsvps: s.rsvps });
}

/** A registration as the registrations listing gives it (waiting-list position included). */
async function registrationRow(c: Context<Env>, workshopId: string, occurrenceId: string, registrationId: string) {
  const rows = await c.var.services.rsvps.listRegistrations({ workshopId, occurrenceId });
  const row = rows.find((r) => r.registrationId === registrationId);
  if (row === undefined) throw new ApiError('not-found', `There is no registration ${JSON.stringify(registrationId)}.`);
  return row;
}

export function registerConsoleRoutes(app: App, table: RouteEntry[]): void {
  register(app, table, occurrences, 'staff', async (c) => {
    const workshops = workshopsOfPrograms(c, c.var.principal.roles);
    return c.json(await actions(c).occurrences(workshops, c.req.valid('query').when), 200);
  });

  register(app, table, walkIn, organizerOfPathWorkshop('workshopId'), async (c) => {
    const { workshopId, occurrenceId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { registrationId } = await actions(c).walkIn(workshopId, occurrenceId, { name: body.name, email: body.email, checkIn: body.checkIn }, c.var.actor);
    return c.json({ registration: await registrationRow(c, workshopId, occurrenceId, registrationId) }, 201);
  });

  register(app, table, move, organizerOfRegistration('id'), async (c) => {
    const moved = await actions(c).move(c.req.valid('param').id, c.req.valid('json').occurrenceId, c.var.actor);
    return c.json({ registration: await registrationRow(c, moved.workshopId, moved.occurrenceId, moved.registrationId) }, 200);
  });

  register(app, table, promote, organizerOfRegistration('id'), async (c) => {
    const promoted = await actions(c).promote(c.req.valid('param').id, c.var.actor);
    return c.json({ registration: await registrationRow(c, promoted.workshopId, promoted.occurrenceId, promoted.registrationId) }, 200);
  });

  register(app, table, checkIn, organizerOfRegistration('id'), async (c) => c.json(await actions(c).checkIn(c.req.valid('param').id, c.req.valid('json'), c.var.actor), 200));

  register(app, table, message, organizerOfPathWorkshop('workshopId'), async (c) => {
    const { workshopId, occurrenceId } = c.req.valid('param');
    return c.json(await actions(c).message(workshopId, occurrenceId, c.req.valid('json'), c.var.actor), 200);
  });

  register(app, table, draw, organizerOfPathWorkshop('workshopId'), async (c) => {
    const { workshopId, occurrenceId } = c.req.valid('param');
    return c.json(await actions(c).draw(workshopId, occurrenceId, c.var.actor), 200);
  });

  register(app, table, audit, 'staff', async (c) => {
    const { limit, before, format } = c.req.valid('query');
    const roles = c.var.principal.roles;
    const staff = actions(c);
    const entries = await staff.audit(roles.admin ? null : workshopsOfPrograms(c, roles), { limit, before });
    if (format === 'csv') {
      await staff.recordRead(c.var.actor, 'audit.export', undefined, { entries: entries.length });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="audit.csv"');
      return c.body(toCsv(entries as unknown as Record<string, unknown>[], AUDIT_COLUMNS), 200);
    }
    return c.json({ entries }, 200);
  });
}

