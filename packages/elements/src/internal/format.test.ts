import { describe, expect, it } from 'vitest';
import { formatDate, formatOccurrenceTimes, formatPartialDate, formatRange, localDate, normalizeSpaces, occurrenceEnded } from './format.js';

const occurrence = { start: '2026-01-08T15:00:00.000-05:00', end: '2026-01-08T16:00:00.000-05:00', timeZone: 'America/New_York' };

describe('formatRange', () => {
  it('formats a same-day range in the event zone with the zone name', () => {
    expect(normalizeSpaces(formatRange(occurrence.start, occurrence.end, 'en-US', occurrence.timeZone))).toBe('Thursday, January 8, 2026, 3:00 – 4:00 PM EST');
  });

  it('formats in Spanish', () => {
    expect(normalizeSpaces(formatRange(occurrence.start, occurrence.end, 'es', occurrence.timeZone))).toMatch(/^jueves, 8 de enero de 2026, 15:00.16:00/);
  });

  it('shows the whole of both ends when a range crosses midnight in the zone', () => {
    const text = normalizeSpaces(formatRange('2026-01-08T23:00:00Z', '2026-01-09T01:00:00Z', 'en-US', 'UTC'));
    expect(text).toContain('January 8');
    expect(text).toContain('January 9');
  });
});

describe('formatOccurrenceTimes', () => {
  it('adds the viewer zone when its clock differs', () => {
    const times = formatOccurrenceTimes(occurrence, 'en-US', 'Europe/Berlin');
    expect(normalizeSpaces(times.viewer ?? '')).toBe('Thursday, January 8, 2026, 9:00 – 10:00 PM GMT+1');
  });

  it('omits the viewer zone when it shows the same clock under another name', () => {
    expect(formatOccurrenceTimes(occurrence, 'en-US', 'America/Toronto').viewer).toBeUndefined();
    expect(formatOccurrenceTimes(occurrence, 'en-US', 'America/New_York').viewer).toBeUndefined();
  });

  it('compares clocks at the session itself on the day a zone changes offset', () => {
    // 8 March 2026: New York moves from UTC-5 to UTC-4 at 07:00 UTC; Bogotá stays at UTC-5.
    const bogota = (start: string, end: string) => ({ start, end, timeZone: 'America/Bogota' });
    // Same day, two answers: the offsets are compared at the session's own start and end.
    expect(formatOccurrenceTimes(bogota('2026-03-08T15:00:00Z', '2026-03-08T16:00:00Z'), 'en-US', 'America/New_York').viewer).toBeDefined();
    expect(formatOccurrenceTimes(bogota('2026-03-08T05:00:00Z', '2026-03-08T05:30:00Z'), 'en-US', 'America/New_York').viewer).toBeUndefined();
  });
});

describe('formatDate', () => {
  it('takes the date in the given zone, not the host zone', () => {
    expect(formatDate('2026-01-13T03:00:00Z', 'en-GB', 'America/Chicago')).toBe('12 January 2026');
    expect(formatDate('2026-01-13T03:00:00Z', 'en-GB', 'Asia/Kolkata')).toBe('13 January 2026');
  });
});

describe('formatPartialDate', () => {
  it('shows a year, a month or a day as precise as the catalog gives it', () => {
    expect(formatPartialDate('2022', 'en-US')).toBe('2022');
    expect(formatPartialDate('2019-10', 'en-US')).toBe('October 2019');
    expect(formatPartialDate('2022-09-28', 'en-US')).toBe('September 28, 2022');
    expect(formatPartialDate('2022-09-28', 'es')).toBe('28 de septiembre de 2022');
  });

  it('keeps the first and last day of the year in any host zone', () => {
    expect(formatPartialDate('2026-01-01', 'en-GB')).toBe('1 January 2026');
    expect(formatPartialDate('2025-12-31', 'en-GB')).toBe('31 December 2025');
  });

  it('leaves text that is not a real date as written', () => {
    for (const text of ['Fall 2022', '2022-13', '2023-02-29', '2022-9-28', '22', '']) expect(formatPartialDate(text, 'en-US')).toBe(text);
  });
});

describe('times the catalog marks unknown', () => {
  const o = { start: '2026-01-08T00:00:00.000-05:00', end: '2026-01-08T01:00:00.000-05:00', timeZone: 'America/New_York', timeUnknown: true };

  it('are shown as the date in the session zone and "time to be announced", never as a clock time', () => {
    const times = formatOccurrenceTimes(o, 'en-US', 'America/Los_Angeles');
    expect(normalizeSpaces(times.event)).toBe('January 8, 2026 · time to be announced');
    expect(times.viewer).toBeUndefined();
    expect(normalizeSpaces(formatOccurrenceTimes({ ...o, end: '2026-01-09T01:00:00.000-05:00' }, 'en-US', 'UTC').event)).toBe('January 8 – 9, 2026 · time to be announced');
  });

  it('end when their last date has passed in their zone', () => {
    expect(occurrenceEnded(o, new Date('2026-01-08T20:00:00Z'))).toBe(false);
    expect(occurrenceEnded(o, new Date('2026-01-09T04:59:00Z'))).toBe(false);
    expect(occurrenceEnded(o, new Date('2026-01-09T05:00:00Z'))).toBe(true);
    expect(occurrenceEnded({ ...o, timeUnknown: undefined }, new Date('2026-01-08T20:00:00Z'))).toBe(true);
    expect(localDate('2026-01-08T00:00:00.000-05:00', 'Asia/Kolkata')).toBe('2026-01-08');
    expect(localDate('2026-01-08T00:00:00.000-05:00', 'America/Los_Angeles')).toBe('2026-01-07');
  });
});
