import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { filterResources, kindOptions, matchesTopic, normalizeKinds, topicOptions } from './resource-filter.js';
import { RESOURCE_KINDS } from '../resource-card/icons.js';
import { course, everyKind, guide, resources, template, website } from '../resource-card/resource-card.fixtures.js';

describe('normalizeKinds', () => {
  it('keeps known kinds once, in the canonical order, ignoring case and unknown words', () => {
    expect(normalizeKinds(['Video', 'course', 'podcast', 'video', ' guide '])).toEqual(['course', 'video', 'guide']);
    expect(normalizeKinds([])).toEqual([]);
  });
});

describe('matchesTopic', () => {
  it('matches a theme by id or title and a topic by text, without case', () => {
    expect(matchesTopic(guide, 'addressing-equity-and-inclusion')).toBe(true);
    expect(matchesTopic(guide, 'Addressing equity AND inclusion')).toBe(true);
    expect(matchesTopic(website, 'Grantsmanship')).toBe(true);
    expect(matchesTopic(website, 'grants')).toBe(false);
    expect(matchesTopic(website, '  ')).toBe(true);
  });

  it('matches a free-text topic named like the theme whose id is asked for', () => {
    const tagged = { ...website, topics: ['Aligning expectations'] };
    expect(matchesTopic(tagged, 'aligning-expectations')).toBe(false);
    expect(matchesTopic(tagged, 'aligning-expectations', 'Aligning Expectations')).toBe(true);
    expect(filterResources([tagged, course], { kinds: [], topic: 'aligning-expectations' }).map((r) => r.id)).toEqual([tagged.id, course.id]);
  });
});

describe('filterResources', () => {
  it('filters by kinds and topic together', () => {
    const all = resources();
    expect(filterResources(all, { kinds: [], topic: '' })).toHaveLength(everyKind.length);
    expect(filterResources(all, { kinds: ['course', 'guide'], topic: '' }).map((r) => r.kind)).toEqual(['course', 'guide']);
    expect(filterResources(all, { kinds: [], topic: 'aligning-expectations' }).map((r) => r.id)).toEqual([
      course.id,
      'mentoring-plan-worksheet',
      template.id,
      'ctsi-alignment-checklist',
    ]);
    expect(filterResources(all, { kinds: ['template'], topic: 'aligning-expectations' }).map((r) => r.id)).toEqual([template.id]);
  });

  it('keeps feed order and only ever narrows (property)', () => {
    const all = resources();
    const topics = ['', 'aligning-expectations', 'building trust', 'feedback', 'nothing'];
    fc.assert(
      fc.property(fc.subarray([...RESOURCE_KINDS]), fc.constantFrom(...topics), (kinds, topic) => {
        const out = filterResources(all, { kinds, topic });
        expect(out.every((r) => all.includes(r))).toBe(true);
        expect(out.map((r) => all.indexOf(r))).toEqual([...out.map((r) => all.indexOf(r))].sort((a, b) => a - b));
        expect(out.every((r) => kinds.length === 0 || kinds.includes(r.kind))).toBe(true);
        const wider = filterResources(all, { kinds: [], topic });
        expect(out.every((r) => wider.includes(r))).toBe(true);
      }),
    );
  });
});

describe('options', () => {
  it('counts the kinds present, in the canonical order', () => {
    expect(kindOptions([guide, course, { ...guide, id: 'g2' }])).toEqual([
      { kind: 'course', count: 1 },
      { kind: 'guide', count: 2 },
    ]);
    expect(kindOptions(everyKind).map((o) => o.kind)).toEqual([...RESOURCE_KINDS]);
  });

  it('lists each topic once, a theme by its id, sorted by label', () => {
    const options = topicOptions([course, template, { ...website, topics: ['Aligning expectations', 'grantsmanship'] }], 'en');
    expect(options).toEqual([
      { value: 'aligning-expectations', label: 'Aligning Expectations', count: 3 },
      { value: 'feedback', label: 'feedback', count: 1 },
      { value: 'grantsmanship', label: 'grantsmanship', count: 1 },
      { value: 'mentoring plans', label: 'mentoring plans', count: 1 },
    ]);
  });
});
