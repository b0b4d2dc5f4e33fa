import { describe, expect, it } from 'vitest';
import { parseCatalog, type CatalogInput } from '../catalog/index.js';
import { buildFeed } from '../feed/build.js';
import { parseFeed } from '../feed/feed.schema.js';
import { catalogJsonSchema } from '../export/json-schema.js';
import { filterWorkshops } from '../query/workshops.js';
import { exactMinutes, statedDurationMinutes } from '../time/duration-text.js';

type WorkshopInput = NonNullable<CatalogInput['workshops']>[number];
type FormatInput = NonNullable<WorkshopInput['formats']>[number];

const workshop = (id: string, formats: FormatInput[]): WorkshopInput => ({
  kind: 'request-only',
  id,
  title: `Workshop ${id}`,
  formats,
  request: { method: 'contact' },
});

const catalog = (workshops: WorkshopInput[]): CatalogInput => ({
  version: 1,
  id: 'c',
  title: 'C',
  defaultTimeZone: 'America/New_York',
  workshops,
});

const errors = (input: CatalogInput) => {
  const r = parseCatalog(input);
  return r.ok ? [] : r.errors.map((e) => `${e.pathText}: ${e.message}`);
};

const parsed = (input: CatalogInput) => {
  const r = parseCatalog(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.pathText}: ${e.message}`).join('\n'));
  return r.catalog;
};

const HALF_DAY = { unit: 'half-days', amount: 1, label: 'Half day' } as const;
const FULL_DAY = { unit: 'days', amount: 1, label: 'Full day' } as const;
const TWO_TO_THREE_DAYS = { unit: 'days', min: 2, max: 3 } as const;

describe('workshop formats: minutes or a stated duration', () => {
  it('accepts minutes as before, and stated durations with or without a label', () => {
    expect(errors(catalog([workshop('minutes', [{ durationMinutes: 60, label: '60-minute workshop' }, { durationMinutes: 90 }])]))).toEqual([]);
    expect(
      errors(
        catalog([
          workshop('days', [
            { duration: HALF_DAY },
            { duration: FULL_DAY },
            { duration: TWO_TO_THREE_DAYS, label: '2–3 days' },
            { duration: { unit: 'hours', amount: 1.5 } },
          ]),
        ]),
      ),
    ).toEqual([]);
  });

  it('keeps a minutes format exactly as it was', () => {
    const w = parsed(catalog([workshop('w', [{ durationMinutes: 60, label: '60-minute workshop' }])])).workshops[0]!;
    expect(w.formats).toEqual([{ durationMinutes: 60, label: '60-minute workshop' }]);
  });

  it('rejects a format with no length, or with two, at its path', () => {
    expect(errors(catalog([workshop('w', [{ durationMinutes: 60 }, { label: 'Half day' }])]))).toEqual([
      'workshops[0].formats[1].durationMinutes: a format needs its length: durationMinutes (one exact number of minutes) or duration (minutes, hours, half days or days, e.g. { unit: "half-days", amount: 1, label: "Half day" })',
    ]);
    expect(errors(catalog([workshop('w', [{ durationMinutes: 240, duration: HALF_DAY }])]))).toEqual([
      'workshops[0].formats[0].durationMinutes: give the length once: durationMinutes or duration (which also states ranges, days and labels), not both, but found number 240',
    ]);
  });

  it('checks the stated duration with the curricula’s rules, at its path', () => {
    expect(errors(catalog([workshop('w', [{ duration: { unit: 'days', min: 3, max: 2 } }])]))).toEqual([
      'workshops[0].formats[0].duration.max: max (2) must be more than min (3), but found number 2',
    ]);
    expect(errors(catalog([workshop('w', [{ duration: { unit: 'weeks', amount: 1 } as never }])]))[0]).toMatch(/^workshops\[0\]\.formats\[0\]\.duration\.unit: /);
    expect(errors(catalog([workshop('w', [{ duration: { unit: 'days' } }])]))).toEqual([
      'workshops[0].formats[0].duration.amount: a duration needs an amount, or a range with min and max',
    ]);
  });

  it('carries the stated duration into a valid feed, and the feed check rejects a bad one at its path', () => {
    const feed = buildFeed(parsed(catalog([workshop('w', [{ durationMinutes: 90 }, { duration: HALF_DAY }, { duration: TWO_TO_THREE_DAYS, label: '2–3 days' }])])), {
      from: '2026-01-01T00:00:00Z',
      to: '2026-12-31T00:00:00Z',
      now: '2026-01-01T00:00:00Z',
    });
    expect(feed.workshops[0]!.formats).toEqual([
      { durationMinutes: 90 },
      { duration: { unit: 'half-days', amount: 1, label: 'Half day' } },
      { duration: { unit: 'days', min: 2, max: 3 }, label: '2–3 days' },
    ]);
    expect(parseFeed(JSON.parse(JSON.stringify(feed))).ok).toBe(true);
    const broken = JSON.parse(JSON.stringify(feed));
    broken.workshops[0].formats[1].duration.unit = 'fortnights';
    const checked = parseFeed(broken);
    expect(checked.ok ? [] : checked.errors.map((e) => e.path)).toEqual(['workshops[0].formats[1].duration.unit']);
  });

  it('filters by length: minutes and exact hours count by their minutes; half days, days and ranges by none', () => {
    const c = parsed(
      catalog([
        workshop('plain-90', [{ durationMinutes: 90 }]),
        workshop('stated-90', [{ duration: { unit: 'minutes', amount: 90, label: 'Ninety minutes' } }]),
        workshop('hour-and-a-half', [{ duration: { unit: 'hours', amount: 1.5 } }]),
        workshop('range', [{ duration: { unit: 'minutes', min: 60, max: 90 } }]),
        workshop('half-day', [{ duration: HALF_DAY }]),
        workshop('days', [{ duration: FULL_DAY }, { duration: TWO_TO_THREE_DAYS }]),
      ]),
    );
    const ids = (formats: number[]) =>
      filterWorkshops(c, { now: '2026-01-01T00:00:00Z', formats })
        .map((w) => w.id)
        .sort();
    expect(ids([90])).toEqual(['hour-and-a-half', 'plain-90', 'stated-90']);
    expect(ids([60])).toEqual([]);
    // Whatever a half day or a day might be locally, none of these numbers is invented for them.
    expect(ids([180, 240, 360, 480, 1440, 2880])).toEqual([]);
  });

  it('reads exact minutes only where the author gave them', () => {
    expect(exactMinutes({ durationMinutes: 45 })).toBe(45);
    expect(exactMinutes({ duration: { unit: 'minutes', amount: 45 } })).toBe(45);
    expect(exactMinutes({ duration: { unit: 'hours', amount: 2 } })).toBe(120);
    expect(exactMinutes({ duration: { unit: 'hours', amount: 1.1 } })).toBe(66);
    expect(exactMinutes({})).toBeUndefined();
    expect(statedDurationMinutes({ unit: 'hours', amount: 1.01 })).toBeUndefined();
    expect(statedDurationMinutes({ unit: 'minutes', min: 60, max: 90 })).toBeUndefined();
    expect(statedDurationMinutes({ unit: 'half-days', amount: 1 })).toBeUndefined();
    expect(statedDurationMinutes({ unit: 'days', amount: 1 })).toBeUndefined();
  });

  it('describes both ways of stating a format’s length in the JSON Schema, with examples', () => {
    interface Node {
      description?: string;
      examples?: unknown[];
      properties?: Record<string, Node>;
      items?: Node & { oneOf?: Node[] };
    }
    const schema = catalogJsonSchema() as { properties: Record<string, Node> };
    const kinds = schema.properties.workshops?.items?.oneOf ?? [];
    expect(kinds).toHaveLength(2);
    for (const kind of kinds) {
      const format = kind.properties?.formats?.items;
      for (const key of ['durationMinutes', 'duration', 'label']) {
        const field = format?.properties?.[key];
        expect(field?.description, key).toBeTruthy();
        expect(field?.examples?.length ?? 0, key).toBeGreaterThan(0);
      }
      expect(format?.properties?.duration?.examples).toContainEqual({ unit: 'half-days', amount: 1, label: 'Half day' });
      expect(format?.properties?.duration?.properties?.unit?.description).toBeTruthy();
    }
  });
});
