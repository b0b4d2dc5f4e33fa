/**
 * The console's API over a real PGlite database: each route's happy path and errors, the audit entries and
 * outbox rows the actions write, check-in replays, and a lottery's draw re-run with core.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocations, auditLog, checkIns, outbox } from '../src/db/schema.js';
import { catalogYaml, FIRST, rsvpBody } from './fixtures.js';
import { startHarness, type Answer, type Harness } from './harness.js';

const MANY = ['many-s@2026-03-10T10:00', 'many-s@2026-03-11T10:00', 'many-s@2026-03-12T10:00'];
const LOTTERY = { workshopId: 'lottery', occurrenceId: 'lottery-s@2026-03-20T12:00' };
const ISSUER = 'http://127.0.0.1:9/never-contacted';
const plain = (overrides: Record<string, unknown>) => rsvpBody(overrides, { role: undefined as never, field: undefined as never });
const occ = (w: string, o: string) => `/admin/occurrences/${w}/${encodeURIComponent(o)}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ capacity: 2, many: 3, manyCapacity: 1 }, { auth: { issuer: ISSUER, clientId: 'mentorkit', claimMap: { roles: [] }, secureCookies: false } });
});
afterAll(() => h?.server.close());

const db = () => h.server.services.database.db;
const postAdmin = (path: string, body?: unknown) =>
  h.admin(path, { method: 'POST', ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }) });
const rows = async (query: string) => (await h.admin(`/admin/registrations${query}`)).body.registrations as { registrationId: string; email: string | null; status: string; code: string; occurrenceId: string; name: string | null; position: number | null; checkedInAt: string | null }[];
const auditOf = async (action: string) => (await db().select().from(auditLog).where(eq(auditLog.action, action))).map((a) => ({ actor: a.actor, subject: a.subject, detail: a.detail }));
const mail = async (registrationId: string) => (await db().select().from(outbox).where(eq(outbox.registrationId, registrationId))).map((m) => ({ kind: m.kind, ics: m.icsMethod, subject: m.subject, text: m.text }));

/** A signed-in organizer (or admin), as the sign-in callback opens one. */
async function session(email: string, roles: { admin: boolean; programs: string[] }) {
  const id = await h.server.services.auth!.open({ subject: `sub-${email}`, issuer: ISSUER, email, name: null, roles });
  const me = await h.get('/auth/me', { Cookie: `mk_session=${id}` });
  const headers = { Cookie: `mk_session=${id}`, 'X-CSRF-Token': me.body.csrfToken as string };
  return {
    get: (path: string) => h.get(path, headers),
    getText: async (path: string) => {
      const res = await h.server.request(path, { headers });
      return { status: res.status, body: await res.text() };
    },
    post: async (path: string, body: unknown = {}): Promise<Answer> => {
      const res = await h.server.request(path, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: JSON.parse(text), headers: res.headers };
    },
  };
}

async function rsvp(body: Record<string, unknown>): Promise<string> {
  const created = await h.post('/rsvps', body);
  expect(created.status).toBe(201);
  const list = await rows(`?workshop=${body.workshopId as string}&occurrence=${encodeURIComponent(body.occurrenceId as string)}`);
  // Found by e-mail: under the test's fixed clock, request times (and so the listing's order) may tie.
  return list.find((r) => r.email === (body.person as { email: string }).email)!.registrationId;
}

