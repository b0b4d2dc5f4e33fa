/**
 * Fuzzing every route with fast-check: 10,000+ malformed requests. Each must get a 4xx with a JSON error
 * body (never a 500), and none may store anything.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { idempotencyKeys, registrations, submissions } from '../src/db/schema.js';
import { FIRST } from './fixtures.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ capacity: 5 });
});
afterAll(() => h?.server.close());

const valid = () => ({
  ...FIRST,
  person: { name: 'Fuzz Person', email: 'fuzz@example.edu', role: 'postdoc', field: 'chemistry' },
  answers: {},
  website: '',
  elapsedMs: 30_000,
  locale: 'en',
});

const junk = fc.oneof(fc.anything({ maxDepth: 3 }), fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null), fc.constant({}), fc.constant([]));

/** A valid body with at least one thing wrong, so that nothing may be stored. */
const brokenBody = fc.oneof(
  // A field replaced by junk (or removed).
  fc.record({ field: fc.constantFrom('workshopId', 'occurrenceId', 'person', 'answers', 'elapsedMs', 'locale', 'website', 'sessionIds'), value: fc.oneof(junk, fc.constant(undefined)) }).map(({ field, value }) => {
    const body: Record<string, unknown> = valid();
    body[field] = value;
    // Some replacements leave the body valid (a harmless locale, `answers: {}`, a long elapsedMs): the
    // honeypot keeps every case wrong. Schema validation runs first, so junk still reaches the parser.
    body.website = 'filled by a bot';
    return body;
  }),
  // A person field replaced by junk, with the honeypot or fill time wrong too when junk happens to be valid.
  fc.record({ field: fc.constantFrom('name', 'email', 'role', 'field', 'department', 'institution', 'extra'), value: junk, elapsed: fc.integer({ min: -5, max: 1_999 }) }).map(({ field, value, elapsed }) => {
    const body = valid() as Record<string, unknown> & { person: Record<string, unknown> };
    body.person = { ...body.person, [field]: value };
    body.elapsedMs = elapsed;
    return body;
  }),
  // Extra keys at the top level.
  fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !(k in valid())), junk, { minKeys: 1, maxKeys: 3 }).map((extra) => ({ ...valid(), ...extra })),
  // Whatever at all.
  junk,
);

const textBody = fc.oneof(
  brokenBody.map((b) => JSON.stringify(b) ?? 'undefined'),
  fc.string({ maxLength: 500 }),
  fc.constantFrom('{', '{"workshopId":', '[1,2', 'null', '"x"', '\u0000', '{"a":1}}', '%7B%7D'),
);

const postRoutes = ['/rsvps', '/manage/registration', '/manage/cancel', '/manage/accept', '/admin/people/export', '/admin/people/erase', '/admin/registrations/x/cancel', '/admin/work', '/admin/purge'];
const getPaths = fc.oneof(
  fc.record({ w: fc.string({ maxLength: 40 }), o: fc.string({ maxLength: 60 }) }).map(({ w, o }) => `/rsvps/status?workshop=${encodeURIComponent(w)}&occurrence=${encodeURIComponent(o)}`),
  fc.string({ maxLength: 60 }).map((q) => `/rsvps/status?${q.replace(/#/g, '')}`),
  fc.constantFrom('/admin/registrations', '/admin/registrations?format=xml', '/feeds/%E0%A4%A/feed.json', '/feeds/nope/feed.json', '/rsvps', '/manage/nothing', '/%', '/admin'),
  fc.webPath().map((p) => p || '/x'),
);

const request = fc.oneof(
  { weight: 6, arbitrary: fc.record({ path: fc.constantFrom(...postRoutes), body: textBody, type: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'), key: fc.oneof(fc.uuid(), fc.string({ maxLength: 250 }), fc.constant(undefined)), auth: fc.constantFrom(undefined, 'Bearer nope-nope-nope-nope-nope-nope', 'Bearer ', 'Basic x') }) },
  { weight: 2, arbitrary: fc.record({ path: getPaths, method: fc.constantFrom('GET', 'DELETE', 'PUT', 'PATCH') }) },
);

describe('fuzzing every route', () => {
  it('answers 10,000 malformed requests with a 4xx and a JSON error, storing nothing', async () => {
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        seen++;
        let res: Response;
        if ('body' in r) {
          const headers: Record<string, string> = { 'Content-Type': r.type };
          if (r.key !== undefined) headers['Idempotency-Key'] = r.key.replace(/[^\x20-\x7e]/g, '');
          if (r.auth !== undefined) headers.Authorization = r.auth;
          res = await h.server.request(r.path, { method: 'POST', headers, body: r.body });
        } else {
          res = await h.server.request(r.path, { method: r.method });
        }
        expect(res.status, `${'body' in r ? 'POST' : r.method} ${r.path} → ${res.status}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
        expect(typeof body.error?.code).toBe('string');
        expect(typeof body.error?.message).toBe('string');
      }),
      { numRuns: 10_000 },
    );
    expect(seen).toBeGreaterThanOrEqual(10_000);
    const { db } = h.server.services.database;
    for (const table of [submissions, registrations, idempotencyKeys]) expect((await db.select({ n: count() }).from(table))[0]!.n).toBe(0);
    // The body every case above breaks is itself accepted: the refusals came from the breakage.
    expect((await h.post('/rsvps', valid())).status).toBe(201);
    expect((await db.select({ n: count() }).from(registrations))[0]!.n).toBe(1);
  });
});
