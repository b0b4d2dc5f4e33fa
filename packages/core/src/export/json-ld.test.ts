import { describe, expect, it } from 'vitest';
import { loadDemoCatalog } from '../../test/seed-helpers.js';
import { parseCatalog, type Catalog, type CatalogInput } from '../catalog/index.js';
import { expandOccurrences } from '../recurrence/index.js';
import { SESSION_STATUSES, type SessionStatus } from '../session/session.schema.js';
import { eventStatusOf, toJsonLd, toJsonLdGraph, toWorkshopJsonLd, toWorkshopJsonLdAll } from './json-ld.js';
import type { Course, EducationEvent, JsonLdNode, LearningResource, Place, VirtualLocation } from './schema-org.js';

const NOW = '2026-01-05T12:00:00Z';
const SEEDS = ['advancing-mentorship.yaml', 'mentoring-up.yaml', 'mentoring-resources.yaml'] as const;

const eventsOf = (nodes: JsonLdNode[]) => nodes.filter((n): n is EducationEvent => n['@type'] === 'EducationEvent');
const locations = (e: EducationEvent): Array<Place | VirtualLocation> => (Array.isArray(e.location) ? e.location : [e.location]);

/** No undefined, no functions, no class instances: what JSON.stringify writes is exactly the object. */
function expectPlainJson(value: unknown, path = '$'): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  expect(value, path).not.toBeUndefined();
  if (Array.isArray(value)) return value.forEach((v, i) => expectPlainJson(v, `${path}[${i}]`));
  expect(Object.getPrototypeOf(value), path).toBe(Object.prototype);
  for (const [k, v] of Object.entries(value as object)) {
    expect(v, `${path}.${k}`).not.toBeUndefined();
    expectPlainJson(v, `${path}.${k}`);
  }
}

