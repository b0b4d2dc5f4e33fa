/**
 * Notifications against a real SMTP server (smtp-server in-process), parsed as a mail client would
 * (mailparser) and their invitations as a calendar would (ical.js): content in both languages, one UID per
 * occurrence (the feed's), SEQUENCE raised on a move, CANCEL on cancellation; SMTP down then up; a worker
 * that dies after claiming a batch; a catalog reload that moves one occurrence.
 */
import { writeFileSync } from 'node:fs';
import { sessionUid, toICalendar } from '@mentorkit/core';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/app.js';
import { outbox } from '../src/db/schema.js';
import { silentLogger } from '../src/http/logger.js';
import { renderMessage } from '../src/index.js';
import { MailDelivery } from '../src/mail/outbox.js';
import { catalogYaml, FIRST, rsvpBody } from './fixtures.js';
import { startHarness, type Harness } from './harness.js';
import { startSmtp, type Caught, type SmtpCatcher } from './smtp.js';

const FROM = 'Mentoring Up <mentoring@example.edu>';
const UID_FIRST = sessionUid('test-catalog', 'first-s');

let smtp: SmtpCatcher;
const harnesses: Harness[] = [];
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  for (const h of harnesses) await h.server.close();
  await smtp.close();
});
afterEach(() => {
  smtp.messages.length = 0;
  smtp.up();
});

async function harness(fixture: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const made = await startHarness(fixture, { mail: { smtpUrl: smtp.url, from: FROM }, publicUrl: undefined });
  harnesses.push(made);
  return made;
}

function vevent(message: Caught) {
  expect(message.calendar).toBeDefined();
  const calendar = new ICAL.Component(ICAL.parse(message.calendar!));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method') as string,
    uid: event.getFirstPropertyValue('uid') as string,
    sequence: Number(event.getFirstPropertyValue('sequence')),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(),
    recurrenceId: (event.getFirstPropertyValue('recurrence-id') as ICAL.Time | null)?.toJSDate().toISOString(),
  };
}

const byTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));

const MANY = ['many-s@2026-03-10T10:00', 'many-s@2026-03-11T10:00', 'many-s@2026-03-12T10:00'];
const manyBody = (i: number) => rsvpBody({ workshopId: 'many', occurrenceId: MANY[i] }, { role: undefined as never, field: undefined as never });

// One server for most suites (each starts a database): the tests below run in order and share it.
let h: Harness;
beforeAll(async () => {
  h = await harness({ capacity: 1, many: 3, manyCapacity: 100 });
});

