import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../src/catalog/index.js';
import { CATALOG_SCHEMA_ID, catalogJsonSchema } from '../src/export/index.js';

const SCHEMA_FILE = new URL('../schema/catalog.schema.json', import.meta.url);
const committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

// Formats are annotations in draft 2020-12 unless a validator opts in, and editors differ: check the
// structure only, and state below which rules are zod's alone.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, validateFormats: false });
const validate = ajv.compile(committed);

function ajvAccepts(data: unknown): boolean {
  return validate(data) === true;
}

const MINIMAL = { version: 1, id: 'demo', title: 'Demo catalog', defaultTimeZone: 'America/New_York' };

const RICH = {
  ...MINIMAL,
  $schema: './catalog.schema.json',
  organizations: [{ id: 'ctl', name: 'Center for Teaching and Learning', kind: 'center', url: 'https://ctl.columbia.edu' }],
  people: [{ id: 'jane', name: 'Jane Roe', affiliation: 'ctl', email: 'jane@columbia.edu' }],
  audiences: [{ id: 'trainees', name: 'Graduate students and postdocs', roles: ['graduate-student', 'postdoc'] }],
  calendars: [
    {
      id: 'q',
      name: 'Quarters',
      timeZone: 'America/Los_Angeles',
      terms: [{ id: 'fall', name: 'Fall', kind: 'quarter', start: '2026-09-24', end: '2026-12-11' }],
    },
  ],
  policies: [
    {
      id: 'rsvp',
      eligibility: {
        any: [
          { fact: 'role', operator: 'in', value: ['graduate-student', 'postdoc'] },
          { not: { fact: 'department', operator: 'exists' } },
        ],
      },
      priority: [
        { id: 'bio', label: 'Biosciences first', when: { fact: 'field', operator: 'equals', value: 'biosciences' }, reservedSeats: 5 },
      ],
      window: { opens: { kind: 'term', calendar: 'q' }, closes: { kind: 'session', before: 'PT24H' } },
      capacity: 30,
      allocation: { mode: 'at-close', order: 'lottery', seed: 'fall-2026' },
      questions: [{ id: 'diet', type: 'select', label: 'Dietary needs', options: ['None', 'Vegetarian'] }],
    },
  ],
  programs: [
    { id: 'mentoring-up', title: 'Mentoring Up', hosts: ['ctl'], rsvpPolicy: 'rsvp', contacts: [{ for: 'Postdocs', person: 'jane' }] },
  ],
  workshops: [
    {
      id: 'intro',
      kind: 'scheduled',
      title: 'Introduction to mentoring up',
      programs: ['mentoring-up'],
      audiences: ['trainees'],
      objectives: [{ statement: 'Describe what you expect from your mentor' }],
      presenters: [{ role: 'facilitator', person: 'jane' }],
      sessions: [
        {
          id: 'weekly',
          start: '2026-10-05T12:00',
          end: '2026-10-05T13:00',
          timeZone: 'America/Los_Angeles',
          recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4', exdates: ['2026-10-12T12:00'] },
          overrides: [{ occurrence: '2026-10-19T12:00', topic: 'Aligning expectations', status: 'moved-online' }],
          location: { kind: 'in-person', venue: 'Life Sciences 2100' },
        },
      ],
    },
    {
      id: 'to-go',
      kind: 'request-only',
      title: 'Workshops to go',
      request: { method: 'email', email: 'ctl@columbia.edu', eligibility: { fact: 'role', operator: 'in', value: ['department-chair'] } },
    },
  ],
  resources: [
    {
      id: 'course',
      kind: 'course',
      title: 'Self-paced course',
      url: 'https://courseworks.columbia.edu/x',
      totalDuration: 'PT90M',
      modules: [{ title: 'Module 1', duration: 'PT30M' }],
    },
  ],
};