describe('toJsonLd on the seed catalogs', () => {
  it.each(SEEDS)('%s: every event has what Google requires (name, startDate, location) and one per occurrence', (file) => {
    const catalog = loadDemoCatalog(file);
    const nodes = toJsonLd(catalog, { now: NOW });
    const events = eventsOf(nodes);
    const occurrences = catalog.workshops.flatMap((w) =>
      w.kind === 'scheduled' ? w.sessions.flatMap((s) => expandOccurrences(s, { from: new Date(0), to: new Date(Date.parse(NOW) + 365 * 86_400_000) })) : [],
    );
    expect(events).toHaveLength(occurrences.length);
    for (const e of events) {
      expect(e.name.length).toBeGreaterThan(0);
      expect(e.startDate).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/);
      expect(locations(e).length).toBeGreaterThan(0);
      for (const l of locations(e)) {
        if (l['@type'] === 'Place') expect(l.name.length).toBeGreaterThan(0);
        else expect(l.url ?? l.name).toBeTruthy();
      }
      expect(e.eventStatus).toMatch(/^https:\/\/schema\.org\/Event/);
      expect(e.offers?.price).toBe(0);
    }
    expectPlainJson(nodes);
    expect(JSON.parse(JSON.stringify(toJsonLdGraph(catalog, { now: NOW })))).toEqual({ '@context': 'https://schema.org', '@graph': nodes });
  });

  it('maps the advancing-mentorship page: online events, objectives as DefinedTerms, resources and courses', () => {
    const catalog = loadDemoCatalog('advancing-mentorship.yaml');
    const nodes = toJsonLd(catalog, { now: NOW });
    const events = eventsOf(nodes);
    const independence = events.find((e) => e.name === 'Entering Mentoring: Fostering Independence')!;
    expect(independence.startDate).toBe('2026-03-06T13:30:00-05:00');
    expect(independence.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(independence.teaches).toContainEqual(
      expect.objectContaining({ '@type': 'DefinedTerm', name: 'Define independence, its core elements, and how those elements change over the course of a mentoring relationship.' }),
    );
    // Online without a join link or any page (the seed publishes none): named, so Google still has a location.
    expect(locations(independence)).toEqual([{ '@type': 'VirtualLocation', name: 'Online' }]);
    // Given the page the JSON-LD goes on, that page stands in.
    const onPage = eventsOf(toJsonLd(catalog, { now: NOW, baseUrl: 'https://ctl.example.edu/mentoring' })).find((e) => e.name === independence.name)!;
    expect(onPage.location).toEqual({ '@type': 'VirtualLocation', url: 'https://ctl.example.edu/mentoring' });
    expect(onPage.url).toBe('https://ctl.example.edu/mentoring');
    // Dates-only sessions are dates, not invented times.
    const monday = events.filter((e) => e.name.startsWith('Mentoring Monday Conversations'));
    expect(monday.map((e) => e.startDate)).toEqual(['2025-02-06', '2025-03-06', '2025-04-10', '2025-05-01']);
    expect(monday.map((e) => e.name)).toContain('Mentoring Monday Conversations: Mentoring and Mental Health');
    // Each program with events is an EventSeries the events point to.
    const series = nodes.filter((n) => n['@type'] === 'EventSeries');
    expect(series.length).toBeGreaterThan(0);
    for (const e of events) for (const ref of e.superEvent ?? []) expect(series.map((s) => s['@id'])).toContain(ref['@id']);
    // …and each series lists exactly the events that point to it.
    for (const s of series) {
      const members = events.filter((e) => e.superEvent?.some((r) => r['@id'] === s['@id'])).map((e) => ({ '@id': e['@id'] }));
      expect(s.subEvent).toEqual(members);
    }
    const course = nodes.find((n): n is Course => n['@type'] === 'Course' && n.hasCourseInstance !== undefined)!;
    expect(course.hasCourseInstance![0]).toMatchObject({ '@type': 'CourseInstance', courseMode: 'online' });
    const resources = nodes.filter((n): n is LearningResource => n['@type'] === 'LearningResource');
    expect(resources.length + nodes.filter((n) => n['@type'] === 'Course' && n.hasCourseInstance !== undefined).length).toBe(catalog.resources.length);
    for (const r of resources) expect(typeof r.isAccessibleForFree).toBe('boolean');
    // Request-only offerings are Courses without instances, never events.
    const requestOnly = catalog.workshops.filter((w) => w.kind === 'request-only');
    expect(nodes.filter((n) => n['@type'] === 'Course' && n.hasCourseInstance === undefined)).toHaveLength(requestOnly.length);
  });

  it('puts the resolved RSVP window on the offer (mentoring-up: opens at the start of the quarter)', () => {
    const catalog = loadDemoCatalog('mentoring-up.yaml');
    const events = eventsOf(toJsonLd(catalog, { now: NOW }));
    const aligning = events.find((e) => e.name === 'Aligning Expectations')!;
    expect(aligning.startDate).toBe('2022-10-19T16:00:00-07:00');
    expect(aligning.offers).toEqual({
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'USD',
      availabilityStarts: '2022-09-19T00:00:00-07:00',
      availabilityEnds: '2022-10-19T16:00:00-07:00',
      validFrom: '2022-09-19T00:00:00-07:00',
    });
    expect(aligning.audience).toEqual([{ '@type': 'EducationalAudience', audienceType: 'Graduate students and postdoctoral scholars', educationalRole: ['Graduate student', 'Postdoctoral scholar'] }]);
  });
});