describe('messages', () => {

  it('a confirmation in English: headers, both bodies, the manage link with its token, one invitation with the feed’s UID and instants', async () => {
    const body = rsvpBody({ locale: 'en' }, { name: 'Ana <b>Díaz</b>' });
    const created = await h.post('/rsvps', body);
    expect(created.body).toMatchObject({ status: 'confirmed', notification: 'queued' });
    expect((await h.server.runDueWork()).mailed).toBe(1);
    await smtp.waitFor(1);
    const [m] = smtp.messages as [Caught];
    const [row] = await h.server.services.database.db.select().from(outbox).where(eq(outbox.kind, 'confirmed'));
    expect(m.messageId).toBe(row!.messageId);
    // Once sent, the row keeps no bodies: neither the person's name nor the manage link's token.
    expect(row).toMatchObject({ status: 'sent', text: '', html: '', ics: null, icsMethod: 'REQUEST' });
    expect(JSON.stringify(row)).not.toContain(String(created.body.manageUrl).split('#')[1]);
    expect(m.parsed.from?.text).toContain('mentoring@example.edu');
    expect(m.to).toContain(body.person.email);
    expect(m.parsed.subject).toBe('Confirmed: Aligning Expectations · Mentoring Up');
    expect(m.parsed.text).toContain('Hello Ana <b>Díaz</b>,');
    expect(m.parsed.text).toContain(created.body.manageUrl);
    expect(m.parsed.text).toContain('Online · Zoom');
    expect(m.parsed.html).toContain('Hello Ana &lt;b&gt;Díaz&lt;/b&gt;,');
    expect(m.parsed.html).not.toContain('<b>Díaz');
    expect(m.parsed.html).toContain(`href="${created.body.manageUrl}"`);
    // nodemailer's icalEvent: one inline text/calendar part and one application/ics attachment, no third.
    expect(m.raw.match(/Content-Type: text\/calendar/gi)).toHaveLength(1);
    expect(m.raw.match(/Content-Type: application\/ics/gi)).toHaveLength(1);
    expect(m.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const occurrence = h.server.services.catalogs.current.workshops.get('first')!.occurrences.get(FIRST.occurrenceId)!;
    expect(vevent(m)).toMatchObject({ method: 'REQUEST', uid: UID_FIRST, sequence: 0, start: new Date(occurrence.start).toISOString(), end: new Date(occurrence.end).toISOString() });
    expect(vevent(m).recurrenceId).toBeUndefined();
    // The feed's .ics names the same event with the same UID.
    const feed = new ICAL.Component(ICAL.parse(toICalendar(h.server.services.catalogs.current.catalogs[0]!.catalog, { now: h.clock().toISOString() })));
    const same = feed.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === UID_FIRST)!;
    expect(new ICAL.Event(same).startDate.toJSDate().toISOString()).toBe(new Date(occurrence.start).toISOString());
  });

  it('a waitlisted person in Spanish, with the position; a cancellation sends CANCEL and promotes them, who gets an invitation', async () => {
    const es = rsvpBody({ locale: 'es' }, { name: 'Lucía' });
    const waiting = await h.post('/rsvps', es);
    // The first test's person holds the only seat.
    expect(waiting.body.status).toBe('waitlisted');
    await h.server.runDueWork();
    const toLucia = byTo(es.person.email);
    expect(toLucia).toHaveLength(1);
    expect(toLucia[0]!.parsed.subject).toBe('En lista de espera: Aligning Expectations · Mentoring Up');
    expect(toLucia[0]!.parsed.text).toMatch(/Hola, Lucía:[\s\S]*en la posición 1/);
    expect(toLucia[0]!.calendar).toBeUndefined();
    expect(toLucia[0]!.parsed.text).toContain(waiting.body.manageUrl);

    smtp.messages.length = 0;
    // Everyone confirmed cancels: the waiting person is promoted.
    const all = (await h.admin(`/admin/registrations?workshopId=first`)).body.registrations as { registrationId: string; status: string; email: string }[];
    for (const r of all.filter((x) => x.status === 'confirmed')) expect((await h.admin(`/admin/registrations/${r.registrationId}/cancel`, { method: 'POST' })).status).toBe(200);
    await h.server.runDueWork();
    const cancels = smtp.messages.filter((m) => m.kind === 'cancelled');
    expect(cancels.length).toBeGreaterThanOrEqual(1);
    for (const c of cancels) {
      expect(vevent(c)).toMatchObject({ method: 'CANCEL', uid: UID_FIRST });
      expect(c.parsed.text).toContain('The program staff cancelled your registration.');
      expect(c.parsed.text).not.toMatch(/#[A-Za-z0-9_-]{16,}/);
    }
    const promoted = byTo(es.person.email);
    expect(promoted).toHaveLength(1);
    expect(promoted[0]!.parsed.subject).toBe('Confirmado: Aligning Expectations · Mentoring Up');
    expect(vevent(promoted[0]!)).toMatchObject({ method: 'REQUEST', uid: UID_FIRST });
    // Later messages point to the manage page and to the confirmation's link, never carrying a token.
    expect(promoted[0]!.parsed.text).toContain('use el enlace de su correo de confirmación');
  });

  it('an occurrence of a repeating session: the invitation names it with RECURRENCE-ID under the session’s UID', async () => {
    const body = rsvpBody({ workshopId: 'series', occurrenceId: 'series-s@2026-03-16T12:00' }, { role: undefined as never, field: undefined as never });
    expect((await h.post('/rsvps', body)).status).toBe(201);
    await h.server.runDueWork();
    const mine = byTo(body.person.email);
    expect(mine).toHaveLength(3);
    const events = mine.map(vevent).sort((a, b) => a.start.localeCompare(b.start));
    expect(new Set(events.map((e) => e.uid))).toEqual(new Set([sessionUid('test-catalog', 'series-s')]));
    expect(events.map((e) => e.recurrenceId)).toEqual(['2026-03-16T16:00:00.000Z', '2026-03-23T16:00:00.000Z', '2026-03-30T16:00:00.000Z']);
    expect(events.map((e) => e.start)).toEqual(events.map((e) => e.recurrenceId));
  });
});

describe('delivery', () => {
  it('SMTP refusing mail during a load of RSVPs, then taking it: every message delivered, none twice', async () => {
    smtp.down();
    const emails: string[] = [];
    for (let i = 0; i < 40; i++) {
      const body = manyBody(0);
      emails.push(body.person.email);
      expect((await h.post('/rsvps', body)).status).toBe(201);
    }
    const failed = await h.server.runDueWork();
    expect(failed).toMatchObject({ mailed: 0, mailRetried: 40 });
    // Still down at the first retry.
    h.clock.advance(60_000);
    expect((await h.server.runDueWork()).mailed).toBe(0);
    smtp.up();
    // Backoff: not yet due a second after the failure.
    expect((await h.server.runDueWork()).mailed).toBe(0);
    h.clock.advance(10 * 60_000);
    expect((await h.server.runDueWork()).mailed).toBe(40);
    expect((await h.server.runDueWork()).mailed).toBe(0);
    await smtp.waitFor(40);
    expect(smtp.messages).toHaveLength(40);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(40);
    expect(new Set(smtp.messages.map((m) => m.to)).size).toBe(40);
    for (const e of emails) expect(byTo(e)).toHaveLength(1);
    const rows = await h.server.services.database.db.select().from(outbox).where(eq(outbox.occurrenceId, MANY[0]!));
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 3)).toBe(true);
  });

  it('a worker that dies after claiming a batch (one message already handed to SMTP): none lost, the repeat carries the same Message-ID', async () => {
    for (let i = 0; i < 10; i++) expect((await h.post('/rsvps', manyBody(1))).status).toBe(201);
    // The dying worker: claims six, hands one to SMTP, and is gone before marking it sent.
    const dying = new MailDelivery({ db: h.server.services.database.db, clock: h.clock, smtpUrl: smtp.url, from: FROM, batchSize: 6 });
    const claimed = await dying.claim();
    expect(claimed).toHaveLength(6);
    await dying.send(claimed[0]!);
    dying.close();
    // Another worker sends only what is unclaimed; the claimed rows wait for their lease to lapse.
    expect((await h.server.runDueWork()).mailed).toBe(4);
    h.clock.advance(3 * 60_000);
    expect((await h.server.runDueWork()).mailed).toBe(6);
    await smtp.waitFor(11);
    const ids = smtp.messages.map((m) => m.messageId);
    expect(ids).toHaveLength(11);
    expect(new Set(ids).size).toBe(10);
    expect(ids.filter((id) => id === claimed[0]!.messageId)).toHaveLength(2);
    const rows = await h.server.services.database.db.select().from(outbox).where(eq(outbox.occurrenceId, MANY[1]!));
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(10);
  });

  it('without SMTP, messages are written and stay queued, and the answer does not promise an email', async () => {
    const quiet = await startHarness({});
    harnesses.push(quiet);
    const created = await quiet.post('/rsvps', rsvpBody());
    expect(created.body).toMatchObject({ status: 'confirmed', notification: 'none' });
    expect((await quiet.server.runDueWork()).mailed).toBe(0);
    const rows = await quiet.server.services.database.db.select().from(outbox);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([['confirmed', 'queued']]);
  });
});