describe('GET /admin/occurrences', () => {
  it('lists upcoming sessions with seats and window; past ones on request; organizers see their programs only', async () => {
    await rsvp(rsvpBody());
    const all = await h.admin('/admin/occurrences');
    expect(all.status).toBe(200);
    expect(all.body.now).toBe('2026-03-01T12:00:00.000Z');
    const ids = all.body.occurrences.map((o: { occurrenceId: string }) => o.occurrenceId);
    expect(ids).toEqual(expect.arrayContaining([FIRST.occurrenceId, ...MANY, LOTTERY.occurrenceId]));
    expect(ids).not.toContain('past-s@2026-01-20T12:00');
    // Soonest first.
    expect(ids.slice(0, 3)).toEqual(MANY);
    const first = all.body.occurrences.find((o: { occurrenceId: string }) => o.occurrenceId === FIRST.occurrenceId);
    expect(first).toMatchObject({
      workshopId: 'first',
      title: 'Aligning Expectations',
      programs: ['mentoring'],
      timeZone: 'America/New_York',
      timeUnknown: false,
      status: 'scheduled',
      capacity: 2,
      counts: { confirmed: 1, offered: 0, waitlisted: 0, requested: 0, checkedIn: 0 },
      window: { state: 'open', opensAt: null },
      allocation: 'first-come',
      drawRecorded: false,
    });
    expect(all.body.occurrences.find((o: { workshopId: string }) => o.workshopId === 'lottery')).toMatchObject({ allocation: 'lottery', drawRecorded: false, window: { state: 'open', closesAt: '2026-03-18T12:00:00.000-04:00' } });

    const past = await h.admin('/admin/occurrences?when=past');
    expect(past.body.occurrences.map((o: { occurrenceId: string }) => o.occurrenceId)).toEqual(['past-s@2026-01-20T12:00']);
    expect((await h.admin('/admin/occurrences?when=all')).body.occurrences).toHaveLength(all.body.occurrences.length + 1);

    const organizer = await session('org@example.edu', { admin: false, programs: ['mentoring'] });
    expect((await organizer.get('/admin/occurrences')).body.occurrences.map((o: { workshopId: string }) => o.workshopId)).toEqual(['first']);
    const other = await session('other@example.edu', { admin: false, programs: ['another-program'] });
    expect((await other.get('/admin/occurrences')).body.occurrences).toEqual([]);
  });

  it('refuses an unknown `when` (422) and an anonymous caller (401)', async () => {
    const bad = await h.admin('/admin/occurrences?when=tomorrow');
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe('query.when');
    expect((await h.get('/admin/occurrences')).status).toBe(401);
  });
});

describe('walk-ins', () => {
  it('confirm a person over capacity with code walk-in, check them in, and write an audit entry; no message', async () => {
    await rsvp(rsvpBody());
    expect((await rows('?workshop=first')).filter((r) => r.status === 'confirmed')).toHaveLength(2); // full
    const organizer = await session('door@example.edu', { admin: false, programs: ['mentoring'] });
    const res = await organizer.post(`${occ('first', FIRST.occurrenceId)}/walk-ins`, { name: 'Walk In', email: 'walk.in@example.edu' });
    expect(res.status).toBe(201);
    expect(res.body.registration).toMatchObject({ status: 'confirmed', code: 'walk-in', name: 'Walk In', email: 'walk.in@example.edu', occurrenceId: FIRST.occurrenceId, checkedInAt: '2026-03-01T12:00:00.000Z' });
    const id = res.body.registration.registrationId as string;
    expect(await auditOf('registration.walk-in')).toContainEqual({ actor: 'door@example.edu', subject: id, detail: { workshopId: 'first', occurrenceId: FIRST.occurrenceId, checkedIn: true } });
    expect(await mail(id)).toEqual([]);
    const overview = (await h.admin('/admin/occurrences')).body.occurrences.find((o: { occurrenceId: string }) => o.occurrenceId === FIRST.occurrenceId);
    expect(overview.counts).toMatchObject({ confirmed: 3, checkedIn: 1 });

    const later = await postAdmin(`${occ('first', FIRST.occurrenceId)}/walk-ins`, { name: 'No Email', checkIn: false });
    expect(later.status).toBe(201);
    expect(later.body.registration).toMatchObject({ email: null, checkedInAt: null, status: 'confirmed' });
  });

  it('refuse the same person twice, a missing name, an unknown session, and another program’s organizer', async () => {
    const twice = await postAdmin(`${occ('first', FIRST.occurrenceId)}/walk-ins`, { name: 'Walk In Again', email: 'WALK.IN@example.edu' });
    expect(twice.status).toBe(422);
    expect(twice.body.error).toMatchObject({ code: 'duplicate', issues: [{ path: 'body.email' }] });
    const noName = await postAdmin(`${occ('first', FIRST.occurrenceId)}/walk-ins`, { name: '  ' });
    expect(noName.status).toBe(422);
    expect(noName.body.error.issues[0].path).toBe('body.name');
    const badEmail = await postAdmin(`${occ('first', FIRST.occurrenceId)}/walk-ins`, { name: 'X', email: 'not-an-email' });
    expect(badEmail.body.error.issues[0].path).toBe('body.email');
    expect((await postAdmin(`${occ('first', 'first-s@2030-01-01T00:00')}/walk-ins`, { name: 'X' })).status).toBe(404);
    const other = await session('other@example.edu', { admin: false, programs: ['another-program'] });
    expect((await other.post(`${occ('first', FIRST.occurrenceId)}/walk-ins`, { name: 'X' })).status).toBe(403);
  });
});

