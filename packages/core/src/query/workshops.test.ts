import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../catalog/parse.js';
import type { Catalog } from '../catalog/catalog.schema.js';
import { RecurrenceError } from '../recurrence/errors.js';
import { filterWorkshops, nextWorkshopOccurrence, pastWorkshops, requestOnlyWorkshops, upcomingWorkshops } from './workshops.js';

const NOW = '2026-02-10T12:00:00-05:00'; // a Tuesday, at noon in New York

const ids = (list: readonly { id: string }[]) => list.map((w) => w.id);

function catalog(): Catalog {
  const parsed = parseCatalog({
    version: 1,
    id: 'test-u',
    title: 'Test University mentoring',
    defaultTimeZone: 'America/New_York',
    people: [{ id: 'ana', name: 'Ana Núñez' }],
    audiences: [
      { id: 'faculty-mentors', name: 'Faculty mentors' },
      { id: 'postdocs', name: 'Postdocs' },
    ],
    curricula: [
      {
        id: 'em',
        title: 'Entering Mentoring',
        themes: [
          { id: 'expectations', title: 'Aligning expectations', objectives: [{ id: 'em-ae-1', statement: 'Set expectations' }] },
          { id: 'equity', title: 'Equity and inclusion' },
          { id: 'communication', title: 'Communication' },
        ],
      },
    ],
    programs: [
      { id: 'mentor-series', title: 'Mentor series' },
      { id: 'postdoc-pd', title: 'Postdoc development' },
    ],
    workshops: [
      {
        // Weekly on Thursdays, in progress this term; one week cancelled.
        kind: 'scheduled',
        id: 'weekly-circle',
        title: 'Mentoring circle',
        summary: 'A weekly peer circle',
        programs: ['mentor-series'],
        audiences: ['faculty-mentors'],
        themes: ['communication'],
        modality: 'online',
        formats: [{ durationMinutes: 60 }],
        sessions: [
          {
            id: 'circle',
            start: '2026-01-15T15:00',
            end: '2026-01-15T16:00',
            timeZone: 'America/New_York',
            recurrence: { rrule: 'FREQ=WEEKLY;COUNT=10' },
            overrides: [{ occurrence: '2026-02-12T15:00', status: 'cancelled' }],
          },
        ],
      },
      {
        // Two one-off sessions in March, in person; the objective ref brings in theme "expectations".
        kind: 'scheduled',
        id: 'expectations-lab',
        title: 'Aligning expectations lab',
        audiences: ['postdocs'],
        programs: ['postdoc-pd'],
        objectives: [{ ref: 'em-ae-1' }],
        presenters: [{ role: 'facilitator', person: 'ana' }],
        sessions: [
          { id: 'lab-1', start: '2026-03-03T09:00', end: '2026-03-03T12:00', timeZone: 'America/New_York', location: { kind: 'in-person', venue: 'Library 201' } },
          { id: 'lab-2', start: '2026-03-05T09:00', end: '2026-03-05T12:00', timeZone: 'America/New_York', location: { kind: 'in-person', venue: 'Library 201' } },
        ],
      },
      {
        // The same day as the lab's first session, later: 13:00 in Los Angeles is 16:00 in New York.
        kind: 'scheduled',
        id: 'equity-talk',
        title: 'Équité: a conversation',
        audiences: ['faculty-mentors', 'postdocs'],
        basedOn: { curriculum: 'em', themes: ['equity'] },
        sessions: [{ id: 'talk', start: '2026-03-03T13:00', end: '2026-03-03T14:30', timeZone: 'America/Los_Angeles', location: { kind: 'hybrid', venue: 'Hall' } }],
      },
      {
        kind: 'scheduled',
        id: 'fall-retreat',
        title: 'Fall retreat',
        audiences: ['faculty-mentors'],
        sessions: [{ id: 'retreat', start: '2025-10-20T09:00', end: '2025-10-20T17:00', timeZone: 'America/New_York' }],
      },
      {
        kind: 'scheduled',
        id: 'summer-institute',
        title: 'Summer institute',
        sessions: [{ id: 'institute', start: '2025-06-02T09:00', end: '2025-06-06T16:00', timeZone: 'America/New_York' }],
      },
      { kind: 'scheduled', id: 'old-series', title: 'An old series', lastHeld: '2024' },
      { kind: 'scheduled', id: 'spring-2025', title: 'A spring workshop', lastHeld: '2025-04' },
      {
        kind: 'scheduled',
        id: 'cancelled-event',
        title: 'Cancelled event',
        sessions: [{ id: 'c', start: '2026-04-01T10:00', end: '2026-04-01T11:00', timeZone: 'America/New_York', status: 'cancelled' }],
      },
      { kind: 'scheduled', id: 'someday', title: 'Someday', scheduleText: 'Offered twice a year' },
      { kind: 'request-only', id: 'workshops-to-go', title: 'Workshops to go', request: { method: 'email', email: 'mentoring@example.edu' } },
      { kind: 'request-only', id: 'consultations', title: 'Consultations', modality: 'online', request: { method: 'contact' } },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.pathText}: ${e.message}`).join('\n'));
  return parsed.catalog;
}

describe('upcomingWorkshops', () => {
  it('lists workshops with a non-cancelled occurrence ending after now, by next start, with their occurrences', () => {
    const out = upcomingWorkshops(catalog(), { now: NOW });
    expect(out.map((u) => [u.workshop.id, u.next.localStart, u.next.timeZone])).toEqual([
      ['weekly-circle', '2026-02-19T15:00', 'America/New_York'], // the 12 February meeting is cancelled
      ['expectations-lab', '2026-03-03T09:00', 'America/New_York'],
      ['equity-talk', '2026-03-03T13:00', 'America/Los_Angeles'], // 16:00 in New York
    ]);
    const circle = out[0]!;
    expect(circle.occurrences.map((o) => [o.localStart, o.status])).toEqual([
      ['2026-02-12T15:00', 'cancelled'],
      ['2026-02-19T15:00', 'scheduled'],
      ['2026-02-26T15:00', 'scheduled'],
      ['2026-03-05T15:00', 'scheduled'],
      ['2026-03-12T15:00', 'scheduled'],
      ['2026-03-19T15:00', 'scheduled'],
    ]);
    expect(circle.occurrences.every((o) => o.workshopId === 'weekly-circle')).toBe(true);
  });

  it('counts an occurrence in progress, and stops listing at `until`', () => {
    const during = upcomingWorkshops(catalog(), { now: '2026-03-03T10:00:00-05:00', until: '2026-03-04T00:00:00-05:00' });
    expect(during.map((u) => [u.workshop.id, u.occurrences.map((o) => o.id)])).toEqual([
      ['expectations-lab', ['lab-1@2026-03-03T09:00']],
      ['equity-talk', ['talk@2026-03-03T13:00']],
      ['weekly-circle', []], // next on 5 March, after `until`
    ]);
  });

  it('applies filters and names the session when a recurrence is broken', () => {
    expect(upcomingWorkshops(catalog(), { now: NOW, filters: { audiences: ['postdocs'] } }).map((u) => u.workshop.id)).toEqual(['expectations-lab', 'equity-talk']);
    const broken = catalog();
    const w = broken.workshops[0]!;
    if (w.kind === 'scheduled') w.sessions[0]!.recurrence = { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', rdates: [], exdates: [] };
    expect(() => upcomingWorkshops(broken, { now: NOW })).toThrow(RecurrenceError);
    expect(() => upcomingWorkshops(broken, { now: NOW })).toThrow(/workshop weekly-circle, session circle: rrule "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30": BYMONTHDAY=30 never falls in BYMONTH=2/);
  });
});

describe('pastWorkshops', () => {
  it('lists workshops whose occurrences have all ended, or that only say when they were last held, most recent first', () => {
    const out = pastWorkshops(catalog(), { now: NOW });
    expect(out.map((p) => [p.workshop.id, p.last?.localEnd ?? p.lastHeld])).toEqual([
      ['fall-retreat', '2025-10-20T17:00'],
      ['summer-institute', '2025-06-06T16:00'],
      ['spring-2025', '2025-04'],
      ['old-series', '2024'],
    ]);
  });

  it('moves a workshop from upcoming to past once its last occurrence ends', () => {
    const after = '2026-03-19T16:00:00-04:00'; // the circle's last meeting ends at this instant
    expect(upcomingWorkshops(catalog(), { now: after }).map((u) => u.workshop.id)).toEqual([]);
    expect(pastWorkshops(catalog(), { now: after }).slice(0, 3).map((p) => [p.workshop.id, p.last?.localStart])).toEqual([
      ['weekly-circle', '2026-03-19T15:00'],
      ['expectations-lab', '2026-03-05T09:00'],
      ['equity-talk', '2026-03-03T13:00'],
    ]);
  });
});

describe('requestOnlyWorkshops and nextWorkshopOccurrence', () => {
  it('lists request-only offerings by title; they are neither upcoming nor past', () => {
    const c = catalog();
    expect(ids(requestOnlyWorkshops(c))).toEqual(['consultations', 'workshops-to-go']);
    const dated = [...upcomingWorkshops(c, { now: NOW }).map((u) => u.workshop.id), ...pastWorkshops(c, { now: NOW }).map((p) => p.workshop.id)];
    expect(dated).not.toContain('consultations');
    expect(dated).not.toContain('someday');
    expect(dated).not.toContain('cancelled-event');
  });

  it('finds the earliest next occurrence across sessions', () => {
    const lab = catalog().workshops.find((w) => w.id === 'expectations-lab')!;
    expect(nextWorkshopOccurrence(lab, '2026-03-03T12:00:00-05:00')?.id).toBe('lab-2@2026-03-05T09:00');
    expect(nextWorkshopOccurrence(lab, '2026-03-05T12:00:00-05:00')).toBeUndefined();
  });
});

describe('filterWorkshops', () => {
  const run = (filters: Omit<Parameters<typeof filterWorkshops>[1], 'now'>) => ids(filterWorkshops(catalog(), { now: NOW, ...filters }));

  it('orders upcoming by next start, then past most recent first, then the rest by title', () => {
    expect(run({})).toEqual([
      'weekly-circle',
      'expectations-lab',
      'equity-talk',
      'fall-retreat',
      'summer-institute',
      'spring-2025',
      'old-series',
      'cancelled-event',
      'consultations',
      'someday',
      'workshops-to-go',
    ]);
  });

  it.each([
    ['audiences (any of)', { audiences: ['postdocs'] }, ['expectations-lab', 'equity-talk']],
    ['programs', { programs: ['mentor-series'] }, ['weekly-circle']],
    ['themes: own, curriculum basis and objective refs', { themes: ['expectations', 'equity'] }, ['expectations-lab', 'equity-talk']],
    ['formats: declared formats and session lengths', { formats: [60, 90] }, ['weekly-circle', 'equity-talk', 'cancelled-event']],
    ['modalities: the workshop’s, else its sessions’ locations', { modalities: ['online', 'hybrid'] }, ['weekly-circle', 'equity-talk', 'consultations']],
    ['modalities: in person', { modalities: ['in-person'] }, ['expectations-lab']],
    ['date range: a non-cancelled occurrence overlaps it', { dateRange: { from: '2026-03-03T15:30:00-05:00', to: '2026-03-03T16:30:00-05:00' } }, ['equity-talk']],
    ['date range: cancelled occurrences do not count', { dateRange: { from: '2026-02-12T00:00:00-05:00', to: '2026-02-13T00:00:00-05:00' } }, []],
    ['date range: a long one', { dateRange: { from: '2025-06-01T00:00:00Z', to: '2025-12-31T00:00:00Z' } }, ['fall-retreat', 'summer-institute']],
    ['text: every word, accents and case ignored', { text: 'EQUITE conversation' }, ['equity-talk']],
    ['text: presenter names', { text: 'nunez' }, ['expectations-lab']],
    ['text: schedule prose and summaries', { text: 'twice' }, ['someday']],
    ['filters combine with AND', { audiences: ['faculty-mentors'], modalities: ['hybrid'] }, ['equity-talk']],
  ])('%s', (_what, filters, expected) => {
    expect(run(filters as Parameters<typeof run>[0])).toEqual(expected);
  });

  it('is stable: the same input gives the same order, ties broken by title then id', () => {
    const c = catalog();
    const twin = structuredClone(c.workshops[1]!);
    c.workshops.push({ ...twin, id: 'a-twin' });
    const order = ids(filterWorkshops(c, { now: NOW, audiences: ['postdocs'] }));
    expect(order).toEqual(['a-twin', 'expectations-lab', 'equity-talk']);
    expect(ids(filterWorkshops({ ...c, workshops: [...c.workshops].reverse() }, { now: NOW, audiences: ['postdocs'] }))).toEqual(order);
  });
});

describe('a session whose time is unknown', () => {
  // Mentoring Monday on February 6, 2025 in New York: the date is published, the 12:00–13:00 is a placeholder.
  function timeUnknown(): Catalog {
    const parsed = parseCatalog({
      version: 1,
      id: 'tu',
      title: 'Time unknown',
      defaultTimeZone: 'America/New_York',
      workshops: [
        {
          id: 'mentoring-monday',
          kind: 'scheduled',
          title: 'Mentoring Monday Conversations',
          sessions: [
            {
              id: 'mm-2025',
              start: '2025-02-06T12:00',
              end: '2025-02-06T13:00',
              timeZone: 'America/New_York',
              timeUnknown: true,
              recurrence: { rdates: ['2025-03-06T12:00'] },
            },
          ],
        },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.catalog;
  }

  it('stays upcoming through the end of its date in its own zone, past its placeholder end', () => {
    // 20:00 New York on February 6: the placeholder end (13:00) has passed, the date has not.
    const evening = upcomingWorkshops(timeUnknown(), { now: '2025-02-07T01:00:00Z' });
    expect(ids(evening.map((u) => u.workshop))).toEqual(['mentoring-monday']);
    expect(evening[0]!.next.localStart).toBe('2025-02-06T12:00');
    expect(evening[0]!.occurrences.map((o) => o.localStart)).toEqual(['2025-02-06T12:00', '2025-03-06T12:00']);
    expect(nextWorkshopOccurrence(timeUnknown().workshops[0]!, '2025-02-07T04:59:00Z')?.localStart).toBe('2025-02-06T12:00');
    expect(pastWorkshops(timeUnknown(), { now: '2025-02-07T01:00:00Z' })).toEqual([]);
  });

  it('moves on once its date is over in its own zone', () => {
    // 00:30 New York on February 7 (already the 7th in UTC for hours): the next date is March 6.
    const next = upcomingWorkshops(timeUnknown(), { now: '2025-02-07T05:30:00Z' });
    expect(next[0]!.next.localStart).toBe('2025-03-06T12:00');
    expect(next[0]!.occurrences.map((o) => o.localStart)).toEqual(['2025-03-06T12:00']);
    // After the last date: past, not upcoming.
    const after = '2025-03-07T05:30:00Z';
    expect(upcomingWorkshops(timeUnknown(), { now: after })).toEqual([]);
    expect(pastWorkshops(timeUnknown(), { now: after }).map((p) => p.last?.localStart)).toEqual(['2025-03-06T12:00']);
  });
});
