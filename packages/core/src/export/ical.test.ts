import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoCatalog } from '../../test/seed-helpers.js';
import { parseCatalog, type Catalog, type CatalogInput } from '../catalog/index.js';
import { buildFeed } from '../feed/build.js';
import { expandOccurrences } from '../recurrence/index.js';
import type { SessionStatus } from '../session/session.schema.js';
import { unfoldLines } from './ical-text.js';
import { sessionUid } from './calendar-links.js';
import { DEFAULT_PRODID, icalStatus, rruleForExport, toICalendar } from './ical.js';

const NOW = '2026-01-05T12:00:00Z';
const WINDOW = { from: new Date('2015-01-01T00:00:00Z'), to: new Date('2031-01-01T00:00:00Z') };

/** One occurrence as both sides see it. Timed ones by UTC millis; date-only ones by their dates. */
interface Seen {
  uid: string;
  start: string;
  end: string;
  status: string;
  summary: string;
}

const seenSort = (a: Seen, b: Seen): number => (a.uid + a.start < b.uid + b.start ? -1 : a.uid + a.start > b.uid + b.start ? 1 : 0);

/** The events of an .ics read by ical.js, by UID, with their RECURRENCE-ID exceptions related to them. */
function icalMasters(ics: string): Map<string, ICAL.Event> {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    if (event.isRecurrenceException()) exceptions.push(event);
    else {
      expect(masters.has(event.uid), `duplicate master UID ${event.uid}`).toBe(false);
      masters.set(event.uid, event);
    }
  }
  for (const exception of exceptions) {
    const master = masters.get(exception.uid);
    expect(master, `exception without a master: ${exception.uid}`).toBeDefined();
    master!.relateException(exception);
  }
  return masters;
}

/** Occurrences of every event in an .ics, expanded by ical.js. */
function icalOccurrences(ics: string, window: { from: Date; to: Date }): Seen[] {
  const masters = icalMasters(ics);
  const out: Seen[] = [];
  const push = (uid: string, start: ICAL.Time, end: ICAL.Time, item: ICAL.Event) => {
    const dated = start.isDate;
    const startKey = dated ? start.toString() : new Date(start.toUnixTime() * 1000).toISOString();
    const endKey = dated ? end.toString() : new Date(end.toUnixTime() * 1000).toISOString();
    const overlaps = dated || (end.toUnixTime() * 1000 > window.from.getTime() && start.toUnixTime() * 1000 < window.to.getTime());
    if (overlaps) out.push({ uid, start: startKey, end: endKey, status: String(item.component.getFirstPropertyValue('status')), summary: item.summary });
  };
  for (const [uid, master] of masters) {
    if (!master.isRecurring()) {
      push(uid, master.startDate, master.endDate, master);
      continue;
    }
    const iterator = master.iterator();
    // Moved occurrences may land later than their recurrence id; look two days past the window.
    const stop = window.to.getTime() + 2 * 86_400_000;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (!next.isDate && next.toUnixTime() * 1000 > stop) break;
      const details = master.getOccurrenceDetails(next);
      push(uid, details.startDate, details.endDate, details.item);
    }
  }
  return out.sort(seenSort);
}

