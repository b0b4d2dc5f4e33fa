/**
 * Model-based test: random sequences of RSVPs, cancellations, series opt-outs, clock moves and catalog
 * reloads against the running server must leave exactly the registrations that core's pure functions
 * (`admit`, `freeSeats`, `promoteFromWaitlist`) give for the same sequence.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { admit, freeSeats, promoteFromWaitlist, type AllocationPolicy, type Decision, type SeatState } from '@mentorkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogYaml, FIRST, T0 } from './fixtures.js';
import { startHarness, type Harness } from './harness.js';

const SERIES = ['series-s@2026-03-16T12:00', 'series-s@2026-03-23T12:00', 'series-s@2026-03-30T12:00'];
const START: Record<string, number> = {
  [FIRST.occurrenceId]: Date.parse('2026-03-12T19:00:00Z'),
  [SERIES[0]!]: Date.parse('2026-03-16T16:00:00Z'),
  [SERIES[1]!]: Date.parse('2026-03-23T16:00:00Z'),
  [SERIES[2]!]: Date.parse('2026-03-30T16:00:00Z'),
};
const PEOPLE = 6;
const email = (p: number) => `p${p}@example.edu`;

interface Entry {
  person: number;
  status: 'confirmed' | 'waitlisted';
  tierIndex: number;
  reserved: boolean;
  seq: number;
  token: string;
}

interface Model {
  now: number;
  capacity: number;
  reserved: number;
  limit: number | undefined;
  occ: Map<string, Entry[]>;
  seq: number;
}

const firstPolicy = (m: Model): AllocationPolicy => ({ allocation: { mode: 'first-come' }, priority: [{ id: 'biosciences', reservedSeats: m.reserved }], waitlist: { enabled: true, limit: m.limit } });
const seriesPolicy: AllocationPolicy = { allocation: { mode: 'first-come' }, priority: [], waitlist: { enabled: true } };
const policyOf = (m: Model, occ: string) => (occ === FIRST.occurrenceId ? firstPolicy(m) : seriesPolicy);
const capacityOf = (m: Model, occ: string) => (occ === FIRST.occurrenceId ? m.capacity : 2);
const entries = (m: Model, occ: string) => m.occ.get(occ) ?? [];
const seatState = (m: Model, occ: string): SeatState => ({
  capacity: capacityOf(m, occ),
  seated: entries(m, occ).filter((e) => e.status === 'confirmed').map((e) => ({ tierIndex: e.tierIndex, reserved: e.reserved })),
  waitlisted: entries(m, occ).filter((e) => e.status === 'waitlisted').length,
  reservedReleased: false,
});

function promote(m: Model, occ: string): void {
  if (m.now >= START[occ]!) return;
  const waiting = entries(m, occ).filter((e) => e.status === 'waitlisted').sort((a, b) => a.seq - b.seq);
  const free = freeSeats(seatState(m, occ), policyOf(m, occ)) ?? waiting.length;
  if (waiting.length === 0 || free === 0) return;
  const asDecision = (e: Entry, i: number): Decision => ({ request: { id: String(e.seq), personKey: String(e.person), tierIndex: e.tierIndex, requestedAt: new Date(e.seq).toISOString(), eligible: true }, status: 'waitlisted', code: 'waitlisted', message: '', position: i + 1 });
  const result = promoteFromWaitlist({ confirmed: [], waitlisted: waiting.map(asDecision), declined: [] }, { freedSeats: free, policy: 'strict-order' });
  for (const d of result.promoted) {
    const e = waiting.find((w) => String(w.seq) === d.request.id)!;
    e.status = 'confirmed';
    e.reserved = false;
  }
}

/** What the model says the admin list must show: one line per active registration, with waiting-list positions. */
function expected(m: Model): string[] {
  const lines: string[] = [];
  for (const [occ, list] of m.occ) {
    const waiting = list.filter((e) => e.status === 'waitlisted').sort((a, b) => a.seq - b.seq);
    for (const e of list) lines.push(`${occ} ${email(e.person)} ${e.status}${e.status === 'waitlisted' ? ` #${waiting.indexOf(e) + 1}` : ''}`);
  }
  return lines.sort();
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ capacity: 2 });
});
afterAll(() => h?.server.close());

