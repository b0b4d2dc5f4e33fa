import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogError } from './errors.js';
import { parseCatalog, type ParseCatalogResult } from './parse.js';

const VALID_YAML = `version: 1
id: demo
title: Demo catalog
defaultTimeZone: America/New_York
programs:
  - id: mentoring-up
    title: Mentoring Up
workshops:
  - id: intro
    kind: scheduled
    title: Introduction to mentoring
    programs: [mentoring-up]
    sessions:
      - id: s1
        start: 2026-01-08T15:00
        end: 2026-01-08T16:30
        timeZone: America/New_York
`;

const VALID_OBJECT = {
  version: 1,
  id: 'demo',
  title: 'Demo catalog',
  defaultTimeZone: 'America/New_York',
  programs: [{ id: 'mentoring-up', title: 'Mentoring Up' }],
  workshops: [
    {
      id: 'intro',
      kind: 'scheduled',
      title: 'Introduction to mentoring',
      programs: ['mentoring-up'],
      sessions: [{ id: 's1', start: '2026-01-08T15:00', end: '2026-01-08T16:30', timeZone: 'America/New_York' }],
    },
  ],
};

function errorsOf(result: ParseCatalogResult): CatalogError[] {
  if (result.ok) throw new Error('expected the catalog to be rejected');
  return result.errors;
}

function only(result: ParseCatalogResult): CatalogError {
  const errors = errorsOf(result);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return errors[0]!;
}

