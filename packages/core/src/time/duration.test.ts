import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStatedDuration, statedDurationIso, type StatedDuration } from './duration-text.js';
import { StatedDurationSchema } from './duration.schema.js';

const issues = (input: unknown) => {
  const r = StatedDurationSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('StatedDurationSchema', () => {
  it('accepts an amount, a range, half days and days, with a label', () => {
    expect(issues({ unit: 'minutes', amount: 90 })).toEqual([]);
    expect(issues({ unit: 'minutes', min: 60, max: 90 })).toEqual([]);
    expect(issues({ unit: 'half-days', amount: 1, label: 'Half day' })).toEqual([]);
    expect(issues({ unit: 'days', amount: 2, label: 'Two days' })).toEqual([]);
    expect(issues({ unit: 'hours', amount: 1.5 })).toEqual([]);
  });

  it('rejects what states no length, or two, with the path of the problem', () => {
    expect(issues({ unit: 'days' })).toEqual(['amount: a duration needs an amount, or a range with min and max']);
    expect(issues({ unit: 'days', amount: 2, min: 1, max: 3 })).toEqual(['amount: give either amount or min and max, not both']);
    expect(issues({ unit: 'minutes', min: 60 })).toEqual(['max: a range needs max as well as min']);
    expect(issues({ unit: 'minutes', max: 90 })).toEqual(['min: a range needs min as well as max']);
    expect(issues({ unit: 'minutes', min: 90, max: 60 })).toEqual(['max: max (60) must be more than min (90)']);
    expect(issues({ unit: 'minutes', amount: 7.5 })).toEqual(['amount: minutes are counted in whole numbers (got 7.5)']);
    expect(issues({ unit: 'half-days', amount: 1.5 })).toEqual(['amount: half-days are counted in whole numbers (got 1.5)']);
    expect(issues({ unit: 'days', amount: 0 })).toEqual(['amount: must be more than 0']);
    expect(issues({ unit: 'weeks', amount: 2 })[0]).toMatch(/^unit: /);
    expect(issues({ unit: 'days', amount: 2, label: '  ' })).toEqual(['label: must not be empty']);
    expect(issues({ unit: 'days', amount: 2, minutes: 960 })[0]).toMatch(/minutes/);
  });
});

describe('formatStatedDuration', () => {
  it('shows the author’s label as given', () => {
    expect(formatStatedDuration({ unit: 'half-days', amount: 1, label: 'Half day' }, 'en')).toBe('Half day');
    expect(formatStatedDuration({ unit: 'days', amount: 2, label: 'Two days' }, 'es')).toBe('Two days');
    expect(formatStatedDuration({ unit: 'minutes', amount: 90, label: '<b>90</b> minutes' }, 'en')).toBe('<b>90</b> minutes');
  });

  it('renders the value faithfully when there is no label, in English and Spanish', () => {
    expect(formatStatedDuration({ unit: 'minutes', min: 60, max: 90 }, 'en')).toBe('60–90 min');
    expect(formatStatedDuration({ unit: 'minutes', amount: 90 }, 'en')).toBe('90 min');
    expect(formatStatedDuration({ unit: 'half-days', amount: 1 }, 'en')).toBe('Half day');
    expect(formatStatedDuration({ unit: 'half-days', amount: 3 }, 'en')).toBe('3 half days');
    expect(formatStatedDuration({ unit: 'half-days', min: 1, max: 2 }, 'en')).toBe('1–2 half days');
    expect(formatStatedDuration({ unit: 'days', amount: 1 }, 'en')).toBe('1 day');
    expect(formatStatedDuration({ unit: 'days', amount: 2 }, 'en')).toBe('2 days');
    expect(formatStatedDuration({ unit: 'days', min: 2, max: 3 }, 'en')).toBe('2–3 days');
    expect(formatStatedDuration({ unit: 'half-days', amount: 1 }, 'es')).toBe('Media jornada');
    expect(formatStatedDuration({ unit: 'half-days', amount: 2 }, 'es-MX')).toBe('2 medias jornadas');
    expect(formatStatedDuration({ unit: 'days', amount: 2 }, 'es')).toBe('2 días');
    expect(formatStatedDuration({ unit: 'minutes', min: 60, max: 90 }, 'es')).toMatch(/^60\s?[-–]\s?90 min$/);
  });

  it('never turns a day-based length into minutes or hours (property)', () => {
    const dayBased = fc.oneof(
      fc.record({ unit: fc.constant('half-days' as const), amount: fc.integer({ min: 1, max: 20 }) }),
      fc.record({ unit: fc.constant('days' as const), amount: fc.integer({ min: 1, max: 60 }) }),
      fc
        .tuple(fc.constantFrom('half-days' as const, 'days' as const), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }))
        .map(([unit, a, b]): StatedDuration => ({ unit, min: a, max: a + b })),
    );
    fc.assert(
      fc.property(dayBased, fc.constantFrom('en', 'en-GB', 'es', 'es-MX'), (d: StatedDuration, locale) => {
        const text = formatStatedDuration(d, locale);
        // No clock unit, and no number the author did not write (e.g. 480 for a day, 240 for a half day).
        expect(text).not.toMatch(/min|hr|hora|hour|\bh\b/i);
        const stated = [d.amount, d.min, d.max].filter((n): n is number => n !== undefined);
        const numbers = (text.match(/\d+/g) ?? []).map(Number);
        for (const n of numbers) expect(stated).toContain(n);
        if (d.unit === 'half-days' && d.amount === 1) expect(numbers).toEqual([]);
        expect(statedDurationIso(d) ?? '').not.toMatch(/T/);
      }),
    );
  });

  it('gives a datetime only for one exact amount in whole units', () => {
    expect(statedDurationIso({ unit: 'minutes', amount: 90 })).toBe('PT90M');
    expect(statedDurationIso({ unit: 'days', amount: 2 })).toBe('P2D');
    expect(statedDurationIso({ unit: 'minutes', min: 60, max: 90 })).toBeUndefined();
    expect(statedDurationIso({ unit: 'half-days', amount: 1 })).toBeUndefined();
  });
});