async function actual(): Promise<string[]> {
  const rows = (await h.admin('/admin/registrations')).body.registrations as { occurrenceId: string; email: string; status: string; position: number | null }[];
  return rows.filter((r) => ['confirmed', 'waitlisted', 'offered', 'requested'].includes(r.status)).map((r) => `${r.occurrenceId} ${r.email} ${r.status}${r.position !== null ? ` #${r.position}` : ''}`).sort();
}

const body = (person: number, bio: boolean, workshopId: string, occurrenceId: string, sessionIds?: string[]) => ({
  workshopId,
  occurrenceId,
  person: { name: `Person ${person}`, email: email(person), ...(workshopId === 'first' ? { role: 'postdoc', field: bio ? 'biosciences' : 'chemistry' } : {}) },
  answers: {},
  elapsedMs: 10_000,
  ...(sessionIds ? { sessionIds } : {}),
});

type Command = (m: Model) => Promise<void>;

const rsvpFirst = (person: number, bio: boolean): Command => async (m) => {
  const res = await h.post('/rsvps', body(person, bio, 'first', FIRST.occurrenceId));
  const occ = FIRST.occurrenceId;
  if (m.now >= START[occ]!) return void expect([res.status, res.body.error?.code]).toEqual([409, 'closed']);
  if (entries(m, occ).some((e) => e.person === person)) return void expect([res.status, res.body.error?.code]).toEqual([422, 'duplicate']);
  const tierIndex = bio ? 0 : 1;
  const decision = admit(seatState(m, occ), { tierIndex }, firstPolicy(m));
  if (decision.status === 'declined') return void expect([res.status, res.body.error?.code]).toEqual([409, decision.code === 'declined-waitlist-full' ? 'waitlist-full' : 'full']);
  expect(res.status).toBe(201);
  expect(res.body.status).toBe(decision.status);
  if (decision.status === 'waitlisted') expect(res.body.position).toBe(decision.position);
  m.occ.set(occ, [...entries(m, occ), { person, status: decision.status, tierIndex, reserved: decision.code === 'confirmed-reserved', seq: ++m.seq, token: res.body.manageUrl.split('#')[1] }]);
};

const rsvpSeries = (person: number, keep: boolean[] | undefined): Command => async (m) => {
  const open = SERIES.filter((o) => m.now < START[o]!);
  const main = open[0] ?? SERIES[2]!;
  const sessionIds = keep === undefined ? undefined : open.filter((_, i) => keep[i]);
  const res = await h.post('/rsvps', body(person, false, 'series', main, sessionIds));
  if (open.length === 0) return void expect([res.status, res.body.error?.code]).toEqual([409, 'closed']);
  if (sessionIds !== undefined && sessionIds.length === 0) return void expect(res.status).toBe(422);
  const kept = sessionIds ?? open;
  if (kept.some((o) => entries(m, o).some((e) => e.person === person))) return void expect([res.status, res.body.error?.code]).toEqual([422, 'duplicate']);
  const decisions = kept.map((o) => [o, admit(seatState(m, o), { tierIndex: 0 }, seriesPolicy)] as const);
  expect(res.status).toBe(201);
  expect(res.body.sessions.map((s: { occurrenceId: string; status: string }) => `${s.occurrenceId} ${s.status}`)).toEqual(decisions.map(([o, d]) => `${o} ${d.status}`));
  const token = res.body.manageUrl.split('#')[1];
  for (const [o, d] of decisions) {
    if (d.status === 'declined') continue;
    m.occ.set(o, [...entries(m, o), { person, status: d.status, tierIndex: 0, reserved: false, seq: ++m.seq, token }]);
  }
};

const cancel = (person: number, workshop: 'first' | 'series'): Command => async (m) => {
  const occs = workshop === 'first' ? [FIRST.occurrenceId] : SERIES;
  const mine = occs.flatMap((o) => entries(m, o).filter((e) => e.person === person).map((e) => [o, e] as const));
  if (mine.length === 0) return;
  const token = mine[0]![1].token;
  const held = occs.flatMap((o) => entries(m, o).filter((e) => e.token === token).map((e) => [o, e] as const));
  const res = await h.post('/manage/cancel', { token });
  expect(res.body).toEqual({ cancelled: held.length });
  for (const [o, e] of held) m.occ.set(o, entries(m, o).filter((x) => x !== e));
  for (const [o] of held) promote(m, o);
};

const optOut = (person: number, index: number): Command => async (m) => {
  const occ = SERIES[index]!;
  const entry = entries(m, occ).find((e) => e.person === person);
  if (entry === undefined) return;
  const view = await h.post('/manage/registration', { token: entry.token });
  const session = view.body.sessions.find((s: { occurrenceId: string; status: string }) => s.occurrenceId === occ && ['confirmed', 'waitlisted'].includes(s.status));
  const res = await h.post('/manage/cancel', { token: entry.token, registrationId: session.registrationId });
  expect(res.body).toEqual({ cancelled: 1 });
  m.occ.set(occ, entries(m, occ).filter((e) => e !== entry));
  promote(m, occ);
};

const advance = (hours: number): Command => async (m) => {
  h.clock.advance(hours * 3_600_000);
  m.now += hours * 3_600_000;
};

const reload = (capacity: number, limit: number | undefined): Command => async (m) => {
  writeFileSync(h.catalogFile, catalogYaml({ capacity, reserved: m.reserved, ...(limit !== undefined ? { waitlistLimit: limit } : {}) }));
  expect(await h.server.reload()).toBe(true);
  m.capacity = capacity;
  m.limit = limit;
  for (const occ of [FIRST.occurrenceId, ...SERIES]) promote(m, occ);
};

const person = fc.nat({ max: PEOPLE - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(person, fc.boolean()).map(([p, bio]) => rsvpFirst(p, bio)) },
  { weight: 3, arbitrary: fc.tuple(person, fc.option(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), { nil: undefined })).map(([p, keep]) => rsvpSeries(p, keep)) },
  { weight: 3, arbitrary: fc.tuple(person, fc.constantFrom('first' as const, 'series' as const)).map(([p, w]) => cancel(p, w)) },
  { weight: 2, arbitrary: fc.tuple(person, fc.nat({ max: 2 })).map(([p, i]) => optOut(p, i)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 24 * 12 }).map(advance) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined })).map(([c, l]) => reload(c, l)) },
);