describe('moving a person', () => {
  it('confirms them where a seat is free, frees the old seat for the waiting list, and sends the messages', async () => {
    const a = await rsvp(plain({ workshopId: 'many', occurrenceId: MANY[0] }));
    const b = await rsvp(plain({ workshopId: 'many', occurrenceId: MANY[0] }));
    expect((await rows(`?workshop=many&occurrence=${encodeURIComponent(MANY[0]!)}`)).map((r) => r.status)).toEqual(['confirmed', 'waitlisted']);

    const moved = await postAdmin(`/admin/registrations/${a}/move`, { occurrenceId: MANY[1] });
    expect(moved.status).toBe(200);
    expect(moved.body.registration).toMatchObject({ status: 'confirmed', code: 'confirmed', occurrenceId: MANY[1], checkedInAt: null });
    const newId = moved.body.registration.registrationId as string;
    expect(newId).not.toBe(a);
    const old = await rows(`?workshop=many&occurrence=${encodeURIComponent(MANY[0]!)}`);
    expect(old.map((r) => [r.registrationId, r.status, r.code])).toEqual([
      [a, 'cancelled', 'moved'],
      [b, 'confirmed', 'promoted'],
    ]);
    expect(await mail(a)).toEqual([expect.objectContaining({ kind: 'confirmed' }), expect.objectContaining({ kind: 'cancelled', ics: 'CANCEL' })]);
    expect(await mail(newId)).toEqual([expect.objectContaining({ kind: 'confirmed', ics: 'REQUEST' })]);
    expect((await mail(b)).map((m) => m.kind)).toEqual(['waitlisted', 'confirmed']);
    const [entry] = await auditOf('registration.move');
    expect(entry).toMatchObject({ actor: expect.stringMatching(/^token:/), subject: a, detail: { to: newId, from: MANY[0], occurrenceId: MANY[1], status: 'confirmed', promoted: 1 } });

    // Into a full session: the waiting list.
    const c = await rsvp(plain({ workshopId: 'many', occurrenceId: MANY[2] }));
    const full = await postAdmin(`/admin/registrations/${c}/move`, { occurrenceId: MANY[1] });
    expect(full.body.registration).toMatchObject({ status: 'waitlisted', position: 1, occurrenceId: MANY[1] });
    expect((await mail(full.body.registration.registrationId)).map((m) => m.kind)).toEqual(['waitlisted']);
  });

  it('refuses the same session, another workshop’s session, a cancelled registration and a person already there', async () => {
    const [held] = (await rows(`?workshop=many&occurrence=${encodeURIComponent(MANY[1]!)}`)).filter((r) => r.status === 'confirmed');
    const same = await postAdmin(`/admin/registrations/${held!.registrationId}/move`, { occurrenceId: MANY[1] });
    expect(same.status).toBe(422);
    expect(same.body.error.issues[0].path).toBe('body.occurrenceId');
    expect((await postAdmin(`/admin/registrations/${held!.registrationId}/move`, { occurrenceId: FIRST.occurrenceId })).body.error.issues[0].message).toMatch(/same workshop/);
    const [cancelled] = (await rows('?workshop=many')).filter((r) => r.status === 'cancelled');
    const gone = await postAdmin(`/admin/registrations/${cancelled!.registrationId}/move`, { occurrenceId: MANY[2] });
    expect(gone.status).toBe(409);
    expect(gone.body.error.message).toMatch(/cancelled/);
    expect((await postAdmin('/admin/registrations/no-such-registration/move', { occurrenceId: MANY[2] })).status).toBe(404);
  });
});

