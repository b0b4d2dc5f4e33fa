import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseCatalog } from '../src/catalog/parse.js';
import { buildFeed } from '../src/feed/build.js';
import { parseFeed, parseFeedResource, type Feed, type FeedIssue, type FeedOccurrence, type FeedResource, type FeedRsvpPolicy, type FeedRsvpWindow, type FeedWorkshop } from '../src/feed/feed.schema.js';
import type { Rule } from '../src/rules/rules.schema.js';

const seed = (name: string) => {
  const result = parseCatalog(readFileSync(new URL(`../../../apps/demo/catalog/${name}.yaml`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.catalog;
};
const window = { from: '2020-01-01T00:00:00Z', to: '2028-01-01T00:00:00Z', now: '2026-11-23T12:00:00Z' };

describe('buildFeed', () => {
  for (const name of ['advancing-mentorship', 'mentoring-up', 'mentoring-resources']) {
    it(`round-trips the ${name} seed through JSON and parseFeed`, () => {
      const feed = buildFeed(seed(name), window);
      const input: unknown = JSON.parse(JSON.stringify(feed));
      const parsed = parseFeed(input);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.feed).toEqual(feed);
      // Validated in place: the feed returned is the input itself.
      expect(parsed.feed).toBe(input);
    });
  }

  it('expands sessions into occurrences with instants and names instead of ids', () => {
    const feed = buildFeed(seed('advancing-mentorship'), window);
    const independence = feed.workshops.find((w) => w.title === 'Entering Mentoring: Fostering Independence');
    expect(independence?.occurrences).toHaveLength(1);
    expect(independence?.occurrences[0]).toMatchObject({
      start: '2026-03-06T13:30:00.000-05:00',
      end: '2026-03-06T14:30:00.000-05:00',
      timeZone: 'America/New_York',
      localStart: '2026-03-06T13:30',
    });
    const monday = feed.workshops.find((w) => w.occurrences.some((o) => o.topic === 'Mentoring and Mental Health'));
    expect(monday?.occurrences.map((o) => o.topic)).toEqual([
      'Assumptions and Expectations',
      'Mentoring and Mental Health',
      'Addressing Challenging Moments',
      'Building Trust and Giving Feedback',
    ]);
    expect(monday?.occurrences.every((o) => o.timeUnknown === true)).toBe(true);
    expect(independence?.occurrences[0]?.timeUnknown).toBeUndefined();
    const panel = feed.workshops.find((w) => w.presenters.some((p) => p.name.includes('Helen Lu')));
    expect(panel?.presenters.find((p) => p.name.includes('Helen Lu'))?.title).toMatch(/Biomedical Engineering/);
  });

  it('resolves the RSVP window of the quarter each session falls in, per tier', () => {
    const feed = buildFeed(seed('mentoring-up'), window);
    const dated = feed.workshops.filter((w) => w.occurrences.length > 0);
    expect(dated.length).toBe(3);
    for (const w of dated) {
      expect(w.rsvp?.tiers.map((t) => t.id)).toEqual(['biosciences', 'any-discipline']);
      for (const o of w.occurrences) {
        expect(o.rsvp?.opens).toBeDefined();
        expect(Date.parse(o.rsvp!.opens!)).toBeLessThan(Date.parse(o.start));
        expect(o.rsvp?.closes).toBe(o.start);
      }
    }
    // 2023-02-01 falls in the winter quarter 2023, which starts on 2023-01-04 (Los Angeles).
    const february = dated.flatMap((w) => w.occurrences).find((o) => o.localStart.startsWith('2023-02-01'));
    expect(february?.rsvp?.opens).toBe('2023-01-04T00:00:00.000-08:00');
  });

  it('keeps request-only offerings without occurrences, with how to request them', () => {
    const feed = buildFeed(seed('advancing-mentorship'), window);
    const requestOnly = feed.workshops.filter((w) => w.kind === 'request-only');
    expect(requestOnly.length).toBeGreaterThan(0);
    for (const w of requestOnly) {
      expect(w.occurrences).toEqual([]);
      expect(w.request?.method).toBeDefined();
    }
  });
});

describe('buildFeed errors', () => {
  it('names the workshop, session and policy when a session falls outside every academic term', () => {
    const catalog = seed('mentoring-up');
    const workshop = catalog.workshops.find((w) => w.kind === 'scheduled' && w.sessions.length > 0);
    if (workshop?.kind !== 'scheduled') throw new Error('seed has no dated workshop');
    const session = workshop.sessions[0]!;
    workshop.sessions[0] = { ...session, start: '2030-05-01T16:00', end: '2030-05-01T17:30' };
    expect(() => buildFeed(catalog, { ...window, to: '2031-01-01T00:00:00Z' })).toThrow(
      new RegExp(`workshop "${workshop.id}", session "${session.id}" on 2030-05-01T16:00: cannot resolve the RSVP window`),
    );
  });
});

const SEEDS = ['advancing-mentorship', 'mentoring-up', 'mentoring-resources'] as const;
const seedFeeds = SEEDS.map((name) => ({ name, feed: JSON.parse(JSON.stringify(buildFeed(seed(name), window))) as Record<string, unknown> }));

/** A place in a feed: the object or array holding a value, its key, and the path parseFeed names it by. */
interface Slot {
  parent: Record<string | number, unknown>;
  key: string | number;
  path: string;
}

/** Every key of every object and every leaf in `value`, except inside rules (checked as a whole, see below). */
function slots(value: unknown, path = '', found: { keys: Slot[]; leaves: Slot[] } = { keys: [], leaves: [] }) {
  if (value === null || typeof value !== 'object') return found;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const at = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const slot = { parent: value as Slot['parent'], key, path: at };
    if (typeof key === 'string') found.keys.push(slot);
    if (key === 'eligibility' || key === 'when') continue;
    if (child !== null && typeof child === 'object') slots(child, at, found);
    else found.leaves.push(slot);
  }
  return found;
}

/** Runs `test` with `slot` holding `value` (or without the key), then puts the feed back as it was. */
function withMutation(slot: Slot, value: unknown, test: () => void, remove = false): void {
  const before = slot.parent[slot.key];
  if (remove) delete slot.parent[slot.key];
  else slot.parent[slot.key] = value;
  try {
    test();
  } finally {
    slot.parent[slot.key] = before;
  }
}

/** A leaf of another JSON type: strings become numbers, numbers and booleans strings. */
const otherType = (leaf: unknown) => (typeof leaf === 'string' ? leaf.length : String(leaf));

describe('parseFeed (properties)', () => {
  const day = 86_400_000;
  const from = Date.parse('2020-01-01T00:00:00Z');
  const windowArb = fc
    .record({ start: fc.integer({ min: 0, max: 2900 }), days: fc.integer({ min: 0, max: 2900 }), nowOffset: fc.integer({ min: -400, max: 3300 }) })
    .map(({ start, days, nowOffset }) => ({
      from: new Date(from + start * day).toISOString(),
      to: new Date(from + Math.min(start + days, 2921) * day).toISOString(),
      now: new Date(from + nowOffset * day).toISOString(),
    }));

  it('accepts every feed buildFeed makes from the seed catalogs, over any window', () => {
    const catalogs = SEEDS.map(seed);
    fc.assert(
      fc.property(fc.constantFrom(...catalogs), windowArb, (catalog, w) => {
        const feed = buildFeed(catalog, w);
        const parsed = parseFeed(JSON.parse(JSON.stringify(feed)));
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects a seed feed with one leaf of the wrong type, naming exactly that leaf', () => {
    const cases = seedFeeds.map(({ feed }) => ({ feed, leaves: slots(feed).leaves }));
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(), ({ feed, leaves }, n) => {
        const slot = leaves[n % leaves.length]!;
        withMutation(slot, otherType(slot.parent[slot.key]), () => {
          const parsed = parseFeed(feed);
          expect(parsed.ok ? [] : parsed.errors).toEqual([{ path: slot.path, message: expect.stringMatching(/^expected .+, got .+$/) }]);
        });
      }),
      { numRuns: 400 },
    );
    for (const { feed } of seedFeeds) expect(parseFeed(feed).ok).toBe(true);
  });

  it('rejects a seed feed without a key only when the key is required, naming it', () => {
    const cases = seedFeeds.map(({ feed }) => ({ feed, keys: slots(feed).keys }));
    let required = 0;
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(), ({ feed, keys }, n) => {
        const slot = keys[n % keys.length]!;
        withMutation(
          slot,
          undefined,
          () => {
            const parsed = parseFeed(feed);
            if (!parsed.ok) {
              required++;
              expect(parsed.errors).toEqual([{ path: slot.path, message: 'required' }]);
            }
          },
          true,
        );
      }),
      { numRuns: 400 },
    );
    // Most keys a feed carries are required ones; a checker that let them all go would pass the loop above.
    expect(required).toBeGreaterThan(100);
  });
});