describe('the server against core’s pure functions', () => {
  it('gives the same registrations for random sequences of RSVPs, cancellations, opt-outs, clock moves and reloads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ capacity: fc.integer({ min: 1, max: 4 }), reserved: fc.nat({ max: 1 }), limit: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }), fc.array(command, { minLength: 1, maxLength: 25 }), async (start, commands) => {
        const { db } = h.server.services.database;
        // cascade: and whatever else refers to registrations (check-ins).
        await db.execute(sql`truncate registrations, submissions, idempotency_keys, occurrence_snapshots, allocations, audit_log cascade`);
        h.clock.set(T0);
        const m: Model = { now: T0.getTime(), capacity: Math.max(start.capacity, start.reserved), reserved: start.reserved, limit: start.limit, occ: new Map(), seq: 0 };
        writeFileSync(h.catalogFile, catalogYaml({ capacity: m.capacity, reserved: m.reserved, ...(m.limit !== undefined ? { waitlistLimit: m.limit } : {}) }));
        expect(await h.server.reload()).toBe(true);
        for (const run of commands) {
          await run(m);
          expect(await actual()).toEqual(expected(m));
        }
        // The seats the write lanes read (kept by a trigger, migration 0007) are the registrations' own count.
        const counted = (db: typeof h.server.services.database.db, query: ReturnType<typeof sql>) => db.execute(query).then((r: unknown) => (r as { rows: unknown[] }).rows);
        expect(await counted(db, sql`select workshop_id, occurrence_id, status, tier_index, reserved, n from seat_counts where n > 0 order by 1, 2, 3, 4, 5`)).toEqual(
          await counted(db, sql`select workshop_id, occurrence_id, status, tier_index, code = 'confirmed-reserved' as reserved, count(*)::int as n from registrations where status in ('requested', 'confirmed', 'waitlisted', 'offered') group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
        );
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 60) },
    );
  });
});