/** The same, from the recurrence engine: what the .ics must say. */
function engineOccurrences(catalog: Catalog, window: { from: Date; to: Date }): Seen[] {
  const themeTitle = new Map(catalog.curricula.flatMap((c) => c.themes.map((t) => [t.id, t.title])));
  const out: Seen[] = [];
  for (const w of catalog.workshops) {
    if (w.kind !== 'scheduled') continue;
    for (const session of w.sessions) {
      for (const o of expandOccurrences(session, window, { workshopId: w.id })) {
        const detail = o.title ?? o.topic ?? (o.theme !== undefined ? themeTitle.get(o.theme) : undefined);
        const dated = session.timeUnknown === true;
        const nextDay = (local: string) => new Date(Date.parse(`${local.slice(0, 10)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        out.push({
          uid: `${session.id}@${catalog.id}.mentorkit`,
          start: dated ? o.localStart.slice(0, 10) : new Date(o.start).toISOString(),
          end: dated ? nextDay(o.localEnd) : new Date(o.end).toISOString(),
          status: icalStatus(o.status),
          summary: detail !== undefined && detail !== w.title ? `${w.title}: ${detail}` : w.title,
        });
      }
    }
  }
  return out.sort(seenSort);
}

afterEach(() => ICAL.TimezoneService.reset());

const SEEDS = ['advancing-mentorship.yaml', 'mentoring-up.yaml', 'mentoring-resources.yaml'] as const;

describe('toICalendar on the seed catalogs', () => {
  it.each(SEEDS)('%s: ical.js yields the same occurrences as expandOccurrences', (file) => {
    const catalog = loadDemoCatalog(file);
    const ics = toICalendar(catalog, { now: NOW });
    const expected = engineOccurrences(catalog, WINDOW);
    const sessions = catalog.workshops.flatMap((w) => (w.kind === 'scheduled' ? w.sessions : []));
    // A catalog whose workshops publish no dates (mentoring-resources) has nothing to compare but must stay empty.
    expect(expected.length >= sessions.length).toBe(true);
    if (sessions.length === 0) expect(ics).not.toContain('BEGIN:VEVENT');
    expect(icalOccurrences(ics, WINDOW)).toEqual(expected);
  });

  it('the three catalogs together: every session of every workshop', () => {
    const catalogs = SEEDS.map(loadDemoCatalog);
    let sessions = 0;
    let occurrences = 0;
    for (const catalog of catalogs) {
      const ics = toICalendar(catalog, { now: NOW });
      const scheduledSessions = catalog.workshops.flatMap((w) => (w.kind === 'scheduled' ? w.sessions : []));
      // One UID per session, however many exceptions it has.
      const uids = new Set([...unfoldLines(ics).matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]));
      expect(uids).toEqual(new Set(scheduledSessions.map((s) => sessionUid(catalog.id, s.id))));
      sessions += scheduledSessions.length;
      occurrences += icalOccurrences(ics, WINDOW).length;
    }
    expect(sessions).toBeGreaterThan(5);
    expect(occurrences).toBeGreaterThanOrEqual(sessions);
  });

  it.each(SEEDS)('%s: request-only workshops produce no events', (file) => {
    const catalog = loadDemoCatalog(file);
    const requestOnly = catalog.workshops.filter((w) => w.kind === 'request-only');
    for (const w of requestOnly) {
      const ics = toICalendar(catalog, { now: NOW, workshops: [w.id] });
      expect(ics).not.toContain('BEGIN:VEVENT');
      expect(ics).not.toContain('BEGIN:VTIMEZONE');
    }
  });
});

/** A catalog for edge cases: DST-spanning series, UNTIL forms, RDATE/EXDATE, overrides, statuses, dates only. */
function fixture(): Catalog {
  const input: CatalogInput = {
    version: 1,
    id: 'test-u',
    title: 'Test University; Mentoring, Workshops',
    defaultTimeZone: 'America/New_York',
    url: 'https://example.edu/mentoring',
    organizations: [{ id: 'ctl', name: 'Center for Teaching, Learning' }],
    people: [{ id: 'ada', name: 'Ada Lovelace', email: 'ada@example.edu' }],
    programs: [
      { id: 'amp', title: 'Advancing Mentorship', hosts: ['ctl'], contacts: [{ person: 'ada' }] },
      { id: 'other', title: 'Other program' },
    ],
    curricula: [
      {
        id: 'em',
        title: 'Entering Mentoring',
        themes: [{ id: 'aligning', title: 'Aligning Expectations', objectives: [{ id: 'ae1', statement: 'Set expectations, together.' }] }],
      },
    ],
    workshops: [
      {
        id: 'ny-weekly',
        kind: 'scheduled',
        title: 'Mentoring Up, in New York',
        programs: ['amp'],
        objectives: [{ ref: 'ae1' }, { statement: 'Write a plan; share it' }],
        image: { url: 'https://example.edu/img.png', alt: 'A room' },
        sessions: [
          {
            // Twice a week across the March and November changes.
            id: 'ny-tt',
            title: 'Tuesday/Thursday',
            start: '2026-02-03T10:00',
            end: '2026-02-03T11:30',
            timeZone: 'America/New_York',
            recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261112', rdates: ['2026-03-09T16:00'], exdates: ['2026-03-10T10:00', '2026-02-03T10:00'] },
            overrides: [
              { occurrence: '2026-03-12T10:00', start: '2026-03-13T14:00', title: 'Moved to Friday' },
              { occurrence: '2026-03-17T10:00', status: 'cancelled', statusNote: 'Snow' },
              { occurrence: '2026-11-03T10:00', topic: 'Election day', status: 'postponed' },
              { occurrence: '2026-11-05T10:00', theme: 'aligning', end: '2026-11-05T12:00' },
            ],
            location: { kind: 'hybrid', venue: 'Butler Library', room: '203', platform: 'Zoom', url: 'https://zoom.example/j/1' },
          },
          {
            // Open-ended monthly series with a wall-clock UNTIL, a UTC UNTIL below, and a COUNT.
            id: 'ny-monthly',
            start: '2026-01-30T16:00',
            end: '2026-01-30T17:00',
            timeZone: 'America/New_York',
            recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270326T160000' },
            location: { kind: 'in-person', venue: 'Low Library', address: '535 W 116th St, New York, NY' },
          },
          {
            id: 'ny-utc-until',
            start: '2026-10-20T09:00',
            end: '2026-10-20T09:45',
            timeZone: 'America/New_York',
            recurrence: { rrule: 'FREQ=DAILY;UNTIL=20261103T140000Z' },
            status: 'moved-online',
            location: { kind: 'online', platform: 'Teams' },
          },
          { id: 'ny-open', start: '2026-06-01T08:00', end: '2026-06-01T09:00', timeZone: 'America/New_York', recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=2' } },
        ],
      },
      {
        id: 'lord-howe',
        kind: 'scheduled',
        title: 'Island mentoring',
        programs: ['other'],
        modality: 'online',
        sessions: [
          {
            // Weekly across the April (−30 min) and October (+30 min) changes, never open-ended in count.
            id: 'lh-weekly',
            start: '2026-03-01T09:00',
            end: '2026-03-01T10:00',
            timeZone: 'Australia/Lord_Howe',
            recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SU,WE;COUNT=70' },
            overrides: [{ occurrence: '2026-04-05T09:00', start: '2026-04-05T03:00', end: '2026-04-05T04:00', title: 'Right after the change' }],
          },
          { id: 'lh-cancelled', start: '2026-10-04T12:00', end: '2026-10-04T13:00', timeZone: 'Australia/Lord_Howe', status: 'cancelled', statusNote: 'Storm' },
          {
            id: 'lh-series-cancelled',
            start: '2026-05-01T12:00',
            end: '2026-05-01T13:00',
            timeZone: 'Australia/Lord_Howe',
            status: 'cancelled',
            recurrence: { rrule: 'FREQ=DAILY;COUNT=3' },
            overrides: [{ occurrence: '2026-05-02T12:00', status: 'scheduled', title: 'Still cancelled' }],
          },
        ],
      },
      {
        id: 'dates-only',
        kind: 'scheduled',
        title: 'Monthly conversations',
        sessions: [
          {
            id: 'monthly-dates',
            start: '2025-02-06T12:00',
            end: '2025-02-06T13:00',
            timeZone: 'America/New_York',
            timeUnknown: true,
            recurrence: { rdates: ['2025-03-06T12:00', '2025-04-10T12:00'] },
            overrides: [{ occurrence: '2025-03-06T12:00', topic: 'Mental health' }],
          },
          {
            id: 'weekly-dates',
            start: '2025-02-04T23:30',
            end: '2025-02-05T00:30',
            timeZone: 'America/New_York',
            timeUnknown: true,
            recurrence: { rrule: 'FREQ=WEEKLY;UNTIL=20250304', exdates: ['2025-02-11T23:30'] },
          },
        ],
      },
      { id: 'to-go', kind: 'request-only', title: 'Workshops to go', request: { method: 'email', email: 'ctl@example.edu' } },
    ],
  };
  const parsed = parseCatalog(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors, null, 2));
  return parsed.catalog;
}

describe('toICalendar round trip through ical.js', () => {
  it('yields the engine occurrences for DST-spanning series in New York and Lord Howe, overrides, UNTIL forms and date-only sessions', () => {
    const catalog = fixture();
    const ics = toICalendar(catalog, { now: NOW });
    const window = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2028-01-01T00:00:00Z') };
    const expected = engineOccurrences(catalog, window);
    const actual = icalOccurrences(ics, window);
    expect(actual).toEqual(expected);
    // The fixture really exercises what it claims.
    const byUid = (id: string) => expected.filter((o) => o.uid === sessionUid('test-u', id));
    expect(byUid('ny-tt').some((o) => o.start === '2026-03-05T15:00:00.000Z' && byUid('ny-tt').some((p) => p.start === '2026-03-19T14:00:00.000Z'))).toBe(true);
    expect(byUid('lh-weekly').map((o) => o.start)).toContain('2026-04-07T22:30:00.000Z'); // Wednesday 09:00 at +10:30
    expect(byUid('lh-weekly').map((o) => o.start)).toContain('2026-10-06T22:00:00.000Z'); // 09:00 at +11
    expect(byUid('lh-weekly')).toHaveLength(70);
    expect(new Set(expected.map((o) => o.status))).toEqual(new Set(['CONFIRMED', 'CANCELLED', 'TENTATIVE']));
    expect(byUid('ny-open').length).toBeGreaterThan(30);
  });

  it('names every occurrence as the feed does: the session UID, and for a repeating session the feed occurrence recurrenceId', () => {
    const catalog = fixture();
    const window = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2028-01-01T00:00:00Z') };
    const ms = (t: ICAL.Time) => t.toUnixTime() * 1000;
    // Calendar side: uid + recurrence instant (or none for a single event) → start instant.
    const fromIcs = new Map<string, number>();
    for (const master of icalMasters(toICalendar(catalog, { now: NOW })).values()) {
      if (master.startDate.isDate) continue;
      if (!master.isRecurring()) {
        fromIcs.set(master.uid, ms(master.startDate));
        continue;
      }
      const iterator = master.iterator();
      for (let next = iterator.next(); next && ms(next) < window.to.getTime(); next = iterator.next()) {
        const details = master.getOccurrenceDetails(next);
        if (ms(details.endDate) > window.from.getTime()) fromIcs.set(`${master.uid} ${ms(details.recurrenceId)}`, ms(details.startDate));
      }
    }
    const feed = buildFeed(catalog, { now: NOW, from: window.from, to: window.to });
    const fromFeed = new Map<string, number>();
    let moved = 0;
    for (const w of feed.workshops) {
      for (const o of w.occurrences) {
        if (o.timeUnknown) continue;
        const uid = sessionUid(feed.catalog.id, o.sessionId);
        fromFeed.set(o.recurrenceId === undefined ? uid : `${uid} ${Date.parse(o.recurrenceId)}`, Date.parse(o.start));
        if (o.recurrenceId !== undefined && o.recurrenceId !== o.start) moved++;
      }
    }
    expect([...fromFeed].sort()).toEqual([...fromIcs].sort());
    expect(moved).toBeGreaterThan(0);
  });

  it('keeps the event in its zone: DTSTART, RRULE, RDATE, EXDATE and RECURRENCE-ID carry the TZID, UNTIL is UTC', () => {
    const lines = unfoldLines(toICalendar(fixture(), { now: NOW })).split('\r\n');
    expect(lines).toContain('DTSTART;TZID=America/New_York:20260203T100000');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261113T045959Z');
    expect(lines).toContain('RDATE;TZID=America/New_York:20260309T160000');
    expect(lines).toContain('EXDATE;TZID=America/New_York:20260310T100000,20260203T100000');
    expect(lines).toContain('RECURRENCE-ID;TZID=America/New_York:20260312T100000');
    expect(lines).toContain('RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270326T200000Z');
    expect(lines).toContain('RRULE:FREQ=DAILY;UNTIL=20261103T140000Z');
    expect(lines).toContain('DTSTART;TZID=Australia/Lord_Howe:20260301T090000');
    expect(lines.filter((l) => l.startsWith('RECURRENCE-ID;TZID=America/New_York:20260401'))).toEqual([]);
  });

  it('writes date-only sessions as all-day events', () => {
    const lines = unfoldLines(toICalendar(fixture(), { now: NOW, workshops: ['dates-only'] })).split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20250206');
    expect(lines).toContain('DTEND;VALUE=DATE:20250207');
    expect(lines).toContain('RDATE;VALUE=DATE:20250206,20250306,20250410');
    expect(lines).toContain('RECURRENCE-ID;VALUE=DATE:20250306');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;UNTIL=20250304');
    expect(lines).toContain('EXDATE;VALUE=DATE:20250211');
    // An evening session running past midnight ends on the next date; DTEND is exclusive.
    expect(lines).toContain('DTEND;VALUE=DATE:20250206');
    expect(lines.some((l) => l.startsWith('DESCRIPTION:') && l.includes('time of day is to be confirmed'))).toBe(true);
    expect(lines).not.toContain('BEGIN:VTIMEZONE');
  });
});

describe('toICalendar output', () => {
  const catalog = fixture();
  const ics = toICalendar(catalog, { now: NOW });
  const lines = unfoldLines(ics).split('\r\n');
  const eventsOf = (text: string) =>
    unfoldLines(text)
      .split('BEGIN:VEVENT\r\n')
      .slice(1)
      .map((e) => e.slice(0, e.indexOf('END:VEVENT')).split('\r\n').filter(Boolean));
  const prop = (event: string[], name: string) => event.filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

  it('uses CRLF only and folds every line to 75 octets', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('starts with the calendar properties', () => {
    expect(lines.slice(0, 9)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:${DEFAULT_PRODID}`,
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'NAME:Test University\\; Mentoring\\, Workshops',
      'X-WR-CALNAME:Test University\\; Mentoring\\, Workshops',
      'X-WR-TIMEZONE:America/New_York',
      'BEGIN:VTIMEZONE',
    ]);
    const custom = unfoldLines(toICalendar(catalog, { now: NOW, prodId: '-//Example U//Feed//EN', calendarName: 'Mentoring' }));
    expect(custom).toContain('PRODID:-//Example U//Feed//EN\r\n');
    expect(custom).toContain('X-WR-CALNAME:Mentoring\r\n');
  });

  it('is deterministic and stamps every event with now in UTC', () => {
    expect(toICalendar(catalog, { now: new Date(NOW) })).toBe(ics);
    const stamps = lines.filter((l) => l.startsWith('DTSTAMP'));
    expect(stamps.length).toBe(eventsOf(ics).length);
    expect(new Set(stamps)).toEqual(new Set(['DTSTAMP:20260105T120000Z']));
  });

  it('writes one VTIMEZONE per zone used, and none for a zone only date-only sessions use', () => {
    const tzids = lines.filter((l) => l.startsWith('TZID:'));
    expect(tzids).toEqual(['TZID:America/New_York', 'TZID:Australia/Lord_Howe']);
    const used = new Set([...ics.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1]));
    expect(used).toEqual(new Set(['America/New_York', 'Australia/Lord_Howe']));
  });

  it('gives each event UID, SUMMARY, status, location, URL, categories and links', () => {
    const events = eventsOf(ics);
    const master = events.find((e) => e.includes('UID:ny-tt@test-u.mentorkit') && prop(e, 'RECURRENCE-ID').length === 0)!;
    expect(master).toContain('SUMMARY:Mentoring Up\\, in New York: Tuesday/Thursday');
    expect(master).toContain('STATUS:CONFIRMED');
    expect(master).toContain('LOCATION:Butler Library\\, 203 and online (Zoom)');
    expect(master).toContain('URL;VALUE=URI:https://example.edu/mentoring');
    expect(master).toContain('CATEGORIES:Advancing Mentorship,Aligning Expectations');
    expect(master).toContain('ORGANIZER;CN=Ada Lovelace:mailto:ada@example.edu');
    expect(master).toContain('CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Zoom:https://zoom.example/j/1');
    expect(master).toContain('IMAGE;VALUE=URI;DISPLAY=BADGE:https://example.edu/img.png');
    const description = prop(master, 'DESCRIPTION')[0]!;
    expect(description).toContain('- Set expectations\\, together.\\n- Write a plan\\; share it');
    expect(description).toContain('Join: https://zoom.example/j/1');

    const postponed = events.find((e) => e.includes('RECURRENCE-ID;TZID=America/New_York:20261103T100000'))!;
    expect(postponed).toContain('STATUS:TENTATIVE');
    expect(postponed).toContain('SUMMARY:Mentoring Up\\, in New York: Tuesday/Thursday');
    expect(prop(postponed, 'DESCRIPTION')[0]).toMatch(/^DESCRIPTION:Postponed\.\\n\\nTopic: Election day/);

    const cancelled = events.find((e) => e.includes('UID:lh-cancelled@test-u.mentorkit'))!;
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(prop(cancelled, 'DESCRIPTION')[0]).toMatch(/^DESCRIPTION:Cancelled: Storm/);
    // An online workshop without a location still says where; no email contact, no ORGANIZER.
    expect(cancelled).toContain('LOCATION:Online');
    expect(prop(cancelled, 'ORGANIZER')).toEqual([]);
    expect(prop(cancelled, 'CONFERENCE')).toEqual([]);

    const movedOnline = events.find((e) => e.includes('UID:ny-utc-until@test-u.mentorkit'))!;
    expect(movedOnline).toContain('STATUS:CONFIRMED');
    expect(prop(movedOnline, 'DESCRIPTION')[0]).toMatch(/^DESCRIPTION:Moved online\./);
  });

  it('reads back escaped text intact through ical.js', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.uid === 'ny-tt@test-u.mentorkit' && !e.isRecurrenceException())!;
    expect(event.summary).toBe('Mentoring Up, in New York: Tuesday/Thursday');
    expect(event.description).toContain('- Set expectations, together.\n- Write a plan; share it');
    expect(event.component.getFirstProperty('categories')!.getValues()).toEqual(['Advancing Mentorship', 'Aligning Expectations']);
  });

  it('exports a subset by workshop or program, and rejects unknown ids by name', () => {
    const only = toICalendar(catalog, { now: NOW, programs: ['other'] });
    expect(only).toContain('UID:lh-weekly@test-u.mentorkit');
    expect(only).not.toContain('UID:ny-tt@');
    expect(unfoldLines(only).match(/^TZID:[^\r]*/gm)).toEqual(['TZID:Australia/Lord_Howe']);
    expect(toICalendar(catalog, { now: NOW, workshops: ['ny-weekly'], programs: ['other'] })).not.toContain('BEGIN:VEVENT');
    expect(() => toICalendar(catalog, { now: NOW, workshops: ['ny-weekly', 'nope'] })).toThrow(/unknown workshop id "nope"/);
    expect(() => toICalendar(catalog, { now: NOW, programs: ['nah'] })).toThrow(/unknown program id "nah"/);
  });

  it('rejects a clock that is not an instant', () => {
    expect(() => toICalendar(catalog, { now: '2026-01-05T12:00' })).toThrow(/options\.now/);
    expect(() => toICalendar(catalog, { now: new Date('x') })).toThrow(/options\.now/);
  });
});