describe('promoting from the waiting list', () => {
  it('confirms now, even over capacity, sends the confirmation, and refuses someone already confirmed', async () => {
    const [waiting] = (await rows(`?workshop=many&occurrence=${encodeURIComponent(MANY[1]!)}`)).filter((r) => r.status === 'waitlisted');
    const res = await postAdmin(`/admin/registrations/${waiting!.registrationId}/promote`);
    expect(res.status).toBe(200);
    expect(res.body.registration).toMatchObject({ status: 'confirmed', code: 'promoted-by-staff', position: null });
    expect((await rows(`?workshop=many&occurrence=${encodeURIComponent(MANY[1]!)}`)).filter((r) => r.status === 'confirmed')).toHaveLength(2); // capacity 1
    expect((await mail(waiting!.registrationId)).at(-1)).toMatchObject({ kind: 'confirmed', ics: 'REQUEST' });
    expect(await auditOf('registration.promote')).toContainEqual(expect.objectContaining({ subject: waiting!.registrationId, detail: { from: 'waitlisted' } }));
    const again = await postAdmin(`/admin/registrations/${waiting!.registrationId}/promote`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', message: 'This person is already confirmed.' });
  });
});

describe('check-in', () => {
  it('marks a confirmed person present; the same clientId again is a replay that changes nothing', async () => {
    const id = (await rows('?workshop=first')).find((r) => r.code === 'confirmed' && r.checkedInAt === null)!.registrationId;
    const organizer = await session('door@example.edu', { admin: false, programs: ['mentoring'] });
    const clientId = randomUUID();
    const mark = { present: true, clientId, at: '2026-03-01T11:59:00Z' };
    const first = await organizer.post(`/admin/registrations/${id}/check-in`, mark);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ registrationId: id, checkedInAt: '2026-03-01T11:59:00.000Z', replay: false });
    const audits = (await auditOf('registration.check-in')).length;
    const replay = await organizer.post(`/admin/registrations/${id}/check-in`, mark);
    expect(replay.body).toEqual({ registrationId: id, checkedInAt: '2026-03-01T11:59:00.000Z', replay: true });
    // Even a replay whose body differs (the phone's clock) is the same check-in: nothing changes.
    expect((await organizer.post(`/admin/registrations/${id}/check-in`, { ...mark, present: false })).body.replay).toBe(true);
    expect(await db().select().from(checkIns).where(eq(checkIns.clientId, clientId))).toHaveLength(1);
    expect((await auditOf('registration.check-in')).length).toBe(audits);
    expect((await rows('?workshop=first')).find((r) => r.registrationId === id)!.checkedInAt).toBe('2026-03-01T11:59:00.000Z');
    expect(await auditOf('registration.check-in')).toContainEqual({ actor: 'door@example.edu', subject: id, detail: { present: true, at: '2026-03-01T11:59:00.000Z', clientId, checkedIn: true } });
  });

  it('follows the latest mark, whatever order a queue delivers them in', async () => {
    const id = await rsvp(plain({ workshopId: 'many', occurrenceId: MANY[2] }));
    const at = (m: number) => new Date(Date.UTC(2026, 2, 1, 11, m)).toISOString();
    const send = (present: boolean, minute: number) => postAdmin(`/admin/registrations/${id}/check-in`, { present, clientId: randomUUID(), at: at(minute) });
    const correction = await send(false, 30);
    expect(correction.body).toEqual({ registrationId: id, checkedInAt: null, replay: false }); // the correction, sent online first
    expect((await send(true, 10)).body.checkedInAt).toBeNull(); // the phone's older mark, arriving later
    expect((await send(true, 40)).body.checkedInAt).toBe(at(40));
    // Without `at`: now.
    expect((await postAdmin(`/admin/registrations/${id}/check-in`, { present: true, clientId: randomUUID() })).body.checkedInAt).toBe('2026-03-01T12:00:00.000Z');
    // With an age (what the console sends): the server's now less the age, whatever the phone's clock says;
    // the age wins over an instant from a phone whose clock is years off.
    const aged = randomUUID();
    expect((await postAdmin(`/admin/registrations/${id}/check-in`, { present: true, clientId: aged, ageMs: 90_000, at: '2031-01-01T00:00:00Z' })).status).toBe(200);
    expect((await db().select().from(checkIns).where(eq(checkIns.clientId, aged)))[0]!.at.toISOString()).toBe('2026-03-01T11:58:30.000Z');
    expect((await postAdmin(`/admin/registrations/${id}/check-in`, { present: true, clientId: randomUUID(), ageMs: -1 })).body.error.issues[0].path).toBe('body.ageMs');
  });

  it('refuses a cancelled or waiting registration (409), a clientId used for another one, a bad clientId and a time in the future', async () => {
    const [cancelled] = (await rows('?workshop=many')).filter((r) => r.status === 'cancelled');
    const refused = await postAdmin(`/admin/registrations/${cancelled!.registrationId}/check-in`, { present: true, clientId: randomUUID() });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('cancelled') });
    const waiting = await rsvp(plain({ workshopId: 'many', occurrenceId: MANY[0] }));
    expect((await postAdmin(`/admin/registrations/${waiting}/check-in`, { present: true, clientId: randomUUID() })).body.error.message).toMatch(/waitlisted \(promote them first\)/);

    const [a, b] = (await rows('?workshop=first')).filter((r) => r.status === 'confirmed');
    const clientId = randomUUID();
    expect((await postAdmin(`/admin/registrations/${a!.registrationId}/check-in`, { present: true, clientId })).status).toBe(200);
    const reused = await postAdmin(`/admin/registrations/${b!.registrationId}/check-in`, { present: true, clientId });
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({ code: 'idempotency-mismatch', issues: [{ path: 'body.clientId' }] });
    expect((await postAdmin(`/admin/registrations/${a!.registrationId}/check-in`, { present: true, clientId: 'phone-1' })).body.error.issues[0].path).toBe('body.clientId');
    const future = await postAdmin(`/admin/registrations/${a!.registrationId}/check-in`, { present: true, clientId: randomUUID(), at: '2026-03-01T13:00:00Z' });
    expect(future.status).toBe(422);
    expect(future.body.error.issues[0].path).toBe('body.at');
    expect((await postAdmin(`/admin/registrations/${a!.registrationId}/check-in`, { present: 'yes', clientId: randomUUID() })).body.error.issues[0].path).toBe('body.present');
  });
});

