/**
 * Reminders at the policy's offsets, counted in the session's zone: a session on the morning US clocks
 * spring forward gets its "a day before" reminder at the same local time the day before (15:00 UTC, not
 * 14:00), sent once, never to someone who cancelled; the follow-up links the recording after the session.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type MentorkitServer } from '../src/app.js';
import { silentLogger } from '../src/http/logger.js';
import { reminderAt } from '../src/mail/reminders.js';
import { postJson, steppedClock } from './fixtures.js';
import { startSmtp, type SmtpCatcher } from './smtp.js';

const CATALOG = `version: 1
id: remind-catalog
title: Reminders
defaultTimeZone: America/New_York
language: en
programs:
  - id: p
    title: Reminder Program
    contacts: [{ email: mentoring@example.edu }]
policies:
  - id: remind
    fields: [name, email]
    reminders: [P1D, PT1H]
workshops:
  - id: dst
    kind: scheduled
    title: Across the clock change
    programs: [p]
    rsvpPolicy: remind
    sessions:
      - id: dst-s
        start: 2026-03-08T10:00
        end: 2026-03-08T11:00
        timeZone: America/New_York
        capacity: 10
        recording: { url: "https://video.example.edu/dst", access: { level: public } }
`;
const OCCURRENCE = { workshopId: 'dst', occurrenceId: 'dst-s@2026-03-08T10:00' };

let smtp: SmtpCatcher;
let server: MentorkitServer;
const clock = steppedClock();
beforeAll(async () => {
  smtp = await startSmtp();
  const dir = mkdtempSync(join(tmpdir(), 'mk-remind-'));
  writeFileSync(join(dir, 'catalog.yaml'), CATALOG);
  server = await createServer({ catalogs: [join(dir, 'catalog.yaml')], clock, logger: silentLogger, rateLimit: false, mail: { smtpUrl: smtp.url, from: 'mentoring@example.edu' } });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const rsvp = async (n: number) => {
  const res = await server.request('/rsvps', postJson({ ...OCCURRENCE, person: { name: `R ${n}`, email: `r${n}@example.edu` }, answers: {}, website: '', elapsedMs: 30_000, locale: n === 2 ? 'es' : 'en' }));
  expect(res.status).toBe(201);
  return (await res.json()) as { manageUrl: string };
};

describe('reminders', () => {
  it('P1D is the same local time the day before, across the spring-forward change', () => {
    const o = { localStart: '2026-03-08T10:00', timeZone: 'America/New_York' };
    expect(reminderAt(o, 'P1D').toISOString()).toBe('2026-03-07T15:00:00.000Z');
    expect(reminderAt(o, 'PT1H').toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(reminderAt(o, 'PT24H').toISOString()).toBe('2026-03-07T14:00:00.000Z');
  });

  it('sends each reminder once, at its instant, only to people holding a place; then the follow-up with the recording', async () => {
    await rsvp(1);
    await rsvp(2);
    const leaving = await rsvp(3);
    const cancel = await server.request('/manage/cancel', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: leaving.manageUrl.split('#')[1] }) });
    expect(cancel.status).toBe(200);
    await server.runDueWork();
    smtp.messages.length = 0;

    // 24 hours before is not a day before in New York this weekend.
    clock.set(new Date('2026-03-07T14:30:00Z'));
    expect((await server.runDueWork()).reminded).toBe(0);
    clock.set(new Date('2026-03-07T15:00:00Z'));
    expect((await server.runDueWork()).reminded).toBe(2);
    clock.set(new Date('2026-03-07T18:00:00Z'));
    expect((await server.runDueWork()).reminded).toBe(0);
    expect(smtp.messages.map((m) => m.kind)).toEqual(['reminder', 'reminder']);
    expect(smtp.messages.map((m) => m.to).sort()).toEqual(['r1@example.edu', 'r2@example.edu']);
    expect(smtp.messages.find((m) => m.to.includes('r2@'))!.parsed.subject).toBe('Recordatorio: Across the clock change · Reminder Program');
    expect(smtp.messages.find((m) => m.to.includes('r1@'))!.parsed.text).toContain('mentoring@example.edu');

    smtp.messages.length = 0;
    clock.set(new Date('2026-03-08T12:59:00Z'));
    expect((await server.runDueWork()).reminded).toBe(0);
    clock.set(new Date('2026-03-08T13:00:00Z'));
    expect((await server.runDueWork()).reminded).toBe(2);
    expect((await server.runDueWork()).reminded).toBe(0);
    expect(smtp.messages.map((m) => m.kind)).toEqual(['reminder', 'reminder']);

    smtp.messages.length = 0;
    clock.set(new Date('2026-03-08T15:30:00Z'));
    expect((await server.runDueWork()).reminded).toBe(2);
    expect((await server.runDueWork()).reminded).toBe(0);
    expect(smtp.messages.map((m) => m.kind)).toEqual(['follow-up', 'follow-up']);
    for (const m of smtp.messages) expect(m.parsed.text).toContain('https://video.example.edu/dst');
  });
});