describe('catalog changes', () => {
  it('a reload that moves one occurrence: one updated invitation (SEQUENCE raised) per registrant of it, nothing to others, nothing on a second reload', async () => {
    const h2 = await harness({ capacity: 3 });
    smtp.messages.length = 0;
    const a = rsvpBody();
    const b = rsvpBody();
    const c = rsvpBody();
    const other = rsvpBody({ workshopId: 'lottery', occurrenceId: 'lottery-s@2026-03-20T12:00' }, { role: undefined as never, field: undefined as never });
    for (const body of [a, b, c, other]) expect((await h2.post('/rsvps', body)).status).toBe(201);
    // c cancels: told once, and not told of the move.
    const rows = (await h2.admin('/admin/registrations?workshopId=first')).body.registrations as { registrationId: string; email: string }[];
    await h2.admin(`/admin/registrations/${rows.find((r) => r.email === c.person.email)!.registrationId}/cancel`, { method: 'POST' });
    await h2.server.runDueWork();
    smtp.messages.length = 0;

    writeFileSync(h2.catalogFile, catalogYaml({ capacity: 3, moveFirst: true }));
    expect(await h2.server.reload()).toBe(true);
    expect(await h2.server.reload()).toBe(true);
    await h2.server.runDueWork();
    await h2.server.runDueWork();
    expect(smtp.messages.map((m) => m.kind)).toEqual(['changed', 'changed']);
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([a.person.email, b.person.email].sort());
    for (const m of smtp.messages) {
      expect(vevent(m)).toMatchObject({ method: 'REQUEST', uid: UID_FIRST, sequence: 1, start: '2026-03-12T20:00:00.000Z', end: '2026-03-12T21:30:00.000Z' });
      expect(m.parsed.subject).toBe('Updated: Aligning Expectations · Mentoring Up');
    }

    smtp.messages.length = 0;
    writeFileSync(h2.catalogFile, catalogYaml({ capacity: 3, moveFirst: true, cancelFirst: true }));
    expect(await h2.server.reload()).toBe(true);
    await h2.server.runDueWork();
    expect(smtp.messages.map((m) => m.kind)).toEqual(['occurrence-cancelled', 'occurrence-cancelled']);
    for (const m of smtp.messages) expect(vevent(m)).toMatchObject({ method: 'CANCEL', uid: UID_FIRST, sequence: 2 });
  });
});