/** Replaces one line of the valid YAML; `line` is 1-based, as editors show it. */
function editLine(line: number, replacement: string): string {
  const lines = VALID_YAML.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

describe('parseCatalog input forms', () => {
  it('reads YAML text, JSON text and an object to the same catalog', () => {
    const fromYaml = parseCatalog(VALID_YAML);
    const fromJson = parseCatalog(JSON.stringify(VALID_OBJECT, null, 2));
    const fromObject = parseCatalog(VALID_OBJECT);
    expect(fromYaml.ok && fromJson.ok && fromObject.ok).toBe(true);
    if (!fromYaml.ok || !fromJson.ok || !fromObject.ok) return;
    expect(fromJson.catalog).toEqual(fromYaml.catalog);
    expect(fromObject.catalog).toEqual(fromYaml.catalog);
    // Defaults are applied once, at the boundary.
    expect(fromYaml.catalog.language).toBe('en');
    expect(fromYaml.catalog.workshops[0]).toMatchObject({
      kind: 'scheduled',
      audiences: [],
      sessions: [{ status: 'scheduled', overrides: [] }],
    });
  });

  it('does not modify an object it is given', () => {
    const input = structuredClone(VALID_OBJECT);
    parseCatalog(input);
    expect(input).toEqual(VALID_OBJECT);
  });

  it('ignores a byte-order mark', () => {
    expect(parseCatalog(`\uFEFF${VALID_YAML}`).ok).toBe(true);
    expect(parseCatalog(`\uFEFF${JSON.stringify(VALID_OBJECT)}`).ok).toBe(true);
  });

  it('reads times and dates as text, not as YAML 1.1 timestamps or sexagesimal numbers', () => {
    const result = parseCatalog(VALID_YAML);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const session = result.catalog.workshops[0]?.kind === 'scheduled' ? result.catalog.workshops[0].sessions[0] : undefined;
    expect(session?.start).toBe('2026-01-08T15:00');
  });

  it('accepts a repeated wall-clock time (clocks falling back) and rejects a skipped one', () => {
    const fallBack = VALID_YAML.replace('2026-01-08T15:00', '2026-11-01T01:30').replace('2026-01-08T16:30', '2026-11-01T02:30');
    expect(parseCatalog(fallBack).ok).toBe(true);
    const springForward = VALID_YAML.replace('2026-01-08T15:00', '2026-03-08T02:30').replace('2026-01-08T16:30', '2026-03-08T04:00');
    expect(only(parseCatalog(springForward))).toMatchObject({ code: 'nonexistent_time', line: 15, column: 16 });
  });

  it('rejects text longer than the limit without parsing it', () => {
    const error = only(parseCatalog(VALID_YAML, { maxLength: 100 }));
    expect(error).toMatchObject({ code: 'too_large', pathText: '(root)' });
    expect(error.message).toContain(String(VALID_YAML.length));
  });

  it.each([
    ['', 'empty'],
    ['  \n\t\n', 'empty'],
    ['# only a comment\n', 'empty'],
    ['---\n', 'empty'],
  ])('reports %j as empty', (text, code) => {
    expect(only(parseCatalog(text)).code).toBe(code);
  });

  it.each([
    [null, 'nothing'],
    [undefined, 'nothing'],
    [42, 'number 42'],
    [[VALID_OBJECT], 'a list'],
    ['- a\n- b\n', 'a list'],
    ['just words', 'the text "just words"'],
  ])('rejects %j, which is not a mapping', (input, found) => {
    const error = only(parseCatalog(input));
    expect(error.code).toBe('invalid_type');
    expect(error.message).toContain(`but found ${found}`);
  });
});

describe('parseCatalog positions (1-based line and column)', () => {
  it('points a wrong value at the value', () => {
    const error = only(parseCatalog(editLine(16, '        end: 2026-01-08T16:30:99')));
    expect(error).toMatchObject({ pathText: 'workshops[0].sessions[0].end', line: 16, column: 14, value: '2026-01-08T16:30:99' });
    expect(error.message).toContain('"2026-01-08T16:30:99"');
  });

  it('points a wrong value in JSON text at the value', () => {
    const text = JSON.stringify({ ...VALID_OBJECT, defaultTimeZone: 'Mars/Olympus' }, null, 2);
    const error = only(parseCatalog(text));
    expect(error).toMatchObject({ pathText: 'defaultTimeZone', code: 'custom', line: 5, column: 22 });
    expect(text.split('\n')[4]!.slice(21)).toMatch(/^"Mars\/Olympus"/);
  });

  it('points an unknown key at the key and suggests the spelling', () => {
    const error = only(
      parseCatalog(
        editLine(11, '    titel: Introduction to mentoring').replace(
          '    programs: [mentoring-up]',
          '    title: X\n    programs: [mentoring-up]',
        ),
      ),
    );
    expect(error).toMatchObject({ code: 'unknown_key', pathText: 'workshops[0].titel', line: 11, column: 5 });
    expect(error.message).toBe('unknown field "titel" in workshops[0]; did you mean "title"?');
  });

  it('points a missing key at the object that lacks it', () => {
    const error = only(parseCatalog(VALID_YAML.replace('        end: 2026-01-08T16:30\n', '')));
    expect(error).toMatchObject({ code: 'missing_field', pathText: 'workshops[0].sessions[0].end', line: 14, column: 9 });
    expect(error.message).toBe('required field "end" is missing from workshops[0].sessions[0]');
  });

  it('points a missing top-level key at the start of the document', () => {
    const error = only(parseCatalog(`# A catalog\n${VALID_YAML.replace('title: Demo catalog\n', '')}`));
    expect(error).toMatchObject({ code: 'missing_field', pathText: 'title', line: 2, column: 1 });
  });

  it('points a duplicate key at its second occurrence and names it', () => {
    const error = only(parseCatalog(VALID_YAML.replace('    kind: scheduled\n', '    kind: scheduled\n    kind: request-only\n')));
    expect(error).toMatchObject({ code: 'syntax', line: 11, column: 5 });
    expect(error.message).toContain('the key "kind" appears twice');
  });

  it('finds duplicate keys in JSON, which JSON.parse would silently merge', () => {
    const error = only(parseCatalog('{\n  "version": 1,\n  "version": 1\n}'));
    expect(error).toMatchObject({ code: 'syntax', line: 3, column: 3 });
    expect(error.message).toMatch(/^JSON syntax error: the key "version" appears twice/);
  });

  it.each([
    ['unclosed double quote', editLine(3, 'title: "Demo catalog'), 3, 8, 'double quote opened here is never closed'],
    ['unclosed single quote', editLine(7, "    title: 'Mentoring Up"), 7, 12, 'single quote opened here is never closed'],
    ['unclosed bracket', editLine(12, '    programs: [mentoring-up'), 12, 15, 'the [ opened here is never closed with ]'],
    ['unclosed brace', editLine(12, '    programs: {a: b'), 12, 15, 'the { opened here is never closed with }'],
    ['tab indentation', editLine(11, '\ttitle: Introduction'), 11, 1, 'Tabs are not allowed as indentation'],
    ['item out of line', editLine(11, '   title: Introduction'), 11, 1, 'check the indentation'],
    ['colon inside a plain value', editLine(3, 'title: Mentoring: a guide'), 3, 8, 'put it in quotes'],
  ])('locates a YAML syntax error: %s', (_, text, line, column, message) => {
    const error = only(parseCatalog(text));
    expect(error).toMatchObject({ code: 'syntax', pathText: '(root)', line, column });
    expect(error.message).toMatch(/^YAML syntax error: /);
    expect(error.message).toContain(message);
  });

  it.each([
    ['trailing comma in an object', '{\n  "version": 1,\n}', 2, 15, 'trailing comma before }'],
    ['trailing comma in a list', '{"a": [1, 2,]}', 1, 12, 'trailing comma before ]'],
    ['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected , or } after a value, but found "b"'],
    ['single quotes', "{'a': 1}", 1, 2, 'double quotes'],
    ['comment', '{\n  // note\n  "a": 1\n}', 2, 3, 'JSON does not allow comments'],
    ['unquoted key', '{a: 1}', 1, 2, "expected a key in double quotes, but found 'a'"],
    ['unclosed string', '{"a": "x}', 1, 7, 'the string opened here is never closed'],
    ['line break in a string', '{"a": "x\ny"}', 1, 7, 'a line break inside a string'],
    ['bad escape', '{"a": "\\q"}', 1, 8, 'unknown escape \\q'],
    ['unclosed object', '{\n  "a": {\n    "b": 1\n', 2, 8, 'the { opened here is never closed with }'],
    ['text after the value', '{"a": 1} x', 1, 10, "unexpected 'x' after the end"],
    ['missing value', '{"a": }', 1, 7, "expected a value, but found '}'"],
  ])('locates a JSON syntax error: %s', (_, text, line, column, message) => {
    const error = only(parseCatalog(text));
    expect(error).toMatchObject({ code: 'syntax', pathText: '(root)', line, column });
    expect(error.message).toMatch(/^JSON syntax error: /);
    expect(error.message).toContain(message);
  });

  it('gives the other end of a duplicate id its own position', () => {
    const text = VALID_YAML.replace(
      'programs:\n  - id: mentoring-up\n    title: Mentoring Up\n',
      'programs:\n  - id: mentoring-up\n    title: Mentoring Up\n  - id: mentoring-up\n    title: Again\n',
    );
    const error = only(parseCatalog(text));
    expect(error).toMatchObject({ code: 'duplicate_id', pathText: 'programs[1].id', line: 8, column: 9 });
    expect(error.related).toMatchObject({ pathText: 'programs[0].id', line: 6, column: 9 });
  });

  it('reports errors in reading order', () => {
    const text = VALID_YAML.replace('defaultTimeZone: America/New_York', 'defaultTimeZone: Mars/Olympus')
      .replace('    kind: scheduled', '    kind: scheduled\n    colour: blue')
      .replace('title: Demo catalog', 'title: 7');
    const lines = errorsOf(parseCatalog(text)).map((e) => e.line!);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines.length).toBe(3);
  });

  it('has no positions for an object input', () => {
    const errors = errorsOf(parseCatalog({ ...VALID_OBJECT, defaultTimeZone: 'EST', titel: 'x' }));
    expect(errors.map((e) => e.pathText).sort()).toEqual(['defaultTimeZone', 'titel']);
    expect(errors.every((e) => e.line === undefined && e.column === undefined)).toBe(true);
  });
});

