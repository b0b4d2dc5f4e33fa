import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatingFromLocal, floatingFromParts, instantMs, isoWithOffset, localFromFloating } from './floating.js';

describe('floating times', () => {
  it('write wall-clock readings the way the catalog does, seconds only when present', () => {
    expect(localFromFloating(floatingFromParts(2026, 1, 8, 15, 0, 0))).toBe('2026-01-08T15:00');
    expect(localFromFloating(floatingFromParts(2026, 1, 8, 15, 4, 5))).toBe('2026-01-08T15:04:05');
    expect(localFromFloating(floatingFromParts(1899, 12, 31, 23, 59))).toBe('1899-12-31T23:59');
    expect(localFromFloating(floatingFromParts(50, 3, 1, 0, 0))).toBe('0050-03-01T00:00');
  });

  it('write instants with their offset, milliseconds included', () => {
    expect(isoWithOffset(Date.UTC(2026, 0, 8, 20, 0, 0, 7), -300)).toBe('2026-01-08T15:00:00.007-05:00');
    expect(isoWithOffset(Date.UTC(2026, 0, 8, 20, 0, 0, 0), 345)).toBe('2026-01-09T01:45:00.000+05:45');
    expect(isoWithOffset(Date.UTC(1969, 11, 31, 23, 59, 59, 999), 0)).toBe('1969-12-31T23:59:59.999+00:00');
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 12), -210)).toBe('2026-07-01T08:30:00.000-03:30');
  });

  it('round-trip any reading, and agree with Date on what an offset string means', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }), fc.integer({ min: -720, max: 840 }), (date, offset) => {
        const t = Math.floor(date.getTime() / 1000) * 1000;
        expect(floatingFromLocal(localFromFloating(t))).toBe(t);
        expect(Date.parse(isoWithOffset(date.getTime(), offset))).toBe(date.getTime());
      }),
      { numRuns: 1000 },
    );
  });

  it('accept only instants that say their offset', () => {
    expect(instantMs('2026-01-08T15:00:00-05:00')).toBe(Date.UTC(2026, 0, 8, 20));
    expect(instantMs('2026-01-08T20:00Z')).toBe(Date.UTC(2026, 0, 8, 20));
    expect(instantMs(new Date(5))).toBe(5);
    expect(instantMs('2026-01-08T15:00:00')).toBeNaN();
    expect(instantMs('2026-01-08')).toBeNaN();
  });
});
