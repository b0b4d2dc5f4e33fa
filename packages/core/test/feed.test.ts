import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../src/catalog/parse.js';
import { buildFeed } from '../src/feed/build.js';
import { parseFeed } from '../src/feed/feed.schema.js';

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
      const parsed = parseFeed(JSON.parse(JSON.stringify(feed)));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.feed).toEqual(feed);
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
