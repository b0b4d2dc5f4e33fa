import * as fc from 'fast-check';
import { DateTime, Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalDateTimeSchema, TimeZoneSchema, splitLocalDateTime } from './time.schema.js';
import { resolveWallClock, startOfLocalDate, toInstant } from './zoned.js';

const iso = (local: string, zone: string) => {
  const r = resolveWallClock(local, zone);
  return r.ok ? [r.instant.toISO(), r.ambiguous] : [r.problem.kind, r.problem.message];
};

describe('resolveWallClock', () => {
  afterEach(() => {
    Settings.now = () => Date.now();
  });

  it.each([
    ['2026-03-08T01:59', 'America/New_York', '2026-03-08T01:59:00.000-05:00'],
    ['2026-03-08T03:00', 'America/New_York', '2026-03-08T03:00:00.000-04:00'],
    ['2026-03-29T03:00', 'Europe/Berlin', '2026-03-29T03:00:00.000+02:00'],
    ['2026-10-04T02:30', 'Australia/Lord_Howe', '2026-10-04T02:30:00.000+11:00'],
    ['2026-07-01T10:00', 'Asia/Kolkata', '2026-07-01T10:00:00.000+05:30'],
  ])('%s in %s is %s', (local, zone, expected) => {
    expect(iso(local, zone)).toEqual([expected, false]);
  });

  it.each([
    ['2026-03-08T02:30', 'America/New_York', '2026-03-08T03:30'],
    ['2026-03-29T02:00', 'Europe/Berlin', '2026-03-29T03:00'],
    ['2026-10-04T02:15', 'Australia/Lord_Howe', '2026-10-04T02:45'],
  ])('%s does not exist in %s (nearest valid: %s)', (local, zone, nearest) => {
    const [kind, message] = iso(local, zone);
    expect(kind).toBe('nonexistent');
    expect(message).toBe(`${local} does not exist in ${zone}: the clocks skip it for daylight saving time (the nearest valid time is ${nearest})`);
  });

  it.each([
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T01:30:00.000-04:00'],
    ['2026-10-25T02:30', 'Europe/Berlin', '2026-10-25T02:30:00.000+02:00'],
    ['2026-04-05T01:45', 'Australia/Lord_Howe', '2026-04-05T01:45:00.000+11:00'],
  ])('%s happens twice in %s: the first, %s', (local, zone, expected) => {
    expect(iso(local, zone)).toEqual([expected, true]);
  });

  // Years when a zone's offset is two changes away from today's: British Double Summer Time (+2) in 1941,
  // Moscow's +3 → +4 → +3 in 2011–2014. luxon's fromObject guesses from today's offset and went wrong here.
  it.each([
    ['1941-05-04T01:00', 'Europe/London', '1941-05-04T01:00:00.000+01:00', false],
    ['1941-05-04T01:59', 'Europe/London', '1941-05-04T01:59:00.000+01:00', false],
    ['1941-05-04T03:00', 'Europe/London', '1941-05-04T03:00:00.000+02:00', false],
    ['1941-08-10T02:30', 'Europe/London', '1941-08-10T02:30:00.000+02:00', true],
  ])('%s in %s is %s (ambiguous: %s), whatever the day it is asked', (local, zone, expected, ambiguous) => {
    for (const today of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) {
      Settings.now = () => today;
      expect(iso(local, zone)).toEqual([expected, ambiguous]);
    }
  });

  it('finds every reading a zone shows, as its first instant (property)', () => {
    const zones = ['Europe/London', 'Europe/Moscow', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Apia', 'America/Santiago', 'Asia/Tehran'];
    const instants = fc.integer({ min: Date.UTC(1900, 0, 1) / 60_000, max: Date.UTC(2100, 0, 1) / 60_000 }).map((m) => m * 60_000);
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (t, zone) => {
        // With seconds: offsets of local mean time have them (Tehran was +03:25:44 until 1935).
        const shown = DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
        const result = resolveWallClock(shown, zone);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.instant.toFormat("yyyy-MM-dd'T'HH:mm:ss")).toBe(shown);
        expect(result.instant.offset).toBe(result.instant.zone.offset(result.instant.toMillis()));
        if (result.instant.toMillis() !== t) expect([result.ambiguous, result.instant.toMillis() < t]).toEqual([true, true]);
      }),
      { numRuns: 5_000 },
    );
  });

  it('toInstant throws for a skipped time and startOfLocalDate finds midnight', () => {
    expect(() => toInstant('2026-03-08T02:30', 'America/New_York')).toThrow(RangeError);
    expect(toInstant('2026-01-08T15:00', 'America/New_York').toUTC().toISO()).toBe('2026-01-08T20:00:00.000Z');
    expect(startOfLocalDate('2026-03-29', 'Europe/Berlin').toISO()).toBe('2026-03-29T00:00:00.000+01:00');
  });
});

describe('time schemas', () => {
  it('accept wall-clock readings and IANA zones, and reject the rest with a sentence', () => {
    expect(LocalDateTimeSchema.safeParse('2026-01-08T15:00').success).toBe(true);
    expect(LocalDateTimeSchema.safeParse('2026-02-30T15:00').success).toBe(false);
    expect(LocalDateTimeSchema.safeParse('2026-01-08T15:00Z').success).toBe(false);
    expect(TimeZoneSchema.safeParse('Australia/Lord_Howe').success).toBe(true);
    const est = TimeZoneSchema.safeParse('EST');
    expect(est.success ? '' : est.error.issues[0]?.message).toMatch(/not an abbreviation like EST/);
    expect(splitLocalDateTime('2026-01-08T15:04:05')).toEqual({ year: 2026, month: 1, day: 8, hour: 15, minute: 4, second: 5 });
  });
});
