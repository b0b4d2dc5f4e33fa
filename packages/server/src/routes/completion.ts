/**
 * Series completion and Open Badges 3.0 credentials for a program's organizers: who attended enough of the
 * program's held sessions (JSON or CSV), one completer's signed OpenBadgeCredential, and the public
 * verification key the credentials' proofs point at.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { completionReport, personCompletion } from '../console/completion.js';
import { credentialFor, verificationKey } from '../console/credentials.js';
import { auditLog } from '../db/schema.js';
import type { App, Env, ProgramAccess, RouteEntry } from '../http/context.js';
import { pickErrors } from '../http/schemas.js';
import { toCsv } from './admin.js';
import { register } from './register.js';

/** Organizers of the program named in the path. */
const organizerOfProgram: ProgramAccess = { role: 'organizer', scope: 'program', programs: (c) => [c.req.param('programId') ?? ''].filter(Boolean) };

const ProgramParam = z.string().min(1).max(200).openapi({ param: { name: 'programId', in: 'path' }, example: 'mentoring-up' });

const PersonCompletionSchema = z
  .object({
    personKey: z.string().openapi({ description: 'The person’s stable key (a keyed hash of their e-mail).' }),
    name: z.string().nullable().openapi({ description: 'Null once their data was purged or erased.' }),
    email: z.string().nullable(),
    attended: z.number().int().openapi({ description: 'Held sessions they were checked in at.' }),
    of: z.number().int().openapi({ description: 'Held sessions of the program.' }),
    share: z.number().openapi({ description: 'attended / of (0 before any session was held).' }),
    completed: z.boolean(),
    lastAttendedAt: z.string().nullable().openapi({ description: 'Start of the last session they attended (ISO).' }),
  })
  .openapi('PersonCompletion');

const CompletionSchema = z
  .object({
    programId: z.string(),
    requiredShare: z.number().openapi({ description: 'The catalog’s programs[].completion.attendance.' }),
    sessions: z.array(z.object({ workshopId: z.string(), occurrenceId: z.string(), start: z.string() })).openapi({ description: 'Held sessions: started, not cancelled or postponed, in start order.' }),
    people: z.array(PersonCompletionSchema).openapi({ description: 'Everyone with a place or a check-in in the program, most attended first.' }),
  })
  .openapi('Completion');

const ProgramSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    catalogId: z.string(),
    completion: z.number().nullable().openapi({ description: 'The share of held sessions that completes the program (`completion.attendance`), or null when the catalog does not say.' }),
  })
  .openapi('ProgramSummary');

const programs = createRoute({
  method: 'get',
  path: '/admin/programs',
  summary: 'The programs the caller runs (all for an admin), with their titles, in title order',
  tags: ['Console'],
  responses: {
    200: { content: { 'application/json': { schema: z.object({ programs: z.array(ProgramSummarySchema) }) } }, description: 'The programs.' },
    ...pickErrors(401),
  },
});

const CSV_COLUMNS = ['personKey', 'name', 'email', 'attended', 'of', 'share', 'completed', 'lastAttendedAt'] as const;

const completion = createRoute({
  method: 'get',
  path: '/admin/programs/{programId}/completion',
  summary: 'Who completed a program by attendance, as JSON or CSV (format=csv or Accept: text/csv)',
  description: 'A person completed when the share of the program’s held sessions they were checked in at reaches the catalog’s `completion.attendance`. Every read is written to the audit log.',
  tags: ['Console'],
  request: { params: z.object({ programId: ProgramParam }), query: z.object({ format: z.enum(['json', 'csv']).optional() }) },
  responses: {
    200: { content: { 'application/json': { schema: CompletionSchema }, 'text/csv': { schema: z.string() } }, description: 'The program’s completion.' },
    ...pickErrors(401, 403, 404, 422),
  },
});

const CredentialSchema = z.record(z.string(), z.unknown()).openapi('OpenBadgeCredential', { description: 'An Open Badges 3.0 OpenBadgeCredential (W3C Verifiable Credential 2.0) with a DataIntegrityProof (eddsa-jcs-2022).' });

const credential = createRoute({
  method: 'get',
  path: '/admin/programs/{programId}/credentials/{personKey}',
  summary: 'A signed Open Badges 3.0 credential for a person who completed the program',
  tags: ['Console'],
  request: { params: z.object({ programId: ProgramParam, personKey: z.string().min(1).max(200).openapi({ param: { name: 'personKey', in: 'path' } }) }) },
  responses: {
    200: { content: { 'application/ld+json': { schema: CredentialSchema } }, description: 'The credential (JSON-LD).' },
    ...pickErrors(401, 403, 404, 409, 422),
  },
});

const key = createRoute({
  method: 'get',
  path: '/credentials/keys/{id}',
  summary: 'The public key that verifies the credentials’ proofs (a Multikey verification method)',
  tags: ['Credentials'],
  request: { params: z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi('Multikey') } }, description: 'The verification method.' },
    ...pickErrors(404),
  },
});

/** Where links in answers point: the configured public URL, else the request's origin. */
function baseUrl(c: Context<Env>): string {
  return (c.var.services.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

export function registerCompletionRoutes(app: App, table: RouteEntry[]): void {
  register(app, table, programs, 'staff', (c) => {
    const { admin, programs: organized } = c.var.principal.roles;
    const list = c.var.services.catalogs.current.catalogs.flatMap(({ catalog }) =>
      catalog.programs.filter((p) => admin || organized.includes(p.id)).map((p) => ({ id: p.id, title: p.title, catalogId: catalog.id, completion: p.completion?.attendance ?? null })),
    );
    return c.json({ programs: list.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id)) }, 200);
  });

  register(app, table, completion, organizerOfProgram, async (c) => {
    const { programId } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const { database, catalogs, clock } = c.var.services;
    const report = await completionReport(database.db, catalogs.current, programId, clock);
    const csv = format === 'csv' || (format === undefined && (c.req.header('accept') ?? '').includes('text/csv'));
    await database.db.insert(auditLog).values({ at: clock(), actor: c.var.actor, action: csv ? 'completion.export' : 'completion.read', subject: programId, detail: { format: csv ? 'csv' : 'json', people: report.people.length, sessions: report.sessions.length } });
    if (csv) {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="completion-${programId.replace(/[^A-Za-z0-9_-]/g, '_')}.csv"`);
      return c.body(toCsv(report.people as unknown as Record<string, unknown>[], CSV_COLUMNS), 200);
    }
    return c.json(report, 200);
  });

  register(app, table, credential, organizerOfProgram, async (c) => {
    const { programId, personKey } = c.req.valid('param');
    const { database, catalogs, clock } = c.var.services;
    const person = await personCompletion(database.db, catalogs.current, programId, personKey, clock);
    const issued = await credentialFor({ db: database.db, snapshot: catalogs.current, programId, person, now: clock(), baseUrl: baseUrl(c) });
    await database.db.insert(auditLog).values({ at: clock(), actor: c.var.actor, action: 'credential.issue', subject: programId, detail: { personKey, credential: issued.id } });
    return c.json(issued, 200, { 'Content-Type': 'application/ld+json; charset=utf-8' });
  });

  register(app, table, key, 'public', async (c) => {
    const document = await verificationKey(c.var.services.database.db, c.req.valid('param').id, baseUrl(c));
    // Verifiers fetch it for every credential they check; the key changes only when rotated.
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(document, 200);
  });
}
