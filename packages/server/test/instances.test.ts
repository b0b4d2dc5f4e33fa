/**
 * Several instances on one PostgreSQL: timed work (the draw at close, offer expiry) runs in every
 * instance at once and still happens exactly once; the service itself runs unchanged on PostgreSQL.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type MentorkitServer } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { allocations, auditLog, registrations } from '../src/db/schema.js';
import { silentLogger } from '../src/http/logger.js';
import { postJson, rsvpBody, steppedClock, writeCatalog } from './fixtures.js';
import { usePostgres } from './postgres.js';

const postgres = usePostgres();
const opened: { server: MentorkitServer; database: Database }[] = [];
afterAll(async () => {
  for (const { server, database } of opened) {
    await server.close();
    await database.close();
  }
});

const LOTTERY = { workshopId: 'lottery', occurrenceId: 'lottery-s@2026-03-20T12:00' };

async function instances(n: number, fixture: Parameters<typeof writeCatalog>[0]) {
  const url = await postgres().createDatabase();
  const catalog = writeCatalog(fixture);
  const clock = steppedClock();
  const made = [];
  for (let i = 0; i < n; i++) {
    const database = await openDatabase({ url, poolSize: 4 });
    const server = await createServer({ catalogs: [catalog], database, clock, logger: silentLogger, rateLimit: false });
    opened.push({ server, database });
    made.push(server);
  }
  return { servers: made, clock, db: made[0]!.services.database.db };
}

describe('two instances on one PostgreSQL', () => {
  it('draw at close exactly once, however many run the timed work at the same moment', async () => {
    const { servers, clock, db } = await instances(3, {});
    for (let i = 0; i < 12; i++) {
      const server = servers[i % servers.length]!;
      const res = await server.request('/rsvps', postJson(rsvpBody({ ...LOTTERY }, { role: undefined as never, field: undefined as never })));
      expect((await res.json()) as unknown).toMatchObject({ status: 'requested' });
    }
    clock.set(new Date('2026-03-18T16:00:00Z'));
    const done = await Promise.all(servers.flatMap((s) => [s.runDueWork(), s.runDueWork()]));
    expect(done.reduce((sum, d) => sum + d.allocated, 0)).toBe(12);
    expect((await db.select({ n: count() }).from(allocations))[0]!.n).toBe(1);
    expect((await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'allocation.run')))[0]!.n).toBe(1);
    const statuses = await db.select({ status: registrations.status }).from(registrations).where(eq(registrations.workshopId, 'lottery'));
    expect(statuses.filter((s) => s.status === 'confirmed')).toHaveLength(2);
    expect(statuses.filter((s) => s.status === 'waitlisted')).toHaveLength(10);
  });

  it('expire an offer and pass the seat on exactly once', async () => {
    const { servers, clock, db } = await instances(2, { capacity: 1, offer: 'PT1H' });
    const [a, b, c] = [servers[0]!, servers[1]!, servers[0]!];
    const first = (await (await a.request('/rsvps', postJson(rsvpBody()))).json()) as { manageUrl: string };
    await b.request('/rsvps', postJson(rsvpBody()));
    await c.request('/rsvps', postJson(rsvpBody()));
    await b.request('/manage/cancel', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: first.manageUrl.split('#')[1] }) });
    clock.advance(2 * 3_600_000);
    const done = await Promise.all([a.runDueWork(), b.runDueWork(), a.runDueWork(), b.runDueWork()]);
    expect(done.reduce((sum, d) => sum + d.expired, 0)).toBe(1);
    const rows = await db.select({ status: registrations.status }).from(registrations).where(eq(registrations.workshopId, 'first'));
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'expired', 'offered']);
  });
});
