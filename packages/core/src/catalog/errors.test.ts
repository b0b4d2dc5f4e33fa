import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { WorkshopSchema } from '../workshop/workshop.schema.js';
import { CatalogSchema } from './catalog.schema.js';
import {
  closest,
  describeValue,
  formatCatalogErrors,
  formatPath,
  issuesToErrors,
  knownKeysAt,
  valueAt,
  type CatalogError,
} from './errors.js';

function errorsFor(schema: z.ZodType, input: unknown): CatalogError[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be rejected');
  return issuesToErrors(result.error.issues, input, [], schema);
}

describe('formatPath', () => {
  it.each([
    [[], '(root)'],
    [['title'], 'title'],
    [['workshops', 2, 'sessions', 0, 'start'], 'workshops[2].sessions[0].start'],
    [['vocabularies', 'roles'], 'vocabularies.roles'],
    [['$schema'], '$schema'],
    [['a b'], '["a b"]'],
    [['workshops', 0, 'x.y'], 'workshops[0]["x.y"]'],
    [[0, 'kebab-case'], '[0].kebab-case'],
  ])('writes %j as %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('valueAt', () => {
  it('follows keys and indexes and stops at anything that is not an object', () => {
    const input = { a: [{ b: 'x' }], c: 'text' };
    expect(valueAt(input, ['a', 0, 'b'])).toBe('x');
    expect(valueAt(input, ['a', 3, 'b'])).toBeUndefined();
    expect(valueAt(input, ['c', 'length'])).toBeUndefined();
    expect(valueAt(null, ['a'])).toBeUndefined();
  });
});

describe('describeValue', () => {
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a list', [1]],
    ['an object', { a: 1 }],
    ['"zoom"', 'zoom'],
    ['number 42', 42],
    ['boolean true', true],
    ['bigint 10', 10n],
  ])('writes %s', (text, value) => {
    expect(describeValue(value)).toBe(text);
  });

  it('shortens long text', () => {
    const text = describeValue('x'.repeat(200));
    expect(text.length).toBeLessThan(70);
    expect(text).toMatch(/\.\.\."$/);
  });
});

describe('closest', () => {
  it('suggests a likely intended word and nothing for unrelated ones', () => {
    expect(closest('schedueld', ['scheduled', 'request-only'])).toBe('scheduled');
    expect(closest('grad-student', ['postdoc', 'graduate-student'])).toBe('graduate-student');
    expect(closest('Timezone', ['timeZone', 'start'])).toBe('timeZone');
    expect(closest('kind', ['id', 'end'])).toBeUndefined();
    expect(closest('banana', ['scheduled', 'request-only'])).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
  });
});

