import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant, requireInstant } from './instant.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('parseInstant', () => {
  it.each([
    ['2026-01-08T15:00:00.000-05:00', Date.UTC(2026, 0, 8, 20)],
    ['2026-01-08T15:00-05:00', Date.UTC(2026, 0, 8, 20)],
    ['2026-01-08T20:00Z', Date.UTC(2026, 0, 8, 20)],
    ['2026-01-08T20:00:01.5Z', Date.UTC(2026, 0, 8, 20, 0, 1, 500)],
    ['2026-01-08T20:00:01.123456789Z', Date.UTC(2026, 0, 8, 20, 0, 1, 123)],
    ['2024-02-29T00:00:00+05:45', Date.UTC(2024, 1, 28, 18, 15)],
    ['0099-12-31T23:59:59Z', Date.parse('0099-12-31T23:59:59Z')],
  ])('reads %s', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it.each([
    '2026-01-08T15:00', // no offset: would be read in the host's zone
    '2026-01-08 15:00Z',
    '2026-13-08T15:00Z',
    '2026-02-29T15:00Z',
    '2026-04-31T15:00Z',
    '2026-01-08T24:00Z',
    '2026-01-08T15:60Z',
    '2026-01-08T15:00:60Z',
    '2026-01-08T15:00:00.Z',
    '2026-01-08T15:00+0500',
    '2026-01-08T15:00+24:00',
    '2026-01-08T15:00Zjunk',
    'Thu, 08 Jan 2026 15:00:00 GMT',
    '',
  ])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeNaN();
  });

  it('agrees with Date.parse on every well-formed instant (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.constantFrom('minutes', 'seconds', 'millis'),
        (ms, offset, precision) => {
          const local = new Date(ms + offset * 60_000);
          const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
          const time =
            precision === 'minutes'
              ? `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
              : `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${precision === 'millis' ? `.${pad(local.getUTCMilliseconds(), 3)}` : ''}`;
          const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const text = `${date}T${time}${zone}`;
          expect(parseInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('requireInstant names what was wrong', () => {
    expect(() => requireInstant('2026-01-08T15:00', () => 'window.closes')).toThrow(
      'window.closes must be an ISO instant with an offset, e.g. 2026-01-08T15:00:00-05:00; got "2026-01-08T15:00"',
    );
  });
});