describe('icalStatus', () => {
  it.each<[SessionStatus, string]>([
    ['scheduled', 'CONFIRMED'],
    ['rescheduled', 'CONFIRMED'],
    ['moved-online', 'CONFIRMED'],
    ['postponed', 'TENTATIVE'],
    ['cancelled', 'CANCELLED'],
  ])('%s → %s', (status, expected) => expect(icalStatus(status)).toBe(expected));
});

describe('rruleForExport', () => {
  it('turns a date UNTIL into the end of that day in the zone, in UTC', () => {
    expect(rruleForExport('FREQ=DAILY;UNTIL=20260705', 'America/New_York')).toBe('FREQ=DAILY;UNTIL=20260706T035959Z');
  });
  it('turns a wall-clock UNTIL into UTC and keeps a UTC one', () => {
    expect(rruleForExport('freq=weekly;until=20260105T100000', 'America/New_York')).toBe('FREQ=WEEKLY;UNTIL=20260105T150000Z');
    expect(rruleForExport('FREQ=WEEKLY;UNTIL=20260105T100000Z', 'America/New_York')).toBe('FREQ=WEEKLY;UNTIL=20260105T100000Z');
  });
  it('writes UNTIL as a date next to a date DTSTART', () => {
    expect(rruleForExport('FREQ=WEEKLY;UNTIL=20260105T030000Z', 'America/New_York', { dates: true })).toBe('FREQ=WEEKLY;UNTIL=20260104');
    expect(rruleForExport('FREQ=WEEKLY;UNTIL=20260105T100000', 'America/New_York', { dates: true })).toBe('FREQ=WEEKLY;UNTIL=20260105');
  });
});
