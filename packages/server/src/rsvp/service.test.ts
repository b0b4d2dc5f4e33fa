import { writeFileSync } from 'node:fs';
import { allocate, type AllocateInput } from '@mentorkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { allocations, idempotencyKeys } from '../db/schema.js';
import { catalogYaml, FIRST, rsvpBody } from '../../test/fixtures.js';
import { startHarness, type Harness } from '../../test/harness.js';

const SERIES = ['series-s@2026-03-16T12:00', 'series-s@2026-03-23T12:00', 'series-s@2026-03-30T12:00'];
const LOTTERY = { workshopId: 'lottery', occurrenceId: 'lottery-s@2026-03-20T12:00' };
const plain = (overrides: Record<string, unknown>) => rsvpBody(overrides, { role: undefined as never, field: undefined as never });
const tokenOf = (created: { body: { manageUrl: string } }) => created.body.manageUrl.split('#')[1]!;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ capacity: 2 });
});
afterAll(() => h?.server.close());

const keptAnswers = async () => (await h.server.services.database.db.select({ n: count() }).from(idempotencyKeys))[0]!.n;
const rows = async (query = '') => (await h.admin(`/admin/registrations${query}`)).body.registrations as { registrationId: string; status: string; occurrenceId: string; email: string | null; name: string | null; position: number | null; code: string }[];

