import { describe, expect, expectTypeOf, it } from 'vitest';
import * as c from './check.js';

/** The issues `schema` reports for `value` ([] when it passes). */
const issues = (schema: c.Check<unknown>, value: unknown) => {
  const result = c.validate(schema, value);
  return result.ok ? [] : result.issues;
};

describe('string', () => {
  it('accepts strings and names the type it found otherwise', () => {
    expect(issues(c.string(), '')).toEqual([]);
    expect(issues(c.string(), 42)).toEqual([{ path: '(root)', message: 'expected a string, got number' }]);
    expect(issues(c.string(), null)).toEqual([{ path: '(root)', message: 'expected a string, got null' }]);
    expect(issues(c.string(), ['a'])).toEqual([{ path: '(root)', message: 'expected a string, got array' }]);
  });

  it('with a pattern, names what passes and shows the string that did not', () => {
    const year = c.string(/^\d{4}$/, 'a year');
    expect(issues(year, '2026')).toEqual([]);
    expect(issues(year, '20x6')).toEqual([{ path: '(root)', message: 'expected a year, got "20x6"' }]);
    expect(issues(year, 2026)).toEqual([{ path: '(root)', message: 'expected a string, got number' }]);
  });

  it('with a predicate, refines the same way', () => {
    const lower = c.string((s) => s === s.toLowerCase(), 'a lower-case string');
    expect(issues(lower, 'abc')).toEqual([]);
    expect(issues(lower, 'aBc')).toEqual([{ path: '(root)', message: 'expected a lower-case string, got "aBc"' }]);
  });

  it('cuts long strings short in messages', () => {
    const [issue] = issues(c.string(/^$/, 'nothing'), 'x'.repeat(500));
    expect(issue?.message).toBe(`expected nothing, got "${'x'.repeat(40)}…"`);
  });

  it('a pattern with the global flag gives the same answer every time', () => {
    const digits = c.string(/^\d+$/g, 'digits');
    expect([issues(digits, '12'), issues(digits, '12'), issues(digits, '12')]).toEqual([[], [], []]);
  });
});

describe('number and boolean', () => {
  it('accepts finite numbers only', () => {
    expect(issues(c.number(), 0)).toEqual([]);
    expect(issues(c.number(), -1.5)).toEqual([]);
    expect(issues(c.number(), '1')).toEqual([{ path: '(root)', message: 'expected a number, got string' }]);
    expect(issues(c.number(), Number.NaN)).toEqual([{ path: '(root)', message: 'expected a number, got NaN' }]);
    expect(issues(c.number(), Number.POSITIVE_INFINITY)).toEqual([{ path: '(root)', message: 'expected a number, got Infinity' }]);
  });

  it('accepts booleans only', () => {
    expect(issues(c.boolean(), false)).toEqual([]);
    expect(issues(c.boolean(), 'true')).toEqual([{ path: '(root)', message: 'expected a boolean, got string' }]);
    expect(issues(c.boolean(), 0)).toEqual([{ path: '(root)', message: 'expected a boolean, got number' }]);
  });
});

describe('literal and oneOf', () => {
  it('literal accepts exactly its value and shows both', () => {
    expect(issues(c.literal(1), 1)).toEqual([]);
    expect(issues(c.literal(1), 2)).toEqual([{ path: '(root)', message: 'expected 1, got 2' }]);
    expect(issues(c.literal(1), '1')).toEqual([{ path: '(root)', message: 'expected 1, got "1"' }]);
    expect(issues(c.literal('v1'), {})).toEqual([{ path: '(root)', message: 'expected "v1", got object' }]);
  });

  it('oneOf lists the allowed values', () => {
    const level = c.oneOf(['public', 'restricted']);
    expect(issues(level, 'restricted')).toEqual([]);
    expect(issues(level, 'secret')).toEqual([{ path: '(root)', message: 'expected one of "public", "restricted", got "secret"' }]);
    expect(issues(level, 3)).toEqual([{ path: '(root)', message: 'expected one of "public", "restricted", got 3' }]);
  });
});