describe('messages to a session', () => {
  it('go through the outbox to the people with the chosen statuses, with an audit entry', async () => {
    const confirmed = (await rows(`?workshop=first&occurrence=${encodeURIComponent(FIRST.occurrenceId)}`)).filter((r) => r.status === 'confirmed');
    const organizer = await session('org@example.edu', { admin: false, programs: ['mentoring'] });
    const res = await organizer.post(`${occ('first', FIRST.occurrenceId)}/messages`, { subject: 'Room change {title}', text: 'We meet in room 204.\nBring a laptop.', statuses: ['confirmed'] });
    expect(res.status).toBe(200);
    // The walk-in without an e-mail gets none.
    expect(res.body.queued).toBe(confirmed.length - 1);
    const written = await db().select().from(outbox).where(and(eq(outbox.kind, 'staff-message'), eq(outbox.occurrenceId, FIRST.occurrenceId)));
    expect(written).toHaveLength(res.body.queued);
    expect(written[0]).toMatchObject({ subject: 'Room change {title} (Aligning Expectations) · Mentoring Up', icsMethod: null, status: 'queued' });
    expect(written[0]!.text).toContain('We meet in room 204.\nBring a laptop.');
    expect(written[0]!.html).toContain('We meet in room 204.<br>\nBring a laptop.');
    expect(await auditOf('occurrence.message')).toContainEqual({ actor: 'org@example.edu', subject: `first ${FIRST.occurrenceId}`, detail: { statuses: ['confirmed'], registrations: confirmed.length, queued: res.body.queued, subject: 'Room change {title}' } });
  });

  it('refuse no statuses, an unknown status, an empty text and an unknown session', async () => {
    const path = `${occ('first', FIRST.occurrenceId)}/messages`;
    expect((await postAdmin(path, { subject: 'S', text: 'T', statuses: [] })).body.error.issues[0].path).toBe('body.statuses');
    expect((await postAdmin(path, { subject: 'S', text: 'T', statuses: ['cancelled'] })).body.error.issues[0].path).toBe('body.statuses.0');
    expect((await postAdmin(path, { subject: 'S', text: ' ', statuses: ['confirmed'] })).body.error.issues[0].path).toBe('body.text');
    expect((await postAdmin(`${occ('first', 'first-s@2030-01-01T00:00')}/messages`, { subject: 'S', text: 'T', statuses: ['confirmed'] })).status).toBe(404);
  });
});

