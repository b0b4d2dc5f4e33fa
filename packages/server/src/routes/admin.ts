/** The admin API: registrations as JSON or CSV, cancel, run timed work, purge, and one person's export and erasure. */
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteEntry } from '../http/context.js';
import { pickErrors } from '../http/schemas.js';
import { organizerOfQueryWorkshop, organizerOfRegistration } from '../auth/scopes.js';
import { auditLog } from '../db/schema.js';
import { register } from './register.js';

export const RegistrationRowSchema = z
  .object({
    registrationId: z.string(),
    submissionId: z.string(),
    workshopId: z.string(),
    occurrenceId: z.string(),
    status: z.string(),
    code: z.string(),
    tierId: z.string().nullable(),
    position: z.number().int().nullable(),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
    offerExpiresAt: z.string().nullable(),
    checkedInAt: z.string().nullable().openapi({ description: 'When the person was checked in at the session (ISO); null when not (or no longer) checked in.' }),
    name: z.string().nullable(),
    email: z.string().nullable(),
    person: z.record(z.string(), z.string()).nullable(),
    answers: z.record(z.string(), z.unknown()).nullable(),
    locale: z.string(),
  })
  .openapi('RegistrationRow');

const list = createRoute({
  method: 'get',
  path: '/admin/registrations',
  summary: 'Registrations, as JSON or CSV (Accept: text/csv or format=csv)',
  description: 'Admins may list everything; an organizer names a workshop of a program they organize.',
  tags: ['Admin'],
  request: {
    query: z.object({
      workshop: z.string().max(200).optional(),
      occurrence: z.string().max(300).optional(),
      format: z.enum(['json', 'csv']).optional(),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ registrations: z.array(RegistrationRowSchema) }) }, 'text/csv': { schema: z.string() } }, description: 'In waiting-list order per session.' },
    ...pickErrors(401, 403, 422),
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/admin/registrations/{id}/cancel',
  summary: 'Cancel one registration (the seat goes to the waiting list)',
  tags: ['Admin'],
  request: { params: z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: { content: { 'application/json': { schema: z.object({ cancelled: z.number().int() }) } }, description: 'Cancelled.' }, ...pickErrors(401, 403, 409, 422, 503) },
});

const work = createRoute({
  method: 'post',
  path: '/admin/work',
  summary: 'Run due timed work now: allocation at close, reserved-seat release, offer expiry, retention purge',
  tags: ['Admin'],
  responses: { 200: { content: { 'application/json': { schema: z.object({ allocated: z.number(), released: z.number(), expired: z.number(), purged: z.number() }) } }, description: 'What was done.' }, ...pickErrors(401, 403, 503) },
});

const purge = createRoute({
  method: 'post',
  path: '/admin/purge',
  summary: 'Erase personal data past the retention period now',
  tags: ['Admin'],
  responses: { 200: { content: { 'application/json': { schema: z.object({ purged: z.number().int() }) } }, description: 'RSVPs whose personal data was erased.' }, ...pickErrors(401, 403, 503) },
});

const EmailBody = { required: true, content: { 'application/json': { schema: z.object({ email: z.string().min(3).max(254) }) } } };

const exportPerson = createRoute({
  method: 'post',
  path: '/admin/people/export',
  summary: 'Everything stored about one person (data-subject access)',
  description: 'The e-mail travels in the body, never in the URL.',
  tags: ['Admin'],
  request: { body: EmailBody },
  responses: { 200: { content: { 'application/json': { schema: z.object({ email: z.string(), submissions: z.array(z.record(z.string(), z.unknown())) }) } }, description: 'The person’s data.' }, ...pickErrors(401, 403, 415, 422) },
});

const erasePerson = createRoute({
  method: 'post',
  path: '/admin/people/erase',
  summary: 'Erase one person: cancel their places and remove their personal data',
  tags: ['Admin'],
  request: { body: EmailBody },
  responses: { 200: { content: { 'application/json': { schema: z.object({ submissions: z.number().int(), cancelled: z.number().int() }) } }, description: 'Erased.' }, ...pickErrors(401, 403, 415, 422, 503) },
});

const CSV_COLUMNS = ['registrationId', 'workshopId', 'occurrenceId', 'status', 'code', 'tierId', 'position', 'requestedAt', 'decidedAt', 'name', 'email', 'role', 'field', 'department', 'institution', 'checkedInAt'] as const;

/**
 * RFC 4180 CSV; a cell starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.
 * `columns` default to the registration export's; a column a row lacks is read from its `person`.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[] = CSV_COLUMNS): string {
  const cell = (value: unknown) => {
    let text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : value === null || value === undefined ? '' : JSON.stringify(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.join(',')];
  for (const row of rows) {
    const person = (row.person ?? {}) as Record<string, unknown>;
    lines.push(columns.map((c) => cell(c in row ? row[c] : person[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function registerAdminRoutes(app: App, table: RouteEntry[]): void {
  // Organizers see and change their own programs' registrations; everything else is for admins.
  register(app, table, list, organizerOfQueryWorkshop('workshop'), async (c) => {
    const { workshop, occurrence, format } = c.req.valid('query');
    const rows = await c.var.services.rsvps.listRegistrations({ workshopId: workshop, occurrenceId: occurrence });
    if (format === 'csv' || (format === undefined && (c.req.header('accept') ?? '').includes('text/csv'))) {
      // An export of personal data in bulk is recorded, with who took it.
      const subject = workshop === undefined ? null : occurrence === undefined ? workshop : `${workshop} ${occurrence}`;
      await c.var.services.database.db.insert(auditLog).values({ at: c.var.services.clock(), actor: c.var.actor, action: 'registrations.export', subject, detail: { rows: rows.length } });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="registrations.csv"');
      return c.body(toCsv(rows), 200);
    }
    return c.json({ registrations: rows }, 200);
  });
  register(app, table, cancel, organizerOfRegistration('id'), async (c) => c.json(await c.var.services.rsvps.adminCancel(c.req.valid('param').id, c.var.actor), 200));
  register(app, table, work, 'admin', async (c) => c.json(await c.var.services.rsvps.runDueWork(), 200));
  register(app, table, purge, 'admin', async (c) => c.json({ purged: await c.var.services.rsvps.purgeExpired(c.var.actor) }, 200));
  register(app, table, exportPerson, 'admin', async (c) => c.json(await c.var.services.rsvps.exportPerson(c.req.valid('json').email), 200));
  register(app, table, erasePerson, 'admin', async (c) => c.json(await c.var.services.rsvps.erasePerson(c.req.valid('json').email, c.var.actor), 200));
}