describe('a repeating session losing an occurrence', () => {
  it('the cancellation names the removed occurrence by its RECURRENCE-ID in the session’s zone', async () => {
    const h3 = await harness({ capacity: 3 });
    const body = rsvpBody({ workshopId: 'series', occurrenceId: 'series-s@2026-03-16T12:00' }, { role: undefined as never, field: undefined as never });
    expect((await h3.post('/rsvps', body)).status).toBe(201);
    await h3.server.runDueWork();
    smtp.messages.length = 0;
    // The series ends a week early: its last occurrence (12:00 in New York, 16:00 UTC) is gone from the catalog.
    writeFileSync(h3.catalogFile, catalogYaml({ capacity: 3 }).replace('FREQ=WEEKLY;COUNT=3', 'FREQ=WEEKLY;COUNT=2'));
    expect(await h3.server.reload()).toBe(true);
    await h3.server.runDueWork();
    const mine = byTo(body.person.email);
    expect(mine.map((m) => m.kind)).toEqual(['occurrence-cancelled']);
    expect(vevent(mine[0]!)).toMatchObject({ method: 'CANCEL', uid: sessionUid('test-catalog', 'series-s'), recurrenceId: '2026-03-30T16:00:00.000Z' });
  });
});

describe('sharing one database', () => {
  it('two servers on one database deliver the outbox together without a double', async () => {
    const second = await createServer({ catalogs: [h.catalogFile], clock: h.clock, database: h.server.services.database, logger: silentLogger, rateLimit: false, mail: { smtpUrl: smtp.url, from: FROM, batchSize: 5 } });
    try {
      for (let i = 0; i < 30; i++) expect((await h.post('/rsvps', manyBody(2))).status).toBe(201);
      const done = await Promise.all([h.server.runDueWork(), second.runDueWork(), h.server.runDueWork(), second.runDueWork()]);
      expect(done.reduce((n, d) => n + d.mailed, 0)).toBe(30);
      await smtp.waitFor(30);
      expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(30);
      expect(smtp.messages).toHaveLength(30);
    } finally {
      await second.close();
    }
  });
});

describe('rendering', () => {
  const occurrence = { id: 'x-s@2026-03-12T15:00', sessionId: 'x-s', start: '2026-03-12T15:00:00.000-04:00', end: '2026-03-12T16:30:00.000-04:00', timeZone: 'America/New_York', localStart: '2026-03-12T15:00', localEnd: '2026-03-12T16:30', status: 'scheduled' as const, location: { kind: 'in-person' as const, venue: 'Hall <A> & "B"' } };
  const base = { name: 'Ana', email: 'ana@example.edu', programTitle: 'P & Q', contactEmail: undefined, workshopTitle: '<script>x</script>', catalogId: 'c', occurrence, sequence: 0, manageUrl: 'https://rsvp.example.edu/manage', manageHasToken: false, from: 'm@example.edu', now: new Date('2026-03-01T12:00:00Z') };
  it('an offer states its deadline in the session’s zone, in both languages, and escapes catalog text in the HTML', () => {
    const en = renderMessage({ ...base, kind: 'offered', locale: 'en', offerExpiresAt: new Date('2026-03-02T17:00:00Z') });
    expect(en.text).toContain('before March 2, 2026');
    expect(en.text).toMatch(/12:00\s?PM EST/);
    expect(en.ics).toBeUndefined();
    expect(en.html).not.toContain('<script>');
    expect(en.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(en.html).toContain('Hall &lt;A&gt; &amp; &quot;B&quot;');
    const es = renderMessage({ ...base, kind: 'offered', locale: 'es-MX', offerExpiresAt: new Date('2026-03-02T17:00:00Z') });
    expect(es.subject).toBe('Tiene una plaza ofrecida: <script>x</script> · P & Q');
    expect(es.text).toContain('antes del 2 de marzo de 2026');
  });
});