describe('optional, array, record, object', () => {
  it('optional passes undefined but not null', () => {
    expect(issues(c.optional(c.string()), undefined)).toEqual([]);
    expect(issues(c.optional(c.string()), 'a')).toEqual([]);
    expect(issues(c.optional(c.string()), null)).toEqual([{ path: '(root)', message: 'expected a string, got null' }]);
  });

  it('array checks every item and names its index', () => {
    expect(issues(c.array(c.number()), [])).toEqual([]);
    expect(issues(c.array(c.number()), { length: 0 })).toEqual([{ path: '(root)', message: 'expected an array, got object' }]);
    expect(issues(c.array(c.number()), [1, 'two', 3, null])).toEqual([
      { path: '[1]', message: 'expected a number, got string' },
      { path: '[3]', message: 'expected a number, got null' },
    ]);
  });

  it('record checks every own value and names its key', () => {
    const opens = c.object({ tierOpens: c.record(c.string(/^\d{4}$/, 'a year')) });
    expect(issues(opens, { tierOpens: {} })).toEqual([]);
    expect(issues(opens, { tierOpens: { staff: '2026', faculty: 'soon' } })).toEqual([{ path: 'tierOpens.faculty', message: 'expected a year, got "soon"' }]);
    expect(issues(opens, { tierOpens: [] })).toEqual([{ path: 'tierOpens', message: 'expected an object, got array' }]);
    const inherited = Object.assign(Object.create({ bad: 1 }) as object, { good: '2026' });
    expect(issues(c.record(c.string()), inherited)).toEqual([]);
  });

  it('object reports a missing required key as required, and lets an optional one be missing', () => {
    const person = c.object({ name: c.string(), title: c.optional(c.string()) });
    expect(issues(person, { name: 'Ada' })).toEqual([]);
    expect(issues(person, { title: 'Dr.' })).toEqual([{ path: 'name', message: 'required' }]);
    expect(issues(person, { name: 'Ada', title: 7 })).toEqual([{ path: 'title', message: 'expected a string, got number' }]);
    expect(issues(person, null)).toEqual([{ path: '(root)', message: 'expected an object, got null' }]);
    expect(issues(person, [{ name: 'Ada' }])).toEqual([{ path: '(root)', message: 'expected an object, got array' }]);
    // A missing root is not a missing key.
    expect(issues(person, undefined)).toEqual([{ path: '(root)', message: 'expected an object, got undefined' }]);
  });

  it('returns the input itself, unknown keys included', () => {
    const person = c.object({ name: c.string() });
    const input = { name: 'Ada', extra: { kept: true } };
    const result = c.validate(person, input);
    expect(result.ok && result.value).toBe(input);
    expect(input).toEqual({ name: 'Ada', extra: { kept: true } });
  });

  it('builds paths through nested objects, arrays and records', () => {
    const feed = c.object({
      workshops: c.array(c.object({ occurrences: c.array(c.object({ start: c.string(), rsvp: c.object({ tierOpens: c.record(c.string()) }) })) })),
    });
    const occurrence = { start: 's', rsvp: { tierOpens: {} } };
    const input = {
      workshops: [{ occurrences: [] }, { occurrences: [] }, { occurrences: [] }, { occurrences: [{ start: 5, rsvp: { tierOpens: { staff: false } } }, occurrence, {}] }],
    };
    expect(issues(feed, input)).toEqual([
      { path: 'workshops[3].occurrences[0].start', message: 'expected a string, got number' },
      { path: 'workshops[3].occurrences[0].rsvp.tierOpens.staff', message: 'expected a string, got boolean' },
      { path: 'workshops[3].occurrences[2].start', message: 'required' },
      { path: 'workshops[3].occurrences[2].rsvp', message: 'required' },
    ]);
  });

  it('an array of arrays names both indexes', () => {
    expect(issues(c.array(c.array(c.boolean())), [[true], [false, 'no']])).toEqual([{ path: '[1][1]', message: 'expected a boolean, got string' }]);
  });
});

describe('custom', () => {
  it('uses the predicate and names what it expected', () => {
    const even = c.custom<number>((v) => typeof v === 'number' && v % 2 === 0, 'an even number');
    expect(issues(c.object({ n: even }), { n: 4 })).toEqual([]);
    expect(issues(c.object({ n: even }), { n: 3 })).toEqual([{ path: 'n', message: 'expected an even number, got number' }]);
    expect(issues(c.object({ n: even }), {})).toEqual([{ path: 'n', message: 'required' }]);
  });
});

describe('validate', () => {
  it(`stops after ${c.MAX_ISSUES} issues and checks nothing more`, () => {
    let calls = 0;
    const never = c.custom<never>(() => (calls++, false), 'nothing');
    const result = c.validate(c.array(never), Array.from({ length: 50 }, (_, i) => i));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(20);
    expect(result.issues.at(-1)?.path).toBe('[19]');
    expect(calls).toBe(20);
  });

  it('reports 19 issues in full, without stopping early', () => {
    const result = c.validate(c.array(c.string()), [...Array.from({ length: 19 }, () => 0), 'ok']);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(Array.from({ length: 19 }, (_, i) => `[${i}]`));
  });

  it('can be run again after a walk that stopped early', () => {
    const many = c.array(c.string());
    expect(c.validate(many, Array.from({ length: 30 }, () => 1)).ok).toBe(false);
    expect(c.validate(many, ['a']).ok).toBe(true);
  });

  it('lets errors thrown by a predicate through', () => {
    const boom = c.custom<unknown>(() => {
      throw new RangeError('boom');
    }, 'anything');
    expect(() => c.validate(boom, 1)).toThrow(RangeError);
  });
});

describe('inferred types', () => {
  it('makes optional keys optional and lists unions for enums and literals', () => {
    const schema = c.object({
      id: c.string(),
      kind: c.oneOf(['video', 'book']),
      version: c.literal(1),
      note: c.optional(c.string()),
      tags: c.array(c.string()),
      opens: c.record(c.number()),
      nested: c.optional(c.object({ on: c.boolean() })),
      rule: c.custom<{ fact: string }>(() => true, 'a rule'),
    });
    expectTypeOf<c.Infer<typeof schema>>().toEqualTypeOf<{
      id: string;
      kind: 'video' | 'book';
      version: 1;
      note?: string | undefined;
      tags: string[];
      opens: Record<string, number>;
      nested?: { on: boolean } | undefined;
      rule: { fact: string };
    }>();
    const result = c.validate(schema, {});
    if (result.ok) expectTypeOf(result.value.kind).toEqualTypeOf<'video' | 'book'>();
  });

  it('keeps checks of different types apart', () => {
    expectTypeOf(c.string()).not.toEqualTypeOf(c.number());
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- only its type is tested
    const maybe = c.optional(c.number());
    expectTypeOf<c.Infer<typeof maybe>>().toEqualTypeOf<number | undefined>();
    expectTypeOf<c.Infer<typeof c.string>>().toBeNever();
  });
});