describe('issuesToErrors', () => {
  const workshop = { id: 'intro', kind: 'scheduled', title: 'Introduction' };

  it('names a missing field and the object that lacks it', () => {
    const [error] = errorsFor(WorkshopSchema, { id: 'intro', kind: 'scheduled' });
    expect(error).toEqual({
      path: ['title'],
      pathText: 'title',
      code: 'missing_field',
      message: 'required field "title" is missing from (root)',
    });
  });

  it('lists the allowed kinds when the discriminator is missing', () => {
    const [error] = errorsFor(WorkshopSchema, { id: 'intro', title: 'x' });
    expect(error?.code).toBe('missing_field');
    expect(error?.message).toBe('required field "kind" is missing from (root); use one of "scheduled", "request-only"');
  });

  it('suggests a kind close to a misspelt one', () => {
    const [error] = errorsFor(WorkshopSchema, { ...workshop, kind: 'request_only' });
    expect(error).toMatchObject({ code: 'invalid_value', value: 'request_only' });
    expect(error?.message).toBe('unknown kind "request_only" (did you mean "request-only"?); expected one of "scheduled", "request-only"');
  });

  it('suggests keys of the branch of a discriminated union the input chose', () => {
    // `request` exists only on request-only workshops; `sessions` only on scheduled ones.
    const scheduled = errorsFor(WorkshopSchema, { ...workshop, sesions: [] });
    expect(scheduled[0]?.message).toBe('unknown field "sesions" in (root); did you mean "sessions"?');
    const requestOnly = errorsFor(WorkshopSchema, {
      ...workshop,
      kind: 'request-only',
      request: { method: 'email', email: 'a@b.edu' },
      sesions: [],
    });
    expect(requestOnly[0]?.message).toBe('unknown field "sesions" in (root); check its spelling against the schema');
  });

  it('picks the branch of a plain union that recognises the most keys', () => {
    const errors = errorsFor(WorkshopSchema, { ...workshop, objectives: [{ statement: 'Listen', cdoe: 'A.1' }] });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ pathText: 'objectives[0].cdoe', code: 'unknown_key' });
    expect(errors[0]?.message).toContain('did you mean "code"?');
  });

  it('explains a rule with the wrong value shape for its operator, through the lazy rule schema', () => {
    const policy = {
      version: 1,
      id: 'c',
      title: 't',
      defaultTimeZone: 'UTC',
      policies: [{ id: 'p', eligibility: { any: [{ fact: 'role', operator: 'in', value: 'postdoc' }] } }],
    };
    const errors = errorsFor(CatalogSchema, policy);
    expect(errors).toEqual([
      expect.objectContaining({
        pathText: 'policies[0].eligibility.any[0].value',
        code: 'custom',
        message: 'operator in needs a list of values, but found "postdoc"',
        value: 'postdoc',
      }),
    ]);
  });

  it('shows the value in messages that do not already quote it', () => {
    const errors = errorsFor(CatalogSchema, { version: 1, id: 'c', title: 't', defaultTimeZone: 'UTC', url: 'ftp://files.example.edu' });
    expect(errors[0]?.message).toBe('expected an absolute http:// or https:// URL, but found "ftp://files.example.edu"');
    const zone = errorsFor(CatalogSchema, { version: 1, id: 'c', title: 't', defaultTimeZone: 'Pacific Time' });
    // The zone message quotes the value itself: no second copy.
    expect(zone[0]?.message.match(/Pacific Time/g)).toHaveLength(1);
  });

  it('says why a well-formed date is not a date', () => {
    const calendar = (end: string) => ({
      version: 1,
      id: 'c',
      title: 't',
      defaultTimeZone: 'UTC',
      calendars: [
        { id: 'q', name: 'Quarters', timeZone: 'UTC', terms: [{ id: 't', name: 'T', kind: 'quarter', start: '2026-01-05', end }] },
      ],
    });
    expect(errorsFor(CatalogSchema, calendar('2027-02-29'))[0]?.message).toBe('"2027-02-29" is not a real date: February 2027 has 28 days');
    expect(errorsFor(CatalogSchema, calendar('2026-13-01'))[0]?.message).toBe('"2026-13-01" is not a real date: there is no month 13');
    expect(errorsFor(CatalogSchema, calendar('March 20'))[0]?.message).toBe(
      'expected a real calendar date written YYYY-MM-DD, e.g. 2026-01-08, but found "March 20"',
    );
  });

  it('names the wrong type in words', () => {
    const errors = errorsFor(WorkshopSchema, { ...workshop, capacity: '20', notes: 'Bring lunch', programs: { a: 1 } });
    expect(errors.map((e) => `${e.pathText}: ${e.message}`).sort()).toEqual([
      'capacity: expected a number, but found "20"',
      'notes: expected a list, but found "Bring lunch"',
      'programs: expected a list, but found an object',
    ]);
  });

  it('prefixes paths when the issues come from a nested schema', () => {
    const result = WorkshopSchema.safeParse({ ...workshop, title: '' });
    if (result.success) throw new Error('expected failure');
    const [error] = issuesToErrors(result.error.issues, { workshops: [{ ...workshop, title: '' }] }, ['workshops', 0]);
    expect(error).toMatchObject({ pathText: 'workshops[0].title', code: 'too_small', message: 'must not be empty' });
  });
});

describe('knownKeysAt', () => {
  it('follows arrays, defaults and discriminated unions', () => {
    const input = { workshops: [{ kind: 'request-only' }] };
    expect(knownKeysAt(CatalogSchema, ['workshops', 0], input)).toContain('request');
    expect(knownKeysAt(CatalogSchema, ['workshops', 0], input)).not.toContain('sessions');
    expect(knownKeysAt(CatalogSchema, ['vocabularies', 'roles', 0], {})).toEqual(['id', 'label', 'description']);
    expect(knownKeysAt(CatalogSchema, ['title'], {})).toEqual([]);
    expect(knownKeysAt(CatalogSchema, ['nowhere', 3], {})).toEqual([]);
  });
});

describe('formatCatalogErrors', () => {
  it('writes one line per error with file, line and column when known, and the related place', () => {
    const errors: CatalogError[] = [
      {
        path: ['workshops', 1, 'id'],
        pathText: 'workshops[1].id',
        code: 'duplicate_id',
        message: 'duplicate workshop id "intro"',
        line: 12,
        column: 9,
        related: { path: ['workshops', 0, 'id'], pathText: 'workshops[0].id', message: 'first defined at workshops[0]', line: 4 },
      },
      { path: [], pathText: '(root)', code: 'empty', message: 'the catalog is empty' },
    ];
    expect(formatCatalogErrors(errors, 'catalog.yaml')).toBe(
      'catalog.yaml:12:9 workshops[1].id: duplicate workshop id "intro"\n    first defined at workshops[0] (line 4)\ncatalog.yaml (root): the catalog is empty',
    );
    expect(formatCatalogErrors(errors.slice(1))).toBe('(root): the catalog is empty');
  });
});