function fixture(): Catalog {
  const session = (id: string, status: SessionStatus, extra: object = {}) => ({
    id,
    start: '2026-03-10T10:00',
    end: '2026-03-10T11:00',
    timeZone: 'Europe/Berlin',
    status,
    ...extra,
  });
  const input: CatalogInput = {
    version: 1,
    id: 'fx',
    title: 'Fixture',
    defaultTimeZone: 'Europe/Berlin',
    publisher: 'uni',
    organizations: [{ id: 'uni', name: 'Example University', url: 'https://uni.example' }],
    people: [{ id: 'p1', name: 'Grace Hopper', honorific: 'Dr.', title: 'Professor', affiliation: 'uni' }],
    programs: [{ id: 'prog', title: 'Program', url: 'https://uni.example/prog' }],
    workshops: [
      {
        id: 'statuses',
        kind: 'scheduled',
        title: 'Statuses',
        programs: ['prog'],
        presenters: [{ role: 'facilitator', person: 'p1' }, { role: 'panelist', name: 'Selected mentees' }],
        sessions: SESSION_STATUSES.map((s) => session(`s-${s}`, s, s === 'moved-online' ? { location: { kind: 'in-person', venue: 'Hall A' } } : {})),
      },
      {
        id: 'places',
        kind: 'scheduled',
        title: 'Places',
        sessions: [
          session('in-person', 'scheduled', { location: { kind: 'in-person', venue: 'Hall A', room: '1', address: 'Main St 1, Berlin' } }),
          session('hybrid', 'scheduled', { location: { kind: 'hybrid', venue: 'Hall B', platform: 'Zoom', url: 'https://zoom.example/j/2' } }),
          session('online-bare', 'scheduled', { location: { kind: 'online', platform: 'Teams' } }),
          session('nowhere', 'scheduled'),
          session('moved', 'rescheduled', { recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' }, overrides: [{ occurrence: '2026-03-17T10:00', start: '2026-03-18T10:00' }] }),
        ],
      },
    ],
  };
  const parsed = parseCatalog(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors, null, 2));
  return parsed.catalog;
}

describe('toJsonLd mapping', () => {
  const catalog = fixture();
  const events = eventsOf(toJsonLd(catalog, { now: NOW, baseUrl: 'https://uni.example/mentoring' }));
  const bySession = (id: string) => events.filter((e) => e['@id'].includes(`/${encodeURIComponent(id)}`));

  it.each(SESSION_STATUSES.map((s) => [s, eventStatusOf(s)] as const))('eventStatus of %s is %s', (status, expected) => {
    const [e] = bySession(`s-${status}@`);
    expect(e!.eventStatus).toBe(expected);
  });

  it('maps every status to its schema.org value', () => {
    expect(SESSION_STATUSES.map(eventStatusOf)).toEqual([
      'https://schema.org/EventScheduled',
      'https://schema.org/EventCancelled',
      'https://schema.org/EventPostponed',
      'https://schema.org/EventRescheduled',
      'https://schema.org/EventMovedOnline',
    ]);
  });

  it('moves a moved-online event to a VirtualLocation and online attendance', () => {
    const [e] = bySession('s-moved-online@');
    expect(e!.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(e!.location).toEqual({ '@type': 'VirtualLocation', url: 'https://uni.example/prog' });
  });

  it('writes places, hybrid pairs and fallbacks', () => {
    expect(bySession('in-person@')[0]!.location).toEqual({ '@type': 'Place', name: 'Hall A, 1', address: 'Main St 1, Berlin' });
    expect(bySession('in-person@')[0]!.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
    expect(bySession('hybrid@')[0]!.location).toEqual([
      { '@type': 'Place', name: 'Hall B' },
      { '@type': 'VirtualLocation', url: 'https://zoom.example/j/2', name: 'Zoom' },
    ]);
    expect(bySession('hybrid@')[0]!.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    // No join link, no workshop page: the page the JSON-LD is published on.
    expect(bySession('online-bare@')[0]!.location).toEqual({ '@type': 'VirtualLocation', url: 'https://uni.example/mentoring', name: 'Teams' });
    expect(bySession('nowhere@')[0]!.location).toEqual({ '@type': 'Place', name: 'To be announced' });
    expect(bySession('nowhere@')[0]!.eventAttendanceMode).toBeUndefined();
  });

  it('gives a moved occurrence its previous start', () => {
    const moved = bySession('moved@');
    expect(moved.map((e) => [e.startDate, e.previousStartDate])).toEqual([
      ['2026-03-10T10:00:00+01:00', undefined],
      ['2026-03-18T10:00:00+01:00', '2026-03-17T10:00:00+01:00'],
    ]);
  });

  it('names organizers from the publisher when there are no hosts, and performers from people', () => {
    const [e] = bySession('s-scheduled@');
    expect(e!.organizer).toEqual([{ '@type': 'Organization', name: 'Example University', url: 'https://uni.example' }]);
    expect(e!.performer).toEqual([
      { '@type': 'Person', name: 'Grace Hopper', honorificPrefix: 'Dr.', jobTitle: 'Professor', affiliation: { '@type': 'Organization', name: 'Example University', url: 'https://uni.example' } },
    ]);
    expect(e!.superEvent).toEqual([{ '@id': 'https://uni.example/mentoring#program/prog' }]);
    expect(e!['@id']).toBe('https://uni.example/mentoring#event/s-scheduled%402026-03-10T10%3A00');
  });

  it('uses the currency given, and rejects a bad one or a bad base URL by name', () => {
    const [e] = eventsOf(toJsonLd(catalog, { now: NOW, currency: 'EUR', workshops: ['statuses'] }));
    expect(e!.offers?.priceCurrency).toBe('EUR');
    expect(() => toJsonLd(catalog, { now: NOW, currency: 'euro' })).toThrow(/options\.currency/);
    expect(() => toJsonLd(catalog, { now: NOW, baseUrl: 'uni.example' })).toThrow(/options\.baseUrl/);
    expect(() => toJsonLd(catalog, { now: 'yesterday' })).toThrow(/options\.now/);
  });

  it('bounds open-ended series by the window', () => {
    const open: CatalogInput = {
      version: 1,
      id: 'open',
      title: 'Open',
      defaultTimeZone: 'UTC',
      workshops: [{ id: 'w', kind: 'scheduled', title: 'W', sessions: [{ id: 's', start: '2026-01-01T10:00', end: '2026-01-01T11:00', timeZone: 'UTC', recurrence: { rrule: 'FREQ=WEEKLY' } }] }],
    };
    const parsed = parseCatalog(open);
    if (!parsed.ok) throw new Error('fixture');
    expect(eventsOf(toJsonLd(parsed.catalog, { now: '2026-01-01T00:00:00Z' }))).toHaveLength(53);
    expect(eventsOf(toJsonLd(parsed.catalog, { now: NOW, from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }))).toHaveLength(4);
  });
});

describe('authors', () => {
  it('names a person once when the catalog lists them as a person and as a credited name', () => {
    const parsed = parseCatalog({
      version: 1,
      id: 'a',
      title: 'A',
      defaultTimeZone: 'UTC',
      people: [{ id: 'lisa', name: 'Lisa Z. Fain' }],
      resources: [{ id: 'book', kind: 'book', title: 'Book', people: ['lisa'], authors: ['Lisa  Z. Fain', 'Lois J. Zachary', 'Lois J. Zachary'] }],
    } satisfies CatalogInput);
    if (!parsed.ok) throw new Error('fixture');
    const [book] = toJsonLd(parsed.catalog, { now: NOW }) as LearningResource[];
    expect(book!.author).toEqual([
      { '@type': 'Person', name: 'Lisa Z. Fain' },
      { '@type': 'Person', name: 'Lois J. Zachary' },
    ]);
  });
});

describe('toWorkshopJsonLd', () => {
  it('holds one workshop’s events and its series', () => {
    const catalog = loadDemoCatalog('mentoring-up.yaml');
    const graph = toWorkshopJsonLd(catalog, 'mu-research-self-efficacy', { now: NOW });
    expect(graph['@context']).toBe('https://schema.org');
    expect(graph['@graph'].map((n) => n['@type'])).toEqual(['EducationEvent', 'EventSeries', 'EventSeries']);
    expect(eventsOf(graph['@graph'])[0]!.superEvent).toHaveLength(2);
  });

  it('rejects an unknown workshop by name', () => {
    expect(() => toWorkshopJsonLd(loadDemoCatalog('mentoring-up.yaml'), 'nope', { now: NOW })).toThrow(/unknown workshop id "nope"/);
  });
});

describe('toWorkshopJsonLdAll', () => {
  it.each(['mentoring-up.yaml', 'advancing-mentorship.yaml', 'mentoring-resources.yaml'])('equals toWorkshopJsonLd of each workshop of %s, in catalog order', (file) => {
    const catalog = loadDemoCatalog(file);
    const options = { now: NOW, baseUrl: 'https://example.edu/mentoring' };
    const all = toWorkshopJsonLdAll(catalog, options);
    expect([...all.keys()]).toEqual(catalog.workshops.map((w) => w.id));
    for (const w of catalog.workshops) expect(JSON.stringify(all.get(w.id))).toBe(JSON.stringify(toWorkshopJsonLd(catalog, w.id, options)));
  });

  it('rejects bad options by name, as toWorkshopJsonLd does', () => {
    expect(() => toWorkshopJsonLdAll(loadDemoCatalog('mentoring-up.yaml'), { now: NOW, currency: 'dollars' })).toThrow(/options.currency must be an ISO 4217 code/);
  });
});