describe('parseCatalog never throws', () => {
  // Thousands of parses: generous on a shared two-core machine, still a bound on a hang.
  const FUZZ_TIMEOUT = 120_000;

  const assertResult = (result: ParseCatalogResult): void => {
    if (result.ok) {
      expect(typeof result.catalog).toBe('object');
      return;
    }
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(typeof e.message).toBe('string');
      expect(typeof e.pathText).toBe('string');
      // `internal` is what the last-resort catch reports: a defect, even if nothing was thrown.
      expect(e.code).not.toBe('internal');
    }
  };

  it(
    'on arbitrary strings',
    () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (text) => assertResult(parseCatalog(text))),
        { numRuns: 2000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'on strings made of YAML and JSON punctuation',
    () => {
      const unit = fc.constantFrom(...'ab1:-[]{}"\'\n\n  \t#&*!|>%@`,?\\'.split(''));
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 80 }), (text) => assertResult(parseCatalog(text))),
        { numRuns: 3000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'on a valid catalog with random edits',
    () => {
      const edit = fc.tuple(fc.nat({ max: VALID_YAML.length }), fc.nat({ max: 3 }), fc.string({ maxLength: 3 }));
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), (edits, asJson) => {
          let text = asJson ? JSON.stringify(VALID_OBJECT, null, 2) : VALID_YAML;
          for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
          assertResult(parseCatalog(text));
        }),
        { numRuns: 2000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'on arbitrary JSON values',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          assertResult(parseCatalog(value));
          assertResult(parseCatalog(JSON.stringify(value) ?? 'null'));
        }),
        { numRuns: 2000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'on arbitrary JavaScript values, including odd prototypes and bigints',
    () => {
      const anything = fc.anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withSparseArray: true,
        withTypedArray: true,
      });
      fc.assert(
        fc.property(anything, (value) => assertResult(parseCatalog(value))),
        { numRuns: 2000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'on catalog-shaped objects with arbitrary values in known places',
    () => {
      const field = fc.oneof(fc.jsonValue(), fc.constantFrom('2026-03-08T02:30', 'EST', 'javascript:x', 'scheduled', 'FREQ=WEEKLY'));
      fc.assert(
        fc.property(field, field, field, field, (kind, start, zone, programs) => {
          const workshop = { ...VALID_OBJECT.workshops[0], kind, programs, sessions: [{ id: 's', start, end: start, timeZone: zone }] };
          assertResult(parseCatalog({ ...VALID_OBJECT, workshops: [workshop] }));
        }),
        { numRuns: 2000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it('on an alias bomb and an unresolved alias', () => {
    // Ten to the eighth values from a few hundred bytes.
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const error = only(parseCatalog(lines.join('\n')));
    expect(error.code).toBe('syntax');
    expect(error.message).toContain('alias');
    expect(only(parseCatalog('title: *nowhere\n'))).toMatchObject({ code: 'syntax', line: 1, column: 8 });
  });
});

describe('parseCatalog RRULE text', () => {
  const withRule = (rrule: string) =>
    VALID_YAML.replace(
      '        timeZone: America/New_York\n',
      `        timeZone: America/New_York\n        recurrence:\n          rrule: "${rrule}"\n`,
    );

  it.each([
    'FREQ=WEEKLY;BYDAY=TH;COUNT=10',
    'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260612T235959Z',
    'FREQ=MONTHLY;BYMONTHDAY=-1;INTERVAL=2',
    'freq=weekly;byday=mo,we',
    'FREQ=YEARLY;BYMONTH=1,4,9;BYDAY=2TU;WKST=SU',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;UNTIL=20260601',
  ])('accepts %s', (rrule) => {
    expect(parseCatalog(withRule(rrule)).ok).toBe(true);
  });

  it.each([
    ['FREQ=FORTNIGHTLY', 'FREQ=FORTNIGHTLY is not a frequency; use one of'],
    ['BYDAY=MO', 'FREQ is required'],
    ['FREQ=WEEKLY;BYDAY=MON', 'BYDAY: "MON" is not a weekday'],
    ['FREQ=MONTHLY;BYDAY=6MO', 'BYDAY=6MO can never happen: a month has at most 5 of any weekday'],
    ['FREQ=WEEKLY;BYDAY=2TH', 'BYDAY with an ordinal (like 2MO) needs FREQ=MONTHLY or FREQ=YEARLY'],
    ['FREQ=YEARLY;BYDAY=54MO', 'BYDAY: "54MO" is not a weekday'],
    ['FREQ=WEEKLY;COUNT=0', 'COUNT=0 must be a whole number of at least 1'],
    ['FREQ=WEEKLY;INTERVAL=two', 'INTERVAL=TWO must be a whole number'],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20260601', 'COUNT and UNTIL cannot both be given'],
    ['FREQ=WEEKLY;UNTIL=2026-06-01', 'UNTIL=2026-06-01 is not a date'],
    ['FREQ=WEEKLY;UNTIL=20260231', 'UNTIL=20260231 is not a date'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY: "32" is not a day of the month'],
    ['FREQ=YEARLY;BYMONTH=0', 'BYMONTH: "0" is not a month'],
    ['FREQ=DAILY;BYHOUR=-1', 'BYHOUR: "-1" is not an hour'],
    ['FREQ=WEEKLY;FREQ=DAILY', 'FREQ is given more than once'],
    ['FREQ=WEEKLY;BYDAYS=MO', 'unknown RRULE part "BYDAYS"'],
    ['FREQ=WEEKLY;WKST=XX', 'WKST=XX is not a weekday'],
  ])('rejects %s', (rrule, message) => {
    const error = only(parseCatalog(withRule(rrule)));
    expect(error).toMatchObject({
      code: 'invalid_rrule',
      pathText: 'workshops[0].sessions[0].recurrence.rrule',
      line: 19,
      column: 18,
      value: rrule,
    });
    expect(error.message).toContain(message);
    expect(error.message).toContain(`"${rrule}"`);
  });

  it('rejects a well-formed rule that can never produce an occurrence', () => {
    const error = only(parseCatalog(withRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')));
    expect(error).toMatchObject({ pathText: 'workshops[0].sessions[0].recurrence.rrule', line: 19 });
    expect(['impossible_rrule', 'invalid_rrule']).toContain(error.code);
    expect(error.message).toContain('BYMONTHDAY=30');
    const never = only(parseCatalog(withRule('FREQ=MONTHLY;BYMONTH=2;BYDAY=5MO;BYMONTHDAY=1,2,3,4,5,6,7')));
    expect(never.code).toBe('impossible_rrule');
    expect(never.message).toContain('can never produce an occurrence');
  });
});