describe('the published JSON Schema', () => {
  it('is the one generated from the zod schemas (run `pnpm build` in packages/core when this fails)', () => {
    const generated = catalogJsonSchema();
    expect(
      committed,
      'packages/core/schema/catalog.schema.json is out of date with the zod schemas: run `pnpm build` in packages/core and commit the result',
    ).toEqual(generated);
    // Key order too: the file is what editors and reviewers read.
    expect(JSON.stringify(committed)).toBe(JSON.stringify(generated));
  });

  it('is draft 2020-12 with an $id, a title and descriptions', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(committed.$id).toBe(CATALOG_SCHEMA_ID);
    expect(committed.$id).toMatch(/^https:\/\//);
    expect(committed.title).toBe('mentorkit catalog');
    expect(typeof committed.description).toBe('string');
    const descriptions = JSON.stringify(committed).match(/"description":"/g) ?? [];
    expect(descriptions.length).toBeGreaterThan(50);
  });

  it('names shared definitions by their titles, not generated names', () => {
    const defs = Object.keys(committed.$defs ?? {});
    expect(defs.length).toBeGreaterThan(0);
    for (const name of defs) expect(name).not.toMatch(/^__schema\d+$/);
    expect(JSON.stringify(committed)).not.toMatch(/__schema\d+/);
  });

  it('compiles in a strict validator', () => {
    expect(() => new Ajv2020({ strict: true, allowUnionTypes: true, validateFormats: false }).compile(committed)).not.toThrow();
  });
});

describe('ajv and parseCatalog agree on structure', () => {
  it.each([
    ['a minimal catalog', MINIMAL],
    ['a catalog using every kind of entity', RICH],
  ])('both accept %s', (_, catalog) => {
    expect(ajvAccepts(catalog), JSON.stringify(validate.errors)).toBe(true);
    const parsed = parseCatalog(catalog);
    expect(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors)).toBe(true);
  });

  const seeds = ['mentoring-up', 'advancing-mentorship', 'mentoring-resources']
    .map((name) => new URL(`../../../apps/demo/catalog/${name}.yaml`, import.meta.url))
    .filter((url) => existsSync(url));
  it.each(seeds.map((url) => [url.pathname.split('/').pop()!, url] as const))('both accept the seed %s', (_, url) => {
    const data = parseDocument(readFileSync(url, 'utf8')).toJS() as unknown;
    expect(ajvAccepts(data), JSON.stringify(validate.errors)).toBe(true);
    expect(parseCatalog(data).ok).toBe(true);
  });

  const structural: [string, unknown][] = [
    ['a missing title', { ...MINIMAL, title: undefined }],
    ['an empty title', { ...MINIMAL, title: '' }],
    ['version 2', { ...MINIMAL, version: 2 }],
    ['a misspelt top-level key', { ...MINIMAL, workshop: [] }],
    ['a workshop kind that does not exist', { ...MINIMAL, workshops: [{ id: 'w', kind: 'schedueld', title: 'W' }] }],
    [
      'a session without an end',
      {
        ...MINIMAL,
        workshops: [{ id: 'w', kind: 'scheduled', title: 'W', sessions: [{ id: 's', start: '2026-01-08T15:00', timeZone: 'UTC' }] }],
      },
    ],
    ['a capacity written as text', { ...MINIMAL, policies: [{ id: 'p', capacity: 'twenty' }] }],
    ['a negative capacity', { ...MINIMAL, policies: [{ id: 'p', capacity: -1 }] }],
    [
      'an unknown session status',
      { ...RICH, workshops: [{ ...RICH.workshops[0], sessions: [{ ...RICH.workshops[0]!.sessions![0], status: 'canceled' }] }] },
    ],
    ['an id with spaces', { ...MINIMAL, programs: [{ id: 'mentoring up', title: 'P' }] }],
    ['an unknown rule operator', { ...MINIMAL, policies: [{ id: 'p', eligibility: { fact: 'role', operator: 'is', value: 'x' } }] }],
    [
      'an RRULE with its prefix',
      {
        ...MINIMAL,
        workshops: [
          {
            id: 'w',
            kind: 'scheduled',
            title: 'W',
            sessions: [
              { id: 's', start: '2026-01-08T15:00', end: '2026-01-08T16:00', timeZone: 'UTC', recurrence: { rrule: 'RRULE:FREQ=WEEKLY' } },
            ],
          },
        ],
      },
    ],
    ['a list where a catalog belongs', [MINIMAL]],
    ['an invalid email', { ...MINIMAL, people: [{ id: 'x', name: 'X', email: 'x at y' }] }],
  ];
  it.each(structural)('both reject %s', (_, data) => {
    expect(ajvAccepts(data)).toBe(false);
    expect(parseCatalog(data).ok).toBe(false);
  });

  const withSession = (session: Record<string, unknown>) => ({
    ...MINIMAL,
    workshops: [
      {
        id: 'w',
        kind: 'scheduled',
        title: 'W',
        sessions: [{ id: 's', start: '2026-01-08T15:00', end: '2026-01-08T16:00', timeZone: 'America/New_York', ...session }],
      },
    ],
  });
  // These rules are checked by zod refinements and by parseCatalog's reference and time checks; the
  // JSON Schema cannot express them, so an editor using it will not flag them. That is by design.
  const zodOnly: [string, unknown][] = [
    ['an unknown time zone', { ...MINIMAL, defaultTimeZone: 'America/New_Yrok' }],
    ['a time zone abbreviation', { ...MINIMAL, defaultTimeZone: 'EST' }],
    ['a wall-clock time skipped by daylight saving', withSession({ start: '2026-03-08T02:30', end: '2026-03-08T03:30' })],
    ['an impossible date', withSession({ start: '2026-02-30T15:00', end: '2026-02-30T16:00' })],
    ['a dangling reference', { ...MINIMAL, workshops: [{ id: 'w', kind: 'scheduled', title: 'W', programs: ['nowhere'] }] }],
    [
      'a duplicate id',
      {
        ...MINIMAL,
        programs: [
          { id: 'p', title: 'A' },
          { id: 'p', title: 'B' },
        ],
      },
    ],
    ['a javascript: URL', { ...MINIMAL, url: 'javascript:alert(1)' }],
    ['a title of only spaces (zod trims before checking the length)', { ...MINIMAL, title: '   ' }],
    ['a malformed ISO duration', { ...MINIMAL, policies: [{ id: 'p', window: { closes: { kind: 'session', before: '24 hours' } } }] }],
    ['an RRULE with an unknown frequency', withSession({ recurrence: { rrule: 'FREQ=WEEKLYY' } })],
    [
      'a condition whose value does not fit its operator',
      { ...MINIMAL, policies: [{ id: 'p', eligibility: { fact: 'role', operator: 'in', value: 'postdoc' } }] },
    ],
    [
      'a presenter that is both a person and a name',
      {
        ...MINIMAL,
        people: [{ id: 'x', name: 'X' }],
        workshops: [{ id: 'w', kind: 'scheduled', title: 'W', presenters: [{ role: 'host', person: 'x', name: 'X' }] }],
      },
    ],
    [
      'an email request without an email',
      { ...MINIMAL, workshops: [{ id: 'w', kind: 'request-only', title: 'W', request: { method: 'email' } }] },
    ],
  ];
  it.each(zodOnly)('only parseCatalog rejects %s', (_, data) => {
    expect(ajvAccepts(data), JSON.stringify(validate.errors)).toBe(true);
    expect(parseCatalog(data).ok).toBe(false);
  });

  it('ajv sees every structural error of the broken corpus too', () => {
    const dir = new URL('./broken/', import.meta.url);
    let compared = 0;
    for (const name of readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f))) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      // Syntax errors never reach a schema.
      const fromText = parseCatalog(text);
      if (fromText.ok || fromText.errors.some((e) => e.code === 'syntax' || e.code === 'empty')) continue;
      const doc = parseDocument(text);
      let data: unknown;
      try {
        data = doc.toJS();
      } catch {
        continue;
      }
      compared++;
      const parsed = parseCatalog(data);
      expect(parsed.ok, name).toBe(false);
      // The corpus is built so that every file is wrong; a structural error is one ajv must see too.
      // (too_small is left out: zod trims text before measuring it, the JSON Schema cannot.)
      if (!parsed.ok && parsed.errors.some((e) => ['invalid_type', 'missing_field', 'unknown_key', 'invalid_value'].includes(e.code))) {
        expect(ajvAccepts(data), `${name}: ${JSON.stringify(parsed.errors)}`).toBe(false);
      }
    }
    expect(compared).toBeGreaterThan(30);
  });
});