describe('the draw of an allocation at close', () => {
  it('is 404 before any draw, then re-runs with core, lists the order with names, and tells a tampered record', async () => {
    const path = `${occ('lottery', LOTTERY.occurrenceId)}/draw`;
    const none = await h.admin(path);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/No draw is recorded/);
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      const body = plain(LOTTERY);
      names.push((body.person as { name: string }).name);
      await rsvp(body);
    }
    h.clock.set(new Date('2026-03-18T16:00:00Z'));
    expect((await h.server.runDueWork()).allocated).toBe(5);

    const res = await h.admin(path);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ workshopId: 'lottery', occurrenceId: LOTTERY.occurrenceId, capacity: 2, method: 'lottery', reproduced: true, decidedAt: '2026-03-18T16:00:00.000Z' });
    expect(res.body.seed).toMatch(/^[0-9a-f]{32}$/);
    const entries = res.body.entries as { registrationId: string; name: string; order: number; outcome: string; seat: number | null; position: number | null; tierIndex: number; tierId: string | null; reserved: boolean }[];
    expect(entries.map((e) => e.order)).toEqual([1, 2, 3, 4, 5]);
    expect(entries.map((e) => [e.outcome, e.seat, e.position])).toEqual([
      ['confirmed', 1, null],
      ['confirmed', 2, null],
      ['waitlisted', null, 1],
      ['waitlisted', null, 2],
      ['waitlisted', null, 3],
    ]);
    expect(new Set(entries.map((e) => e.name))).toEqual(new Set(names));
    expect(entries.every((e) => e.tierIndex === 0 && e.tierId === null && !e.reserved)).toBe(true);
    const listed = await rows('?workshop=lottery');
    for (const e of entries) expect(listed.find((r) => r.registrationId === e.registrationId)!.status).toBe(e.outcome);
    expect(await auditOf('allocation.view')).toContainEqual(expect.objectContaining({ subject: `lottery ${LOTTERY.occurrenceId}`, detail: { entries: 5, reproduced: true } }));
    const overview = (await h.admin('/admin/occurrences')).body.occurrences.find((o: { workshopId: string }) => o.workshopId === 'lottery');
    expect(overview).toMatchObject({ drawRecorded: true, window: { state: 'closed' } });

    // A record whose order was changed afterwards no longer reproduces.
    const [recorded] = await db().select().from(allocations).where(eq(allocations.workshopId, 'lottery'));
    const result = recorded!.result as { order: string[] };
    await db().update(allocations).set({ result: { ...result, order: [...result.order].reverse() } }).where(eq(allocations.workshopId, 'lottery'));
    expect((await h.admin(path)).body.reproduced).toBe(false);
    await db().update(allocations).set({ result }).where(eq(allocations.workshopId, 'lottery'));
    h.clock.set(new Date('2026-03-01T12:00:00Z'));
  });
});

