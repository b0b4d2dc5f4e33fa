import { describe, expect, it } from 'vitest';
import { parseCatalog, type CatalogInput } from '../catalog/index.js';
import { buildFeed } from '../feed/build.js';
import { parseFeed } from '../feed/feed.schema.js';
import { catalogJsonSchema } from '../export/json-schema.js';
import { CurriculumSchema } from './curriculum.schema.js';

type CurriculumInput = NonNullable<CatalogInput['curricula']>[number];

const curriculum = (id: string, extra: Partial<CurriculumInput> = {}): CurriculumInput => ({
  id,
  title: `Curriculum ${id}`,
  themes: [{ id: `${id}-theme`, title: 'A theme' }],
  ...extra,
});

const catalog = (curricula: CurriculumInput[], extra: Partial<CatalogInput> = {}): CatalogInput => ({
  version: 1,
  id: 'c',
  title: 'C',
  defaultTimeZone: 'America/New_York',
  curricula,
  ...extra,
});

const errors = (input: CatalogInput) => {
  const r = parseCatalog(input);
  return r.ok ? [] : r.errors.map((e) => `${e.pathText}: ${e.message}`);
};

const GUIDE = { id: 'facilitator-guide', kind: 'guide', title: 'Facilitator guide', url: 'https://example.edu/guide.pdf', access: { level: 'public' } } as const;

