import { describe, expect, it } from 'vitest';
import { UsageError } from './io.js';
import { addYears, checkTimeFlag, resolveTimeFlag } from './time.js';

describe('resolveTimeFlag', () => {
  it('reads a date as the start of that day in the given zone', () => {
    expect(resolveTimeFlag('from', '2026-01-08', 'America/New_York').toISOString()).toBe('2026-01-08T05:00:00.000Z');
    expect(resolveTimeFlag('from', '2026-07-08', 'Asia/Kolkata').toISOString()).toBe('2026-07-07T18:30:00.000Z');
  });

  it('reads a time without offset as wall-clock time in the zone', () => {
    expect(resolveTimeFlag('now', '2026-07-08T09:00', 'America/Los_Angeles').toISOString()).toBe('2026-07-08T16:00:00.000Z');
  });

  it('reads an instant with an offset as written, whatever the zone', () => {
    expect(resolveTimeFlag('now', '2026-01-08T14:00:00Z', 'Asia/Kolkata').toISOString()).toBe('2026-01-08T14:00:00.000Z');
    expect(resolveTimeFlag('now', '2026-01-08T14:00:00.250+05:30', 'UTC').toISOString()).toBe('2026-01-08T08:30:00.250Z');
  });

  it('rejects a wall-clock time skipped by daylight saving time, naming the flag', () => {
    expect(() => resolveTimeFlag('now', '2026-03-08T02:30', 'America/New_York')).toThrow(/--now "2026-03-08T02:30": .*does not exist/);
  });

  it('rejects shapes it does not know and dates that do not exist, as usage errors', () => {
    expect(() => checkTimeFlag('from', 'next tuesday')).toThrow(UsageError);
    expect(() => checkTimeFlag('from', '2026-1-8')).toThrow(/--from "2026-1-8" is not a date or time/);
    expect(() => resolveTimeFlag('to', '2026-02-30', 'UTC')).toThrow(/not a real date/);
    expect(() => checkTimeFlag('to', undefined)).not.toThrow();
  });
});

describe('addYears', () => {
  it('moves by calendar years in UTC', () => {
    expect(addYears(new Date('2026-03-01T12:00:00Z'), -1).toISOString()).toBe('2025-03-01T12:00:00.000Z');
    expect(addYears(new Date('2028-02-29T00:00:00Z'), 1).toISOString()).toBe('2029-03-01T00:00:00.000Z');
  });
});