describe('parseFeed errors', () => {
  /** A seed feed to break, loosely typed. */
  type Loose = Record<string, unknown> & { workshops: (Record<string, unknown> & { occurrences: Record<string, unknown>[]; rsvp?: { tiers: unknown[] } })[] };
  const copy = (index: number) => JSON.parse(JSON.stringify(seedFeeds[index]!.feed)) as Loose;

  it('says what it expected and what it found, with the path', () => {
    const f = copy(0);
    const scheduled = f.workshops.findIndex((w) => w.occurrences.length > 0);
    f.workshops[scheduled]!.occurrences[0]!.start = 'tomorrow';
    f.workshops[0]!.kind = 'weekly';
    // `kind` comes before `occurrences` in the schema, so it is reported first even in the same workshop.
    expect(parseFeed(f)).toEqual({
      ok: false,
      errors: [
        { path: 'workshops[0].kind', message: 'expected one of "scheduled", "request-only", got "weekly"' },
        { path: `workshops[${scheduled}].occurrences[0].start`, message: 'expected an ISO instant with offset, got "tomorrow"' },
      ],
    });
  });

  it('names the root when the feed is not an object, and a version it does not know', () => {
    expect(parseFeed('[]')).toEqual({ ok: false, errors: [{ path: '(root)', message: 'expected an object, got string' }] });
    expect(parseFeed({ ...copy(0), version: 2 })).toEqual({ ok: false, errors: [{ path: 'version', message: 'expected 1, got 2' }] });
  });

  it('reports a rule that is not one at the rule, not inside it', () => {
    const f = copy(SEEDS.indexOf('mentoring-up'));
    const i = f.workshops.findIndex((w) => w.rsvp?.tiers.length);
    f.workshops[i]!.rsvp!.tiers[0] = { id: 't', label: 'T', when: { fact: 7, operator: 'eq', value: 1 } };
    expect(parseFeed(f)).toEqual({
      ok: false,
      errors: [{ path: `workshops[${i}].rsvp.tiers[0].when`, message: 'expected a rule ({fact, operator, value} or all/any/not), got object' }],
    });
  });

  it('stops at 20 issues', () => {
    const f = copy(0);
    f.workshops = Array.from({ length: 30 }, () => ({ ...f.workshops[0]!, title: 0 }));
    const parsed = parseFeed(f);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toEqual(Array.from({ length: 20 }, (_, i) => `workshops[${i}].title`));
  });
});