describe('curriculum: builds on, disciplines, objective, theme resources, durations', () => {
  it('accepts every new field, and a catalog without them as before', () => {
    const full = catalog(
      [
        curriculum('entering-mentoring'),
        curriculum('mentoring-up', {
          objective: 'Mentees navigate their mentoring relationships and career progression.',
          disciplines: ['Biosciences', 'Any discipline'],
          buildsOn: ['entering-mentoring'],
          themes: [{ id: 'ae', title: 'Aligning Expectations', objectiveResources: ['facilitator-guide'] }],
          units: [{ id: 'u1', title: 'Unit 1', themes: ['ae'], duration: { unit: 'minutes', min: 60, max: 90 } }],
          delivery: [
            { kind: 'half-day', duration: { unit: 'half-days', amount: 1, label: 'Half day' } },
            { kind: 'full-day', duration: { unit: 'days', amount: 1, label: 'Full day' } },
            { kind: 'multi-day', duration: { unit: 'days', amount: 2, label: 'Two days' } },
            { kind: 'standalone-workshops', durationMinutes: 90 },
          ],
        }),
      ],
      { resources: [GUIDE] },
    );
    expect(errors(full)).toEqual([]);
    expect(errors(catalog([curriculum('plain', { delivery: [{ kind: 'standalone-workshops', durationMinutes: 60 }] })]))).toEqual([]);
  });

  it('rejects a length given twice, and empty or malformed values, at their paths', () => {
    expect(errors(catalog([curriculum('a', { delivery: [{ kind: 'half-day', durationMinutes: 240, duration: { unit: 'half-days', amount: 1 } }] })]))).toEqual([
      'curricula[0].delivery[0].durationMinutes: give the length once: durationMinutes or duration (which also states ranges, days and labels), not both, but found number 240',
    ]);
    expect(errors(catalog([curriculum('a', { delivery: [{ kind: 'multi-day', duration: { unit: 'days', min: 3, max: 2 } }] })]))).toEqual([
      'curricula[0].delivery[0].duration.max: max (2) must be more than min (3), but found number 2',
    ]);
    expect(errors(catalog([curriculum('a', { disciplines: ['STEM', ' '] })]))).toEqual(['curricula[0].disciplines[1]: must not be empty, but found " "']);
    expect(errors(catalog([curriculum('a', { objective: '' })]))).toEqual(['curricula[0].objective: must not be empty']);
    expect(errors(catalog([curriculum('a', { buildsOn: ['has space'] })]))[0]).toMatch(/^curricula\[0\]\.buildsOn\[0\]: a curriculum id must start/);
  });

  it('reports a curriculum it builds on that is not in the catalog, with a suggestion', () => {
    expect(errors(catalog([curriculum('entering-mentoring'), curriculum('mentoring-up', { buildsOn: ['entering-mentorin'] })]))).toEqual([
      'curricula[1].buildsOn[0]: curricula[1].buildsOn[0] refers to curriculum "entering-mentorin", which is not defined in curricula (did you mean "entering-mentoring"?); defined: entering-mentoring, mentoring-up',
    ]);
  });

  it('reports a curriculum that builds on itself', () => {
    expect(errors(catalog([curriculum('a', { buildsOn: ['a'] })]))).toEqual([
      'curricula[0].buildsOn[0]: curricula[0].buildsOn[0]: curriculum "a" builds on itself; remove "a" from its buildsOn',
    ]);
  });

  it('reports a circle of curricula once, with its whole path', () => {
    const found = errors(
      catalog([curriculum('a', { buildsOn: ['b'] }), curriculum('b', { buildsOn: ['c'] }), curriculum('c', { buildsOn: ['a'] }), curriculum('d', { buildsOn: ['a'] })]),
    );
    expect(found).toEqual([
      'curricula[2].buildsOn[0]: curricula[2].buildsOn[0]: curricula build on each other in a circle, "a" → "b" → "c" → "a"; one of these buildsOn entries has to go',
    ]);
    // A shared ancestor is no circle.
    expect(errors(catalog([curriculum('a'), curriculum('b', { buildsOn: ['a'] }), curriculum('c', { buildsOn: ['a', 'b'] })]))).toEqual([]);
  });

  it('checks the resources named as holding a theme’s objectives', () => {
    const input = catalog([curriculum('a', { themes: [{ id: 't', title: 'T', objectiveResources: ['facilitator-guid'] }] })], { resources: [GUIDE] });
    expect(errors(input)).toEqual([
      'curricula[0].themes[0].objectiveResources[0]: curricula[0].themes[0].objectiveResources[0] refers to resource "facilitator-guid", which is not defined in resources (did you mean "facilitator-guide"?); defined: facilitator-guide',
    ]);
  });

  it('carries the new fields into a valid feed, titles and links resolved', () => {
    const parsed = parseCatalog(
      catalog(
        [
          curriculum('entering-mentoring', { title: 'Entering Mentoring' }),
          curriculum('mentoring-up', {
            objective: 'Navigate mentoring relationships.',
            disciplines: ['Biosciences'],
            buildsOn: ['entering-mentoring'],
            themes: [{ id: 'ae', title: 'Aligning Expectations', objectiveResources: ['facilitator-guide'] }],
            delivery: [{ kind: 'multi-day', duration: { unit: 'days', amount: 2, label: 'Two days' } }],
          }),
        ],
        { resources: [GUIDE] },
      ),
    );
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
    const feed = buildFeed(parsed.catalog, { from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z', now: '2026-01-01T00:00:00Z' });
    const c = feed.curricula[1]!;
    expect(c.objective).toBe('Navigate mentoring relationships.');
    expect(c.disciplines).toEqual(['Biosciences']);
    expect(c.buildsOn).toEqual([{ id: 'entering-mentoring', title: 'Entering Mentoring' }]);
    expect(c.themes[0]!.resources).toEqual([{ id: 'facilitator-guide', title: 'Facilitator guide', url: 'https://example.edu/guide.pdf' }]);
    expect(c.delivery[0]).toEqual({ kind: 'multi-day', duration: { unit: 'days', amount: 2, label: 'Two days' } });
    expect(feed.curricula[0]).not.toHaveProperty('buildsOn');
    expect(parseFeed(JSON.parse(JSON.stringify(feed))).ok).toBe(true);
    const broken = JSON.parse(JSON.stringify(feed));
    broken.curricula[1].delivery[0].duration.unit = 'fortnights';
    const checked = parseFeed(broken);
    expect(checked.ok ? [] : checked.errors.map((e) => e.path)).toEqual(['curricula[1].delivery[0].duration.unit']);
  });

  it('describes every field of a curriculum in the JSON Schema, with examples', () => {
    interface Node {
      description?: string;
      examples?: unknown[];
      properties?: Record<string, Node>;
      items?: Node;
      anyOf?: Node[];
    }
    const schema = catalogJsonSchema() as { properties: Record<string, Node> };
    const missing: string[] = [];
    const fields: string[] = [];
    const walk = (node: Node, path: string): void => {
      for (const [key, prop] of Object.entries(node.properties ?? {})) {
        fields.push(`${path}.${key}`);
        if (!prop.description || !(prop.examples?.length ?? 0)) missing.push(`${path}.${key}`);
        walk(prop, `${path}.${key}`);
      }
      if (node.items) walk(node.items, `${path}[]`);
      node.anyOf?.forEach((n) => walk(n, path));
    };
    walk(schema.properties.curricula!, 'curricula');
    expect(fields).toEqual(expect.arrayContaining(['curricula[].buildsOn', 'curricula[].delivery[].duration.label', 'curricula[].themes[].objectiveResources']));
    expect(missing).toEqual([]);
    expect(Object.keys(CurriculumSchema.shape)).toEqual(expect.arrayContaining(['objective', 'disciplines', 'buildsOn']));
  });
});