describe('a series', () => {
  it('registers once for every open session, holds each session’s seats separately, and lets a person opt out', async () => {
    const a = await h.post('/rsvps', plain({ workshopId: 'series', occurrenceId: SERIES[0] }));
    expect(a.status).toBe(201);
    expect(a.body.sessions.map((s: { status: string }) => s.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    const b = await h.post('/rsvps', plain({ workshopId: 'series', occurrenceId: SERIES[0], sessionIds: [SERIES[0], SERIES[2]] }));
    expect(b.body.sessions.map((s: { occurrenceId: string }) => s.occurrenceId)).toEqual([SERIES[0], SERIES[2]]);
    const c = await h.post('/rsvps', plain({ workshopId: 'series', occurrenceId: SERIES[0] }));
    expect(c.body).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(c.body.sessions.map((s: { status: string }) => s.status)).toEqual(['waitlisted', 'confirmed', 'waitlisted']);

    // Cancelling one session of a series frees that seat only, and the waiting list moves up there.
    const view = await h.post('/manage/registration', { token: tokenOf(a) });
    const first = view.body.sessions.find((s: { occurrenceId: string }) => s.occurrenceId === SERIES[0]);
    expect((await h.post('/manage/cancel', { token: tokenOf(a), registrationId: first.registrationId })).body).toEqual({ cancelled: 1 });
    const after = await h.post('/manage/registration', { token: tokenOf(c) });
    expect(after.body.sessions.map((s: { status: string }) => s.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    const again = await h.post('/manage/registration', { token: tokenOf(a) });
    expect(again.body.sessions.map((s: { status: string }) => s.status)).toEqual(['cancelled', 'confirmed', 'confirmed']);
  });

  it('refuses opting out of every session, or into a session that is not open', async () => {
    expect((await h.post('/rsvps', plain({ workshopId: 'series', occurrenceId: SERIES[0], sessionIds: [] }))).status).toBe(422);
    const res = await h.post('/rsvps', plain({ workshopId: 'series', occurrenceId: SERIES[0], sessionIds: ['series-s@2027-01-01T12:00'] }));
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toBe('body.sessionIds');
  });
});

describe('allocation at close', () => {
  it('takes requests while open, draws once at the close, records a draw anyone can re-run with core', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await h.post('/rsvps', plain(LOTTERY)));
    expect(made.map((m) => m.body.status)).toEqual(['requested', 'requested', 'requested', 'requested', 'requested']);
    const status = await h.get(`/rsvps/status?workshop=lottery&occurrence=${encodeURIComponent(LOTTERY.occurrenceId)}`);
    expect(status.body).toMatchObject({ requested: 5, confirmed: 0, allocation: 'at-close', window: { state: 'open' } });

    expect((await h.server.runDueWork()).allocated).toBe(0);
    h.clock.set(new Date('2026-03-18T16:00:00Z')); // the close: two days before 12:00 in New York (EDT)
    expect((await h.server.runDueWork()).allocated).toBe(5);
    expect((await h.server.runDueWork()).allocated).toBe(0);
    const after = await rows('?workshop=lottery');
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(2);
    expect(after.filter((r) => r.status === 'waitlisted').map((r) => r.position)).toEqual([1, 2, 3]);

    const [recorded] = await h.server.services.database.db.select().from(allocations);
    const rerun = allocate(recorded!.input as AllocateInput);
    expect(rerun.order).toEqual((recorded!.result as { order: string[] }).order);
    const confirmedIds = new Set(after.filter((r) => r.status === 'confirmed').map((r) => r.registrationId));
    expect(new Set(rerun.confirmed.map((d) => d.request.id))).toEqual(confirmedIds);
    expect(recorded!.seed).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('catalog reloads', () => {
  it('promote when capacity rises, follow a moved session, cancel a cancelled one, and say so in health', async () => {
    h.clock.set(new Date('2026-03-01T12:00:00Z'));
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await h.post('/rsvps', rsvpBody()));
    expect(people.map((p) => p.body.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    writeFileSync(h.catalogFile, catalogYaml({ capacity: 3 }));
    expect(await h.server.reload()).toBe(true);
    expect((await rows(`?workshop=first`)).map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);

    // Lowering capacity takes no seat from anyone: the fourth person still waits, first in line.
    writeFileSync(h.catalogFile, catalogYaml({ capacity: 1 }));
    await h.server.reload();
    expect((await rows(`?workshop=first`)).map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);

    writeFileSync(h.catalogFile, catalogYaml({ capacity: 1, moveFirst: true }));
    await h.server.reload();
    const moved = await rows(`?workshop=first`);
    expect(new Set(moved.map((r) => r.occurrenceId))).toEqual(new Set(['first-s@2026-03-12T16:00']));
    expect(moved.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);

    writeFileSync(h.catalogFile, 'version: 1\nid: [broken');
    expect(await h.server.reload()).toBe(false);
    const health = await h.get('/health');
    expect(health.body.status).toBe('degraded');
    expect(health.body.errors[0]).toMatchObject({ file: h.catalogFile, line: expect.any(Number) });
    expect((await h.get('/feed.json')).status).toBe(200);

    writeFileSync(h.catalogFile, catalogYaml({ capacity: 1, moveFirst: true, cancelFirst: true }));
    await h.server.reload();
    expect((await rows(`?workshop=first`)).map((r) => [r.status, r.code])).toEqual(Array(4).fill(['cancelled', 'occurrence-cancelled']));
    expect((await h.get('/health')).body.status).toBe('ok');
  });

  it('serves the feed with an ETag and answers 304 to a matching If-None-Match', async () => {
    const feed = await h.get('/feed.json');
    const etag = feed.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await h.get('/feed.json', { 'If-None-Match': etag })).status).toBe(304);
    expect((await h.get('/feeds/test-catalog/feed.json')).body.catalog.id).toBe('test-catalog');
    expect((await h.get('/feeds/nope/feed.json')).status).toBe(404);
  });
});

describe('offers that expire', () => {
  it('offer a freed seat for the policy’s time, then pass it on', async () => {
    const o = await startHarness({ capacity: 1, offer: 'PT2H' });
    try {
      const [a, b, c] = [await o.post('/rsvps', rsvpBody()), await o.post('/rsvps', rsvpBody()), await o.post('/rsvps', rsvpBody())];
      expect([a, b, c].map((x) => x.body.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
      await o.post('/manage/cancel', { token: tokenOf(a) });
      const offered = await o.post('/manage/registration', { token: tokenOf(b) });
      expect(offered.body.sessions[0]).toMatchObject({ status: 'offered', offerExpiresAt: '2026-03-01T14:00:00.000Z' });
      const status = await o.get(`/rsvps/status?workshop=first&occurrence=${encodeURIComponent(FIRST.occurrenceId)}`);
      expect(status.body).toMatchObject({ confirmed: 0, offered: 1, waitlisted: 1, window: { state: 'full' } });

      o.clock.advance(3 * 3_600_000);
      expect((await o.server.runDueWork()).expired).toBe(1);
      expect((await o.post('/manage/registration', { token: tokenOf(b) })).body.sessions[0].status).toBe('expired');
      const next = await o.post('/manage/registration', { token: tokenOf(c) });
      expect(next.body.sessions[0].status).toBe('offered');
      expect((await o.post('/manage/accept', { token: tokenOf(c), registrationId: next.body.sessions[0].registrationId })).body).toEqual({ status: 'confirmed' });
      expect((await o.post('/manage/accept', { token: tokenOf(b), registrationId: offered.body.sessions[0].registrationId })).status).toBe(409);
    } finally {
      await o.server.close();
    }
  });
});

describe('personal data', () => {
  it('is exported and erased on request, and purged after the retention period', async () => {
    h.clock.set(new Date('2026-03-01T12:00:00Z'));
    const mine = rsvpBody({ workshopId: 'series', occurrenceId: SERIES[1] }, { role: undefined as never, field: undefined as never, email: 'erase.me@example.edu' });
    expect((await h.post('/rsvps', mine)).status).toBe(201);
    const exported = await h.admin('/admin/people/export', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'Erase.Me@example.edu' }) });
    expect(exported.body.submissions).toHaveLength(1);
    expect(exported.body.submissions[0]).toMatchObject({ email: 'erase.me@example.edu' });
    expect(exported.body.submissions[0].registrations.map((r: { occurrenceId: string }) => r.occurrenceId)).toEqual(SERIES);
    const erased = await h.admin('/admin/people/erase', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'erase.me@example.edu' }) });
    expect(erased.body).toMatchObject({ submissions: 1, cancelled: 3 });
    expect((await h.admin('/admin/people/export', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'erase.me@example.edu' }) })).body.submissions).toEqual([]);

    const before = (await rows()).filter((r) => r.email !== null).length;
    expect(before).toBeGreaterThan(0);
    expect(await keptAnswers()).toBeGreaterThan(0);
    h.clock.set(new Date('2026-04-01T00:00:00Z'));
    expect((await h.server.runDueWork()).purged).toBe(0);
    h.clock.set(new Date('2026-10-15T00:00:00Z')); // more than 180 days after the last session (30 March)
    expect((await h.server.runDueWork()).purged).toBeGreaterThan(0);
    expect((await rows()).filter((r) => r.email !== null || r.name !== null)).toEqual([]);
    // The answers kept for replays (30 days) are gone too.
    expect(await keptAnswers()).toBe(0);
  });
});
