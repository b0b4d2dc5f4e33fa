/**
 * The write lane (one round trip per batch of RSVPs for one occurrence), on PGlite through the real server:
 * concurrent RSVPs batched together are decided in order on the seats as they are under the lock; a batch
 * decided on seats that changed meanwhile (another instance, a cancellation) is decided again; a person or an
 * Idempotency-Key appearing twice in one batch is answered as it would be one request at a time.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST, rsvpBody } from '../../test/fixtures.js';
import { startHarness, type Harness } from '../../test/harness.js';

let h: Harness;
const CAPACITY = 7;
beforeAll(async () => {
  h = await startHarness({ capacity: CAPACITY });
});
afterAll(() => h?.server.close());

const db = () => h.server.services.database.db;
/** Both drivers answer raw queries with `{ rows }`. */
async function rows<T>(query: SQL): Promise<T[]> {
  const result: unknown = await db().execute(query);
  return (result as { rows: T[] }).rows;
}
const active = async () =>
  (
    await rows<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from registrations where workshop_id = ${FIRST.workshopId} and occurrence_id = ${FIRST.occurrenceId} and status in ('confirmed', 'waitlisted') group by status`,
    )
  ).reduce<Record<string, number>>((all, r) => ({ ...all, [r.status]: r.n }), {});

describe('the write lane', () => {
  it('decides RSVPs sent at once in order: exactly the capacity confirmed, the waiting list numbered without gaps', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, () => h.post('/rsvps', rsvpBody())));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const confirmed = answers.filter((a) => a.body.status === 'confirmed');
    const positions = answers.filter((a) => a.body.status === 'waitlisted').map((a) => a.body.position as number);
    expect(confirmed).toHaveLength(CAPACITY);
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 - CAPACITY }, (_, i) => i + 1));
    expect(await active()).toEqual({ confirmed: CAPACITY, waitlisted: 60 - CAPACITY });
  });

  it('decides again when the seats changed outside the lane (as another instance would change them)', async () => {
    const before = await active();
    // Another writer moves two people from the waiting list to seats without this instance knowing.
    await db().execute(sql`update registrations set status = 'confirmed', code = 'promoted' where id in (
      select id from registrations where workshop_id = ${FIRST.workshopId} and occurrence_id = ${FIRST.occurrenceId} and status = 'waitlisted' order by queue_order limit 2)`);
    const next = await h.post('/rsvps', rsvpBody());
    expect(next.status).toBe(201);
    // Decided on the seats as they are: the waiting list is two shorter than this instance last saw it.
    expect(next.body).toMatchObject({ status: 'waitlisted', position: before.waitlisted! - 2 + 1 });
  });

  it('answers one person twice in one batch once, and refuses a person who already holds a place even when the session is full', async () => {
    const person = { email: `twice-${randomUUID()}@example.edu` };
    const [a, b] = await Promise.all([h.post('/rsvps', rsvpBody({}, person)), h.post('/rsvps', rsvpBody({}, person))]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    expect([a, b].find((x) => x.status === 422)!.body.error.code).toBe('duplicate');
    const again = await h.post('/rsvps', rsvpBody({}, person));
    expect(again.body.error.code).toBe('duplicate');
  });

  it('answers one Idempotency-Key sent twice in one batch with one answer and one registration', async () => {
    const body = rsvpBody();
    const key = randomUUID();
    const [a, b] = await Promise.all([h.post('/rsvps', body, key), h.post('/rsvps', body, key)]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    const [stored] = await rows<{ n: number }>(sql`select count(*)::int as n from registrations where submission_id = ${a.body.registrationId}`);
    expect(stored!.n).toBe(1);
  });
});