describe('parseFeedResource', () => {
  const resources = seedFeeds.flatMap(({ feed }) => feed.resources as FeedResource[]);

  it('accepts every resource of the seed feeds, as they are', () => {
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) {
      const parsed = parseFeedResource(resource);
      expect(parsed.ok && parsed.resource).toBe(resource);
    }
  });

  it('names paths from the resource itself', () => {
    const resource = resources[0]!;
    expect(parseFeedResource({ ...resource, kind: 'podcast', access: { level: 'open' } })).toEqual({
      ok: false,
      errors: [
        { path: 'kind', message: expect.stringMatching(/^expected one of "video", .*"handout", got "podcast"$/) },
        { path: 'access.level', message: 'expected one of "public", "institutional", "registered", "restricted", got "open"' },
      ],
    });
    expect(parseFeedResource(null)).toEqual({ ok: false, errors: [{ path: '(root)', message: 'expected an object, got null' }] });
  });
});

describe('feed types', () => {
  it('are what the components read: optional fields may be undefined, enums are unions', () => {
    expectTypeOf<Feed['version']>().toEqualTypeOf<1>();
    expectTypeOf<Feed['workshops']>().toEqualTypeOf<FeedWorkshop[]>();
    expectTypeOf<FeedWorkshop['kind']>().toEqualTypeOf<'scheduled' | 'request-only'>();
    expectTypeOf<FeedWorkshop['modality']>().toEqualTypeOf<'online' | 'in-person' | 'hybrid' | undefined>();
    expectTypeOf<Pick<FeedWorkshop, 'summary' | 'title'>>().toEqualTypeOf<{ summary?: string | undefined; title: string }>();
    expectTypeOf<FeedWorkshop['occurrences']>().toEqualTypeOf<FeedOccurrence[]>();
    expectTypeOf<FeedWorkshop['rsvp']>().toEqualTypeOf<FeedRsvpPolicy | undefined>();
    expectTypeOf<NonNullable<FeedWorkshop['request']>['method']>().toEqualTypeOf<'email' | 'form' | 'url' | 'contact'>();
    expectTypeOf<FeedOccurrence['status']>().toEqualTypeOf<'scheduled' | 'cancelled' | 'postponed' | 'rescheduled' | 'moved-online'>();
    expectTypeOf<FeedOccurrence['capacity']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<FeedOccurrence['timeUnknown']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<FeedOccurrence['rsvp']>().toEqualTypeOf<FeedRsvpWindow | undefined>();
    expectTypeOf<FeedRsvpWindow>().toEqualTypeOf<{ opens?: string | undefined; closes: string; tierOpens: Record<string, string> }>();
    expectTypeOf<FeedRsvpPolicy['eligibility']>().toEqualTypeOf<Rule | undefined>();
    expectTypeOf<FeedRsvpPolicy['tiers'][number]['when']>().toEqualTypeOf<Rule>();
    expectTypeOf<FeedRsvpPolicy['fields'][number]>().toEqualTypeOf<'name' | 'email' | 'role' | 'field' | 'department' | 'institution'>();
    expectTypeOf<FeedResource['kind']>().toEqualTypeOf<
      | 'video'
      | 'video-series'
      | 'article'
      | 'report'
      | 'book'
      | 'guide'
      | 'worksheet'
      | 'course'
      | 'website'
      | 'recording'
      | 'template'
      | 'checklist'
      | 'document'
      | 'slides'
      | 'handout'
    >();
    expectTypeOf(parseFeed).returns.toEqualTypeOf<{ ok: true; feed: Feed } | { ok: false; errors: FeedIssue[] }>();
    expectTypeOf(parseFeedResource).returns.toEqualTypeOf<{ ok: true; resource: FeedResource } | { ok: false; errors: FeedIssue[] }>();
  });
});

