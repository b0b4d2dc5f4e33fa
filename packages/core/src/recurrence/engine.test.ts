import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleStarts } from './engine.js';
import { RecurrenceError } from './errors.js';
import { floatingFromParts } from './floating.js';
import { parseRecurrenceRule } from './rule.js';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Both engines' result, or the error code each threw. */
function run(rrule: string, dtstart: number, options: Parameters<typeof ruleStarts>[2], engine: 'auto' | 'rrule'): number[] | string {
  const parsed = parseRecurrenceRule(rrule);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  try {
    return ruleStarts(parsed.rule, dtstart, options, engine);
  } catch (error) {
    if (error instanceof RecurrenceError) return error.code;
    throw error;
  }
}

describe('the DAILY/WEEKLY/MONTHLY fast paths', () => {
  it('gives exactly what the rrule walk gives, for any plain daily or weekly rule', () => {
    fc.assert(
      fc.property(
        fc.record({
          weekly: fc.boolean(),
          interval: fc.integer({ min: 1, max: 4 }),
          days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }),
          wkst: fc.integer({ min: 0, max: 6 }),
          end: fc.oneof(fc.record({ count: fc.integer({ min: 1, max: 30 }) }), fc.record({ untilDays: fc.integer({ min: 0, max: 200 }) }), fc.constant({})),
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
          fromDays: fc.option(fc.integer({ min: -10, max: 300 }), { nil: undefined }),
          windowDays: fc.integer({ min: 1, max: 400 }),
          includeDtstart: fc.boolean(),
          cap: fc.constantFrom(5, 50, 10_000),
        }),
        (c) => {
          const dtstart = floatingFromParts(2026, 3, c.day, c.hour, c.minute);
          const parts = [`FREQ=${c.weekly ? 'WEEKLY' : 'DAILY'}`, `INTERVAL=${c.interval}`, `WKST=${DAYS[c.wkst]}`];
          if (c.days.length > 0) parts.push(`BYDAY=${c.days.map((d) => DAYS[d]).join(',')}`);
          if ('count' in c.end) parts.push(`COUNT=${c.end.count}`);
          const until = 'untilDays' in c.end ? dtstart + c.end.untilDays * 86_400_000 : undefined;
          const options = {
            stopAt: dtstart + c.windowDays * 86_400_000,
            cap: c.cap,
            includeDtstart: c.includeDtstart,
            ...(until !== undefined ? { until } : {}),
            ...(c.fromDays !== undefined ? { from: dtstart + c.fromDays * 86_400_000 } : {}),
          };
          const rule = parts.join(';');
          expect(run(rule, dtstart, options, 'auto'), rule).toEqual(run(rule, dtstart, options, 'rrule'));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives exactly what the rrule walk gives, for monthly rules by day of the month or by ordinal weekday', () => {
    fc.assert(
      fc.property(
        fc.record({
          interval: fc.integer({ min: 1, max: 3 }),
          kind: fc.constantFrom('none', 'monthday', 'ordinal'),
          monthDays: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -31, max: -1 })), { minLength: 1, maxLength: 3 }),
          ordinals: fc.uniqueArray(fc.record({ n: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: -5, max: -1 })), d: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 3, selector: (o) => `${o.n}${o.d}` }),
          end: fc.oneof(fc.record({ count: fc.integer({ min: 1, max: 20 }) }), fc.record({ untilDays: fc.integer({ min: 0, max: 500 }) }), fc.constant({})),
          day: fc.integer({ min: 1, max: 31 }),
          hour: fc.integer({ min: 0, max: 23 }),
          fromDays: fc.option(fc.integer({ min: -10, max: 600 }), { nil: undefined }),
          windowDays: fc.integer({ min: 1, max: 800 }),
          includeDtstart: fc.boolean(),
          cap: fc.constantFrom(3, 40, 10_000),
        }),
        (c) => {
          const dtstart = floatingFromParts(2026, 1, c.day, c.hour, 30);
          const parts = ['FREQ=MONTHLY', `INTERVAL=${c.interval}`];
          if (c.kind === 'monthday') parts.push(`BYMONTHDAY=${c.monthDays.join(',')}`);
          if (c.kind === 'ordinal') parts.push(`BYDAY=${c.ordinals.map((o) => `${o.n}${DAYS[o.d]}`).join(',')}`);
          if ('count' in c.end) parts.push(`COUNT=${c.end.count}`);
          const until = 'untilDays' in c.end ? dtstart + c.end.untilDays * 86_400_000 : undefined;
          const options = {
            stopAt: dtstart + c.windowDays * 86_400_000,
            cap: c.cap,
            includeDtstart: c.includeDtstart,
            ...(until !== undefined ? { until } : {}),
            ...(c.fromDays !== undefined ? { from: dtstart + c.fromDays * 86_400_000 } : {}),
          };
          const rule = parts.join(';');
          expect(run(rule, dtstart, options, 'auto'), rule).toEqual(run(rule, dtstart, options, 'rrule'));
        },
      ),
      { numRuns: 400 },
    );
  });
});
