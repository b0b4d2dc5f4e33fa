/**
 * Catalogs for the server's tests, written as YAML files like an author's. Times are in the future of the
 * tests' fixed clock (1 March 2026, 12:00 UTC), in America/New_York.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../src/clock.js';

export const T0 = new Date('2026-03-01T12:00:00Z');

/** A clock tests move by hand. */
export function steppedClock(start = T0): Clock & { advance(ms: number): void; set(at: Date): void } {
  let now = start.getTime();
  const clock = (() => new Date(now)) as Clock & { advance(ms: number): void; set(at: Date): void };
  clock.advance = (ms) => (now += ms);
  clock.set = (at) => (now = at.getTime());
  return clock;
}

export interface FixtureOptions {
  /** Seats of the first-come workshop's session. */
  capacity?: number;
  waitlist?: boolean;
  waitlistLimit?: number;
  /** `offer: PT2H` instead of automatic promotion. */
  offer?: string;
  /** Occurrences of the daily `many` workshop (concurrency tests). */
  many?: number;
  manyCapacity?: number;
  /** Cancel the `first` workshop's session (a reload). */
  cancelFirst?: boolean;
  /** Move the `first` workshop's session by an hour (a reload). */
  moveFirst?: boolean;
  /** Reserved seats for the biosciences tier. */
  reserved?: number;
  /** Drop the `first` workshop altogether (a reload). */
  dropFirst?: boolean;
}

export function catalogYaml(o: FixtureOptions = {}): string {
  const waitlist = o.waitlist === false ? '' : `\n    waitlist: { enabled: true${o.waitlistLimit ? `, limit: ${o.waitlistLimit}` : ''}${o.offer ? `, offer: { expiresAfter: ${o.offer} }` : ''} }`;
  const many = o.many
    ? `
  - id: many
    kind: scheduled
    title: Many sessions
    rsvpPolicy: open-rsvp
    capacity: ${o.manyCapacity ?? 50}
    sessions:
      - id: many-s
        start: 2026-03-10T10:00
        end: 2026-03-10T11:00
        timeZone: America/New_York
        recurrence: { rrule: "FREQ=DAILY;COUNT=${o.many}" }
`
    : '';
  const firstStart = o.moveFirst ? '2026-03-12T16:00' : '2026-03-12T15:00';
  const firstEnd = o.moveFirst ? '2026-03-12T17:30' : '2026-03-12T16:30';
  const first = o.dropFirst
    ? ''
    : `
  - id: first
    kind: scheduled
    title: Aligning Expectations
    programs: [mentoring]
    rsvpPolicy: postdoc-rsvp
    sessions:
      - id: first-s
        start: ${firstStart}
        end: ${firstEnd}
        timeZone: America/New_York
        capacity: ${o.capacity ?? 2}${o.cancelFirst ? '\n        status: cancelled' : ''}
        location: { kind: online, platform: Zoom }
`;
  return `version: 1
id: test-catalog
title: Test mentoring
defaultTimeZone: America/New_York
language: en
programs:
  - id: mentoring
    title: Mentoring Up
policies:
  - id: postdoc-rsvp
    eligibility: { fact: role, operator: in, value: [graduate-student, postdoc] }
    eligibilityText: You must be a graduate student or postdoc.
    priority:
      - id: biosciences
        label: Biosciences first
        when: { fact: field, operator: equals, value: biosciences }${o.reserved ? `\n        reservedSeats: ${o.reserved}` : ''}
    fields: [name, email, role, field]${waitlist}
  - id: open-rsvp
    fields: [name, email]
    waitlist: { enabled: true }
  - id: series-rsvp
    fields: [name, email]
    seriesRegistration: true
    capacity: 2
    waitlist: { enabled: true }
  - id: lottery-rsvp
    fields: [name, email]
    capacity: 2
    waitlist: { enabled: true }
    window:
      closes: { kind: session, edge: start, before: P2D }
    allocation: { mode: at-close, order: lottery }
workshops:${first}
  - id: series
    kind: scheduled
    title: A weekly series
    rsvpPolicy: series-rsvp
    sessions:
      - id: series-s
        start: 2026-03-16T12:00
        end: 2026-03-16T13:00
        timeZone: America/New_York
        recurrence: { rrule: "FREQ=WEEKLY;COUNT=3" }
  - id: lottery
    kind: scheduled
    title: Drawn by lot
    rsvpPolicy: lottery-rsvp
    sessions:
      - id: lottery-s
        start: 2026-03-20T12:00
        end: 2026-03-20T13:00
        timeZone: America/New_York
  - id: past
    kind: scheduled
    title: Already held
    rsvpPolicy: open-rsvp
    sessions:
      - id: past-s
        start: 2026-01-20T12:00
        end: 2026-01-20T13:00
        timeZone: America/New_York
${many}`;
}

/** Writes a catalog into a new temporary folder and returns its path. */
export function writeCatalog(options: FixtureOptions = {}, dir = mkdtempSync(join(tmpdir(), 'mk-catalog-'))): string {
  const file = join(dir, 'catalog.yaml');
  writeFileSync(file, catalogYaml(options));
  return file;
}

export const FIRST = { workshopId: 'first', occurrenceId: 'first-s@2026-03-12T15:00' };

let people = 0;
/** A valid RSVP body for the `first` workshop from a new person (or the one named). */
export function rsvpBody(overrides: Record<string, unknown> = {}, person: Record<string, string> = {}) {
  const n = ++people;
  return {
    ...FIRST,
    person: { name: `Person ${n}`, email: `person${n}-${process.pid}@example.edu`, role: 'postdoc', field: 'chemistry', ...person },
    answers: {},
    website: '',
    elapsedMs: 30_000,
    locale: 'en',
    ...overrides,
  };
}

export function postJson(body: unknown, key: string = crypto.randomUUID(), headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers }, body: JSON.stringify(body) };
}