describe('programs in the feed', () => {
  it('carry their own content: introduction, outcomes, audiences, FAQ and contacts (mentoring-up)', () => {
    const program = buildFeed(seed('mentoring-up'), window).programs.find((p) => p.id === 'mentoring-up')!;
    expect(program.description).toMatch(/^Mentoring is collaborative\.[^]*\n\nThe content of each session/);
    expect(program.outcomesIntro).toBe('Mentee success is defined as mentees having gained…');
    expect(program.outcomes).toHaveLength(3);
    expect(program.audiences?.map((a) => a.id)).toEqual(['grad-students-postdocs']);
    expect(program.faq?.[1]).toEqual({ question: 'Who can take part?', answer: 'You must be a graduate student or postdoc.' });
    expect(program.contacts?.map((c) => c.for)).toEqual(['Postdocs', 'Graduate students']);
    expect(program.contacts?.every((c) => typeof c.name === 'string')).toBe(true);
    expect(program.curriculum).toBe('entering-mentoring');
  });

  it('still accept a feed whose programs have only id and title (written before these fields)', () => {
    const feed = JSON.parse(JSON.stringify(buildFeed(seed('mentoring-up'), window))) as Feed;
    feed.programs = feed.programs.map((p) => ({ id: p.id, title: p.title }));
    expect(parseFeed(feed).ok).toBe(true);
  });
});
