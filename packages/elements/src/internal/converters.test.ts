import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toHeadingLevel } from './converters.js';

describe('toHeadingLevel', () => {
  it.each([
    [2, 3, 1, 2],
    ['4', 3, 1, 4],
    [4.7, 3, 1, 4],
    [0, 3, 1, 1],
    [-2, 3, 1, 1],
    [9, 3, 1, 6],
    ['1', 3, 2, 2],
    [1, 2, 1, 1],
    ['seven', 3, 1, 3],
    ['', 2, 1, 2],
    [Number.NaN, 3, 2, 3],
    [Number.POSITIVE_INFINITY, 3, 1, 3],
    [null, 3, 1, 3],
    [undefined, 2, 1, 2],
    [{ valueOf: (): number => 4 }, 3, 1, 3],
  ] as const)('reads %o (fallback %i, min %i) as %i', (value, fallback, min, level) => {
    expect(toHeadingLevel(value, fallback, min)).toBe(level);
  });

  it('always gives a level the page can use, within min–6, or the fallback', () => {
    fc.assert(
      fc.property(fc.anything(), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (value, fallback, min) => {
        const level = toHeadingLevel(value, fallback, min);
        expect(level === fallback || (Number.isInteger(level) && level >= min && level <= 6)).toBe(true);
      }),
    );
  });
});
