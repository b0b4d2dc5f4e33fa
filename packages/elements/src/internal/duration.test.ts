import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { StatedDuration } from '@mentorkit/core/browser';
import { formatDuration, formatDurationByUnits, formatStatedDuration, minutesToParts, statedDurationIso, toIsoDuration, type DurationParts } from './duration.js';
import { loadMessages, withMessagesLocale } from './localize.js';
import { durationMinutes, parseIsoDuration, sumMinutes } from './iso-duration.js';

const plain = (s: string) => s.replace(/[\u202f\u00a0\u2009]/g, ' ');

describe('parseIsoDuration', () => {
  it.each([
    ['PT90M', { minutes: 90 }],
    ['PT1H30M', { hours: 1, minutes: 30 }],
    ['P2W', { weeks: 2 }],
    ['P1DT2H', { days: 1, hours: 2 }],
    ['PT4M30S', { minutes: 4, seconds: 30 }],
    ['PT1.5H', { hours: 1.5 }],
    ['pt45m', { minutes: 45 }],
    ['P1Y2M', { years: 1, months: 2 }],
  ])('reads %s', (text, parts) => {
    expect(parseIsoDuration(text)).toEqual(parts);
  });

  it.each(['', 'P', 'PT', '90 minutes', 'P1H', 'PT1D', 'PT-5M', '1H', 'P1DT'])('rejects %j', (text) => {
    expect(parseIsoDuration(text)).toBeUndefined();
  });

  it('round-trips through toIsoDuration', () => {
    const part = fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined });
    fc.assert(
      fc.property(fc.record({ weeks: part, days: part, hours: part, minutes: part, seconds: part }), (raw) => {
        const parts = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as DurationParts;
        fc.pre(Object.keys(parts).length > 0);
        expect(parseIsoDuration(toIsoDuration(parts))).toEqual(parts);
      }),
    );
  });
});

describe('formatDuration', () => {
  it('keeps the units the author wrote', () => {
    expect(plain(formatDuration({ minutes: 90 }, 'en'))).toBe('90 min');
    expect(plain(formatDuration({ hours: 1, minutes: 30 }, 'en'))).toMatch(/^1 hr,? 30 min$/);
  });

  it('formats in Spanish', () => {
    expect(plain(formatDuration({ minutes: 90 }, 'es'))).toBe('90 min');
    expect(plain(formatDuration({ hours: 2 }, 'es'))).toBe('2 h');
  });

  it('has a fallback without Intl.DurationFormat that reads the same way', () => {
    expect(plain(formatDurationByUnits({ minutes: 90 }, 'en'))).toBe('90 min');
    expect(plain(formatDurationByUnits({ hours: 1, minutes: 30 }, 'en'))).toBe('1 hr, 30 min');
    expect(plain(formatDurationByUnits({ hours: 1, minutes: 30 }, 'es'))).toBe('1 h y 30 min');
    expect(plain(formatDurationByUnits({}, 'en'))).toBe('0 min');
  });

  it('formats fractional values (which DurationFormat rejects)', () => {
    expect(plain(formatDuration({ hours: 1.5 }, 'en'))).toBe('1.5 hr');
  });
});

describe('sums', () => {
  it('adds module durations in minutes', () => {
    expect(sumMinutes(['PT20M', 'PT25M', 'PT1H'])).toBe(105);
    expect(sumMinutes(['PT6M', 'PT7M30S'])).toBe(13.5);
  });

  it('gives up when one is missing or uses calendar units', () => {
    expect(sumMinutes(['PT20M', undefined])).toBeUndefined();
    expect(sumMinutes(['P1M'])).toBeUndefined();
    expect(sumMinutes([])).toBeUndefined();
  });

  it('turns minutes back into parts, with hours only when asked', () => {
    expect(minutesToParts(90, true)).toEqual({ hours: 1, minutes: 30 });
    expect(minutesToParts(90, false)).toEqual({ minutes: 90 });
    expect(minutesToParts(18.5, false)).toEqual({ minutes: 18, seconds: 30 });
    expect(minutesToParts(120, true)).toEqual({ hours: 2 });
    expect(minutesToParts(0, true)).toEqual({ minutes: 0 });
  });

  it('counts minutes of a parsed duration', () => {
    expect(durationMinutes({ days: 1, hours: 1, seconds: 30 })).toBe(24 * 60 + 60.5);
    expect(durationMinutes({ months: 1 })).toBeUndefined();
  });
});

describe('formatStatedDuration', () => {
  it('shows the author’s label as given, else the value in its own unit', () => {
    expect(formatStatedDuration({ unit: 'half-days', amount: 1, label: 'Half day' }, 'en')).toBe('Half day');
    expect(formatStatedDuration({ unit: 'days', amount: 2, label: 'Two days' }, 'en')).toBe('Two days');
    expect(plain(formatStatedDuration({ unit: 'minutes', min: 60, max: 90 }, 'en'))).toBe('60–90 min');
    expect(formatStatedDuration({ unit: 'days', amount: 2 }, 'en')).toBe('2 days');
    expect(formatStatedDuration({ unit: 'half-days', amount: 3 }, 'en')).toBe('3 half days');
    expect(statedDurationIso({ unit: 'days', amount: 2 })).toBe('P2D');
  });

  it('words half days from the Spanish messages under es', async () => {
    await loadMessages('es');
    const es = (d: StatedDuration) => withMessagesLocale('es', () => formatStatedDuration(d, 'es'));
    expect(es({ unit: 'half-days', amount: 1 })).toBe('Media jornada');
    expect(es({ unit: 'half-days', amount: 2 })).toBe('2 medias jornadas');
    expect(es({ unit: 'half-days', min: 1, max: 2 })).toBe('1–2 medias jornadas');
    expect(es({ unit: 'days', amount: 2 })).toBe('2 días');
    expect(es({ unit: 'half-days', amount: 1, label: 'Half day' })).toBe('Half day');
  });

  it('never turns a day-based length into minutes or hours (property)', () => {
    const dayBased = fc.record({
      unit: fc.constantFrom('half-days' as const, 'days' as const),
      amount: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(dayBased, fc.constantFrom('en', 'es'), (d, locale) => {
        const text = withMessagesLocale(locale, () => formatStatedDuration(d, locale));
        expect(text).not.toMatch(/min|hr|hora|\bh\b/i);
        for (const n of (text.match(/\d+/g) ?? []).map(Number)) expect(n).toBe(d.amount);
      }),
    );
  });
});
