/**
 * The console's actions racing on a real PostgreSQL with two server instances: the same check-in sent several
 * times at once is applied once; the same walk-in twice at once is let in once; two people moved into one free
 * seat at once get one seat and one waiting-list place.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type MentorkitServer } from '../src/app.js';
import { openDatabase } from '../src/db/database.js';
import { auditLog, checkIns } from '../src/db/schema.js';
import { silentLogger } from '../src/http/logger.js';
import { createToken } from '../src/tokens.js';
import { postJson, rsvpBody, steppedClock, writeCatalog } from './fixtures.js';
import { usePostgres } from './postgres.js';

const postgres = usePostgres();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const MANY = ['many-s@2026-03-10T10:00', 'many-s@2026-03-11T10:00'];
const body = (occurrenceId: string) => rsvpBody({ workshopId: 'many', occurrenceId }, { role: undefined as never, field: undefined as never });

async function twoInstances() {
  const url = await postgres().createDatabase();
  const catalog = writeCatalog({ many: 2, manyCapacity: 1 });
  const clock = steppedClock();
  const servers: MentorkitServer[] = [];
  for (let i = 0; i < 2; i++) {
    const database = await openDatabase({ url, poolSize: 4 });
    const server = await createServer({ catalogs: [catalog], clock, database, logger: silentLogger, rateLimit: false });
    cleanups.push(async () => {
      await server.close();
      await database.close();
    });
    servers.push(server);
  }
  const db = servers[0]!.services.database.db;
  const { token } = await createToken(db, 'admin', 'tests');
  const post = async (i: number, path: string, payload: unknown) => {
    const res = await servers[i % 2]!.request(path, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const list = async (occurrenceId: string) => {
    const res = await servers[0]!.request(`/admin/registrations?workshop=many&occurrence=${encodeURIComponent(occurrenceId)}`, { headers: { Authorization: `Bearer ${token}` } });
    return ((await res.json()) as { registrations: { registrationId: string; status: string; name: string }[] }).registrations;
  };
  return { servers, db, post, list };
}

describe('console actions on PostgreSQL, two instances', () => {
  it('apply one check-in sent six times at once exactly once', async () => {
    const { servers, db, post, list } = await twoInstances();
    expect((await servers[0]!.request('/rsvps', postJson(body(MANY[0]!)))).status).toBe(201);
    const [person] = await list(MANY[0]!);
    const clientId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => post(i, `/admin/registrations/${person!.registrationId}/check-in`, { present: true, clientId })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.body.replay === false)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.checkedInAt)).size).toBe(1);
    expect(await db.select().from(checkIns).where(eq(checkIns.clientId, clientId))).toHaveLength(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'registration.check-in'))).toHaveLength(1);
  });

  it('let the same walk-in in once when two phones send it at once, and give one free seat to one of two people moved at once', async () => {
    const { servers, post, list } = await twoInstances();
    const walkIns = await Promise.all([0, 1].map((i) => post(i, `/admin/occurrences/many/${encodeURIComponent(MANY[1]!)}/walk-ins`, { name: 'Same Person', email: 'same.person@example.edu' })));
    expect(walkIns.map((w) => w.status).sort()).toEqual([201, 422]);
    expect(walkIns.find((w) => w.status === 422)!.body).toMatchObject({ error: { code: 'duplicate' } });

    // The walk-in holds the second session's one seat: two people wait there, and both are moved at once to the
    // first session, which has one free seat.
    for (let i = 0; i < 2; i++) expect((await servers[i]!.request('/rsvps', postJson(body(MANY[1]!)))).status).toBe(201);
    const waiting = (await list(MANY[1]!)).filter((r) => r.status === 'waitlisted');
    expect(waiting).toHaveLength(2);
    const moves = await Promise.all(waiting.map((r, i) => post(i, `/admin/registrations/${r.registrationId}/move`, { occurrenceId: MANY[0] })));
    expect(moves.map((m) => m.status)).toEqual([200, 200]);
    expect(moves.map((m) => (m.body.registration as { status: string }).status).sort()).toEqual(['confirmed', 'waitlisted']);
    expect((await list(MANY[0]!)).map((r) => r.status)).toEqual(['confirmed', 'waitlisted']);
    expect((await list(MANY[1]!)).map((r) => r.status)).toEqual(['confirmed', 'cancelled', 'cancelled']);
  });
});