describe('GET /admin/audit', () => {
  it('gives admins every entry newest first, in pages, as JSON or CSV (the export itself audited)', async () => {
    const page = await h.admin('/admin/audit?limit=3');
    expect(page.status).toBe(200);
    const ids = page.body.entries.map((e: { id: number }) => e.id);
    expect(ids).toHaveLength(3);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const next = await h.admin(`/admin/audit?limit=3&before=${ids[2]}`);
    expect(next.body.entries[0].id).toBeLessThan(ids[2]);
    expect(page.body.entries[0]).toMatchObject({ at: expect.stringMatching(/Z$/), actor: expect.any(String), action: expect.any(String) });

    const csv = await h.admin('/admin/audit?format=csv&limit=5');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((csv.body as string).split('\r\n')[0]).toBe('id,at,actor,action,subject,detail');
    expect((await h.admin('/admin/audit?limit=1')).body.entries[0]).toMatchObject({ action: 'audit.export', detail: { entries: 5 } });
    expect((await h.admin('/admin/audit?limit=0')).status).toBe(422);
  });

  it('gives an organizer the entries about their programs’ workshops only', async () => {
    const organizer = await session('org@example.edu', { admin: false, programs: ['mentoring'] });
    const csv = await organizer.getText('/admin/registrations?workshop=first&format=csv');
    expect(csv.status).toBe(200);
    expect(await auditOf('registrations.export')).toEqual([{ actor: 'org@example.edu', subject: 'first', detail: { rows: csv.body.trim().split('\r\n').length - 1 } }]);
    // The roster export says who came and when, in its last column, as the JSON listing does.
    const [header, ...lines] = csv.body.trim().split('\r\n');
    expect(header!.split(',').at(-1)).toBe('checkedInAt');
    const checkedIn = Object.fromEntries(lines.map((l) => [l.split(',')[0], l.split(',').at(-1)]));
    expect(checkedIn).toEqual(Object.fromEntries((await rows('?workshop=first')).map((r) => [r.registrationId, r.checkedInAt ?? ''])));
    expect(Object.values(checkedIn).filter(Boolean).length).toBeGreaterThan(0);
    const mine = (await organizer.get('/admin/audit?limit=1000')).body.entries as { action: string; subject: string }[];
    expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(['registration.walk-in', 'registration.check-in', 'occurrence.message', 'registrations.export']));
    expect(mine.map((e) => e.action)).not.toContain('registration.move'); // `many` is in no program
    expect(mine.map((e) => e.action)).not.toContain('allocation.view');
    const other = await session('other@example.edu', { admin: false, programs: ['another-program'] });
    expect((await other.get('/admin/audit')).body.entries).toEqual([]);
  });
});

describe('the draw of a series allocated at close', () => {
  it('shows one session’s part of the series draw, with this session’s registrations', async () => {
    // A series drawn by lot: the fixture catalog plus one policy and one workshop.
    const yaml = catalogYaml({ capacity: 2, many: 3, manyCapacity: 1 })
      .replace(
        'workshops:',
        `  - id: series-lottery-rsvp
    fields: [name, email]
    seriesRegistration: true
    capacity: 1
    waitlist: { enabled: true }
    window:
      closes: { kind: session, edge: start, before: P2D }
    allocation: { mode: at-close, order: lottery }
workshops:`,
      )
      .concat(`  - id: drawn-series
    kind: scheduled
    title: A series drawn by lot
    rsvpPolicy: series-lottery-rsvp
    sessions:
      - id: ds
        start: 2026-04-06T12:00
        end: 2026-04-06T13:00
        timeZone: America/New_York
        recurrence: { rrule: "FREQ=WEEKLY;COUNT=2" }
`);
    writeFileSync(h.catalogFile, yaml);
    expect(await h.server.reload()).toBe(true);
    const sessions = ['ds@2026-04-06T12:00', 'ds@2026-04-13T12:00'];
    for (let i = 0; i < 3; i++) await rsvp(plain({ workshopId: 'drawn-series', occurrenceId: sessions[0] }));
    expect((await h.admin(`${occ('drawn-series', sessions[1]!)}/draw`)).status).toBe(404);
    h.clock.set(new Date('2026-04-04T16:00:00Z'));
    await h.server.runDueWork();
    const draw = await h.admin(`${occ('drawn-series', sessions[1]!)}/draw`);
    expect(draw.status).toBe(200);
    expect(draw.body).toMatchObject({ occurrenceId: sessions[1], capacity: 1, method: 'lottery', reproduced: true });
    const here = await rows(`?workshop=drawn-series&occurrence=${encodeURIComponent(sessions[1]!)}`);
    expect(new Set(draw.body.entries.map((e: { registrationId: string }) => e.registrationId))).toEqual(new Set(here.map((r) => r.registrationId)));
    expect(draw.body.entries.map((e: { outcome: string }) => e.outcome)).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    for (const e of draw.body.entries as { registrationId: string; outcome: string; name: string }[]) {
      expect(here.find((r) => r.registrationId === e.registrationId)).toMatchObject({ status: e.outcome, name: e.name });
    }
    const overview = (await h.admin('/admin/occurrences?when=all')).body.occurrences.filter((o: { workshopId: string }) => o.workshopId === 'drawn-series');
    expect(overview.map((o: { drawRecorded: boolean }) => o.drawRecorded)).toEqual([true, true]);
    h.clock.set(new Date('2026-03-01T12:00:00Z'));
  });
});
