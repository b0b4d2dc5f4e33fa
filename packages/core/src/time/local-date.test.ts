import { describe, expect, it } from 'vitest';
import { dayAfter, localDateOf, occurrenceEnded } from './local-date.js';

describe('localDateOf', () => {
  it('gives the calendar date of an instant in the zone, not in UTC', () => {
    expect(localDateOf('2026-01-09T04:59:00Z', 'America/New_York')).toBe('2026-01-08');
    expect(localDateOf('2026-01-09T05:00:00Z', 'America/New_York')).toBe('2026-01-09');
    expect(localDateOf(Date.parse('2026-01-08T12:00:00Z'), 'Pacific/Chatham')).toBe('2026-01-09');
    expect(localDateOf(new Date('2026-03-29T00:30:00Z'), 'Europe/London')).toBe('2026-03-29');
  });
});

describe('occurrenceEnded', () => {
  const o = { end: '2026-01-08T13:00:00.000-05:00', timeZone: 'America/New_York' };
  it('ends a timed occurrence at its end', () => {
    expect(occurrenceEnded(o, new Date('2026-01-08T17:59:59Z'))).toBe(false);
    expect(occurrenceEnded(o, new Date('2026-01-08T18:00:00Z'))).toBe(true);
  });
  it('keeps one whose time is unknown until its date is over in its zone', () => {
    const unknown = { ...o, timeUnknown: true };
    expect(occurrenceEnded(unknown, new Date('2026-01-09T04:59:00Z'))).toBe(false);
    expect(occurrenceEnded(unknown, new Date('2026-01-09T05:00:00Z'))).toBe(true);
  });
});

describe('dayAfter', () => {
  it('crosses month, year and leap-day ends, whatever the clock change', () => {
    expect(dayAfter('2026-01-08')).toBe('2026-01-09');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2026-03-08')).toBe('2026-03-09');
  });
});
